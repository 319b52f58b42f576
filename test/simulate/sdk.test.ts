import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/models/catalog.js';
import { isRetired } from '../../src/models/lifecycle.js';
import { FAULT_NAMES, parseFaultSpec, startSimulator, type Simulator } from '../../src/simulate/server.js';

/**
 * The official SDKs, unchanged, against the simulator running in this process: what they see is
 * what a user's code would see from the real gateway.
 */

const REQUEST_ID = /^req_[1-9A-HJ-NP-Za-km-z]{24}$/;
const hi = [{ role: 'user' as const, content: 'hi' }];

let sim: Simulator;
const logLines: string[] = [];
/** What the simulator lists by default: the bundled ids not retired upstream on the day it starts. */
const listedIds = () => catalog().filter((m) => !isRetired(m.id, new Date())).map((m) => m.id);
// Retired upstream on purpose (2026-07-23): every -chat id is; RuAPI may serve one longer, as this
// simulator does when told (`unlisted`).
const CHAT_ID = 'gpt-5-chat-latest';

beforeAll(async () => {
  sim = await startSimulator({ slowMs: 600, streamDelayMs: 1, log: (line) => logLines.push(line), unlisted: [CHAT_ID] });
});
afterAll(() => sim.close());

const openai = (s: Simulator, o: { apiKey?: string; maxRetries?: number; timeout?: number; baseURL?: string } = {}) =>
  new OpenAI({ baseURL: o.baseURL ?? s.openaiBaseUrl, apiKey: o.apiKey ?? s.key, maxRetries: o.maxRetries ?? 0, timeout: o.timeout ?? 10_000 });
const anthropic = (s: Simulator, o: { apiKey?: string; maxRetries?: number; timeout?: number; baseURL?: string } = {}) =>
  new Anthropic({ baseURL: o.baseURL ?? s.anthropicBaseUrl, apiKey: o.apiKey ?? s.key, maxRetries: o.maxRetries ?? 0, timeout: o.timeout ?? 10_000 });

/** The error a promise rejects with (fails the test if it resolves). */
async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    const value = await p;
    throw new Error(`expected an error, got ${JSON.stringify(value)?.slice(0, 200)}`);
  } catch (err) {
    return err;
  }
}

describe('a correct request', () => {
  it('gets a chat completion over the OpenAI protocol, with usage and a request id', async () => {
    const { data, response } = await openai(sim).chat.completions.create({ model: 'gpt-5.4-mini', messages: hi }).withResponse();
    expect(data.object).toBe('chat.completion');
    expect(data.model).toBe('gpt-5.4-mini');
    expect(data.choices[0]?.message.content).toMatch(/^Hello from ruapi simulate/);
    expect(data.choices[0]?.finish_reason).toBe('stop');
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    expect(data.usage?.total_tokens).toBe((data.usage?.prompt_tokens ?? 0) + (data.usage?.completion_tokens ?? 0));
    expect(response.headers.get('x-request-id')).toMatch(REQUEST_ID);
  });

  it('gets a message over the Anthropic protocol, with usage and a request id', async () => {
    const { data, response } = await anthropic(sim).messages.create({ model: 'claude-opus-4-8', max_tokens: 100, messages: hi }).withResponse();
    expect(data.type).toBe('message');
    expect(data.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^Hello from ruapi simulate/) });
    expect(data.stop_reason).toBe('end_turn');
    expect(data.usage.output_tokens).toBeGreaterThan(0);
    expect(response.headers.get('request-id')).toMatch(REQUEST_ID);
  });

  it('accepts a model of the other family on each protocol, as RuAPI translates between them', async () => {
    await expect(openai(sim).chat.completions.create({ model: 'claude-opus-4-8', messages: hi })).resolves.toMatchObject({ model: 'claude-opus-4-8' });
    await expect(anthropic(sim).messages.create({ model: 'gpt-5.4', max_tokens: 10, messages: hi })).resolves.toMatchObject({ model: 'gpt-5.4' });
  });

  it('streams a chat completion that ends with data: [DONE], with usage when asked', async () => {
    const stream = await openai(sim).chat.completions.create({ model: 'gpt-5.4', messages: hi, stream: true, stream_options: { include_usage: true } });
    let text = '';
    const finishes: (string | null)[] = [];
    let usage: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.choices[0]) finishes.push(chunk.choices[0].finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toMatch(/^Hello from ruapi simulate.*no model ran\.$/);
    expect(finishes.at(-1)).toBe('stop');
    expect(usage).toMatchObject({ completion_tokens: expect.any(Number) });

    const raw = await openai(sim).chat.completions.create({ model: 'gpt-5.4', messages: hi, stream: true }).asResponse();
    expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await raw.text()).toMatch(/data: \[DONE\]\n\n$/);
  });

  it('streams a message with the whole Anthropic event sequence, ending with message_stop', async () => {
    const stream = await anthropic(sim).messages.create({ model: 'claude-opus-4-8', max_tokens: 100, messages: hi, stream: true });
    const types: string[] = [];
    let text = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    }
    expect(types[0]).toBe('message_start');
    expect(types.slice(1, 2)).toEqual(['content_block_start']);
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(text).toMatch(/^Hello from ruapi simulate/);
    // The SDK's own helper assembles the same stream into a final message.
    const final = await anthropic(sim).messages.stream({ model: 'claude-opus-4-8', max_tokens: 100, messages: hi }).finalMessage();
    expect(final.stop_reason).toBe('end_turn');
  });

  it('honours max_tokens in both protocols, plain and streaming', async () => {
    const chat = await openai(sim).chat.completions.create({ model: 'gpt-4o', messages: hi, max_tokens: 3 });
    expect(chat.choices[0]?.finish_reason).toBe('length');
    expect(chat.usage?.completion_tokens).toBe(3);
    expect(chat.choices[0]?.message.content).toBe('Hello from ruapi');

    const msg = await anthropic(sim).messages.create({ model: 'gpt-5.4', max_tokens: 2, messages: hi });
    expect(msg.stop_reason).toBe('max_tokens');
    expect(msg.usage.output_tokens).toBe(2);

    const final = await anthropic(sim).messages.stream({ model: 'gpt-5.4', max_tokens: 1, messages: hi }).finalMessage();
    expect(final.stop_reason).toBe('max_tokens');
    expect(final.content[0]).toMatchObject({ text: 'Hello' });
  });

  it('refuses max_tokens on reasoning models exactly as the OpenAI API does, and takes max_completion_tokens or no limit', async () => {
    const err = await rejection(openai(sim).chat.completions.create({ model: 'gpt-5.4', messages: hi, max_tokens: 3 }));
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('unsupported_parameter');
    expect(err.param).toBe('max_tokens');
    expect(err.message).toMatch(/Use 'max_completion_tokens' instead/);
    const capped = await openai(sim).chat.completions.create({ model: 'gpt-5.4', messages: hi, max_completion_tokens: 3 });
    expect(capped.usage?.completion_tokens).toBe(3);
    await expect(openai(sim).chat.completions.create({ model: 'o3', messages: hi })).resolves.toMatchObject({ object: 'chat.completion' });
    // The -chat ids are not reasoning models, and the Anthropic protocol always takes max_tokens.
    await expect(openai(sim).chat.completions.create({ model: CHAT_ID, messages: hi, max_tokens: 3 })).resolves.toMatchObject({ model: CHAT_ID });
    await expect(anthropic(sim).messages.create({ model: 'gpt-5.4', max_tokens: 2, messages: hi })).resolves.toMatchObject({ type: 'message' });
  });

  it('speaks the Responses API (what Codex CLI uses), plain and streamed, as the OpenAI SDK reads it', async () => {
    const res = await openai(sim).responses.create({ model: 'gpt-5.4', input: 'Hi', max_output_tokens: 3 });
    expect(res.object).toBe('response');
    expect(res.output_text).toBe('Hello from ruapi');
    expect(res.status).toBe('incomplete');
    expect(res.usage?.output_tokens).toBe(3);
    const whole = await openai(sim).responses.create({ model: 'gpt-5.4', input: [{ role: 'user', content: 'Hi' }] });
    expect(whole.status).toBe('completed');
    expect(whole.output_text).toMatch(/^Hello from ruapi simulate/);
    const stream = openai(sim).responses.stream({ model: 'gpt-5.4', input: 'Hi' });
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (e) => deltas.push(e.delta));
    const final = await stream.finalResponse();
    expect(final.output_text).toBe(deltas.join(''));
    expect(final.output_text).toMatch(/^Hello from ruapi simulate/);
    // The same faults as the other endpoints.
    await expect(openai(sim, { apiKey: sim.faultKeys['429'] }).responses.create({ model: 'gpt-5.4', input: 'Hi' })).rejects.toMatchObject({ status: 429 });
    await expect(openai(sim).responses.create({ model: 'no-such-model', input: 'Hi' })).rejects.toMatchObject({ status: 404 });
  });

  it('answers embeddings requests on /v1/embeddings, as the OpenAI SDK reads them', async () => {
    const res = await openai(sim).embeddings.create({ model: 'text-embedding-3-small', input: 'hi' });
    expect(res.data[0]?.embedding.length).toBeGreaterThan(0);
    expect(res.model).toBe('text-embedding-3-small');
  });

  it('serves a model it leaves out of its model list when told to (unlisted)', async () => {
    const hidden = await startSimulator({ unlisted: ['gpt-hidden-1'] });
    try {
      const list = await openai(hidden).models.list();
      expect(list.data.map((m) => m.id)).not.toContain('gpt-hidden-1');
      await expect(openai(hidden).chat.completions.create({ model: 'gpt-hidden-1', messages: hi })).resolves.toMatchObject({ model: 'gpt-hidden-1' });
    } finally {
      await hidden.close();
    }
  });

  it('lists the bundled models not retired upstream, in the OpenAI shape, and in the Anthropic shape for the Anthropic SDK', async () => {
    const ids = listedIds();
    expect(ids).not.toContain('claude-sonnet-4-20250514');
    expect(ids).toContain('claude-opus-4-8');
    const list = await openai(sim).models.list();
    expect(list.data.map((m) => m.id)).toEqual(ids);
    expect(list.data[0]).toMatchObject({ object: 'model', created: expect.any(Number), owned_by: expect.any(String) });

    const page = await anthropic(sim).models.list();
    expect(page.data.map((m) => m.id)).toEqual(ids);
    expect(page.data[0]).toMatchObject({ type: 'model', display_name: expect.any(String), created_at: expect.any(String) });
  });

  it('accepts the key as Authorization: Bearer on /v1/messages (the ANTHROPIC_AUTH_TOKEN way)', async () => {
    const client = new Anthropic({ baseURL: sim.anthropicBaseUrl, authToken: sim.key, apiKey: null, maxRetries: 0 });
    await expect(client.messages.create({ model: 'claude-opus-4-8', max_tokens: 5, messages: hi })).resolves.toMatchObject({ type: 'message' });
  });
});

interface StatusCase {
  fault: string;
  status: number;
  openai: { cls: keyof typeof OpenAI; type: string; code: string | null };
  anthropic: { cls: keyof typeof Anthropic; type: string };
  retryAfter?: boolean;
}

const STATUS_CASES: StatusCase[] = [
  { fault: '400', status: 400, openai: { cls: 'BadRequestError', type: 'invalid_request_error', code: null }, anthropic: { cls: 'BadRequestError', type: 'invalid_request_error' } },
  { fault: '401', status: 401, openai: { cls: 'AuthenticationError', type: 'invalid_request_error', code: 'invalid_api_key' }, anthropic: { cls: 'AuthenticationError', type: 'authentication_error' } },
  { fault: '402', status: 402, openai: { cls: 'APIError', type: 'billing_error', code: 'insufficient_balance' }, anthropic: { cls: 'PaymentRequiredError', type: 'billing_error' } },
  { fault: '403', status: 403, openai: { cls: 'PermissionDeniedError', type: 'permission_error', code: 'permission_denied' }, anthropic: { cls: 'PermissionDeniedError', type: 'permission_error' } },
  { fault: '404-model', status: 404, openai: { cls: 'NotFoundError', type: 'invalid_request_error', code: 'model_not_found' }, anthropic: { cls: 'NotFoundError', type: 'not_found_error' } },
  { fault: '413', status: 413, openai: { cls: 'APIError', type: 'invalid_request_error', code: 'request_too_large' }, anthropic: { cls: 'ContentTooLargeError', type: 'request_too_large' } },
  { fault: '429', status: 429, retryAfter: true, openai: { cls: 'RateLimitError', type: 'requests', code: 'rate_limit_exceeded' }, anthropic: { cls: 'RateLimitError', type: 'rate_limit_error' } },
  { fault: '429-quota', status: 429, openai: { cls: 'RateLimitError', type: 'insufficient_quota', code: 'insufficient_quota' }, anthropic: { cls: 'RateLimitError', type: 'rate_limit_error' } },
  { fault: '500', status: 500, openai: { cls: 'InternalServerError', type: 'server_error', code: null }, anthropic: { cls: 'InternalServerError', type: 'api_error' } },
  { fault: '502', status: 502, openai: { cls: 'InternalServerError', type: 'upstream_error', code: 'bad_gateway' }, anthropic: { cls: 'InternalServerError', type: 'api_error' } },
  { fault: '503', status: 503, retryAfter: true, openai: { cls: 'InternalServerError', type: 'server_error', code: 'service_unavailable' }, anthropic: { cls: 'ServiceUnavailableError', type: 'api_error' } },
  { fault: '504', status: 504, openai: { cls: 'InternalServerError', type: 'server_error', code: 'gateway_timeout' }, anthropic: { cls: 'GatewayTimeoutError', type: 'timeout_error' } },
  { fault: '529', status: 529, openai: { cls: 'InternalServerError', type: 'server_error', code: 'overloaded' }, anthropic: { cls: 'OverloadedError', type: 'overloaded_error' } },
];

describe('each status fault reaches the SDK as the error the gateway would cause', () => {
  it.each(STATUS_CASES)('$fault: OpenAI SDK gets $openai.cls with status $status and an OpenAI error body', async (c) => {
    for (const stream of [false, true]) {
      const err = await rejection(openai(sim).chat.completions.create({ model: `sim-fault-${c.fault}`, messages: hi, stream }));
      expect(err).toBeInstanceOf(OpenAI[c.openai.cls] as any);
      expect(err.status).toBe(c.status);
      expect(Object.keys(err.error)).toEqual(['message', 'type', 'param', 'code']);
      expect(err.error).toMatchObject({ type: c.openai.type, code: c.openai.code, message: expect.any(String) });
      expect(err.message).toBe(`${c.status} ${err.error.message}`);
      expect(err.requestID).toMatch(REQUEST_ID);
      expect(err.headers.get('request-id')).toBeNull();
      expect(err.headers.get('retry-after')).toBe(c.retryAfter ? '1' : null);
    }
  });

  it.each(STATUS_CASES)('$fault: Anthropic SDK gets $anthropic.cls with status $status and an Anthropic error body', async (c) => {
    for (const stream of [false, true]) {
      const err = await rejection(anthropic(sim).messages.create({ model: `sim-fault-${c.fault}`, max_tokens: 10, messages: hi, stream }));
      expect(err).toBeInstanceOf(Anthropic[c.anthropic.cls] as any);
      expect(err.status).toBe(c.status);
      expect(err.error).toEqual({ type: 'error', error: { type: c.anthropic.type, message: expect.any(String) }, request_id: err.requestID });
      expect(err.type).toBe(c.anthropic.type);
      expect(err.requestID).toMatch(REQUEST_ID);
      expect(err.headers.get('x-request-id')).toBeNull();
      expect(err.headers.get('retry-after')).toBe(c.retryAfter ? '1' : null);
    }
  });

  it('says which model was not found, in each protocol', async () => {
    const o = await rejection(openai(sim).chat.completions.create({ model: 'gpt-4o-mni', messages: hi }));
    expect(o).toBeInstanceOf(OpenAI.NotFoundError);
    expect(o.error).toMatchObject({ code: 'model_not_found', param: 'model', message: expect.stringContaining('`gpt-4o-mni`') });
    const a = await rejection(anthropic(sim).messages.create({ model: 'claude-opus-4.8', max_tokens: 5, messages: hi }));
    expect(a).toBeInstanceOf(Anthropic.NotFoundError);
    expect(a.error.error).toEqual({ type: 'not_found_error', message: 'model: claude-opus-4.8' });
  });
});

describe('base URL and header mistakes', () => {
  it('answers 404 to an Anthropic base URL ending in /v1 (the SDK then calls /v1/v1/messages)', async () => {
    const err = await rejection(anthropic(sim, { baseURL: `${sim.anthropicBaseUrl}/v1` }).messages.create({ model: 'claude-opus-4-8', max_tokens: 5, messages: hi }));
    expect(err).toBeInstanceOf(Anthropic.NotFoundError);
    expect(err.message).toContain('Invalid URL (POST /v1/v1/messages)');
    expect(err.requestID).toMatch(REQUEST_ID);
  });

  it('answers 404 to an OpenAI base URL without /v1 (the SDK then calls /chat/completions)', async () => {
    const err = await rejection(openai(sim, { baseURL: sim.anthropicBaseUrl }).chat.completions.create({ model: 'gpt-5.4', messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect(err.message).toBe('404 Invalid URL (POST /chat/completions)');
    expect(err.requestID).toMatch(REQUEST_ID);
  });

  it('answers the same 404 to the 404-url fault on a real route', async () => {
    const err = await rejection(openai(sim).chat.completions.create({ model: 'sim-fault-404-url', messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect(err.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_url' });
  });

  it('rejects a key it does not know with 401, and echoes it only redacted', async () => {
    const wrong = 'sk-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP';
    const o = await rejection(openai(sim, { apiKey: wrong }).chat.completions.create({ model: 'gpt-5.4', messages: hi }));
    expect(o).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(o.message).toContain('sk-…MNOP');
    expect(o.message).not.toContain(wrong);
    const a = await rejection(anthropic(sim, { apiKey: 'sk-ant-api03-notarealkey' }).messages.create({ model: 'gpt-5.4', max_tokens: 5, messages: hi }));
    expect(a).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(a.error.error).toEqual({ type: 'authentication_error', message: 'invalid x-api-key' });
  });

  it('does not read x-api-key on the OpenAI route: the key must go as Authorization: Bearer', async () => {
    const res = await fetch(`${sim.openaiBaseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'x-api-key': sim.key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-5.4', messages: hi }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
  });

  it('requires anthropic-version on /v1/messages, like Anthropic', async () => {
    const res = await fetch(`${sim.anthropicBaseUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': sim.key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-opus-4-8', max_tokens: 5, messages: hi }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' }, request_id: res.headers.get('request-id') });
  });

  it('requires max_tokens on /v1/messages', async () => {
    const err = await rejection(anthropic(sim).messages.create({ model: 'claude-opus-4-8', messages: hi } as any));
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(err.error.error).toEqual({ type: 'invalid_request_error', message: 'max_tokens: Field required' });
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await fetch(`${sim.openaiBaseUrl}/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${sim.key}` }, body: '{"model":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});

describe('faults that are not a status', () => {
  it('slow: the SDK times out when its time-out is shorter than the delay, and succeeds when it is longer', async () => {
    const err = await rejection(openai(sim, { timeout: 200 }).chat.completions.create({ model: 'sim-fault-slow', messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(err.message).toBe('Request timed out.');
    const aerr = await rejection(anthropic(sim, { timeout: 200 }).messages.create({ model: 'sim-fault-slow', max_tokens: 5, messages: hi }));
    expect(aerr).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    await expect(openai(sim, { timeout: 5000 }).chat.completions.create({ model: 'sim-fault-slow', messages: hi })).resolves.toMatchObject({ object: 'chat.completion' });
  });

  it('stall: the body stops, then the connection drops: the SDK fails with "terminated"', async () => {
    const err = await rejection(openai(sim).chat.completions.create({ model: 'sim-fault-stall', messages: hi }));
    expect(String(err)).toBe('TypeError: terminated');
    const stream = await anthropic(sim).messages.create({ model: 'sim-fault-stall', max_tokens: 50, messages: hi, stream: true });
    const seen: string[] = [];
    const serr = await rejection((async () => {
      for await (const event of stream) seen.push(event.type);
    })());
    expect(seen).toEqual(['message_start']);
    expect(String(serr)).toBe('TypeError: terminated');
  });

  it('cut: a stream ends without its terminal event, which only a check of the last event reveals', async () => {
    // OpenAI: the SDK ends the loop quietly; no chunk carries a finish_reason and the raw body has no [DONE].
    const finishes: (string | null | undefined)[] = [];
    for await (const chunk of await openai(sim).chat.completions.create({ model: 'sim-fault-cut', messages: hi, stream: true })) finishes.push(chunk.choices[0]?.finish_reason);
    expect(finishes.length).toBeGreaterThan(0);
    expect(finishes.every((f) => f === null)).toBe(true);
    const raw = await (await openai(sim).chat.completions.create({ model: 'sim-fault-cut', messages: hi, stream: true }).asResponse()).text();
    expect(raw).toContain('data: {');
    expect(raw).not.toContain('[DONE]');

    // Anthropic: the events stop before message_stop.
    const types: string[] = [];
    for await (const event of await anthropic(sim).messages.create({ model: 'sim-fault-cut', max_tokens: 100, messages: hi, stream: true })) types.push(event.type);
    expect(types[0]).toBe('message_start');
    expect(types).not.toContain('message_stop');

    // Not streaming: the body stops short of its announced length.
    expect(String(await rejection(anthropic(sim).messages.create({ model: 'sim-fault-cut', max_tokens: 5, messages: hi })))).toBe('TypeError: terminated');
  });

  it('reset: the connection drops before an answer: the SDK reports a connection error', async () => {
    const err = await rejection(openai(sim).chat.completions.create({ model: 'sim-fault-reset', messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(err.message).toBe('Connection error.');
    expect(err.status).toBeUndefined();
    expect(await rejection(anthropic(sim).messages.create({ model: 'sim-fault-reset', max_tokens: 5, messages: hi }))).toBeInstanceOf(Anthropic.APIConnectionError);
  });

  it('html: a 200 HTML page comes back from the SDK as a string, not as a completion', async () => {
    const { data, response } = await openai(sim).chat.completions.create({ model: 'sim-fault-html', messages: hi }).withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(typeof data).toBe('string');
    expect(data as unknown as string).toMatch(/^<!doctype html>/);
    expect(typeof (await anthropic(sim).messages.create({ model: 'sim-fault-html', max_tokens: 5, messages: hi }))).toBe('string');
  });

  it('empty: a 200 with no body gives the SDK nothing, and a stream with no events', async () => {
    const { data, response } = await openai(sim).chat.completions.create({ model: 'sim-fault-empty', messages: hi }).withResponse();
    expect(response.status).toBe(200);
    expect(data?.choices).toBeUndefined();
    let events = 0;
    for await (const _ of await anthropic(sim).messages.create({ model: 'sim-fault-empty', max_tokens: 5, messages: hi, stream: true })) events++;
    expect(events).toBe(0);
  });

  it('redirect: 307 to another host, which fetch follows into a refused connection', async () => {
    const res = await fetch(`${sim.openaiBaseUrl}/chat/completions`, {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${sim.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'sim-fault-redirect', messages: hi }),
    });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://127.0.0.2:2/v1/chat/completions');
    const err = await rejection(openai(sim).chat.completions.create({ model: 'sim-fault-redirect', messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(String(err.cause?.cause)).toContain('ECONNREFUSED 127.0.0.2:2');
  });

  it('no-models: GET /v1/models answers 404 while requests still work', async () => {
    const s = await startSimulator({ fail: 'no-models' });
    try {
      expect(await rejection(openai(s).models.list())).toBeInstanceOf(OpenAI.NotFoundError);
      expect(await rejection(anthropic(s).models.list())).toBeInstanceOf(Anthropic.NotFoundError);
      await expect(openai(s).chat.completions.create({ model: 'gpt-5.4', messages: hi })).resolves.toMatchObject({ object: 'chat.completion' });
      await expect(anthropic(s).messages.create({ model: 'gpt-5.4', max_tokens: 3, messages: hi })).resolves.toMatchObject({ type: 'message' });
    } finally {
      await s.close();
    }
  });
});

describe('choosing faults', () => {
  it('a fault key always triggers its fault, over the run plan, on both protocols', async () => {
    const s = await startSimulator({ fail: '500' });
    try {
      expect(Object.keys(s.faultKeys).sort()).toEqual(FAULT_NAMES.filter((f) => f !== 'ok').sort());
      for (const key of [s.faultKeys['429']!, s.faultKeys['529']!]) expect(key).toMatch(/^sk-[A-Za-z0-9]{48}$/);
      expect(s.key).toMatch(/^sk-[A-Za-z0-9]{48}$/);
      expect((await rejection(openai(s, { apiKey: s.faultKeys['402'] }).chat.completions.create({ model: 'gpt-5.4', messages: hi }))).status).toBe(402);
      expect((await rejection(anthropic(s, { apiKey: s.faultKeys['529'] }).messages.create({ model: 'gpt-5.4', max_tokens: 3, messages: hi }))).status).toBe(529);
      // The key decides on the model list too where a list can fail that way.
      expect((await rejection(openai(s, { apiKey: s.faultKeys['401'] }).models.list())).status).toBe(401);
      expect((await openai(s, { apiKey: s.faultKeys['429'] }).models.list()).data.length).toBe(listedIds().length);
    } finally {
      await s.close();
    }
  });

  it('the fault keys are the same on every run, so they can be written down', async () => {
    const again = await startSimulator();
    try {
      expect(again.key).toBe(sim.key);
      expect(again.faultKeys).toEqual(sim.faultKeys);
    } finally {
      await again.close();
    }
  });

  it('a sequence applies per API request in order and repeats; the model list does not use it up', async () => {
    const s = await startSimulator({ fail: '503,429,ok' });
    try {
      const statuses: number[] = [];
      const client = openai(s);
      for (let i = 0; i < 6; i++) {
        await client.models.list();
        statuses.push(await client.chat.completions.create({ model: 'gpt-5.4', messages: hi }).then(() => 200, (e) => e.status));
      }
      expect(statuses).toEqual([503, 429, 200, 503, 429, 200]);
    } finally {
      await s.close();
    }
  });

  it('a rate fails about that share of requests, and 0 and 1 fail none and all', async () => {
    const shares: number[] = [];
    for (const spec of ['429:0.5', '429:0', '429:1']) {
      const s = await startSimulator({ fail: spec });
      try {
        let failed = 0;
        for (let i = 0; i < 200; i++) {
          const res = await fetch(`${s.openaiBaseUrl}/chat/completions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'gpt-5.4', messages: hi }),
          });
          await res.arrayBuffer();
          if (res.status === 429) failed++;
        }
        shares.push(failed);
      } finally {
        await s.close();
      }
    }
    // 200 coin flips land outside 40..160 with a probability below 1e-17.
    expect(shares[0]).toBeGreaterThan(40);
    expect(shares[0]).toBeLessThan(160);
    expect(shares.slice(1)).toEqual([0, 200]);
  });

  it("the SDKs' own retries get through 503,503,ok", async () => {
    for (const make of [
      (s: Simulator) => openai(s, { maxRetries: 2 }).chat.completions.create({ model: 'gpt-5.4', messages: hi }),
      (s: Simulator) => anthropic(s, { maxRetries: 2 }).messages.create({ model: 'claude-opus-4-8', max_tokens: 5, messages: hi }),
    ]) {
      const s = await startSimulator({ fail: '503,503,ok', retryAfterSeconds: 1 });
      try {
        await expect(make(s)).resolves.toBeTruthy();
        expect(s.requests).toBe(3);
      } finally {
        await s.close();
      }
    }
  });

  it('with fewer retries than failures, the SDK gives up with the last error', async () => {
    const s = await startSimulator({ fail: '503,503,ok' });
    try {
      const err = await rejection(openai(s, { maxRetries: 1 }).chat.completions.create({ model: 'gpt-5.4', messages: hi }));
      expect(err).toBeInstanceOf(OpenAI.InternalServerError);
      expect(err.status).toBe(503);
      expect(s.requests).toBe(2);
    } finally {
      await s.close();
    }
  });
});

describe('the request log', () => {
  it('has one line per request with method, path, model, status, fault and time, and the key redacted', async () => {
    logLines.length = 0;
    await openai(sim).chat.completions.create({ model: 'gpt-5.4', messages: hi });
    await rejection(anthropic(sim).messages.create({ model: 'sim-fault-529', max_tokens: 5, messages: hi }));
    await new Promise((r) => setTimeout(r, 20));
    expect(logLines).toHaveLength(2);
    expect(logLines[0]).toMatch(/^POST \/v1\/chat\/completions model=gpt-5\.4 status=200 fault=ok ms=\d+ id=req_\w{24} key=sk-…\w{4}$/);
    expect(logLines[1]).toMatch(/^POST \/v1\/messages model=sim-fault-529 status=529 fault=529 /);
    for (const line of logLines) expect(line).not.toContain(sim.key);
  });

  it('never shows a key, even one pasted into the model id', async () => {
    logLines.length = 0;
    await rejection(openai(sim).chat.completions.create({ model: `oops ${sim.key}`, messages: hi }));
    await new Promise((r) => setTimeout(r, 20));
    expect(logLines.join('\n')).not.toContain(sim.key);
  });
});

describe('the simulator itself', () => {
  it('refuses to listen beyond loopback', async () => {
    await expect(startSimulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback only/);
  });

  it('reports a port in use as EADDRINUSE', async () => {
    await expect(startSimulator({ port: sim.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('closes at once even with a request waiting on a slow fault', async () => {
    const s = await startSimulator({ slowMs: 60_000 });
    const pending = rejection(openai(s).chat.completions.create({ model: 'sim-fault-slow', messages: hi }));
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it.each([
    ['429', [{ fault: '429', rate: 1 }]],
    ['429:0.3', [{ fault: '429', rate: 0.3 }]],
    [' 503, 503 ,OK ', [{ fault: '503', rate: 1 }, { fault: '503', rate: 1 }, { fault: 'ok', rate: 1 }]],
    ['cut:1,reset:.25', [{ fault: 'cut', rate: 1 }, { fault: 'reset', rate: 0.25 }]],
  ])('parses the fault spec %j', (spec, steps) => {
    expect(parseFaultSpec(spec)).toEqual(steps);
  });

  it.each(['', '418', '429:1.5', '429:-1', '429:x', '503,,ok', '429:0.3:1', 'slow:'])('rejects the fault spec %j with a clear message', (spec) => {
    expect(() => parseFaultSpec(spec)).toThrow(/fault|--fail/);
  });
});
