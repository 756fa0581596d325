import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// A fenced code block: monospace, its language, and a copy button.
Rectangle {
    id: block

    property string code
    property string language

    signal copyRequested(string text)

    implicitHeight: layout.implicitHeight
    implicitWidth: 400
    radius: 8
    color: Theme.codeBackground
    border.color: Theme.border

    ColumnLayout {
        id: layout
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 12
            Layout.rightMargin: 4
            Label {
                Layout.fillWidth: true
                text: block.language !== "" ? block.language : qsTr("code")
                font.pixelSize: 11
                color: Theme.mutedText
            }
            ToolButton {
                id: copyButton
                property bool copied: false
                text: copied ? qsTr("Copied") : qsTr("Copy code")
                font.pixelSize: 11
                onClicked: {
                    block.copyRequested(block.code)
                    copied = true
                    copiedTimer.restart()
                }
                Accessible.name: qsTr("Copy code")
                Timer { id: copiedTimer; interval: 1500; onTriggered: copyButton.copied = false }
            }
        }
        // Long lines wrap rather than scroll sideways: a plain TextEdit is much cheaper to create than a
        // ScrollView, which matters when a long conversation scrolls past many code blocks.
        TextEdit {
            id: codeText
            Layout.fillWidth: true
            leftPadding: 12
            rightPadding: 12
            bottomPadding: 10
            text: block.code
            readOnly: true
            selectByMouse: true
            textFormat: TextEdit.PlainText
            wrapMode: TextEdit.WrapAnywhere
            font.family: Theme.monospace
            font.pixelSize: 13
            color: Theme.text
            selectionColor: Theme.accent
        }
    }
}
