// Talks to QaService's /v1 with the official `openai` npm package, as any application would, and prints what it got
// as one JSON object for the xunit test (OpenAiClientTests) to check. Fails fast (exit 1) on a broken protocol.
// Environment: QA_BASE_URL (e.g. http://127.0.0.1:5000/v1), QA_API_KEY.
import assert from "node:assert/strict";
import OpenAI from "openai";

const baseURL = process.env.QA_BASE_URL;
const client = new OpenAI({ baseURL, apiKey: process.env.QA_API_KEY, maxRetries: 0 });
const question = "Which Iranian president visited Pakistan?";
// A follow-up that means nothing on its own ("it" is the bombing of the first question).
const conversation = ["Who bombed Iran's nuclear facilities?", "Did it work?"];

const models = [];
for await (const model of client.models.list()) {
  models.push(model.id);
}

const plain = await client.chat.completions.create({
  model: "qaservice",
  messages: [{ role: "system", content: "Answer briefly." }, { role: "user", content: question }],
  temperature: 0.2,
  max_tokens: 200,
});
assert.equal(plain.object, "chat.completion");
assert.equal(plain.choices.length, 1);

const stream = await client.chat.completions.create({
  model: "qaservice",
  messages: [{ role: "user", content: question }],
  stream: true,
});
let streamedContent = "";
let chunks = 0;
let last;
for await (const chunk of stream) {
  assert.equal(chunk.object, "chat.completion.chunk");
  chunks++;
  streamedContent += chunk.choices[0]?.delta?.content ?? "";
  last = chunk;
}

const second = await client.chat.completions.create({
  model: "qaservice-extractive",
  messages: [
    { role: "user", content: conversation[0] },
    { role: "assistant", content: "President Trump bombed them [1]." },
    { role: "user", content: conversation[1] },
  ],
});

let unauthorized;
try {
  await new OpenAI({ baseURL, apiKey: "sk-not-a-key", maxRetries: 0 }).chat.completions.create({
    model: "qaservice",
    messages: [{ role: "user", content: question }],
  });
  unauthorized = { status: 200 };
} catch (error) {
  assert.ok(error instanceof OpenAI.APIError, `expected an APIError, got ${error}`);
  unauthorized = { status: error.status, code: error.code, type: error.type, message: error.message, isAuthenticationError: error instanceof OpenAI.AuthenticationError };
}

console.log(JSON.stringify({
  version: OpenAI.VERSION ?? null,
  models,
  plain: { content: plain.choices[0].message.content, finishReason: plain.choices[0].finish_reason, citations: plain.citations },
  streamed: { content: streamedContent, chunks, finishReason: last?.choices[0]?.finish_reason, citations: last?.citations },
  followUp: { questions: conversation, content: second.choices[0].message.content },
  unauthorized,
}));
