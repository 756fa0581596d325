import QtQuick
import QtTest
import Ponder

Item {
    width: 400
    height: 600

    SessionView { id: idleSession }

    ProgressPanel {
        id: progressPanel
        width: 360
        progress: idleSession.progress
    }
    ThinkingPanel {
        id: thinkingPanel
        y: 250
        width: 360
        height: 300
        steps: idleSession.steps
    }

    TestCase {
        name: "Panels"
        when: windowShown

        function test_idleProgressSaysIdleWithoutFigures() {
            compare(findChild(progressPanel, "phaseLabel").text, "Idle")
            compare(progressPanel.phaseText(ProgressState.Waiting), "Waiting for the model")
            compare(progressPanel.phaseText(ProgressState.Failed), "Failed")
            verify(!findChild(progressPanel, "progressMessage").visible)
        }

        function test_thinkingSaysThoughtForOnceDone() {
            thinkingPanel.thinking = true
            compare(findChild(thinkingPanel, "thoughtLabel").text, "thinking…")
            thinkingPanel.thinking = false
            thinkingPanel.thoughtMs = 4200
            compare(findChild(thinkingPanel, "thoughtLabel").text, "thought for 4.2 s")
            thinkingPanel.reasoning = "step one"
            compare(findChild(thinkingPanel, "reasoningText").text, "step one")
        }
    }
}
