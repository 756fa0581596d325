// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick
import Ponder

// The window's own words for what the backend says in fields: step types and kinds, the moments of a
// request, durations, finish reasons. The backend's English progress lines are never shown: they are
// composed here from structured fields, in the user's language.
QtObject {
    // The window's language, for its way with numbers (2,1 s in German); bound by the window.
    property var locale: Qt.locale()
    // A figure with one decimal, written as the window's language writes it.
    function decimal(value) {
        return Number(value).toLocaleString(locale, "f", 1)
    }
    // A thinking_type as a name; "" for a model's neutral reasoning step.
    function typeName(type) {
        switch (type) {
        case "": case "reasoning": return ""
        case "initialization": return qsTr("Initialization")
        case "analysis": return qsTr("Analysis")
        case "decision": return qsTr("Decision")
        case "planning": return qsTr("Planning")
        case "evaluation": return qsTr("Evaluation")
        case "risk_assessment": return qsTr("Risk assessment")
        case "service_selection": return qsTr("Service selection")
        case "workflow_generation": return qsTr("Workflow generation")
        case "execution_planning": return qsTr("Execution planning")
        case "result_analysis": return qsTr("Result analysis")
        default: return type.replace(/_/g, " ")
        }
    }
    // What kind of work a nested step is (a trace's span, an agent's tool call).
    function kindName(kind) {
        switch (kind) {
        case "agent": return qsTr("agent")
        case "llm": return qsTr("model")
        case "tool": return qsTr("tool")
        case "retrieval": return qsTr("retrieval")
        case "embedding": return qsTr("embedding")
        case "reasoning": return qsTr("reasoning")
        case "step": case "custom": case "": return ""
        default: return kind
        }
    }
    // 850 ms, 2.1 s, 1 min 5 s.
    function duration(ms) {
        if (ms < 0)
            return ""
        if (ms < 1000)
            return qsTr("%1 ms").arg(Math.round(ms))
        if (ms < 60000)
            return qsTr("%1 s").arg(decimal(ms / 1000))
        const minutes = Math.floor(ms / 60000)
        return qsTr("%1 min %2 s").arg(minutes).arg(Math.floor((ms % 60000) / 1000))
    }
    // An estimate, in whole seconds (rounded up): "about 27 s left", not "about 26.8 s".
    function roughDuration(ms) {
        const seconds = Math.ceil(ms / 1000)
        return seconds < 60 ? qsTr("%1 s").arg(seconds) : duration(seconds * 1000)
    }
    // An entry's place on the timeline: +2.1 s from the start.
    function offset(ms) {
        if (ms < 60000)
            return qsTr("+%1 s").arg(decimal(Math.max(0, ms) / 1000))
        return qsTr("+%1:%2").arg(Math.floor(ms / 60000)).arg(("0" + Math.floor((ms % 60000) / 1000)).slice(-2))
    }
    // How long ago, for the sessions list.
    function age(seconds) {
        if (seconds < 60)
            return qsTr("just now")
        if (seconds < 3600)
            return qsTr("%n min ago", "", Math.floor(seconds / 60))
        if (seconds < 86400)
            return qsTr("%n h ago", "", Math.floor(seconds / 3600))
        return qsTr("%n d ago", "", Math.floor(seconds / 86400))
    }
    // Where a session came from (LiveSessionModel.Origin), with its client's or agent's name.
    function origin(kind, name) {
        switch (kind) {
        case LiveSessionModel.Window: return qsTr("this window")
        case LiveSessionModel.Client: return name !== "" ? name : qsTr("an API client")
        case LiveSessionModel.Agent: return name !== "" ? qsTr("agent %1").arg(name) : qsTr("an agent")
        case LiveSessionModel.Trace: return name !== "" ? qsTr("trace from %1").arg(name) : qsTr("an OpenTelemetry trace")
        default: return ""
        }
    }
    // How a session stands (LiveState.State), as its chip says it.
    function state(value) {
        switch (value) {
        case LiveState.Running: return qsTr("running")
        case LiveState.Done: return qsTr("done")
        case LiveState.Failed: return qsTr("failed")
        case LiveState.Stopped: return qsTr("stopped")
        default: return qsTr("ended")
        }
    }
    function stateTone(value) {
        switch (value) {
        case LiveState.Running: return Theme.accentText
        case LiveState.Done: return Theme.success
        case LiveState.Failed: return Theme.error
        case LiveState.Stopped: return Theme.warning
        default: return Theme.mutedText
        }
    }
    function finishReason(reason) {
        switch (reason) {
        case "": return ""
        case "stop": return qsTr("finished")
        case "length": return qsTr("token limit")
        case "tool_calls": return qsTr("tool calls")
        case "content_filter": return qsTr("content filter")
        default: return reason
        }
    }
    function tokensPerSecond(rate) {
        return qsTr("%1 tokens/s").arg(decimal(rate))
    }
    // A moment of a request (Timeline.Milestone), with its figures; or of an agent's run, with whose run
    // it was (run: agent, run_id).
    function milestone(kind, metrics, message, percentage, run) {
        switch (kind) {
        case Timeline.RunStarted:
        case Timeline.RunFinished:
        case Timeline.RunFailed:
        case Timeline.RunStopped:
            return runMoment(kind, run || {})
        case Timeline.TraceStarted:
        case Timeline.TraceProgress:
        case Timeline.TraceFinished:
        case Timeline.TraceFailed:
        case Timeline.TraceMoved:
            return traceMoment(kind, run || {})
        case Timeline.Received:
            return qsTr("Request received")
        case Timeline.Accepted:
            return qsTr("The model server accepted it")
        case Timeline.ReadingPrompt:
            return percentage >= 0 ? qsTr("Reading the prompt, %1%").arg(Math.round(percentage))
                                   : qsTr("Reading the prompt")
        case Timeline.FirstToken:
            return metrics && metrics.ttft_ms !== undefined ? qsTr("First token after %1").arg(duration(metrics.ttft_ms))
                                                            : qsTr("First token")
        case Timeline.Done: {
            if (!metrics || metrics.elapsed_ms === undefined)
                return message !== "" ? message : qsTr("Done")
            let parts = [qsTr("Done in %1").arg(duration(metrics.elapsed_ms))]
            if (metrics.prompt_tokens !== undefined)
                parts.push(qsTr("%1 prompt + %2 completion tokens").arg(metrics.prompt_tokens).arg(metrics.completion_tokens))
            else if (metrics.tokens !== undefined)
                parts.push(qsTr("%n token(s)", "", metrics.tokens))
            if (metrics.finish_reason)
                parts.push(finishReason(metrics.finish_reason))
            return parts.join(" · ")
        }
        case Timeline.Failed:
            return qsTr("Failed")
        case Timeline.Stopped:
            return qsTr("Stopped")
        case Timeline.Ended:
            return qsTr("Session ended")
        default:
            // An AG-UI agent's state, recorded by its event's name: said in the window's words.
            if (message === "STATE_SNAPSHOT")
                return qsTr("Agent state: snapshot")
            if (message === "STATE_DELTA")
                return qsTr("Agent state: changed")
            return message
        }
    }
    // A run's id as the window says it: a UUID (or another long hex id) shortened to its start, as
    // commits are, which tells random ids apart; any other id whole ("run-1796650403645" and
    // "run-1796650417000" differ at their end).
    function runId(id) {
        return /^[0-9a-f-]{32,}$/i.test(id || "") ? id.slice(0, 8) : (id || "")
    }
    // An agent's run started, finished, failed or was stopped; a run without an id is "its run".
    function runMoment(kind, run) {
        const agent = run.agent || ""
        const id = runId(run.run_id)
        switch (kind) {
        case Timeline.RunStarted:
            return id !== "" ? qsTr("%1 started run %2").arg(agent).arg(id) : qsTr("%1 started a run").arg(agent)
        case Timeline.RunFinished:
            return id !== "" ? qsTr("%1 finished run %2").arg(agent).arg(id) : qsTr("%1 finished its run").arg(agent)
        case Timeline.RunFailed:
            return id !== "" ? qsTr("Run %1 of %2 failed").arg(id).arg(agent) : qsTr("The run of %1 failed").arg(agent)
        default:
            return id !== "" ? qsTr("Run %1 of %2 was stopped").arg(id).arg(agent) : qsTr("The run of %1 was stopped").arg(agent)
        }
    }
    // A trace's moments (run: run_id, the trace id; trace_title; steps_done; steps_failed): named by its
    // title, or by the start of its id when it has none.
    function traceMoment(kind, run) {
        const title = run.trace_title || ""
        const id = (run.run_id || "").slice(0, 8)
        const done = run.steps_done || 0
        const failed = run.steps_failed || 0
        const steps = failed > 0 ? qsTr("%n step(s)", "", done) + ", " + qsTr("%n failed", "", failed)
                                 : qsTr("%n step(s)", "", done)
        switch (kind) {
        case Timeline.TraceStarted:
            return title !== "" ? qsTr("Trace started: %1").arg(title) : qsTr("Trace %1 started").arg(id)
        case Timeline.TraceProgress:
            return failed > 0 ? qsTr("%n step(s) done", "", done) + ", " + qsTr("%n failed", "", failed)
                              : qsTr("%n step(s) done", "", done)
        case Timeline.TraceFinished:
            return qsTr("Trace done: %1").arg(steps)
        case Timeline.TraceMoved:
            //: %1 is a session's id: the conversation a later span of the trace named
            return qsTr("Moved to session %1, the conversation a later span named").arg(run.moved_to || "")
        default:
            return qsTr("The trace failed: %1").arg(steps)
        }
    }
    // Why a trace failed: its root span's own words, quoted; or that it said none.
    function traceFailureDetails(run) {
        return run.reason ? quoted(run.reason) : qsTr("Its root span ended with an error and said no more.")
    }
    // Why an agent's run failed (run: agent, code, reason, detail), in the window's words when Ponder's relay
    // named the failure by its code; "" for a code of the agent's own, whose reason is its own words.
    // `advised`: the window already says what to do (under a chat's answer), so the sentence only says what
    // happened.
    function runFailure(run, advised) {
        const agent = run.agent || ""
        const code = run.code || ""
        if (code.startsWith("agent_http_"))
            return qsTr("%1 answered with HTTP status %2.").arg(agent).arg(code.slice("agent_http_".length))
        switch (code) {
        case "agent_unreachable":
            return advised ? qsTr("%1 could not be reached.").arg(agent)
                           : qsTr("%1 could not be reached. Is it running at the address in Settings?").arg(agent)
        case "agent_timeout":
            return advised ? qsTr("Ponder stopped waiting for %1.").arg(agent)
                           : qsTr("%1 went silent, and Ponder stopped waiting.").arg(agent)
        case "agent_disconnected": return qsTr("%1 broke off the connection during the run.").arg(agent)
        case "agent_error": return qsTr("The connection to %1 failed.").arg(agent)
        case "agent_not_event_stream": return qsTr("%1 did not answer with an event stream.").arg(agent)
        case "agent_event_too_large": return qsTr("%1 sent an event too large to relay.").arg(agent)
        case "agent_stream_ended": return qsTr("%1 ended its stream before it finished the run.").arg(agent)
        default: return ""
        }
    }
    // Someone else's words (an agent's, a library's) shown inside the window's, in the language's quotes.
    function quoted(text) {
        return text !== "" ? qsTr("“%1”").arg(text) : ""
    }
    // The lines under a failed run: the window's sentence and what the other side said, or only the
    // agent's own reason when the code is not one Ponder's relay gives.
    function runFailureDetails(run) {
        const sentence = runFailure(run)
        const quote = runFailureQuote(run)
        return sentence !== "" && quote !== "" ? sentence + "\n" + quote : sentence + quote
    }
    // The other side's own words about a failed run: what the network or the agent's HTTP body said for a
    // failure of the relay's, the agent's reason for one of its own.
    function runFailureQuote(run) {
        return quoted((runFailure(run) !== "" ? run.detail : run.reason) || "")
    }
    // The event store as Settings show it (EventStoreStatus: store, healthy, reason); "" until known.
    function eventStoreNow(store, healthy, reason) {
        if (store === "memory")
            return qsTr("Now: in memory, healthy.")
        if (store === "")
            return ""
        return healthy ? qsTr("Now: Redis, connected.")
                       : qsTr("Now: Redis, degraded (%1). Events are buffered until it is back.").arg(reason)
    }
    // Why a session cannot be watched (SessionView.Problem).
    function sessionProblem(problem) {
        switch (problem) {
        case SessionView.None: return ""
        case SessionView.NotKept: return qsTr("Ponder no longer has this session: it was deleted, or it ended so long ago that it expired.")
        case SessionView.StoreUnreachable: return qsTr("This session cannot be watched now: the event store (Redis) does not answer. Select it again once Redis is back.")
        default: return qsTr("The event store refused to show this session.")
        }
    }
    // Why the keychain could not keep a secret (SecretEditor.Problem).
    function keychainProblem(kind) {
        switch (kind) {
        case SecretEditor.None: return ""
        case SecretEditor.NoKeychain: return qsTr("No keychain answers.")
        case SecretEditor.AccessDenied: return qsTr("The keychain refused Ponder access.")
        default: return qsTr("The keychain reported an error.")
        }
    }
    // A secret that could not be saved, read or removed: why, that it went nowhere else, and what the
    // keychain itself said.
    function keychainFailure(kind, detail) {
        const said = keychainProblem(kind) + " " + qsTr("Nothing is stored in plain text instead.")
        return detail !== "" ? said + "\n" + quoted(detail) : said
    }
    // ProgressState.Phase as a status chip says it.
    function phase(value) {
        switch (value) {
        case ProgressState.Waiting: return qsTr("Waiting")
        case ProgressState.Working: return qsTr("Running")
        case ProgressState.Done: return qsTr("Done")
        case ProgressState.Failed: return qsTr("Failed")
        case ProgressState.Stopped: return qsTr("Stopped")
        case ProgressState.Ended: return qsTr("Ended")
        default: return qsTr("Idle")
        }
    }
    function phaseTone(value) {
        switch (value) {
        case ProgressState.Done: return Theme.success
        case ProgressState.Failed: return Theme.error
        case ProgressState.Stopped: return Theme.warning
        case ProgressState.Idle:
        case ProgressState.Ended: return Theme.mutedText
        default: return Theme.accentText
        }
    }
    // What failed in an answer, from its fields (failure: upstream, upstream_status, cut_off, code, detail;
    // an agent chatted with: agent, code): which model server or agent, and how, in the window's words.
    // "" when the fields name nothing more than the advice says.
    function generationFailure(failure) {
        if (failure.agent)
            return runFailure(failure, true)
        const upstream = failure.upstream || ""
        if (upstream === "")
            return ""
        if (failure.cut_off)
            return qsTr("%1 broke off the answer before it was done.").arg(upstream)
        if (failure.upstream_status)
            return qsTr("%1 answered with HTTP status %2.").arg(upstream).arg(failure.upstream_status)
        switch (failure.code || "") {
        case "upstream_unreachable": return qsTr("%1 could not be reached.").arg(upstream)
        case "upstream_timeout": return qsTr("%1 went silent, and Ponder stopped waiting.").arg(upstream)
        case "upstream_tls_error": return qsTr("The secure connection to %1 failed.").arg(upstream)
        }
        return failure.detail ? qsTr("%1 reported an error.").arg(upstream)
                              : qsTr("%1 sent an answer Ponder could not read.").arg(upstream)
    }
    // Why an upstream gave no models (its listing's error code), for the no-upstream panel; the backend's
    // English message goes under it as a detail.
    function upstreamProblem(code) {
        switch (code || "") {
        case "upstream_unreachable": return qsTr("Not reachable: nothing answers at this address. Is the server running?")
        case "upstream_timeout": return qsTr("It went silent, and Ponder stopped waiting.")
        case "upstream_tls_error": return qsTr("The secure connection failed.")
        case "upstream_auth_failed": return qsTr("It refused Ponder's API key.")
        case "model_not_found": return qsTr("Nothing found at this address: is the URL right?")
        case "rate_limit_exceeded": return qsTr("It asked Ponder to wait (too many requests).")
        default: return qsTr("It answered with an error.")
        }
    }
    // The lines under a failed answer: the window's sentence, then what the other side said, quoted. An
    // update without fields (from an older Ponder) has only its English message to give.
    function failureDetails(failure, message) {
        const fields = failure || {}
        if (Object.keys(fields).length === 0)
            return (message || "").replace(/^Failed: /, "")
        const sentence = generationFailure(fields)
        const quote = quoted(fields.detail || "")
        return sentence !== "" && quote !== "" ? sentence + "\n" + quote : sentence + quote
    }
    // What went wrong (ChatFailure), in a few words: the status line of a failed request.
    function failed(kind) {
        switch (kind) {
        case ChatFailure.ModelNotFound: return qsTr("Model not found")
        case ChatFailure.RateLimited: return qsTr("Rate limited")
        case ChatFailure.Unreachable: return qsTr("Model server not reachable")
        case ChatFailure.Timeout: return qsTr("Model server went silent")
        case ChatFailure.CutOff: return qsTr("The answer broke off")
        case ChatFailure.Rejected: return qsTr("API key refused")
        case ChatFailure.Busy: return qsTr("Too many answers at once")
        case ChatFailure.Invalid: return qsTr("Request refused")
        case ChatFailure.AgentUnreachable: return qsTr("Agent not reachable")
        case ChatFailure.AgentSilent: return qsTr("Agent went silent")
        case ChatFailure.AgentRefused: return qsTr("Agent refused Ponder")
        case ChatFailure.AgentFailed: return qsTr("The agent reported an error")
        default: return qsTr("The model server reported an error")
        }
    }
    // What to do about a failed answer, by what went wrong (ChatFailure): the same words under the
    // answer, in the status and when a chat is reopened.
    function advice(kind, anyText = true) {
        switch (kind) {
        case ChatFailure.ModelNotFound:
            return qsTr("The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).")
        case ChatFailure.RateLimited:
            return qsTr("The server is rate limiting Ponder and asked it to wait.")
        case ChatFailure.Unreachable:
            return qsTr("The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.")
        case ChatFailure.Timeout:
            return qsTr("The model server went silent. It may still be loading the model: try again.")
        case ChatFailure.CutOff:
            return anyText ? qsTr("The answer broke off before it was done. Retry to get it whole.")
                           : qsTr("The stream broke off before any answer came. Retry.")
        case ChatFailure.Rejected:
            return qsTr("The model server refused Ponder's API key. Check the key in Settings.")
        case ChatFailure.Busy:
            return qsTr("Ponder is already running as many answers as it allows. Try again in a moment.")
        case ChatFailure.Invalid:
            return qsTr("The model server refused the request.")
        case ChatFailure.AgentUnreachable:
            return qsTr("The agent is not answering. Is it running at the address in Settings?")
        case ChatFailure.AgentSilent:
            return qsTr("The agent went silent. Try again.")
        case ChatFailure.AgentRefused:
            return qsTr("The agent refused Ponder. Check its address and what it expects in Settings.")
        case ChatFailure.AgentFailed:
            return qsTr("The agent reported an error.")
        default:
            return qsTr("The model server reported an error.")
        }
    }
}
