import QtQuick
import QtQuick.Controls
import Ponder

// A small rounded tag: what a model can do (thinks, tools, vision) or its size.
Label {
    id: badge
    property color tone: Theme.accent
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
