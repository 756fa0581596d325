// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// A ring around whichever control the keyboard reached (with Tab, Shift+Tab or a shortcut), over every
// page and dialog: Fusion marks focus faintly or not at all on several controls, and keyboard users must
// always see where they are. Mouse clicks show no ring.
Rectangle {
    id: ring

    required property ApplicationWindow window
    readonly property Item target: {
        const item = window.activeFocusItem
        // Controls say whether their focus came from the keyboard; the composer's frame shows its own.
        return item && item.visualFocus === true && item.objectName !== "composerInput" ? item : null
    }

    objectName: "keyboardFocusRing"
    parent: Overlay.overlay
    z: 1000
    visible: target !== null && target.visible
    color: "transparent"
    radius: 5
    border.width: 2
    border.color: Theme.accent

    function place() {
        if (!target)
            return
        const at = target.mapToItem(parent, 0, 0)
        x = at.x - 3
        y = at.y - 3
        width = target.width + 6
        height = target.height + 6
    }
    onTargetChanged: place()
    // The target moves when its list scrolls or its page lays out again: follow it while shown.
    Timer {
        running: ring.visible
        repeat: true
        interval: 100
        onTriggered: ring.place()
    }
}
