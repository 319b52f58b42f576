import http from 'node:http';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODIES_IN_FLIGHT, MAX_BODY_BYTES } from '../../src/simulate/bodies.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';

/**
 * The simulator's memory under large uploads, measured in this process (a file of its own, so that
 * no other test's memory is counted). Uploads are streamed from one reused 1 MB buffer: what grows
 * is the simulator's share.
 */

const MB = 1024 * 1024;
const FILL = Buffer.alloc(MB, 'a');

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

/** POSTs a valid chat request of `bytes` bytes, with a content-length or chunked; resolves to the status. */
function upload(bytes: number, opts: { chunked?: boolean } = {}): Promise<number> {
  const head = Buffer.from('{"model":"gpt-5.4-mini","messages":[{"role":"user","content":"');
  const tail = Buffer.from('"}]}');
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${sim.key}` };
  if (!opts.chunked) headers['content-length'] = String(bytes);
  return new Promise((resolve, reject) => {
    const req = http.request(`${sim.openaiBaseUrl}/chat/completions`, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    void (async () => {
      const send = async (chunk: Buffer) => {
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      };
      await send(head);
      for (let left = bytes - head.length - tail.length; left > 0; left -= MB) await send(left >= MB ? FILL : FILL.subarray(0, left));
      req.end(tail);
    })().catch(reject);
  });
}

/** Runs `fn` while sampling the resident set size; resolves to its result and the peak growth in MB. */
async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - start) / MB };
  } finally {
    clearInterval(timer);
  }
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('the simulator under large uploads', () => {
  it('holds at most 64 MB of bodies at once: in a burst of sixteen 31 MB uploads the overflow gets 503, and memory stays bounded', { timeout: 120_000 }, async () => {
    expect(MAX_BODIES_IN_FLIGHT).toBe(64 * MB);
    const { result: statuses, growthMb } = await peakGrowth(() => Promise.all(Array.from({ length: 16 }, () => upload(31 * MB))));
    expect(statuses.every((s) => s === 200 || s === 503), String(statuses)).toBe(true);
    expect(count(statuses, 200)).toBeGreaterThanOrEqual(1);
    expect(count(statuses, 503)).toBeGreaterThanOrEqual(8);
    // Kept whole, the burst took 1 GB (496 MB of bodies and their copies). Within the budget two bodies
    // are kept, each about five times over (chunks, joined, text, parsed, the token estimate): 240-340 MB.
    expect(growthMb).toBeLessThan(480);
  });

  it('counts chunked uploads (no content-length) as they arrive, with the same result', { timeout: 120_000 }, async () => {
    const { result: statuses, growthMb } = await peakGrowth(() => Promise.all(Array.from({ length: 16 }, () => upload(31 * MB, { chunked: true }))));
    expect(statuses.every((s) => s === 200 || s === 503), String(statuses)).toBe(true);
    expect(count(statuses, 503)).toBeGreaterThanOrEqual(8);
    expect(growthMb).toBeLessThan(480);
  });

  it('still answers a body over 32 MB with 413, with or without a content-length', { timeout: 60_000 }, async () => {
    expect(await upload(MAX_BODY_BYTES + 1)).toBe(413);
    expect(await upload(MAX_BODY_BYTES + 1, { chunked: true })).toBe(413);
  });

  it('gives back the share of a client that goes away mid-upload', { timeout: 60_000 }, async () => {
    // One after the other: each is let in (31 MB, then 62 MB if the first were kept), then dropped.
    for (let n = 0; n < 2; n++) {
      const req = http.request(`${sim.openaiBaseUrl}/chat/completions`, { method: 'POST', headers: { 'content-length': String(31 * MB), authorization: `Bearer ${sim.key}` } });
      req.on('error', () => {});
      for (let i = 0; i < 4; i++) if (!req.write(FILL)) await new Promise((r) => req.once('drain', r));
      req.destroy();
    }
    // Two dropped 31 MB reservations, if they were kept, would leave no room for one more.
    let status = 0;
    for (let tries = 0; tries < 20 && status !== 200; tries++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await upload(31 * MB);
    }
    expect(status).toBe(200);
  });

  it('gives the budget back once each request is answered: a large upload and a normal request work afterwards', { timeout: 60_000 }, async () => {
    expect(await upload(31 * MB)).toBe(200);
    expect(await upload(31 * MB, { chunked: true })).toBe(200);
    const client = new OpenAI({ baseURL: sim.openaiBaseUrl, apiKey: sim.key, maxRetries: 0 });
    const reply = await client.chat.completions.create({ model: 'gpt-5.4-mini', messages: [{ role: 'user', content: 'hi' }] });
    expect(reply.choices[0]?.message.content).toMatch(/^Hello from ruapi simulate/);
  });
});
