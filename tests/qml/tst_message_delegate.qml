import QtQuick
import QtTest
import Ponder

Item {
    id: root
    width: 900
    height: 600

    Component {
        id: delegateComponent
        MessageDelegate { width: 900 }
    }

    TestCase {
        name: "MessageDelegate"
        when: windowShown

        function make(properties) {
            const defaults = { index: 0, messageId: 1, author: MessageModel.Assistant, content: "", segments: [],
                               reasoning: "", state: MessageModel.Complete, error: "", model: "qwen3", thoughtMs: -1 }
            for (const key in properties)
                defaults[key] = properties[key]
            return createTemporaryObject(delegateComponent, root, defaults)
        }

        function test_codeBlocksHaveACopyButton() {
            const message = make({ content: "Look:\n```js\nlet a = 1\n```",
                                   segments: [{ code: false, text: "Look:", language: "" },
                                              { code: true, text: "let a = 1", language: "js" }] })
            const copies = signalSpy.createObject(message, { target: message, signalName: "copyRequested" })
            verify(message.height > 0)
            let codeBlock = null
            for (const child of findAll(message, item => item.hasOwnProperty("code") && item.hasOwnProperty("language")))
                codeBlock = child
            verify(codeBlock !== null)
            compare(codeBlock.code, "let a = 1")
            compare(codeBlock.language, "js")
            codeBlock.copyRequested(codeBlock.code)
            compare(copies.count, 1)
            compare(copies.signalArguments[0][0], "let a = 1")
        }

        function test_reasoningIsFoldedBehindThoughtFor() {
            const message = make({ content: "Answer", segments: [{ code: false, text: "Answer", language: "" }],
                                   reasoning: "Because.", thoughtMs: 2500 })
            const label = findAll(message, item => item.text !== undefined && String(item.text).indexOf("Thought for 2.5 s") >= 0)
            compare(label.length, 1)
            verify(!message.reasoningShown)
        }

        function test_stoppedAndFailedSayWhatHappened() {
            const stopped = make({ state: MessageModel.Stopped })
            compare(findAll(stopped, item => item.text === "Stopped.").length, 1)
            const failed = make({ state: MessageModel.Failed, error: "The model server is down" })
            compare(findAll(failed, item => item.text === "The model server is down").length, 1)
        }

        // Every item under `parent` (depth first) for which `accept` is true.
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

    Component {
        id: signalSpy
        SignalSpy {}
    }
}
