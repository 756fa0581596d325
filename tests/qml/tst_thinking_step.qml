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
                number: 3, stepType: "decision", content: "Use slicing", reasoningChain: ["copies", "keeps the original"],
                confidence: 0.8, timestamp: new Date()
            })
            const collapsedHeight = step.height
            verify(!step.chainShown)
            step.chainShown = true
            tryVerify(() => step.height > collapsedHeight)
            compare(Theme.stepColor("decision"), Theme.success)
        }

        // A step cut from a model's reasoning is a neutral, numbered step; only a typed one says its type,
        // and only risks and warnings are red.
        function test_modelReasoningStepsAreNeutralAndNumbered() {
            const plain = createTemporaryObject(stepComponent, root, {
                number: 2, stepType: "reasoning", content: "Let me be careful here.", reasoningChain: [],
                confidence: -1, timestamp: new Date()
            })
            compare(findAll(plain, item => item.objectName === "stepLabel")[0].text, "Step 2")
            compare(Theme.stepColor("reasoning"), Theme.mutedText)
            verify(Theme.stepColor("reasoning") !== Theme.error)
            const typed = createTemporaryObject(stepComponent, root, {
                number: 4, stepType: "planning", content: "Plan: three steps.", reasoningChain: [],
                confidence: -1, timestamp: new Date()
            })
            compare(findAll(typed, item => item.objectName === "stepLabel")[0].text, "4 · Planning")
            compare(Theme.stepColor("risk_assessment"), Theme.error)
            for (const type of ["analysis", "decision", "planning", "evaluation", "initialization", "result_analysis"])
                verify(Theme.stepColor(type) !== Theme.error)
        }

        // Folding the chain removes its Repeater's items; with the width changing meanwhile, a Qt 6.4 layout
        // holding them directly reached a deleted one and crashed (see MessageDelegate's test).
        function test_chainFoldsAndUnfoldsWhileTheWidthChanges() {
            const step = createTemporaryObject(stepComponent, root, {
                number: 1, stepType: "analysis", content: "Weigh it", reasoningChain: ["one", "two", "three"],
                confidence: 0.5, timestamp: new Date()
            })
            for (let i = 0; i < 40; ++i) {
                step.chainShown = i % 2 === 0
                step.width = 300 + (i % 5) * 20
                wait(0)
            }
            step.chainShown = true
            step.width = 360
            wait(0)
            const lines = findAll(step, item => item.text !== undefined && /^[0-9]+\. /.test(String(item.text)))
            compare(lines.length, 3)
            compare(lines[2].text, "3. three")
            // The width comes from the layout's next polish, not at once.
            tryVerify(() => lines[0].width > 0 && lines[0].width <= 360)
        }

        function findAll(parent, accept) {
            let found = []
            const children = parent.children || []
            for (let i = 0; i < children.length; ++i) {
                const child = children[i]
                if (accept(child))
                    found.push(child)
                found = found.concat(findAll(child, accept))
            }
            return found
        }
    }
}
