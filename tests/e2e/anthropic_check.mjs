// SPDX-License-Identifier: MIT
// Drives a running Ponder with the official `@anthropic-ai/sdk` client (messages.create,
// messages.stream with thinking, finalMessage, a tool_use round trip, errors) and prints what it saw as
// one JSON object; tst_translated_sdks checks the figures. Any exception the SDK throws where it should
// not ends this script with exit code 1.
//
// usage: node anthropic_check.mjs <base URL> <thinking model> <tool-calling model> <failing model>
import Anthropic from '@anthropic-ai/sdk';

const [baseURL, model, callerModel, failingModel] = process.argv.slice(2);
const client = new Anthropic({ baseURL, apiKey: 'any-non-empty-key', maxRetries: 0, timeout: 30000 });
const messages = [{ role: 'user', content: 'Why is the sky blue?' }];
const result = {};

const whole = await client.messages.create({ model, max_tokens: 1024, messages, system: 'Be brief.' });
result.whole = {
  type: whole.type,
  role: whole.role,
  blocks: whole.content.map((block) => block.type),
  text: whole.content.filter((block) => block.type === 'text').map((block) => block.text).join(''),
  stopReason: whole.stop_reason,
  usage: whole.usage,
};

// Streamed with thinking: the helper emits thinking and text as they come and assembles the message.
const stream = client.messages.stream({
  model, max_tokens: 4096, messages, thinking: { type: 'enabled', budget_tokens: 2048 },
});
let thinking = '';
let text = '';
const events = [];
stream.on('thinking', (delta) => { thinking += delta; });
stream.on('text', (delta) => { text += delta; });
stream.on('streamEvent', (event) => events.push(event.type));
const final = await stream.finalMessage();
result.streamed = {
  thinking,
  text,
  blocks: final.content.map((block) => block.type),
  finalThinking: final.content.find((block) => block.type === 'thinking')?.thinking ?? null,
  stopReason: final.stop_reason,
  usage: final.usage,
  first: events[0],
  last: events.at(-1),
};

// A tool_use round trip: the model asks for a tool, the result goes back, the model answers.
const tools = [{ name: 'get_weather', description: 'Weather in a city', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }];
const asked = await client.messages.stream({ model: callerModel, max_tokens: 1024, tools, messages: [{ role: 'user', content: 'Weather in Paris?' }] }).finalMessage();
const toolUse = asked.content.find((block) => block.type === 'tool_use');
const answered = await client.messages.create({
  model,
  max_tokens: 1024,
  tools,
  messages: [
    { role: 'user', content: 'Weather in Paris?' },
    { role: 'assistant', content: asked.content },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'sunny, 21 C' }] },
  ],
});
result.tools = {
  stopReason: asked.stop_reason,
  name: toolUse?.name ?? null,
  input: toolUse?.input ?? null,
  answer: answered.content.filter((block) => block.type === 'text').map((block) => block.text).join(''),
};

async function errorOf(call) {
  try {
    await call();
    return null;
  } catch (error) {
    return { name: error.constructor.name, status: error.status ?? null, type: error.error?.error?.type ?? null, message: String(error.message) };
  }
}
result.missingMaxTokens = await errorOf(() => client.messages.create({ model, messages }));
result.unknownModel = await errorOf(() => client.messages.create({ model: 'no-such-model', max_tokens: 10, messages }));
result.midStream = await errorOf(() => client.messages.stream({ model: failingModel, max_tokens: 1024, messages }).finalMessage());
// Counted where the upstream can (llama.cpp's server); elsewhere a 501 in Anthropic's shape.
result.countTokens = await client.messages.countTokens({ model, messages }).then(
  (counted) => ({ tokens: counted.input_tokens }),
  (error) => ({ name: error.constructor.name, status: error.status ?? null, type: error.error?.error?.type ?? null }));

console.log(JSON.stringify(result));
