// SPDX-License-Identifier: MIT
import QtQuick
import Ponder

// A flat text button from plain Quick items, for places that create it by the hundred (every code block of a
// long conversation): a Controls button costs several times more to create. Mouse, keyboard (Tab, then Space
// or Enter) and accessibility (a button that can be pressed) all reach it, as they reach a ToolButton.
Item {
    id: button

    property alias text: label.text
    property alias font: label.font

    signal clicked()

    implicitWidth: label.implicitWidth + 16
    implicitHeight: label.implicitHeight + 12
    activeFocusOnTab: true

    Keys.onSpacePressed: clicked()
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.focusable: true
    Accessible.onPressAction: clicked()

    // Hovered, pressed, and the keyboard's place (only Tab gives it focus: a click does not).
    Rectangle {
        anchors.fill: parent
        anchors.margins: 2
        radius: 4
        color: mouse.pressed ? Theme.border : mouse.containsMouse ? Theme.raised : "transparent"
        border.width: button.activeFocus ? 2 : 0
        border.color: Theme.accent
    }
    Text {
        id: label
        anchors.centerIn: parent
        color: Theme.text
    }
    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        cursorShape: Qt.PointingHandCursor
        onClicked: button.clicked()
    }
}
