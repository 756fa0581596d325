// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// A tab whose choice shows in both themes: the chosen one has a bar in the accent under its words, which
// are at full strength; the others are muted. (Fusion's own tabs differed by three levels of grey in the
// dark theme, so which page was open could not be told.) Keyboard focus is shown by KeyboardFocusRing.
TabButton {
    id: tab

    contentItem: Label {
        text: tab.text
        font: tab.font
        color: tab.checked ? Theme.text : Theme.mutedText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitHeight: 28
        color: tab.checked ? Theme.tint(Theme.accentText, 0.08) : "transparent"
        Rectangle {
            objectName: "tabMarker"
            anchors.bottom: parent.bottom
            width: parent.width
            // Non-text contrast (WCAG 1.4.11, 3:1): accentText, not the accent fill, which is too dark
            // on the dark theme's surfaces.
            height: tab.checked ? 2 : 1
            color: tab.checked ? Theme.accentText : Theme.border
        }
    }
}
