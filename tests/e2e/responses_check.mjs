// SPDX-License-Identifier: MIT
// Drives a running Ponder with the official `openai` client's Responses API (responses.create,
// responses.stream, previous_response_id, responses.retrieve) and prints what it saw as one JSON object;
// tst_translated_sdks checks the figures. Any exception the SDK throws where it should not ends this
// script with exit code 1.
//
// usage: node responses_check.mjs <base URL ending in /v1> <thinking model> <tool-calling model> <failing model>
import OpenAI from 'openai';

const [baseURL, model, callerModel, failingModel] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: 'any-non-empty-key', maxRetries: 0, timeout: 30000 });
const result = {};

// Not streamed: the SDK's output_text joins the message texts.
const whole = await client.responses.create({
  model, input: 'Why is the sky blue?', instructions: 'Be brief.', reasoning: { effort: 'low' },
});
result.whole = {
  object: whole.object,
  status: whole.status,
  outputText: whole.output_text,
  types: whole.output.map((item) => item.type),
  reasoning: whole.output.find((item) => item.type === 'reasoning')?.content?.[0]?.text ?? null,
  inputTokens: whole.usage?.input_tokens ?? null,
};

// Streamed with the helper, which checks every event against its snapshot: reasoning, then a function call.
const tools = [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
const stream = client.responses.stream({ model: callerModel, input: 'Weather in Paris?', tools, reasoning: { effort: 'medium' } });
const seen = { reasoning: '', argumentDeltas: 0, events: [] };
stream.on('event', (event) => seen.events.push(event.type));
stream.on('response.reasoning_text.delta', (event) => { seen.reasoning += event.delta; });
stream.on('response.function_call_arguments.delta', () => { seen.argumentDeltas += 1; });
const streamed = await stream.finalResponse();
const call = streamed.output.find((item) => item.type === 'function_call');
result.streamed = {
  status: streamed.status,
  reasoning: seen.reasoning,
  argumentDeltas: seen.argumentDeltas,
  first: seen.events[0],
  last: seen.events.at(-1),
  call: call ? { name: call.name, arguments: JSON.parse(call.arguments), callId: call.call_id } : null,
};

// The function's output goes back in a later turn, continued by previous_response_id.
const answered = await client.responses.create({
  model,
  previous_response_id: streamed.id,
  input: [{ type: 'function_call_output', call_id: call.call_id, output: 'sunny, 21 C' }],
});
result.continued = { previous: answered.previous_response_id, outputText: answered.output_text };
const fetched = await client.responses.retrieve(streamed.id);
result.retrieved = { id: fetched.id, status: fetched.status, sameAsStreamed: fetched.id === streamed.id };

// Raw events: sequence numbers go up by one from 0.
const raw = await client.responses.create({ model, input: 'Again?', stream: true });
let expected = 0;
let ordered = true;
const rawTypes = [];
for await (const event of raw) {
  ordered &&= event.sequence_number === expected++;
  rawTypes.push(event.type);
}
result.raw = { ordered, count: rawTypes.length, first: rawTypes[0], last: rawTypes.at(-1) };

async function errorOf(call) {
  try {
    await call();
    return null;
  } catch (error) {
    return { name: error.constructor.name, status: error.status ?? null, message: String(error.message ?? JSON.stringify(error)) };
  }
}
result.unknownModel = await errorOf(() => client.responses.create({ model: 'no-such-model', input: 'x' }));
result.unknownPrevious = await errorOf(() => client.responses.create({ model, input: 'x', previous_response_id: 'resp_nope' }));
result.midStream = await errorOf(async () => {
  const failing = client.responses.stream({ model: failingModel, input: 'x' });
  await failing.finalResponse();
});

console.log(JSON.stringify(result));
