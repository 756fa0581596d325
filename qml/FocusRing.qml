// SPDX-License-Identifier: MIT
import QtQuick
import Ponder

// The keyboard's place, drawn over an item: visible wherever focus moves with Tab or the arrow keys.
Rectangle {
    anchors.fill: parent
    anchors.margins: 1
    radius: 4
    color: "transparent"
    border.width: 2
    border.color: Theme.accent
    z: 10
}
