// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// A moment of a session's progress on the timeline: a request received, the first token, done with its
// figures, a failure with its details, or an agent's own update with the findings it reported. Words for
// Ponder's own moments are the window's (Words.milestone); an agent's are its own.
Column {
    id: line

    required property int milestone
    required property string message
    required property real percentage
    required property var findings
    required property var metrics
    required property var run
    required property color tone

    readonly property bool warning: milestone === Timeline.Warning

    spacing: 3

    Rectangle {
        width: parent.width
        implicitHeight: text.implicitHeight + (line.warning ? 10 : 0)
        height: implicitHeight
        radius: 6
        color: line.warning ? Theme.warningBackground : "transparent"
        Label {
            id: text
            objectName: "milestoneText"
            x: line.warning ? 8 : 0
            y: line.warning ? 5 : 0
            width: parent.width - 2 * x - (percent.visible ? percent.implicitWidth + 6 : 0)
            wrapMode: Text.Wrap
            font.pixelSize: 12
            font.bold: line.milestone === Timeline.Done || line.milestone === Timeline.Failed
                       || line.milestone === Timeline.RunFinished || line.milestone === Timeline.RunFailed
                       || line.milestone === Timeline.TraceFinished || line.milestone === Timeline.TraceFailed
            color: line.milestone === Timeline.AgentUpdate || line.milestone === Timeline.Received
                   || line.milestone === Timeline.RunStarted || line.milestone === Timeline.TraceStarted
                   || line.milestone === Timeline.TraceProgress ? Theme.text : line.tone
            text: (line.warning ? "⚠ " : "") + Words.milestone(line.milestone, line.metrics, line.message, line.percentage, line.run)
        }
        Badge {
            id: percent
            visible: line.percentage >= 0 && line.milestone === Timeline.AgentUpdate
            anchors.right: parent.right
            y: text.y
            text: qsTr("%1%").arg(Math.round(line.percentage))
            tone: Theme.accentText
        }
    }
    // A failure's own words (the upstream's), or why a run failed in the window's words with the agent's
    // own quoted. (Why a run was stopped is
    // Ponder's English for outside clients, and the person watching stopped it themselves.)
    Label {
        objectName: "milestoneDetails"
        visible: (line.milestone === Timeline.Failed || line.milestone === Timeline.RunFailed
                  || line.milestone === Timeline.TraceFailed) && text !== ""
        width: parent.width
        wrapMode: Text.Wrap
        font.pixelSize: 11
        color: Theme.mutedText
        text: line.milestone === Timeline.Failed ? Words.failureDetails(line.run, line.message)
            : line.milestone === Timeline.TraceFailed ? Words.traceFailureDetails(line.run)
            : Words.runFailureDetails(line.run)
    }
    // Findings, where they were found.
    Repeater {
        model: line.findings
        Row {
            required property string modelData
            width: line.width
            spacing: 6
            Label { text: "•"; color: Theme.success; font.pixelSize: 12 }
            MarkdownText {
                width: parent.width - 14
                text: modelData
                font.pixelSize: 12
            }
        }
    }
}
