// SPDX-License-Identifier: MIT
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
            const defaults = { index: 0, messageId: 1, author: MessageModel.Assistant, content: "",
                               reasoning: "", state: MessageModel.Complete, error: "", model: "qwen3", thoughtMs: -1,
                               errorKind: ChatFailure.None, finishReason: "stop", tokens: 0, tokensPerSecond: -1,
                               firstTokenMs: -1, failure: ({}) }
            for (const key in properties)
                defaults[key] = properties[key]
            return createTemporaryObject(delegateComponent, root, defaults)
        }

        // Copy on every code block, by mouse, by keyboard (Tab reaches it; Space or Enter presses it) and as an
        // accessible button: the block's own text, not the message's.
        function test_codeBlocksHaveACopyButton() {
            const message = make({ content: "Look:\n```js\nlet a = 1\n```" })
            const copies = signalSpy.createObject(message, { target: message, signalName: "copyRequested" })
            verify(message.height > 0)
            let codeBlock = null
            for (const child of findAll(message, item => item.hasOwnProperty("code") && item.hasOwnProperty("language")))
                codeBlock = child
            verify(codeBlock !== null)
            compare(codeBlock.code, "let a = 1")
            compare(codeBlock.language, "js")
            const copy = findAll(codeBlock, item => item.objectName === "copyCodeButton")
            compare(copy.length, 1)
            verify(copy[0].visible && copy[0].width > 0 && copy[0].height > 0)
            compare(copy[0].text, "Copy code")
            compare(copy[0].Accessible.role, Accessible.Button)
            compare(copy[0].Accessible.name, "Copy code")
            mouseClick(copy[0])
            compare(copies.count, 1)
            compare(copies.signalArguments[0][0], "let a = 1")
            compare(copy[0].text, "Copied")
            verify(copy[0].activeFocusOnTab, "Tab reaches it")
            copy[0].forceActiveFocus(Qt.TabFocusReason)
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_Return)
            compare(copies.count, 3)
            compare(copies.signalArguments[2][0], "let a = 1")
        }

        // Code wider than its block keeps its lines whole and scrolls sideways, by a flick or by its scroll
        // bar; a block whose code fits has no scroll bar, and gets one when a recycled delegate gives it wider code.
        function test_aWideCodeBlockScrollsSideways() {
            const message = make({ content: "```py\nx = 1\n```" })
            const view = () => findAll(message, item => item.objectName === "codeView")[0]
            const bar = () => findAll(message, item => item.objectName === "codeScrollBar")
            const text = findAll(message, item => item.objectName === "codeText")[0]
            tryVerify(() => view().width > 0)
            verify(!view().interactive)
            compare(bar().length, 0, "no scroll bar for code that fits")
            const narrowHeight = message.height
            message.content = "```py\nx = " + "1 + ".repeat(200) + "1\n```"
            compare(text.lineCount, 1, "the long line is not wrapped")
            verify(view().contentWidth > view().width + 500)
            verify(view().interactive, "flicks sideways")
            tryCompare(bar(), "length", 1)
            const scrollBar = bar()[0]
            verify(scrollBar.visible && scrollBar.height > 0)
            tryVerify(() => message.height >= narrowHeight + scrollBar.height, 5000, "the bar has its own room")
            compare(view().contentX, 0)
            scrollBar.increase()
            verify(view().contentX > 0, "the bar scrolls the code")
            view().contentX = view().contentWidth - view().width
            fuzzyCompare(scrollBar.position + scrollBar.size, 1, 0.001, "the bar follows the code")
            message.content = "```py\nx = 2\n```"
            tryCompare(bar(), "length", 0)
            compare(view().contentX, 0, "narrow code shows from its start")
        }

        function test_figuresAreShownUnderAFinishedAnswer() {
            const message = make({ content: "Answer", tokens: 120, tokensPerSecond: 42.25, firstTokenMs: 800 })
            const figures = findAll(message, item => item.objectName === "answerFigures")
            compare(figures.length, 1)
            verify(figures[0].visible)
            verify(figures[0].text.indexOf("120 token") === 0)
            verify(figures[0].text.indexOf("42.3 tokens/s · first token after 800 ms") > 0)
            message.firstTokenMs = 2500
            verify(figures[0].text.indexOf("first token after 2.5 s") > 0)
        }

        function test_reasoningIsFoldedBehindThoughtFor() {
            const message = make({ content: "Answer", reasoning: "Because.", thoughtMs: 2500 })
            const label = findAll(message, item => item.text !== undefined && String(item.text).indexOf("Thought for 2.5 s") >= 0)
            compare(label.length, 1)
            verify(!message.reasoningShown)
        }

        function test_stoppedAndFailedSayWhatHappened() {
            const stopped = make({ state: MessageModel.Stopped })
            compare(findAll(stopped, item => item.text === "Stopped.").length, 1)
            const failed = make({ state: MessageModel.Failed, errorKind: ChatFailure.Unreachable,
                                  error: "upstream 'ollama': cannot reach http://127.0.0.1:11434: Connection refused",
                                  failure: { upstream: "ollama", code: "upstream_unreachable", detail: "Connection refused" } })
            compare(findAll(failed, item => item.text === Words.advice(ChatFailure.Unreachable)).length, 1)
            // What failed in the window's words from fields, the network's own words quoted apart; never the
            // backend's English sentence.
            compare(findAll(failed, item => item.objectName === "answerError")[0].text,
                    "ollama could not be reached.\n“Connection refused”")
            compare(findAll(failed, item => String(item.text).indexOf("cannot reach") >= 0).length, 0)
            const cut = make({ state: MessageModel.Failed, errorKind: ChatFailure.CutOff,
                               error: "upstream 'ollama': the response ended early: chunked body ended",
                               failure: { upstream: "ollama", cut_off: true } })
            compare(findAll(cut, item => item.objectName === "answerError")[0].text,
                    "ollama broke off the answer before it was done.")
            // Broken off before any text: said so, and nothing offered to copy.
            compare(findAll(cut, item => item.objectName === "answerState")[0].text,
                    "The stream broke off before any answer came. Retry.")
            verify(!findAll(cut, item => item.objectName === "copyAnswerButton")[0].visible)
            const half = make({ state: MessageModel.Failed, errorKind: ChatFailure.CutOff, content: "Half of it",
                                failure: { upstream: "ollama", cut_off: true } })
            compare(findAll(half, item => item.objectName === "answerState")[0].text,
                    "The answer broke off before it was done. Retry to get it whole.")
            verify(findAll(half, item => item.objectName === "copyAnswerButton")[0].visible)
            const refused = make({ state: MessageModel.Failed, errorKind: ChatFailure.Upstream,
                                   failure: { upstream: "openai", upstream_status: 500, detail: "model is not loaded" } })
            compare(findAll(refused, item => item.objectName === "answerError")[0].text,
                    "openai answered with HTTP status 500.\n“model is not loaded”")
            const agent = make({ state: MessageModel.Failed, errorKind: ChatFailure.AgentUnreachable,
                                 failure: { agent: "gone", code: "agent_unreachable", detail: "Connection refused" } })
            // The advice above it already asks whether the agent runs at its address: the line under it says
            // only what happened.
            compare(findAll(agent, item => item.objectName === "answerError")[0].text,
                    "gone could not be reached.\n“Connection refused”")
            compare(findAll(agent, item => String(item.text).indexOf("Is it running") >= 0).length, 1)
            // A rate limit counts down to the automatic retry; meanwhile there is no Retry button.
            const limited = make({ state: MessageModel.Failed, errorKind: ChatFailure.RateLimited, canRegenerate: true,
                                   retryCountdown: 7 })
            compare(findAll(limited, item => String(item.text).indexOf("Trying again in 7 s") >= 0).length, 1)
            compare(findAll(limited, item => item.objectName === "regenerateButton" && item.visible).length, 0)
            limited.retryCountdown = -1
            const retry = findAll(limited, item => item.objectName === "regenerateButton")
            compare(retry.length, 1)
            verify(retry[0].visible)
            compare(retry[0].text, "Retry")
        }

        // A table as it is drawn, in both themes: its header row shaded with the theme's colour, its rows
        // parted by thin rules. Read down the table's left edge, inside the cells' padding and clear of text.
        function test_tablesHaveAShadedHeaderAndThinRules_data() {
            return [{ tag: "light", dark: false }, { tag: "dark", dark: true }]
        }
        function test_tablesHaveAShadedHeaderAndThinRules(data) {
            Theme.dark = data.dark
            const message = make({ content: "| model | speed |\n|---|---|\n| a | 1 |\n| b | 2 |" })
            const tables = findAll(message, item => item.objectName === "markdownTable")
            compare(tables.length, 1)
            const table = tables[0]
            tryVerify(() => table.height > 40)
            waitForRendering(root)
            // (The whole window: a grab of the table alone comes from the wrong place on Qt 6.4.)
            const image = grabImage(root)
            const edge = table.mapToItem(root, 3, 0)
            let runs = "", thickest = 0, thickness = 0
            for (let y = Math.round(edge.y); y < edge.y + table.height; ++y) {
                const colour = image.pixel(Math.round(edge.x), y)
                const kind = Qt.colorEqual(colour, Theme.tableHeader) ? "H" : Qt.colorEqual(colour, Theme.border) ? "R" : "o"
                thickness = kind === "R" && runs.endsWith("R") ? thickness + 1 : 1
                if (kind === "R")
                    thickest = Math.max(thickest, thickness)
                if (!runs.endsWith(kind))
                    runs += kind
            }
            Theme.dark = false
            // The shaded header, a rule, a row, a rule, a row, a rule; the rules one pixel each.
            compare(runs, "HRoRoR")
            compare(thickest, 1)
        }

        // The list places messages by their heights as it creates them: one that reported less than it takes
        // would make the list create more than fit and shift the view as it grew.
        function test_aNewMessageKnowsItsHeightAtOnce() {
            const message = make({ content: "Answer with **bold**, a list:\n\n1. one\n2. two\n\n```cpp\nint x = 1;\n```\nA closing line." })
            const atOnce = message.height
            wait(50)
            compare(atOnce, message.height)
            verify(message.height > 150)
        }

        // A recycled delegate gets another message's parts, often fewer, while its width changes. On Qt 6.4 a
        // Quick Layout whose Repeater has just removed items can reach a deleted one (a use-after-free inside
        // Qt, so the sanitizer build does not see it; this crashed every time), as scrolling a long
        // conversation did.
        function test_partsShrinkAndGrowWhileTheWidthChanges() {
            const many = "One **bold** line.\n\n1. one\n2. two\n\n```cpp\nint x = 1;\n```\nA closing line."
            const few = "Just this."
            const message = make({ content: many })
            for (let i = 0; i < 40; ++i) {
                message.content = i % 2 ? many : few
                message.width = 600 + (i % 7) * 40
                wait(0)
            }
            message.content = few
            message.width = 700
            wait(0)
            // (Items a longer text used stay, hidden, for the next one.)
            const prose = findAll(message, item => item.hasOwnProperty("textFormat") && item.hasOwnProperty("selectByMouse")
                                  && item.visible)
            compare(prose.length, 1)
            verify(prose[0].text.startsWith("Just this."))
            // The width comes from the layout's next polish, not necessarily at once.
            tryCompare(prose[0], "width", Math.min(700 - 32, Theme.chatColumnWidth)) // the chat's column
            tryVerify(() => message.height > prose[0].height)
        }

        // A delegate recycled from a long answer for a one-line question is as tall as that one line.
        function test_aRecycledDelegateFitsItsNewMessage() {
            const fresh = make({ author: MessageModel.User, content: "How do I reverse a list in Python?" })
            tryVerify(() => fresh.height > 0)
            const oneLine = fresh.height
            const message = make({ content: "One **bold** line.\n\n1. one\n2. two\n\n```cpp\nint x = 1;\n```\nA closing line.",
                                   reasoning: "Because.", thoughtMs: 1200, tokens: 12, tokensPerSecond: 20 })
            tryVerify(() => message.height > oneLine * 2)
            message.author = MessageModel.User
            message.reasoning = ""
            message.thoughtMs = -1
            message.tokens = 0
            message.content = "How do I reverse a list in Python?"
            tryCompare(message, "height", oneLine)
        }

        // Scrolling a conversation rebinds a delegate from an answer to a question and to another answer: the
        // items that showed the first answer's paragraphs and code show the next one's, none created anew.
        function test_aRecycledDelegateKeepsItsBlockItems() {
            const answer = n => "Answer " + n + " with **bold**, a list:\n\n1. one\n2. two\n\n```cpp\nint x = "
                                + n + ";\n```\n\nand a closing line."
            const message = make({ content: answer(1) })
            const blockItems = () => findAll(message, item => item.hasOwnProperty("used")).map(block => block.item)
            const first = blockItems()
            compare(first.length, 4)
            message.author = MessageModel.User
            message.content = "How does this part work?"
            tryCompare(shownBlocks(message), "length", 1)
            message.author = MessageModel.Assistant
            message.content = answer(2)
            const again = blockItems()
            compare(again.length, 4)
            for (let i = 0; i < 4; ++i)
                verify(again[i] === first[i], "block " + i + " is the same item")
            compare(shownBlocks(message).length, 4)
            const code = findAll(message, item => item.objectName === "codeText")
            compare(code.length, 1)
            compare(code[0].text, "int x = 2;")
        }

        // A delegate recycled from an answer with a table to a user's message (its own words, plain) learns
        // the author before the text: the table's item stays, showing the text as typed, and is there for
        // the next answer with a table.
        function test_aTableItemStaysWhenTheDelegateTurnsToAUsersMessage() {
            const table = n => "| part | what |\n|---|---|\n| " + n + " | parses |"
            const message = make({ content: table(1) })
            const tables = () => findAll(message, item => item.objectName === "markdownTable")
            compare(tables().length, 1)
            const first = tables()[0]
            compare(first.textFormat, TextEdit.MarkdownText)
            message.author = MessageModel.User
            compare(tables().length, 1)
            verify(tables()[0] === first, "the table's item is the same")
            tryCompare(first, "textFormat", TextEdit.PlainText) // the same text: the format follows
            message.author = MessageModel.Assistant
            message.content = table(2)
            verify(tables()[0] === first, "the table's item is the same")
            compare(first.textFormat, TextEdit.MarkdownText)
            verify(first.getText(0, first.length).indexOf("2") >= 0)
        }

        // Recycled from a long answer to a question (plain) and back, as scrolling does on nearly every reuse:
        // the paragraphs' items kept hidden keep their Markdown, not parsed and laid out again as plain text
        // unseen (and again as Markdown for the next answer); the question's own is plain.
        function test_hiddenBlockItemsKeepTheirFormat() {
            let answer = ""
            for (let i = 0; i < 5; ++i)
                answer += "Paragraph " + i + " with *some* words.\n\n"
            const message = make({ content: answer })
            const prose = () => findAll(message, item => item.hasOwnProperty("used") && item.kind === MessageBlocks.Prose)
                                    .map(block => block.item)
            compare(prose().length, 5)
            message.author = MessageModel.User
            message.content = "How does *this* work?"
            compare(shownBlocks(message).length, 1)
            const items = prose()
            compare(items[0].textFormat, TextEdit.PlainText)
            compare(items[0].getText(0, items[0].length), "How does *this* work?") // as typed
            for (let i = 1; i < 5; ++i)
                compare(items[i].textFormat, TextEdit.MarkdownText, "hidden paragraph " + i)
            wait(0) // what a later frame would do meanwhile
            for (let i = 1; i < 5; ++i)
                compare(items[i].textFormat, TextEdit.MarkdownText, "hidden paragraph " + i)
            message.author = MessageModel.Assistant
            message.content = answer
            tryCompare(shownBlocks(message), "length", 5)
            for (let i = 0; i < 5; ++i)
                compare(items[i].textFormat, TextEdit.MarkdownText, "paragraph " + i)
        }

        // A table wider than the message keeps its cells on one line each and scrolls sideways, also when a
        // recycled delegate's table item had a narrow table before.
        function test_aWideTableScrollsSideways() {
            const cell = "a cell with a good many words in it, and then a good many more of them"
            const wide = "| a | b | c |\n|---|---|---|\n| " + cell + " | " + cell + " | " + cell + " |"
            const message = make({ content: "| a | b |\n|---|---|\n| 1 | 2 |" })
            const table = () => findAll(message, item => item.objectName === "markdownTable")[0]
            const first = table()
            tryVerify(() => first.width > 0)
            const narrowWidth = first.width
            const oneLineRows = first.height // two rows of one line each
            message.content = wide
            verify(table() === first, "the table's item is the same")
            tryVerify(() => first.width > narrowWidth + 200, 5000, "as wide as its cells: " + first.width)
            verify(first.parent.parent.interactive, "scrolls sideways")
            // As tall as rows of one line each: no cell wrapped.
            compare(first.height, oneLineRows)
        }

        // Scrolled through a conversation, one delegate shows answers and questions in turn: each as tall
        // as a delegate made for it alone.
        function test_aRecycledDelegateIsAsTallAsAFreshOne() {
            const texts = [
                { author: MessageModel.User, content: "Question 4: how does this part work?" },
                { author: MessageModel.Assistant, content: "Answer 5 with **bold**, a list:\n\n1. one\n2. two\n\n```cpp\nint x = 5;\n```\n\nand a closing line." },
                { author: MessageModel.User, content: "Question 6: how does this part work?" },
                { author: MessageModel.Assistant, content: "| part | what it does |\n|---|---|\n| 7 | parses |\n| two | checks |\n\nThen it returns." },
                { author: MessageModel.User, content: "Question 8: how does this part work?" },
                { author: MessageModel.Assistant, content: "Paragraph 0 of a long answer, with *some* words.\n\n```py\nprint(0)\n```\n\nParagraph 1 of a long answer.\n\n```py\nprint(1)\n```\n\n" },
                { author: MessageModel.User, content: "Question 10: how does this part work?" },
                { author: MessageModel.Assistant, content: "Answer 11 with **bold**, a list:\n\n1. one\n2. two\n\n```cpp\nint x = 11;\n```\n\nand a closing line." }
            ]
            const recycled = make(texts[0])
            for (let i = 0; i < texts.length; ++i) {
                // The text before the author, as a view may set them too.
                const other = make(texts[i])
                other.content = texts[(i + 1) % texts.length].content
                other.author = texts[(i + 1) % texts.length].author
                other.content = texts[i].content
                other.author = texts[i].author
                const fresh = make(texts[i])
                tryVerify(() => fresh.height > 0)
                wait(50)
                recycled.author = texts[i].author
                recycled.content = texts[i].content
                tryCompare(recycled, "height", fresh.height, 5000, "message " + i)
                wait(50)
                compare(recycled.height, fresh.height, "message " + i + ", later")
                tryCompare(other, "height", fresh.height, 5000, "text first, message " + i)
                wait(50)
                compare(other.height, fresh.height, "text first, message " + i + ", later")
                other.destroy()
                fresh.destroy()
            }
        }

        // Squeezed and widened again (a window resized), a one-line question is one line tall again.
        function test_aQuestionShrinksBackWhenTheWindowWidens() {
            const message = make({ author: MessageModel.User, content: "How do I reverse a list in Python?" })
            tryVerify(() => message.height > 0)
            const oneLine = message.height
            message.width = 200
            tryVerify(() => message.height > oneLine)
            message.width = 900
            tryCompare(message, "height", oneLine)
            // Squeezed and widened in one go, as a layout settling on a new window size does.
            for (let i = 0; i < 20; ++i) {
                message.width = 150 + i * 10
                message.width = 900
            }
            tryCompare(message, "height", oneLine)
            for (let i = 0; i < 20; ++i) {
                message.width = 150 + i * 10
                wait(0)
                message.width = 900
                wait(0)
            }
            tryCompare(message, "height", oneLine)
        }

        // The blocks a message shows (Loaders of MarkdownBlocks in use).
        function shownBlocks(message) {
            return findAll(message, item => item.hasOwnProperty("used") && item.visible)
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
