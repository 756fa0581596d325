// SPDX-License-Identifier: MIT
// Drives a running Ponder with the official `ollama` npm client, as editors and Open WebUI's Ollama
// connection do, and prints what it saw as one JSON object (tst_official_clients checks it). Any
// exception the client throws where it should not ends this script with exit code 1.
//
// usage: node ollama_check.mjs <Ponder's base URL> <model>
import { Ollama } from 'ollama';

const [host, model] = process.argv.slice(2);
const ollama = new Ollama({ host });
const messages = [{ role: 'user', content: 'Why is the sky blue?' }];
const result = {};

result.list = (await ollama.list()).models.map((m) => m.name).sort();
const shown = await ollama.show({ model });
result.show = { capabilities: shown.capabilities, family: shown.details?.family ?? null };

let content = '';
let thinking = '';
let last = null;
let parts = 0;
for await (const part of await ollama.chat({ model, messages, stream: true, think: true })) {
  parts += 1;
  content += part.message.content ?? '';
  thinking += part.message.thinking ?? '';
  if (part.done) last = part;
}
result.chat = { parts, content, thinking, doneReason: last?.done_reason ?? null, evalCount: last?.eval_count ?? null };

const generated = await ollama.generate({ model, prompt: 'Why is the sky blue?', stream: false });
result.generate = { response: generated.response, done: generated.done, promptEvalCount: generated.prompt_eval_count };

const embedded = await ollama.embed({ model, input: ['sky', 'sea'] });
result.embed = { count: embedded.embeddings.length, first: embedded.embeddings[0] };

try {
  await ollama.chat({ model: 'no-such-model', messages });
  result.unknownModel = null;
} catch (error) {
  result.unknownModel = { name: error.name, status: error.status_code ?? null, message: String(error.message) };
}

console.log(JSON.stringify(result));
