// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// A fenced code block: monospace, its language, a copy button, and lines kept whole: a long line scrolls
// sideways instead of breaking mid-word. Scrolling a long conversation creates code blocks by the hundred,
// so each is made of plain Quick items: a plain Flickable (not a ScrollView), a flat button (not a Controls
// one), and a scroll bar created only for code wider than the block.
Rectangle {
    id: block

    property string code
    property string language

    signal copyRequested(string text)

    implicitHeight: header.height + codeView.height + sideways.height
    implicitWidth: 400
    radius: 8
    color: Theme.codeBackground
    border.color: Theme.border

    Item {
        id: header
        width: parent.width
        height: copyButton.height
        Text {
            x: 12
            width: copyButton.x - x - 8
            anchors.verticalCenter: parent.verticalCenter
            text: block.language !== "" ? block.language : qsTr("code")
            elide: Text.ElideRight
            font.pixelSize: 11
            color: Theme.mutedText
        }
        FlatButton {
            id: copyButton
            objectName: "copyCodeButton"
            anchors.right: parent.right
            anchors.rightMargin: 4
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
    Flickable {
        id: codeView
        objectName: "codeView"
        y: header.height
        x: 1
        width: parent.width - 2
        height: codeText.implicitHeight
        contentWidth: codeText.implicitWidth
        contentHeight: codeText.implicitHeight
        clip: true
        flickableDirection: Flickable.HorizontalFlick
        interactive: contentWidth > width
        boundsBehavior: Flickable.StopAtBounds
        TextEdit {
            id: codeText
            objectName: "codeText"
            leftPadding: 11
            rightPadding: 12
            bottomPadding: 10
            text: block.code
            readOnly: true
            selectByMouse: true
            textFormat: TextEdit.PlainText
            wrapMode: TextEdit.NoWrap
            font.family: Theme.monospace
            font.pixelSize: 13
            color: Theme.text
            selectedTextColor: Theme.textOnAccent
            selectionColor: Theme.accent
        }
    }
    // Under the code, only while it is wider than the block: most code fits, and needs none.
    Loader {
        id: sideways
        y: codeView.y + codeView.height
        x: 1
        width: codeView.width
        active: codeView.contentWidth > codeView.width
        sourceComponent: ScrollBar {
            objectName: "codeScrollBar"
            orientation: Qt.Horizontal
            policy: ScrollBar.AlwaysOn
            size: codeView.width / codeView.contentWidth
            position: codeView.contentX / codeView.contentWidth
            // Dragged, clicked or stepped: the code follows (a flick moves the bar by the binding above).
            onPositionChanged: codeView.contentX = position * codeView.contentWidth
        }
    }
}
