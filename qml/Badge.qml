// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// A small rounded tag: what a model can do (thinks, tools, vision) or its size.
Label {
    id: badge
    property color tone: Theme.accent
    // A tag is read whole: in a row that is short of room, what is beside it elides instead.
    Layout.minimumWidth: implicitWidth
    leftPadding: 6
    rightPadding: 6
    topPadding: 1
    bottomPadding: 1
    font.pixelSize: 10
    font.bold: true
    color: tone
    background: Rectangle {
        radius: height / 2
        color: Theme.tint(badge.tone, 0.14)
    }
}
