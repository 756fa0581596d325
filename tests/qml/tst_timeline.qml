// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Ponder

// The timeline's pieces: a step card (what it says of itself, how long it took, what it weighed), a
// moment of a request in the window's own words, and the words themselves.
Item {
    id: root
    width: 500
    height: 600

    SessionView { id: sessionView }

    Component {
        id: cardComponent
        StepCard {
            width: 460
            timeline: sessionView.timeline
            row: 0
            offsetMs: 0
            shownDuration: 1200
            open: false
            hasChildren: false
            expanded: true
            number: 1
            stepType: "reasoning"
            stepKind: ""
            name: ""
            status: Timeline.NoStatus
            content: ""
            reasoningChain: []
            alternatives: []
            factors: []
            confidence: -1
            input: ""
            output: ""
            attributes: ""
            tone: Theme.mutedText
        }
    }
    Component {
        id: reasoningComponent
        TimelineRow {
            width: 460
            timeline: sessionView.timeline
            index: 0
            entry: Timeline.ReasoningEntry
            offsetMs: 400
            durationMs: 1200
            open: false
            depth: 0
            hasChildren: false
            expanded: true
            number: 1
            stepType: "planning"
            stepKind: ""
            name: ""
            status: Timeline.NoStatus
            content: "**Plan**\n\nList the points, then a table."
            reasoningChain: []
            alternatives: []
            factors: []
            confidence: -1
            input: ""
            output: ""
            attributes: ""
            milestone: Timeline.AgentUpdate
            message: ""
            percentage: -1
            findings: []
            metrics: ({})
            run: ({})
        }
    }
    Component {
        id: milestoneComponent
        MilestoneLine {
            width: 460
            milestone: Timeline.AgentUpdate
            message: ""
            percentage: -1
            findings: []
            metrics: ({})
            run: ({})
            tone: Theme.mutedText
        }
    }

    TestCase {
        name: "Timeline"
        when: windowShown

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
        function label(item, name) {
            const found = findAll(item, child => child.objectName === name)
            return found.length > 0 ? found[0].text : undefined
        }
        function shown(item, predicate) {
            return findAll(item, child => child.visible && predicate(child))
        }

        // A step says what it is: its name when it has one, else its type, else its number, neutrally.
        function test_aStepNamesItselfHonestly() {
            const plain = createTemporaryObject(cardComponent, root, { number: 2, content: "Let me be careful here." })
            compare(label(plain, "stepLabel"), "Step 2")
            const typed = createTemporaryObject(cardComponent, root, { number: 4, stepType: "planning",
                                                                       tone: Theme.stepColor("planning") })
            compare(label(typed, "stepLabel"), "4 · Planning")
            const named = createTemporaryObject(cardComponent, root, { name: "search_flights", stepKind: "tool",
                                                                       status: Timeline.Succeeded })
            compare(label(named, "stepLabel"), "search_flights")
            verify(shown(named, child => child.text === "tool").length === 1)
            verify(shown(named, child => child.text === "✓").length === 1)
            // Red is for risks and warnings only.
            compare(Theme.stepColor("reasoning"), Theme.mutedText)
            compare(Theme.stepColor("risk_assessment"), Theme.error)
            for (const type of ["analysis", "decision", "planning", "evaluation", "initialization", "result_analysis"])
                verify(Theme.stepColor(type) !== Theme.error)
        }

        // A step of a stopped run is stopped, in the warning colour, not failed.
        function test_aStoppedStepIsNotAFailure() {
            const stopped = createTemporaryObject(cardComponent, root, { name: "plan", status: Timeline.Interrupted })
            const mark = shown(stopped, child => child.text === "■")
            compare(mark.length, 1)
            compare(mark[0].color, Theme.warning)
            const failed = createTemporaryObject(cardComponent, root, { name: "plan", status: Timeline.Errored })
            compare(shown(failed, child => child.text === "✕")[0].color, Theme.error)
        }

        // A model's reasoning is Markdown, as its answer is: **Plan** is bold, not asterisks.
        function test_reasoningRendersItsMarkdown() {
            const row = createTemporaryObject(reasoningComponent, root)
            const text = findAll(row, child => child.objectName === "reasoningStep")[0]
            compare(text.textFormat, Text.MarkdownText)
            verify(text.implicitWidth > 0)
        }

        // What it weighed is shown where it belongs: on the step.
        function test_aStepShowsWhatItWeighed() {
            const step = createTemporaryObject(cardComponent, root, {
                stepType: "decision", content: "Take the **train**.", confidence: 0.82,
                alternatives: ["fly", "drive"], factors: ["price", "time"], input: "Lisbon to Porto", output: "14:05, 35 €"
            })
            verify(shown(step, child => child.text === "82% sure").length === 1)
            verify(shown(step, child => String(child.text).indexOf("fly · drive") > 0).length === 1)
            verify(shown(step, child => String(child.text).indexOf("price · time") > 0).length === 1)
            verify(shown(step, child => child.text === "in: Lisbon to Porto").length === 1)
            verify(shown(step, child => child.text === "out: 14:05, 35 €").length === 1)
            // Markdown renders in the card.
            const content = findAll(step, child => child.objectName === "stepContent")[0]
            compare(content.textFormat, TextEdit.MarkdownText)
        }

        // A running step's bar and time grow; a finished one says how long it took.
        function test_durationsAreShown() {
            const done = createTemporaryObject(cardComponent, root, { shownDuration: 2100 })
            verify(shown(done, child => child.text === "2.1 s").length === 1)
            const running = createTemporaryObject(cardComponent, root, { shownDuration: 800, open: true })
            verify(shown(running, child => child.text === "running 800 ms").length === 1)
            const bar = findAll(running, child => child.objectName === "durationBar")[0]
            verify(bar.width >= 3)
        }

        function test_aParentFoldsItsSteps() {
            const parent = createTemporaryObject(cardComponent, root, { hasChildren: true, name: "plan trip" })
            verify(shown(parent, child => child.text === "▾").length === 1)
            parent.expanded = false
            verify(shown(parent, child => child.text === "▸").length === 1)
        }

        // The window words Ponder's own moments itself (translated), from their figures.
        function test_momentsAreWordedFromTheirFigures() {
            const done = createTemporaryObject(milestoneComponent, root, {
                milestone: Timeline.Done, tone: Theme.success,
                metrics: { elapsed_ms: 2340, prompt_tokens: 24, completion_tokens: 12, finish_reason: "stop" },
                message: "Done in 2.34 s: 24 prompt + 12 completion tokens"
            })
            compare(label(done, "milestoneText"), "Done in 2.3 s · 24 prompt + 12 completion tokens · finished")
            const failed = createTemporaryObject(milestoneComponent, root, {
                milestone: Timeline.Failed, message: "Failed: upstream 'ollama': connection refused"
            })
            compare(label(failed, "milestoneText"), "Failed")
            verify(shown(failed, child => child.text === "upstream 'ollama': connection refused").length === 1)
            const first = createTemporaryObject(milestoneComponent, root, { milestone: Timeline.FirstToken,
                                                                             metrics: { ttft_ms: 320 } })
            compare(label(first, "milestoneText"), "First token after 320 ms")
            compare(Words.milestone(Timeline.ReadingPrompt, {}, "", 40), "Reading the prompt, 40%")
        }

        // An agent's run, as Ponder relays it, in the window's words with the agent's and the run's names; a
        // failure's reason under them.
        function test_anAgentsRunIsWordedFromItsFields() {
            const started = createTemporaryObject(milestoneComponent, root, {
                milestone: Timeline.RunStarted, message: "ignored", percentage: 0,
                run: { agent: "weather", run_id: "run-7" }
            })
            compare(label(started, "milestoneText"), "weather started run run-7")
            verify(shown(started, child => child.text === "0%").length === 0)
            const failed = createTemporaryObject(milestoneComponent, root, {
                milestone: Timeline.RunFailed, message: "Failed: agent weather broke off the run",
                run: { agent: "weather", run_id: "run-7", reason: "agent weather broke off the run" }
            })
            compare(label(failed, "milestoneText"), "Run run-7 of weather failed")
            // No code Ponder knows: the reason is the agent's own words, quoted.
            compare(label(failed, "milestoneDetails"), "“agent weather broke off the run”")
            // A code of Ponder's relay: the window's sentence, and what the other side said quoted under it
            // (not Ponder's English reason).
            const unreachable = createTemporaryObject(milestoneComponent, root, {
                milestone: Timeline.RunFailed, message: "Failed: agent weather could not be reached: Connection refused",
                run: { agent: "weather", run_id: "run-7", code: "agent_unreachable", detail: "Connection refused",
                       reason: "agent weather could not be reached: Connection refused" }
            })
            compare(label(unreachable, "milestoneDetails"),
                    "weather could not be reached. Is it running at the address in Settings?\n“Connection refused”")
            compare(Words.runFailureDetails({ agent: "weather", code: "agent_http_503", reason: "agent weather answered HTTP 503" }),
                    "weather answered with HTTP status 503.")
            compare(Words.runFailureDetails({ agent: "weather", code: "agent_stream_ended", reason: "x" }),
                    "weather ended its stream before it finished the run.")
            compare(Words.runFailureDetails({ agent: "weather", code: "RATE_LIMITED", reason: "Too many requests" }),
                    "“Too many requests”")
            compare(Words.runFailureDetails({ agent: "weather" }), "")
            const stopped = createTemporaryObject(milestoneComponent, root, {
                milestone: Timeline.RunStopped, run: { agent: "weather", run_id: "run-7", reason: "the caller went away" }
            })
            compare(label(stopped, "milestoneText"), "Run run-7 of weather was stopped")
            verify(shown(stopped, child => child.text === "the caller went away").length === 0)
            compare(Words.milestone(Timeline.RunFinished, null, "", -1, { agent: "weather", run_id: "" }),
                    "weather finished its run")
            compare(Words.milestone(Timeline.RunStopped, null, "", -1, { agent: "weather", run_id: "r" }),
                    "Run r of weather was stopped")
            compare(Words.milestone(Timeline.RunStarted, null, "", -1,
                                    { agent: "weather", run_id: "296e6247-03c2-4958-93f8-1216273eb251" }),
                    "weather started run 296e6247")
            // Ids that share a start are not cut: runs "run-<time>" stay apart.
            compare(Words.milestone(Timeline.RunStarted, null, "", -1, { agent: "weather", run_id: "run-1796650403645" }),
                    "weather started run run-1796650403645")
        }

        // A trace's moments in the window's words from their fields: its title or id, how many steps were
        // done and failed, and the root span's own words quoted when it failed.
        function test_aTracesMomentsAreWordedFromTheirFields() {
            const id = "4bf92f3577b34da6a3ce929d0e0e4736"
            compare(Words.milestone(Timeline.TraceStarted, null, "Trace started", 0, { run_id: id, trace_title: "" }),
                    "Trace 4bf92f35 started")
            compare(Words.milestone(Timeline.TraceStarted, null, "", 0, { run_id: id, trace_title: "Plan a trip" }),
                    "Trace started: Plan a trip")
            compare(Words.milestone(Timeline.TraceProgress, null, "", -1,
                                    { run_id: id, trace_title: "", steps_done: 1, steps_failed: 0 }),
                    "1 step(s) done")
            compare(Words.milestone(Timeline.TraceFinished, null, "", 100,
                                    { run_id: id, trace_title: "", steps_done: 3, steps_failed: 1 }),
                    "Trace done: 3 step(s), 1 failed")
            const failed = createTemporaryObject(milestoneComponent, root, {
                milestone: Timeline.TraceFailed, message: "Failed: ran out of budget",
                run: { run_id: id, trace_title: "", steps_done: 2, steps_failed: 1, reason: "ran out of budget" }
            })
            compare(label(failed, "milestoneText"), "The trace failed: 2 step(s), 1 failed")
            compare(label(failed, "milestoneDetails"), "“ran out of budget”")
            compare(Words.traceFailureDetails({ run_id: id }), "Its root span ended with an error and said no more.")
            compare(Words.milestone(Timeline.TraceMoved, null, "Moved to session conv-42", 100,
                                    { run_id: id, trace_title: "", moved_to: "conv-42" }),
                    "Moved to session conv-42, the conversation a later span named")
        }

        // An agent's update is in its own words, with its findings under it.
        function test_findingsAreListedUnderTheirUpdate() {
            const update = createTemporaryObject(milestoneComponent, root, {
                message: "Checked the museums", percentage: 60, findings: ["Closed on Mondays", "Free on Sundays"]
            })
            compare(label(update, "milestoneText"), "Checked the museums")
            const texts = shown(update, child => child.text !== undefined).map(child => child.text)
            verify(texts.indexOf("60%") >= 0, texts)
            // Markdown text reads back as Markdown, with a line feed at its end.
            verify(shown(update, child => String(child.text).trim() === "Closed on Mondays").length === 1)
            verify(shown(update, child => String(child.text).trim() === "Free on Sundays").length === 1)
        }

        function test_offsetsAndDurations() {
            Words.locale = Qt.locale("en")
            compare(Words.offset(2100), "+2.1 s")
            compare(Words.offset(65000), "+1:05")
            compare(Words.duration(850), "850 ms")
            compare(Words.duration(61000), "1 min 1 s")
            // An AG-UI agent's state, named by its event, is said in words.
            compare(Words.milestone(Timeline.AgentUpdate, ({}), "STATE_SNAPSHOT", -1, ({})), "Agent state: snapshot")
            compare(Words.milestone(Timeline.AgentUpdate, ({}), "STATE_DELTA", -1, ({})), "Agent state: changed")
            // An estimate is not more precise than "about" says.
            compare(Words.roughDuration(26800), "27 s")
            compare(Words.roughDuration(61200), "1 min 2 s")
            compare(Words.age(30), "just now")
            compare(Words.age(180), "3 min ago")
        }

        function test_numbersAreWrittenAsTheWindowsLanguageWritesThem() {
            Words.locale = Qt.locale("de")
            compare(Words.offset(2100), "+2,1 s")
            compare(Words.duration(12500), "12,5 s")
            compare(Words.tokensPerSecond(42.3), "42,3 tokens/s")
            Words.locale = Qt.locale("en")
            compare(Words.tokensPerSecond(42.3), "42.3 tokens/s")
        }

        // The time keeps one width as it ticks ("0 ms" is as wide as "888 ms"), so that a new text never
        // waits for the layout's next polish to fit ("739 ms" was shown as "739 m"); short of room, the
        // status line elides instead.
        function test_theTimeKeepsItsWidthAsItTicks() {
            const status = createTemporaryObject(narrowStatusComponent, root)
            status.session.progress.begin("Sending to a model with a very long name indeed, longer than the row")
            const time = findAll(status, child => child.objectName === "elapsedLabel")[0]
            const line = findAll(status, child => child.objectName === "statusNow")[0]
            verify(time.visible)
            compare(time.text, "0 ms")
            const widest = Qt.createQmlObject("import QtQuick; TextMetrics { text: '888 ms' }", status)
            widest.font = time.font
            tryVerify(() => time.width >= widest.advanceWidth)
            verify(line.truncated)
        }

        function test_anIdleSessionSaysSo() {
            const status = createTemporaryObject(statusComponent, root)
            compare(label(status, "phaseLabel"), "Idle")
            compare(Words.phase(ProgressState.Waiting), "Waiting")
            compare(Words.phase(ProgressState.Ended), "Ended")
            compare(status.nowText(), "")
        }
    }
    Component {
        id: statusComponent
        SessionStatus { width: 400; session: sessionView }
    }
    Component {
        id: narrowStatusComponent
        SessionStatus { width: 160; session: SessionView {} }
    }
}
