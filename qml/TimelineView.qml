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
    onCountChanged: if (pinned) Qt.callLater(positionViewAtEnd)
    onContentHeightChanged: if (pinned && !moving) Qt.callLater(positionViewAtEnd)

    delegate: TimelineRow {
        width: ListView.view.width
        timeline: lane.timeline
        compact: lane.compact
        gutter: lane.gutter
    }
}
