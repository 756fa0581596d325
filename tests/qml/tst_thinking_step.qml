import QtQuick
import QtTest
import Ponder

Item {
    id: root
    width: 400
    height: 300

    Component {
        id: stepComponent
        ThinkingStepDelegate { width: 380 }
    }

    TestCase {
        name: "ThinkingStepDelegate"
        when: windowShown

        function test_chainUnfoldsAndConfidenceShows() {
            const step = createTemporaryObject(stepComponent, root, {
                stepType: "decision", content: "Use slicing", reasoningChain: ["copies", "keeps the original"],
                confidence: 0.8, timestamp: new Date()
            })
            const collapsedHeight = step.height
            verify(!step.chainShown)
            step.chainShown = true
            tryVerify(() => step.height > collapsedHeight)
            compare(Theme.stepColor("decision"), Theme.success)
        }
    }
}
