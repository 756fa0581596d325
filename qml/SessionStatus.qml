// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// Where a session stands, live: its status, a progress bar, what it is doing now (an agent's own
// words, or the window's for a model's request), the time remaining counting down, elapsed time ticking
// and, for a model's request, tokens/s over time with the first token marked.
ColumnLayout {
    id: status

    required property SessionView session
    // What went wrong with the window's own last answer, for advice; None for other sessions.
    property int failure: ChatFailure.None
    property bool compact: false
    property bool showPhase: true // the live page shows it beside the title instead

    readonly property ProgressState progress: session.progress
    // What went wrong: the window's own answer's, or what a failed request or relayed run says of itself.
    readonly property int failureKind: failure !== ChatFailure.None ? failure : progress.failureKind
    readonly property bool running: progress.phase === ProgressState.Waiting || progress.phase === ProgressState.Working

    spacing: 6

    // What it is doing, in a line: the window's words for a model's request, an agent's for its own.
    function nowText() {
        const p = progress
        if (p.phase === ProgressState.Failed && failureKind !== ChatFailure.None && p.runMoment < 0)
            return Words.failed(failureKind)
        if (p.promptPercentage >= 0)
            return Words.milestone(Timeline.ReadingPrompt, null, "", p.promptPercentage)
        if (p.hasMetrics) {
            switch (p.phase) {
            case ProgressState.Waiting: return qsTr("Waiting for the first token")
            case ProgressState.Working:
                return session.thinking ? qsTr("Reasoning") : session.hasAnswer ? qsTr("Writing the answer") : qsTr("Generating")
            case ProgressState.Done: return Words.milestone(Timeline.Done, { elapsed_ms: p.elapsedMs, tokens: p.tokens,
                                                                               finish_reason: p.finishReason }, "", -1)
            case ProgressState.Stopped: return qsTr("Stopped.")
            default: return ""
            }
        }
        if (p.phase === ProgressState.Waiting)
            return p.message
        // An agent's run, as Ponder relays it: the window's words, the run's names.
        if (p.runMoment === Timeline.RunFailed && Words.runFailure(p.run) !== "")
            return Words.milestone(p.runMoment, null, "", -1, p.run) + " · " + Words.runFailure(p.run)
        if (p.runMoment >= 0)
            return Words.milestone(p.runMoment, null, "", -1, p.run)
        if (p.phase === ProgressState.Stopped)
            return qsTr("Stopped.")
        // Ponder's own names for a run's moments (an agent's run, a trace) are the badge's to say; an outside
        // agent's own ("researching") are its words and stay.
        if (["started", "done", "failed", "aborted"].includes(p.activity))
            return p.message
        if (p.activity !== "" && p.message !== "")
            return p.activity + " · " + p.message
        return p.activity !== "" ? p.activity : p.message
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Badge {
            objectName: "phaseLabel"
            visible: status.showPhase
            text: Words.phase(status.progress.phase)
            tone: Words.phaseTone(status.progress.phase)
        }
        Label {
            id: statusNow
            objectName: "statusNow"
            Layout.fillWidth: true
            text: status.nowText()
            elide: Text.ElideRight
            // What failed and why is read in full; a running line stays one line, so that the rows below
            // do not jump as it changes.
            wrapMode: status.progress.phase === ProgressState.Failed ? Text.Wrap : Text.NoWrap
            maximumLineCount: 3
            font.pixelSize: 12
            color: status.progress.phase === ProgressState.Failed ? Theme.error : Theme.text
            HoverHandler { id: statusHover }
            ToolTip.visible: statusHover.hovered && statusNow.truncated
            ToolTip.text: statusNow.text
        }
        // As wide as any time under 1,000 s from the start, so that the row does not move as it ticks: a
        // text wider than its box until the layout's next polish was "739 ms" shown as "739 m".
        TextMetrics {
            id: steadyTime
            font: elapsed.font
            text: "888 ms"
        }
        Label {
            id: elapsed
            objectName: "elapsedLabel"
            Layout.preferredWidth: Math.max(implicitWidth, steadyTime.advanceWidth)
            horizontalAlignment: Text.AlignRight
            // Done says how long it took in its own words.
            visible: status.progress.phase !== ProgressState.Idle
                     && !(status.progress.hasMetrics && status.progress.phase === ProgressState.Done)
            // A model's request measures its own time; an agent's runs from its first event.
            text: Words.duration(status.progress.hasMetrics ? status.progress.elapsedMs : status.session.timeline.nowMs)
            font.pixelSize: 12
            font.family: Theme.monospace
            color: Theme.mutedText
        }
    }

    // A model's request has no percentage worth a bar once it streams (its tokens/s says more); an
    // agent's has, when it gives one.
    ProgressBar {
        Layout.fillWidth: true
        visible: status.running && (!status.progress.hasMetrics || status.progress.phase === ProgressState.Waiting)
        from: 0
        to: 100
        indeterminate: status.progress.promptPercentage < 0 && (status.progress.percentage < 0 || status.progress.hasMetrics)
        value: status.progress.promptPercentage >= 0 ? status.progress.promptPercentage
                                                      : Math.max(0, status.progress.percentage)
        Accessible.name: qsTr("Progress")
    }

    // An agent's step by name, and the time it expects to need still.
    RowLayout {
        Layout.fillWidth: true
        visible: status.running && (stepText.text !== "" || remaining.text !== "")
        spacing: 8
        Label {
            id: stepText
            Layout.fillWidth: true
            elide: Text.ElideRight
            font.pixelSize: 12
            color: Theme.mutedText
            text: {
                const p = status.progress
                if (p.stepName !== "")
                    return p.totalSteps > 0 ? qsTr("%1 (step %2 of %3)").arg(p.stepName).arg(p.currentStep).arg(p.totalSteps)
                                            : p.stepName
                return p.totalSteps > 0 && !p.hasMetrics ? qsTr("Step %1 of %2").arg(p.currentStep).arg(p.totalSteps) : ""
            }
        }
        Label {
            id: remaining
            objectName: "remainingLabel"
            font.pixelSize: 12
            color: Theme.mutedText
            // Past its own estimate, it says so rather than "about 0 ms left".
            // An estimate in whole seconds; one the agent gave in words is quoted as it said it ("unknown").
            text: status.progress.remainingMs > 0 ? qsTr("about %1 left").arg(Words.roughDuration(status.progress.remainingMs))
                  : status.progress.remainingMs === 0 ? qsTr("taking longer than expected")
                                                   : status.progress.remainingText !== "" ? qsTr("Time left: %1").arg(status.progress.remainingText) : ""
        }
    }

    // A failed agent run or trace is said in the status line with its reason; advice about model servers
    // would be beside the point.
    readonly property bool runFailed: progress.runMoment === Timeline.RunFailed || progress.runMoment === Timeline.TraceFailed

    Label {
        objectName: "failureAdvice"
        Layout.fillWidth: true
        // Only for what Ponder can advise on: an outside agent's own failure is its business, said in its words.
        visible: status.progress.phase === ProgressState.Failed && status.failureKind !== ChatFailure.None
                 && !(status.runFailed && status.failure === ChatFailure.None)
        wrapMode: Text.Wrap
        font.pixelSize: 12
        color: Theme.text
        text: Words.advice(status.failureKind)
    }
    Label {
        objectName: "failureDetails"
        Layout.fillWidth: true
        // Not when the status line says the same already (an outside agent's message).
        visible: status.progress.phase === ProgressState.Failed && text !== "" && text !== status.nowText()
        wrapMode: Text.Wrap
        maximumLineCount: 4
        elide: Text.ElideRight
        font.pixelSize: 11
        color: Theme.mutedText
        // The other side's own words, quoted; never the backend's English reason.
        text: status.progress.runMoment === Timeline.RunFailed ? Words.runFailureQuote(status.progress.run)
            : status.progress.runMoment === Timeline.TraceFailed ? Words.traceFailureDetails(status.progress.run)
            : Words.failureDetails(status.progress.run, status.progress.message)
    }

    // A model's figures: tokens/s over time beside the numbers.
    RowLayout {
        Layout.fillWidth: true
        visible: status.progress.hasMetrics && status.progress.phase !== ProgressState.Idle
        spacing: 10
        Sparkline {
            objectName: "tokenRate"
            series: status.session.rate
            Layout.fillWidth: true
            Layout.minimumWidth: 60
            Layout.preferredHeight: status.compact ? 28 : 36
        }
        GridLayout {
            columns: 2
            columnSpacing: 6
            rowSpacing: 0
            component Figure: Label { font.pixelSize: 11; color: Theme.mutedText }
            component Value: Label {
                font.pixelSize: 11
                font.family: Theme.monospace
                color: Theme.text
                Layout.alignment: Qt.AlignRight
            }
            Figure { text: qsTr("tokens/s") }
            Value {
                objectName: "rateValue"
                text: status.progress.tokensPerSecond < 0 ? "–" : Words.decimal(status.progress.tokensPerSecond)
            }
            Figure { text: qsTr("tokens") }
            Value { objectName: "tokensValue"; text: status.progress.tokens }
            Figure { text: qsTr("first token") }
            Value { text: status.progress.firstTokenMs < 0 ? "–" : Words.duration(status.progress.firstTokenMs) }
        }
    }
}
