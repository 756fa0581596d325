// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// A session as one lane: its steps and moments in order, each at its offset from the start, steps with
// a bar for how long they took, nested steps indented under the step they belong to. Follows the end
// while the session runs, unless the user scrolled up.
ListView {
    id: lane

    required property SessionTimeline timeline
    property bool compact: false
    // Wide enough for the widest offset in the language shown ("+59.9 s"), measured once per lane.
    readonly property int gutter: Math.ceil(offsetMetrics.advanceWidth) + (compact ? 14 : 22)

    TextMetrics {
        id: offsetMetrics
        font.pixelSize: 11
        font.family: Theme.monospace
        text: Words.offset(59900)
    }

    objectName: "timeline"
    clip: true
    spacing: 0
    model: timeline
    reuseItems: true
    cacheBuffer: 600
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    property bool pinned: true
    onMovementEnded: pinned = atYEnd

    // Reached with Tab and scrolled with the keys a reader uses: arrows, Page Up/Down, Home and End. A click
    // does not take the focus, so the ring (shown for a visualFocus) marks the keyboard's arrival only.
    activeFocusOnTab: true
    keyNavigationEnabled: false // the keys scroll; there is no current row to move
    currentIndex: -1 // nor one to take the focus from the lane, where the ring shows it
    readonly property bool visualFocus: activeFocus
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Timeline")
    function scrollBy(pixels) {
        const bottom = originY + Math.max(0, contentHeight - height)
        contentY = Math.max(originY, Math.min(bottom, contentY + pixels))
        pinned = atYEnd
    }
    // Rows differ in height, so the list only estimates where its start or end is until the rows on the way
    // are made: it is asked again until it is there.
    function toStart(tries) {
        pinned = false
        positionViewAtBeginning()
        if (!atYBeginning && tries > 0)
            Qt.callLater(toStart, tries - 1)
    }
    function toEnd(tries) {
        pinned = true
        positionViewAtEnd()
        if (!atYEnd && tries > 0)
            Qt.callLater(toEnd, tries - 1)
    }
    Keys.onPressed: event => {
        const page = Math.max(40, height - 40)
        switch (event.key) {
        case Qt.Key_Up: scrollBy(-40); break
        case Qt.Key_Down: scrollBy(40); break
        case Qt.Key_PageUp: scrollBy(-page); break
        case Qt.Key_PageDown: scrollBy(page); break
        case Qt.Key_Home: toStart(3); break
        case Qt.Key_End: toEnd(3); break
        default: return
        }
        event.accepted = true
    }
    onCountChanged: if (pinned) Qt.callLater(positionViewAtEnd)
    onContentHeightChanged: if (pinned && !moving) Qt.callLater(positionViewAtEnd)

    delegate: TimelineRow {
        width: ListView.view.width
        timeline: lane.timeline
        compact: lane.compact
        gutter: lane.gutter
    }
}
