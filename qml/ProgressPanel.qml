import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// What the request is doing: a progress bar (indeterminate while waiting for the upstream), the
// current step, tokens, tokens/s, time to first token and elapsed time; failures said plainly.
ColumnLayout {
    id: panel

    required property ProgressState progress
    // What went wrong with the window's own last answer, for advice; None for other sessions.
    property int failure: ChatFailure.None

    readonly property bool waiting: progress.phase === ProgressState.Waiting
    readonly property bool working: progress.phase === ProgressState.Working

    spacing: 8

    function phaseText(phase) {
        switch (phase) {
        case ProgressState.Waiting: return qsTr("Waiting for the model")
        case ProgressState.Working: return qsTr("Generating")
        case ProgressState.Done: return qsTr("Done")
        case ProgressState.Failed: return qsTr("Failed")
        case ProgressState.Stopped: return qsTr("Stopped")
        default: return qsTr("Idle")
        }
    }
    function phaseColor(phase) {
        switch (phase) {
        case ProgressState.Done: return Theme.success
        case ProgressState.Failed: return Theme.error
        case ProgressState.Stopped: return Theme.warning
        case ProgressState.Idle: return Theme.mutedText
        default: return Theme.accent
        }
    }

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: qsTr("Progress")
            font.bold: true
            font.pixelSize: 15
            color: Theme.text
            Layout.fillWidth: true
        }
        Rectangle {
            radius: 9
            implicitHeight: 18
            implicitWidth: phaseLabel.implicitWidth + 16
            color: Theme.tint(panel.phaseColor(panel.progress.phase), 0.15)
            Label {
                id: phaseLabel
                objectName: "phaseLabel"
                anchors.centerIn: parent
                text: panel.phaseText(panel.progress.phase)
                font.pixelSize: 11
                font.bold: true
                color: panel.phaseColor(panel.progress.phase)
            }
        }
    }

    ProgressBar {
        Layout.fillWidth: true
        // Only while it has something to say: an empty box at rest, stopped or failed said nothing.
        visible: panel.waiting || panel.working || panel.progress.phase === ProgressState.Done
        from: 0
        to: 100
        indeterminate: panel.waiting || (panel.working && panel.progress.percentage < 0)
        value: panel.progress.percentage < 0 ? 0 : panel.progress.percentage
        Accessible.name: qsTr("Progress")
    }

    Label {
        objectName: "progressMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: panel.progress.message
        wrapMode: Text.Wrap
        maximumLineCount: 4
        elide: Text.ElideRight
        color: panel.progress.phase === ProgressState.Failed ? Theme.error : Theme.mutedText
        font.pixelSize: 12
    }
    Label {
        Layout.fillWidth: true
        visible: panel.progress.phase === ProgressState.Failed
        wrapMode: Text.Wrap
        font.pixelSize: 12
        color: Theme.text
        text: panel.failure !== ChatFailure.None
              ? ChatAdvice.advice(panel.failure)
              : qsTr("Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.")
    }

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: 12
        rowSpacing: 4
        // Only while it has something to say: an empty box at rest, stopped or failed said nothing.
        visible: panel.waiting || panel.working || panel.progress.phase === ProgressState.Done

        component Figure: Label { font.pixelSize: 12; color: Theme.mutedText }
        component Value: Label {
            font.pixelSize: 12
            font.family: Theme.monospace
            color: Theme.text
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
        }

        Figure { text: qsTr("Step") }
        Value {
            text: panel.progress.totalSteps > 0 ? qsTr("%1 of %2").arg(panel.progress.currentStep).arg(panel.progress.totalSteps) : "–"
        }
        // Token figures come from model generations; an agent's own progress has none to show.
        Figure { visible: panel.progress.hasMetrics; text: qsTr("Tokens") }
        Value { visible: panel.progress.hasMetrics; objectName: "tokensValue"; text: panel.progress.tokens }
        Figure { visible: panel.progress.hasMetrics; text: qsTr("Tokens/s") }
        Value {
            visible: panel.progress.hasMetrics
            text: panel.progress.tokensPerSecond < 0 ? "–" : panel.progress.tokensPerSecond.toFixed(1)
        }
        Figure { visible: panel.progress.hasMetrics; text: qsTr("First token") }
        Value {
            visible: panel.progress.hasMetrics
            text: panel.progress.firstTokenMs < 0 ? "–" : qsTr("%1 ms").arg(panel.progress.firstTokenMs)
        }
        Figure { visible: panel.progress.hasMetrics; text: qsTr("Elapsed") }
        Value {
            visible: panel.progress.hasMetrics
            text: qsTr("%1 s").arg((panel.progress.elapsedMs / 1000).toFixed(1))
        }
    }
}
