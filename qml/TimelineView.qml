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
    }
}
