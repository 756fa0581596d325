// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// Where the user writes: Enter sends, Shift+Enter starts a new line; Stop (or Esc) while answering.
Rectangle {
    id: composer

    property bool busy: false
    property bool canSend: true
    // How much the model thinks: the choices for the current model (none: it cannot think) and the one
    // in force, remembered per model.
    property var thinkOptions: []
    property string think: ""

    signal sendRequested(string text)
    signal stopRequested()
    signal thinkChosen(string choice)

    function thinkLabel(choice) {
        switch (choice) {
        case "off": return qsTr("Think: off")
        case "on": return qsTr("Think: on")
        case "low": return qsTr("Think: low")
        case "medium": return qsTr("Think: medium")
        case "high": return qsTr("Think: high")
        default: return qsTr("Think: auto")
        }
    }

    function clear() { input.clear() }
    function focusInput() { input.forceActiveFocus() }

    implicitHeight: frame.height + 24
    color: Theme.background

    // The text on top, as wide as the chat's column and centred under it; below it the Think control and
    // Send.
    Rectangle {
        id: frame
        objectName: "composerFrame"
        width: Math.min(parent.width - 32, Theme.chatColumnWidth)
        x: (parent.width - width) / 2
        y: 12
        height: content.height + 12
        radius: Theme.radius
        color: Theme.surface
        border.color: input.activeFocus ? Theme.accent : Theme.border

        Column {
            id: content
            x: 6
            y: 6
            width: parent.width - 12
            spacing: 2

            ScrollView {
                width: parent.width
                height: Math.min(Math.max(input.implicitHeight, 40), 200)
                TextArea {
                    id: input
                    objectName: "composerInput"
                    placeholderText: composer.canSend ? qsTr("Message the model")
                                                      : qsTr("No model to talk to yet")
                    wrapMode: TextArea.Wrap
                    background: null
                    placeholderTextColor: Theme.mutedText
                    color: Theme.text
                    font.pixelSize: 15
                    focus: true
                    Accessible.name: qsTr("Message")
                    Keys.onPressed: event => {
                        if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter)
                                && !(event.modifiers & Qt.ShiftModifier)) {
                            event.accepted = true
                            if (!composer.busy)
                                composer.sendRequested(input.text)
                        } else if (event.key === Qt.Key_Tab || event.key === Qt.Key_Backtab) {
                            // Tab moves on, as everywhere else: a message needs no tab characters, and
                            // keyboard users must not be trapped here.
                            event.accepted = true
                            const forward = event.key === Qt.Key_Tab && !(event.modifiers & Qt.ShiftModifier)
                            const next = input.nextItemInFocusChain(forward)
                            if (next)
                                next.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                        }
                    }
                }
            }
            RowLayout {
                width: parent.width
                spacing: 6
                ComboBox {
                    id: thinkPicker
                    objectName: "thinkPicker"
                    visible: composer.thinkOptions.length > 0
                    flat: true
                    font.pixelSize: 12
                    // As wide as its widest choice in this language ("Denken: automatisch"), and never
                    // narrower: the hint beside it gives way first.
                    readonly property real widestChoice: leftPadding + rightPadding + 8
                        + Math.max(0, ...composer.thinkOptions.map(choice => thinkMetrics.advanceWidth(composer.thinkLabel(choice))))
                    Layout.preferredWidth: widestChoice
                    Layout.minimumWidth: widestChoice
                    FontMetrics { id: thinkMetrics; font: thinkPicker.font }
                    // The choices themselves, not their translated labels: a model that changed with the language
                    // would reset the selection.
                    model: composer.thinkOptions
                    currentIndex: composer.thinkOptions.indexOf(composer.think)
                    displayText: composer.thinkLabel(composer.think)
                    delegate: ItemDelegate {
                        required property string modelData
                        required property int index
                        width: ListView.view ? ListView.view.width : implicitWidth
                        text: composer.thinkLabel(modelData)
                        highlighted: thinkPicker.highlightedIndex === index
                    }
                    onActivated: index => composer.thinkChosen(composer.thinkOptions[index])
                    Accessible.name: qsTr("How much the model thinks")
                    ToolTip.visible: hovered && !popup.visible
                    ToolTip.text: qsTr("How much the model reasons before it answers; remembered for this model")
                }
                Label {
                    id: hint
                    objectName: "composerHint"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignRight
                    elide: Text.ElideRight
                    font.pixelSize: 11
                    color: Theme.mutedText
                    // Where the whole hint does not fit (a wide panel, a narrow window), the half that
                    // says how to send, rather than a cut sentence.
                    readonly property string whole: composer.busy ? qsTr("Esc stops")
                                                                  : qsTr("Enter sends · Shift+Enter: new line")
                    TextMetrics { id: wholeHint; font: hint.font; text: hint.whole }
                    // Nothing to send to: said where a typed message hides the placeholder that says so.
                    text: !composer.busy && !composer.canSend ? qsTr("No model to talk to yet")
                        : composer.busy || wholeHint.advanceWidth <= width ? whole : qsTr("Enter sends")
                }
                Button {
                    objectName: "sendButton"
                    text: composer.busy ? qsTr("Stop") : qsTr("Send")
                    highlighted: !composer.busy
                    enabled: composer.busy || (composer.canSend && input.text.trim() !== "")
                    onClicked: composer.busy ? composer.stopRequested() : composer.sendRequested(input.text)
                    Accessible.name: composer.busy ? qsTr("Stop the answer") : qsTr("Send the message")
                    ToolTip.visible: hovered
                    ToolTip.text: composer.busy ? qsTr("Stop (Esc)") : qsTr("Send (Enter)")
                }
            }
        }
    }
}
