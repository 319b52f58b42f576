import { describe, expect, it } from 'vitest';
import { classifyError, type HttpAnswer } from '../../src/live/client.js';
import { notRuapiFinding } from '../../src/live/findings/answers.js';
import { readAnswer } from '../../src/live/judge.js';
import { errorFacts, isHtml, looksLikeReply, parseModelList } from '../../src/live/protocol.js';
import { retryAfterMs } from '../../src/live/retry.js';
import { readStream } from '../../src/live/sse.js';
import { ADVERSARIAL, LINEAR_MS, took } from '../helpers/adversarial.js';
import { target } from '../helpers/live.js';

/** An answer as the client hands it over: the body in chunks of `size` characters, as a slow or chatty server sends it. */
function answerOf(body: string, size: number, headers: HttpAnswer['headers'] = {}): HttpAnswer {
  const chunks = Array.from({ length: Math.ceil(body.length / size) }, (_, i) => ({ atMs: i, text: body.slice(i * size, (i + 1) * size) }));
  return { status: 200, headers, body, chunks, firstByteMs: 0, ms: 0 };
}

const req = { method: 'GET' as const, url: 'http://127.0.0.1:9/v1/models', headers: {} };
const c = { target: target('openai', 'http://127.0.0.1:9/v1', 'sk-x', 'gpt-5.4-mini'), base: new URL('http://127.0.0.1:9/v1') };

/**
 * What the live checks read from a gateway's answer (up to 2 MB of body, 16 KB of headers): every
 * regular expression and reader over it must stay linear on input built to make it backtrack.
 */
describe('the live checks on an adversarial answer of a megabyte', () => {
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`read ${JSON.stringify(name)} in linear time: the stream, the error body, the model list, the page, the headers`, () => {
      const header = text.slice(0, 16_000);
      const small = answerOf(text, 10, { 'content-type': header, 'x-request-id': header });
      const times = {
        // Ten characters a chunk: a reader that rescans what is pending after each would read the megabyte 100 000 times.
        'stream (openai)': took(() => readStream('openai', small)),
        'stream (anthropic)': took(() => readStream('anthropic', small)),
        errorFacts: took(() => errorFacts(text)),
        parseModelList: took(() => parseModelList(text)),
        isHtml: took(() => isHtml({ 'content-type': header }, text)),
        looksLikeReply: took(() => looksLikeReply('anthropic', text)),
        retryAfter: took(() => retryAfterMs({ 'retry-after': header, 'retry-after-ms': header })),
        classifyError: took(() => classifyError(Object.assign(new Error(text), { code: 'ECONNRESET' }), 'headers', false)),
        judge: took(() => readAnswer({ status: 400, headers: { 'x-request-id': header }, body: text }, 'gpt-5.4-mini')),
        notRuapi: took(() => notRuapiFinding(c, { ...small, status: 200 }, req)),
      };
      for (const [reader, ms] of Object.entries(times)) expect(ms, `${reader} on ${name}`).toBeLessThan(LINEAR_MS);
    });
  }

  it('finds the events of a stream split into chunks of any size, each with the time its block was complete', () => {
    const body = 'data: {"a":1}\r\n\r\ndata: {"b":2}\n\n: comment\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n';
    for (const size of [1, 2, 3, 7, body.length]) {
      const reading = readStream('anthropic', answerOf(body, size));
      expect(reading.events.map((e) => e.data)).toEqual(['{"a":1}', '{"b":2}', '{"type":"message_stop"}']);
      expect(reading.terminal).toBe(true);
      // The first block ends with the 17th character: it was complete in the chunk that held it.
      expect(reading.events[0]!.atMs).toBe(Math.ceil(17 / size) - 1);
    }
  });

  it('reads a stream error as one line, type and message capped', () => {
    const body = `data: ${JSON.stringify({ error: { type: `overloaded\n::error::x${'y'.repeat(500)}`, message: `busy\u001b]0;t\u0007\n##[error]z ${'w'.repeat(900)}` } })}\n\n`;
    const { streamError } = readStream('openai', answerOf(body, 64));
    expect(streamError?.type).toMatch(/^overloaded ::error::xy+…$/);
    expect(streamError?.type?.length).toBeLessThanOrEqual(128);
    expect(streamError?.message).toMatch(/^busy\?\]0;t\? ##\[error\]z w+…$/);
    expect(streamError?.message?.length).toBeLessThanOrEqual(300);
  });
});
