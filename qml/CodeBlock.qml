// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// A fenced code block: monospace, its language, a copy button, and lines kept whole: a long line scrolls
// sideways instead of breaking mid-word. A plain Flickable, not a ScrollView, which is much costlier to
// create when a long conversation scrolls past many code blocks; its scroll bar appears only when needed.
Rectangle {
    id: block

    property string code
    property string language

    signal copyRequested(string text)

    implicitHeight: header.height + codeView.height
    implicitWidth: 400
    radius: 8
    color: Theme.codeBackground
    border.color: Theme.border

    RowLayout {
        id: header
        width: parent.width
        spacing: 0
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 12
            text: block.language !== "" ? block.language : qsTr("code")
            elide: Text.ElideRight
            font.pixelSize: 11
            color: Theme.mutedText
        }
        ToolButton {
            id: copyButton
            Layout.rightMargin: 4
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
        y: header.height
        x: 1
        width: parent.width - 2
        height: codeText.implicitHeight + (sideways.visible ? sideways.height : 0)
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
        ScrollBar.horizontal: ScrollBar {
            id: sideways
            visible: codeView.contentWidth > codeView.width
            policy: ScrollBar.AlwaysOn
        }
    }
}
