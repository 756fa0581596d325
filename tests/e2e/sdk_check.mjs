// SPDX-License-Identifier: MIT
// Drives a running Ponder with the official `openai` npm client, as editors and Open WebUI's
// backend do, and prints what it saw as one JSON object. tst_openai_sdk checks the figures;
// any exception the SDK throws where it should not ends this script with exit code 1.
//
// usage: node sdk_check.mjs <base URL ending in /v1> <model> <failing model>
import OpenAI from 'openai';

const [baseURL, model, failingModel] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: 'any-non-empty-key', maxRetries: 0, timeout: 30000 });
const messages = [{ role: 'user', content: 'Why is the sky blue?' }];
const result = {};

const models = await client.models.list();
result.models = models.data.map((m) => m.id).sort();

// Streamed, chunk by chunk, with usage.
const stream = await client.chat.completions.create({
  model, messages, stream: true, stream_options: { include_usage: true }, temperature: 0.2,
});
let content = '';
let reasoning = '';
let firstRole = null;
let finishReason = null;
let usage = null;
const ids = new Set();
for await (const chunk of stream) {
  ids.add(chunk.id);
  const choice = chunk.choices[0];
  if (choice) {
    firstRole ??= choice.delta.role ?? 'missing';
    content += choice.delta.content ?? '';
    reasoning += choice.delta.reasoning_content ?? '';
    finishReason = choice.finish_reason ?? finishReason;
  }
  if (chunk.usage) usage = chunk.usage;
}
result.streamed = { content, reasoning, firstRole, finishReason, usage, distinctIds: ids.size };

// The .stream() helper: it throws at the end if the role or finish_reason is missing.
const runner = client.chat.completions.stream({ model, messages, stream_options: { include_usage: true } });
const deltas = [];
runner.on('content', (delta) => deltas.push(delta));
const final = await runner.finalChatCompletion();
result.helper = {
  deltas: deltas.length,
  content: final.choices[0].message.content,
  finishReason: final.choices[0].finish_reason,
  totalTokens: final.usage?.total_tokens ?? null,
};

// Not streamed.
const whole = await client.chat.completions.create({ model, messages });
result.whole = {
  object: whole.object,
  content: whole.choices[0].message.content,
  reasoning: whole.choices[0].message.reasoning_content ?? null,
  finishReason: whole.choices[0].finish_reason,
  promptTokens: whole.usage?.prompt_tokens ?? null,
};

// Errors arrive as the SDK's own error classes, with the status and message intact.
async function errorOf(call) {
  try {
    await call();
    return null;
  } catch (error) {
    return { name: error.constructor.name, status: error.status ?? null, message: String(error.message) };
  }
}
result.unknownModel = await errorOf(() => client.chat.completions.create({ model: 'no-such-model', messages }));
result.badRequest = await errorOf(() => client.chat.completions.create({ model, messages, temperature: 7 }));
result.midStream = await errorOf(async () => {
  const failing = await client.chat.completions.create({ model: failingModel, messages, stream: true });
  for await (const _ of failing) { /* the error event must surface here */ }
});

console.log(JSON.stringify(result));
