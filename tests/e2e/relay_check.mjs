// SPDX-License-Identifier: MIT
// Drives a running Ponder in front of a llama.cpp-like upstream with the official `openai` client and
// prints what reached it as one JSON object (tst_official_clients checks it): logprobs streamed and not,
// system_fingerprint, usage details, embeddings, and the upstream's 400 with its own fields.
//
// usage: node relay_check.mjs <base URL ending in /v1> <model> <model whose context is too small>
import OpenAI from 'openai';

const [baseURL, model, smallModel] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey: 'any-non-empty-key', maxRetries: 0, timeout: 30000 });
const messages = [{ role: 'user', content: 'Why is the sky blue?' }];
const result = {};

const stream = await client.chat.completions.create({
  model, messages, stream: true, logprobs: true, top_logprobs: 2, stream_options: { include_usage: true },
});
const tokens = [];
let fingerprint = null;
let usage = null;
for await (const chunk of stream) {
  fingerprint ??= chunk.system_fingerprint ?? null;
  for (const token of chunk.choices[0]?.logprobs?.content ?? []) tokens.push(token);
  if (chunk.usage) usage = chunk.usage;
}
result.streamed = {
  tokens: tokens.map((t) => t.token), topPerToken: tokens.map((t) => t.top_logprobs.length), fingerprint,
  cached: usage?.prompt_tokens_details?.cached_tokens ?? null,
};

const whole = await client.chat.completions.create({ model, messages, logprobs: true, top_logprobs: 2 });
result.whole = {
  tokens: (whole.choices[0].logprobs?.content ?? []).map((t) => t.token),
  fingerprint: whole.system_fingerprint ?? null,
  cached: whole.usage?.prompt_tokens_details?.cached_tokens ?? null,
  timings: whole.timings ?? null,
};

const embedded = await client.embeddings.create({ model, input: ['sky', 'sea'] });
result.embeddings = { count: embedded.data.length, first: Array.from(embedded.data[0].embedding) };

try {
  await client.chat.completions.create({ model: smallModel, messages });
  result.tooLong = null;
} catch (error) {
  result.tooLong = { name: error.constructor.name, status: error.status ?? null, error: error.error ?? null };
}

console.log(JSON.stringify(result));
