// SPDX-License-Identifier: MIT
// Drives a running Ponder with the official OpenTelemetry and AG-UI libraries, as agents and AG-UI front
// ends would, and prints what it saw as one JSON object; tst_agent_sdks checks it. An exception where
// there should be none ends the script with exit code 1.
//
// The OTLP exporters are configured the way users configure them, from the environment:
// OTEL_EXPORTER_OTLP_ENDPOINT (Ponder's base URL) and OTEL_EXPORTER_OTLP_HEADERS ("Authorization=Bearer KEY").
//
// usage: node agents_check.mjs <Ponder base URL> <API key> <relayed agent> <dying agent> <chat session>
import { diag, DiagLogLevel, trace, context, SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { HttpAgent, verifyEvents } from '@ag-ui/client';
import { EventSchemas } from '@ag-ui/core/schemas';
import { from, lastValueFrom, toArray } from 'rxjs';

const [base, apiKey, relayedAgent, dyingAgent, chatSession] = process.argv.slice(2);
const auth = { Authorization: `Bearer ${apiKey}` };
const result = {};

// Whatever the SDK logs as a warning or an error (a failed export, a partial success) is reported.
const sdkProblems = [];
diag.setLogger({
  error: (...args) => sdkProblems.push(args.join(' ')),
  warn: (...args) => sdkProblems.push(args.join(' ')),
  info: () => {}, debug: () => {}, verbose: () => {},
}, DiagLogLevel.WARN);

// An agent's trace as the GenAI conventions describe it: invoke_agent, with a chat and two tool calls
// (one failing) as children; the session is named on the resource (session.id).
async function sendTrace(exporter, processorKind, sessionId) {
  const processor = processorKind === 'simple' ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'travel-service', 'session.id': sessionId }),
    spanProcessors: [processor],
  });
  const tracer = provider.getTracer('ponder-e2e', '1.0.0');
  const agent = tracer.startSpan('invoke_agent travel-planner', {
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'travel-planner',
      'gen_ai.conversation.id': sessionId, 'custom.unknown.attribute': 'kept' },
  });
  const inAgent = trace.setSpan(context.active(), agent);
  const chat = tracer.startSpan('chat qwen3', {
    attributes: {
      'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'ollama', 'gen_ai.request.model': 'qwen3',
      'gen_ai.usage.input_tokens': 42, 'gen_ai.usage.output_tokens': 17,
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Plan a day in Paris' }] }]),
      'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', finish_reason: 'tool_call', parts: [
        { type: 'reasoning', content: 'I need the weather first.' },
        { type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { city: 'Paris' } }] }]),
    },
  }, inAgent);
  chat.end();
  const weather = tracer.startSpan('execute_tool get_weather', {
    attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'get_weather',
      'gen_ai.tool.call.id': 'call_1', 'gen_ai.tool.call.arguments': '{"city":"Paris"}',
      'gen_ai.tool.call.result': '18 C, sunny' },
  }, inAgent);
  weather.end();
  const booking = tracer.startSpan('execute_tool book_museum', {
    attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'book_museum' },
  }, inAgent);
  booking.recordException(new Error('no tickets left'));
  booking.setStatus({ code: SpanStatusCode.ERROR, message: 'no tickets left' });
  booking.end();
  agent.end();
  await provider.forceFlush();
  await provider.shutdown();
  return { traceId: agent.spanContext().traceId, rootSpanId: agent.spanContext().spanId };
}

async function json(path) {
  const response = await fetch(base + path, { headers: auth });
  return { status: response.status, body: await response.json() };
}

// The session as the streaming API shows it, steps merged by step_id.
async function sessionSummary(sessionId) {
  const session = await json(`/api/streaming/sessions/${sessionId}`);
  const events = (await json(`/api/streaming/sessions/${sessionId}/events`)).body.events ?? [];
  const steps = new Map();
  const activities = [];
  for (const { type, data } of events) {
    if (type === 'thinking_step' && data.step_id) steps.set(data.step_id, { ...steps.get(data.step_id), ...data });
    if (type === 'progress_update') activities.push(data.current_activity);
  }
  return {
    status: session.status, title: session.body.user_request, active: session.body.active,
    activities, ended: events.some((event) => event.type === 'session_end'),
    steps: [...steps.values()].map((s) => ({ id: s.step_id, parent: s.parent_id, kind: s.kind, name: s.name,
      status: s.status, input: s.input ?? null, output: s.output ?? null, content: s.content,
      attributes: s.attributes ?? {} })),
  };
}

// Reads /agui until `until` returns true for an event (or the stream ends), checks every event against
// @ag-ui/core's schemas and the whole sequence with @ag-ui/client's verifyEvents.
async function watchAsAgui(sessionId, until) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/streaming/sessions/${sessionId}/agui`,
    { headers: { ...auth, Accept: 'text/event-stream' }, signal: controller.signal });
  const events = [];
  const invalid = [];
  const decoder = new TextDecoder();
  let buffered = '';
  let done = false;
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const frame = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      for (const line of frame.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const event = JSON.parse(line.slice(6));
        const parsed = EventSchemas.safeParse(event);
        if (!parsed.success) invalid.push({ type: event.type, issues: parsed.error.issues.map((i) => i.message) });
        events.push(event);
        done = done || until(event);
      }
    }
    if (done) break;
  }
  controller.abort();
  let sequenceError = null;
  try {
    await lastValueFrom(from(events).pipe(verifyEvents(false), toArray()));
  } catch (error) {
    sequenceError = String(error.message ?? error);
  }
  return { contentType: response.headers.get('content-type'), types: events.map((e) => e.type), invalid,
    sequenceError, events };
}

// 1. OTLP/HTTP JSON, one export per span (children first), then protobuf in one batch.
const jsonSession = `otel-json-${Date.now()}`;
const protoSession = `otel-proto-${Date.now()}`;
result.jsonTrace = await sendTrace(new JsonExporter(), 'simple', jsonSession);
result.protoTrace = await sendTrace(new ProtoExporter(), 'batch', protoSession);
result.sdkProblems = sdkProblems;
result.jsonSession = await sessionSummary(jsonSession);
result.protoSession = await sessionSummary(protoSession);

// 2. AG-UI: HttpAgent through the relay to the fake agent; then one that dies mid-run.
const agent = new HttpAgent({ url: `${base}/agui/${relayedAgent}`, headers: auth, threadId: 'agui-thread-1',
  initialMessages: [{ id: 'u1', role: 'user', content: 'Weather in Paris?' }] });
const relayed = [];
const run = await agent.runAgent({ runId: 'run-1' }, { onEvent: ({ event }) => relayed.push(event.type) });
result.relay = {
  types: relayed,
  newMessages: run.newMessages.map((m) => ({ role: m.role, content: m.content ?? null,
    toolCalls: (m.toolCalls ?? []).map((c) => c.function.name) })),
  state: agent.state,
};
const dying = new HttpAgent({ url: `${base}/agui/${dyingAgent}`, headers: auth, threadId: 'agui-thread-2',
  initialMessages: [{ id: 'u1', role: 'user', content: 'Weather in Paris?' }] });
let runError = null;
try {
  await dying.runAgent({ runId: 'run-2' }, { onRunErrorEvent: ({ event }) => { runError = { message: event.message, code: event.code ?? null }; } });
} catch (error) {
  runError = runError ?? { thrown: String(error.message ?? error) };
}
result.dying = { runError, session: await sessionSummary('agui-thread-2') };
result.relaySession = await sessionSummary('agui-thread-1');

// 3. Any session as AG-UI: the relayed run, both traced agents, and a chat completion.
const finishedOrFailed = (event) => event.type === 'RUN_FINISHED' || event.type === 'RUN_ERROR';
for (const [name, session] of [['relayed', 'agui-thread-1'], ['dyingRun', 'agui-thread-2'],
  ['traced', protoSession], ['chat', chatSession]]) {
  const watched = await watchAsAgui(session, finishedOrFailed);
  delete watched.events;
  result[`${name}AsAgui`] = watched;
}

console.log(JSON.stringify(result));
