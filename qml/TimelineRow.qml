// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// One row of a session's timeline: its offset from the start in the gutter, a dot on the rail, and the
// entry itself, chosen by its kind (Timeline.Entry): a step card, a stretch of the model's reasoning with
// its step mark, the reasoning streaming now, or a moment of the session's progress.
Item {
    id: timelineRow

    required property SessionTimeline timeline
    property bool compact: false

    required property int index
    required property int entry
    required property int offsetMs
    required property int durationMs
    required property bool open
    required property int depth
    required property bool hasChildren
    required property bool expanded
    required property int number
    required property string stepType
    required property string stepKind
    required property string name
    required property int status
    required property string content
    required property var reasoningChain
    required property var alternatives
    required property var factors
    required property real confidence
    required property string input
    required property string output
    required property string attributes
    required property int milestone
    required property string message
    required property real percentage
    required property var findings
    required property var metrics
    required property var run

    readonly property bool isStep: entry === Timeline.StepEntry
    readonly property bool isReasoning: entry === Timeline.ReasoningEntry || entry === Timeline.ThoughtEntry
    // How long it took, or has been running: open steps grow with the clock.
    readonly property int shownDuration: open ? Math.max(0, timeline.nowMs - offsetMs) : durationMs
    property int gutter: compact ? 56 : 64 // where the rail runs; the lane measures it
    readonly property int indent: Math.min(depth, 6) * (compact ? 12 : 18)
    readonly property color tone: {
        if (entry === Timeline.MilestoneEntry) {
            switch (milestone) {
            case Timeline.Failed: case Timeline.RunFailed: return Theme.error
            case Timeline.Warning: case Timeline.Stopped: case Timeline.RunStopped: return Theme.warning
            case Timeline.Done: case Timeline.RunFinished: return Theme.success
            default: return Theme.mutedText
            }
        }
        if (status === Timeline.Errored)
            return Theme.error
        if (status === Timeline.Interrupted)
            return Theme.warning
        return isReasoning ? Theme.thinking : Theme.stepColor(stepType)
    }

    implicitHeight: body.item ? body.item.implicitHeight + (isReasoning ? 2 : 10) : 24

    // The gutter: where on the timeline it happened.
    Label {
        objectName: "offsetLabel"
        visible: timelineRow.entry !== Timeline.ThoughtEntry
        x: 0
        y: timelineRow.isStep ? 8 : 1
        width: timelineRow.gutter - 12
        horizontalAlignment: Text.AlignRight
        text: Words.offset(timelineRow.offsetMs)
        font.pixelSize: 11
        font.family: Theme.monospace
        color: Theme.mutedText
    }
    // The rail, with a dot for the entry.
    Rectangle {
        x: timelineRow.gutter - 4
        width: 1
        height: parent.height
        color: Theme.rule
    }
    Rectangle {
        visible: timelineRow.entry !== Timeline.ThoughtEntry
        x: timelineRow.gutter - 7.5
        y: timelineRow.isStep ? 11 : 4
        width: 8
        height: 8
        radius: 4
        color: timelineRow.entry === Timeline.MilestoneEntry ? Theme.surface : timelineRow.tone
        border.width: 2
        border.color: timelineRow.tone
    }

    Loader {
        id: body
        x: timelineRow.gutter + 6 + timelineRow.indent
        width: timelineRow.width - x - 4
        sourceComponent: {
            switch (timelineRow.entry) {
            case Timeline.StepEntry: return stepCard
            case Timeline.MilestoneEntry: return milestoneLine
            default: return reasoningStretch
            }
        }
    }

    Component {
        id: stepCard
        StepCard {
            timeline: timelineRow.timeline
            row: timelineRow.index
            offsetMs: timelineRow.offsetMs
            shownDuration: timelineRow.shownDuration
            open: timelineRow.open
            hasChildren: timelineRow.hasChildren
            expanded: timelineRow.expanded
            number: timelineRow.number
            stepType: timelineRow.stepType
            stepKind: timelineRow.stepKind
            name: timelineRow.name
            status: timelineRow.status
            content: timelineRow.content
            reasoningChain: timelineRow.reasoningChain
            alternatives: timelineRow.alternatives
            factors: timelineRow.factors
            confidence: timelineRow.confidence
            input: timelineRow.input
            output: timelineRow.output
            attributes: timelineRow.attributes
            tone: timelineRow.tone
        }
    }

    // The model's reasoning, one stretch per step it was cut into: a line down its side joins the
    // stretches into one text, and each step is a mark on it with how long the step took.
    Component {
        id: reasoningStretch
        Item {
            implicitHeight: reasoningText.y + reasoningText.implicitHeight
            Rectangle {
                width: 2
                height: parent.height + 2
                color: Theme.tint(Theme.thinking, 0.45)
            }
            Label {
                id: mark
                objectName: "stepLabel"
                visible: timelineRow.entry === Timeline.ReasoningEntry
                x: 10
                text: {
                    const typed = Words.typeName(timelineRow.stepType)
                    const label = typed !== "" ? qsTr("%1 · %2").arg(timelineRow.number).arg(typed) : qsTr("Step %1").arg(timelineRow.number)
                    return timelineRow.shownDuration > 0 ? qsTr("%1 · %2").arg(label).arg(Words.duration(timelineRow.shownDuration)) : label
                }
                font.pixelSize: 11
                font.bold: true
                color: Theme.stepColor(timelineRow.stepType) === Theme.mutedText ? Theme.thinking : Theme.stepColor(timelineRow.stepType)
            }
            Label {
                id: reasoningText
                objectName: timelineRow.entry === Timeline.ThoughtEntry ? "thoughtText" : "reasoningStep"
                x: 10
                y: mark.visible ? mark.height + 1 : 0
                width: parent.width - 10
                text: timelineRow.content + (timelineRow.entry === Timeline.ThoughtEntry && timelineRow.timeline.live ? " ▍" : "")
                // Models write their reasoning in Markdown as they write answers (**Plan**, lists).
                textFormat: Text.MarkdownText
                wrapMode: Text.Wrap
                font.pixelSize: 13
                color: Theme.mutedText
                lineHeight: 1.1
            }
        }
    }

    Component {
        id: milestoneLine
        MilestoneLine {
            milestone: timelineRow.milestone
            message: timelineRow.message
            percentage: timelineRow.percentage
            findings: timelineRow.findings
            metrics: timelineRow.metrics
            run: timelineRow.run
            tone: timelineRow.tone
        }
    }
}
