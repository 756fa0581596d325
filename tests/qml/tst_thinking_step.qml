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

        // Folding the chain removes its Repeater's items; with the width changing meanwhile, a Qt 6.4 layout
        // holding them directly reached a deleted one and crashed (see MessageDelegate's test).
        function test_chainFoldsAndUnfoldsWhileTheWidthChanges() {
            const step = createTemporaryObject(stepComponent, root, {
                stepType: "analysis", content: "Weigh it", reasoningChain: ["one", "two", "three"],
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
