import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { runCli, type RunResult } from '../helpers/cli.js';

/**
 * One test per verdict and exit code, against the test gateway, with the official SDK as the
 * judge: where the doctor says `ready`, the SDK's own request with the same values must work, and
 * where the SDK fails, the doctor must not say `ready`.
 */

let sim: Simulator;
const RETIRED = 'claude-sonnet-4-20250514';
beforeAll(async () => {
  // claude-sonnet-4-20250514: retired upstream on 2026-06-15, on purpose; this gateway still serves it.
  sim = await startSimulator({ slowMs: 8000, unlisted: ['gpt-hidden-1', RETIRED] });
});
afterAll(() => sim?.close());

type Run = RunResult & { json: DoctorResult; human: string };

/** `ruapi doctor --json`, then the same run as the human report, with the key on stdin. */
async function doctor(key: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const r = await runCli(['doctor', '--key-stdin', '--json', ...args], { input: key, env, timeoutMs: 30_000 });
  const human = await runCli(['doctor', '--key-stdin', '--ci', ...args], { input: key, env, timeoutMs: 30_000 });
  for (const out of [r.stdout, r.stderr, human.stdout, human.stderr]) expect(out).not.toContain(key.trim());
  expect(human.code).toBe(r.code);
  return { ...r, json: JSON.parse(r.stdout) as DoctorResult, human: human.stdout };
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;
const openaiArgs = (model: string, base = sim.openaiBaseUrl) => ['--protocol', 'openai', '--base-url', base, '--model', model];
const openai = (key: string, baseURL = sim.openaiBaseUrl, maxRetries = 0) => new OpenAI({ apiKey: key, baseURL, maxRetries, timeout: 10_000 });
const hi = [{ role: 'user' as const, content: 'Hi' }];

describe('ready (exit 0): a real request proved key, model and balance, and the SDK agrees', () => {
  it('over the OpenAI protocol', async () => {
    const r = await doctor(sim.key, openaiArgs('gpt-5.4-mini'));
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, verdict: 'ready', unverified: [] });
    expect(lastLine(r.human)).toBe('✓ Ready: a real request proved the key, the model and the balance.');
    await expect(openai(sim.key).chat.completions.create({ model: 'gpt-5.4-mini', messages: hi })).resolves.toMatchObject({ object: 'chat.completion' });
  });

  it('over the Anthropic protocol', async () => {
    const r = await doctor(sim.key, ['--protocol', 'anthropic', '--base-url', sim.anthropicBaseUrl, '--model', 'claude-opus-4-8']);
    expect(r.json.verdict).toBe('ready');
    expect(r.code).toBe(0);
    const sdk = new Anthropic({ apiKey: sim.key, baseURL: sim.anthropicBaseUrl, maxRetries: 0 });
    await expect(sdk.messages.create({ model: 'claude-opus-4-8', max_tokens: 16, messages: hi })).resolves.toMatchObject({ type: 'message' });
  });

  it('for a reasoning model, which refuses max_tokens: the probe sends max_completion_tokens, as a request without a limit works', async () => {
    const r = await doctor(sim.key, openaiArgs('gpt-5.4'));
    expect(r.json.verdict).toBe('ready');
    expect(r.json.live[0]!.steps.find((s) => s.id === 'probe')!.detail).toMatch(/^sent max_completion_tokens 1 to gpt-5/);
    expect(r.json.findings.some((f) => f.id === 'live/bad-request')).toBe(false);
    // The SDK call users write (no limit) works; the probe's old shape would have been refused.
    await expect(openai(sim.key).chat.completions.create({ model: 'gpt-5.4', messages: hi })).resolves.toMatchObject({ object: 'chat.completion' });
    await expect(openai(sim.key).chat.completions.create({ model: 'gpt-5.4', messages: hi, max_tokens: 1 })).rejects.toMatchObject({ status: 400, code: 'unsupported_parameter' });
  });

  it('for an embedding model, probed on the embeddings endpoint', async () => {
    const r = await doctor(sim.key, [...openaiArgs('text-embedding-3-small'), '--stream']);
    expect(r.json.verdict).toBe('ready');
    expect(r.code).toBe(0);
    const steps = r.json.live[0]!.steps;
    expect(steps.find((s) => s.id === 'probe')!.detail).toMatch(/embeddings request/);
    expect(steps.find((s) => s.id === 'stream')).toMatchObject({ status: 'skipped', detail: 'embedding models do not stream' });
    await expect(openai(sim.key).embeddings.create({ model: 'text-embedding-3-small', input: 'Hi' })).resolves.toMatchObject({ object: 'list' });
  });

  it('for a model the gateway serves but does not list: the probe wins, with a note instead of "unknown model"', async () => {
    const r = await doctor(sim.key, openaiArgs('gpt-hidden-1'));
    expect(r.json.verdict).toBe('ready');
    const ids = r.json.findings.map((f) => f.id);
    expect(ids).toContain('model/not-listed');
    expect(ids).not.toContain('model/unknown');
    expect(ids).not.toContain('live/404-model');
    expect(r.human).not.toMatch(/did you mean/i);
    expect(r.human).toMatch(/✓ Model {5}gpt-hidden-1 .*answered the probe/);
    await expect(openai(sim.key).chat.completions.create({ model: 'gpt-hidden-1', messages: hi })).resolves.toMatchObject({ model: 'gpt-hidden-1' });
  });

  it('for a model retired upstream that the gateway still serves: the probe wins, model/retired is a warning (it may stop any day)', async () => {
    const args = ['--protocol', 'anthropic', '--base-url', sim.anthropicBaseUrl, '--model', RETIRED];
    const offline = await doctor(sim.key, [...args, '--offline']);
    expect(offline.json.findings.find((f) => f.id === 'model/retired')).toMatchObject({ severity: 'error', fix: '--model claude-sonnet-4-6' });
    expect(offline.code).toBe(1);
    const r = await doctor(sim.key, args);
    const retired = r.json.findings.filter((f) => f.id === 'model/retired');
    expect(retired).toHaveLength(1);
    expect(retired[0]).toMatchObject({ severity: 'warning', fix: '--model claude-sonnet-4-6', data: expect.objectContaining({ served: true }) });
    expect(retired[0]!.title).toBe(`RuAPI still serves ${RETIRED}, though it was retired upstream on 2026-06-15`);
    expect(retired[0]!.message).toMatch(/may stop at any time/);
    expect(r.json.checks.find((c) => c.id === 'model/retired')).toMatchObject({ status: 'warn' });
    // One finding for one fact: not also model/not-listed, though the gateway's list lacks it.
    expect(r.json.findings.map((f) => f.id).filter((id) => id.startsWith('model/'))).toEqual(['model/retired']);
    expect(r.json.verdict).toBe('ready');
    expect(r.code).toBe(0);
    const sdk = new Anthropic({ apiKey: sim.key, baseURL: sim.anthropicBaseUrl, maxRetries: 0 });
    await expect(sdk.messages.create({ model: RETIRED, max_tokens: 16, messages: hi })).resolves.toMatchObject({ type: 'message' });
    const strict = await runCli(['doctor', '--key-stdin', '--strict', '--ci', ...args], { input: sim.key });
    expect(strict.code).toBe(1);
  });

  it('with a trailing newline on the key: the trimmed key is tested (as Node sends it), and key/whitespace names the clients that fail', async () => {
    const r = await runCli(['doctor', '--json', ...openaiArgs('gpt-5.4-mini')], { env: { OPENAI_API_KEY: `${sim.key}\n` } });
    const json = JSON.parse(r.stdout) as DoctorResult;
    expect(json.verdict).toBe('ready');
    expect(r.code).toBe(0);
    expect(json.findings.find((f) => f.id === 'key/whitespace')?.severity).toBe('warning');
    expect(json.live[0]!.steps.find((s) => s.id === 'auth')!.status).toBe('ok');
    // openai-node sends it through fetch, which trims the header value: the request works.
    await expect(openai(`${sim.key}\n`).chat.completions.create({ model: 'gpt-5.4-mini', messages: hi })).resolves.toMatchObject({ object: 'chat.completion' });
    const strict = await runCli(['doctor', '--json', '--strict', ...openaiArgs('gpt-5.4-mini')], { env: { OPENAI_API_KEY: `${sim.key}\n` } });
    expect(strict.code).toBe(1);
  });

  it('with --offline, and says the gateway was not asked', async () => {
    const r = await doctor(sim.key, [...openaiArgs('gpt-5.4-mini'), '--offline']);
    expect(r.code).toBe(0);
    expect(r.json.verdict).toBe('ready');
    expect(lastLine(r.human)).toMatch(/^✓ Offline checks passed; the gateway was not asked\./);
  });
});

describe('problems (exit 1)', () => {
  it('a wrong path: 404 invalid_url on GET /models is proof, not "not checked", even without the probe; the SDK fails too', async () => {
    const base = `${sim.url}/api/v1`;
    const r = await doctor(sim.key, [...openaiArgs('gpt-5.4-mini', base), '--no-probe']);
    expect(r.code).toBe(1);
    expect(r.json.verdict).toBe('problems');
    expect(r.json.findings.map((f) => f.id)).toContain('live/404-url');
    expect(r.json.live[0]!.steps.find((s) => s.id === 'http')!.status).toBe('fail');
    expect(r.human).toMatch(/^ {2}✗ Live /m);
    expect(r.human).toMatch(/^ {2}✗ Base URL /m);
    await expect(openai(sim.key, base).chat.completions.create({ model: 'gpt-5.4-mini', messages: hi })).rejects.toMatchObject({ status: 404 });
  });

  it('a model the gateway does not know: the Model row is ✗, never ✓ "on the gateway\'s model list"', async () => {
    const r = await doctor(sim.key, openaiArgs('gpt-5.4-minii'));
    expect(r.code).toBe(1);
    expect(r.json.findings.map((f) => f.id)).toContain('live/404-model');
    expect(r.human).toMatch(/^ {2}✗ Model {5}gpt-5.4-minii/m);
    expect(r.human).not.toMatch(/on the gateway's model list/);
    await expect(openai(sim.key).chat.completions.create({ model: 'gpt-5.4-minii', messages: hi })).rejects.toMatchObject({ status: 404 });
  });
});

describe('unverified', () => {
  it('exit 75 when a 429 lasts through every retry, naming what was not proven and why; the SDK fails too', async () => {
    const key = sim.faultKeys['429']!;
    const r = await doctor(key, [...openaiArgs('gpt-5.4-mini'), '--timeout', '4']);
    expect(r.code).toBe(75);
    expect(r.json).toMatchObject({ ok: false, verdict: 'unverified' });
    expect(r.json.unverified).toContainEqual({ step: 'balance', protocol: 'openai', kind: 'transient', reason: expect.stringMatching(/^Rate limited \(429\) on all \d+ tries$/) });
    expect(lastLine(r.human)).toMatch(/^! Unverified \(1 warning\): balance not proven: rate limited \(429\) on all \d+ tries\. Try again in a minute \(exit code 75\)\.$/);
    expect(r.human).not.toMatch(/^ {2}✓ Live/m);
    await expect(openai(key, sim.openaiBaseUrl, 1).chat.completions.create({ model: 'gpt-5.4-mini', messages: hi })).rejects.toMatchObject({ status: 429 });
  });

  it('exit 75 when a 5xx lasts through every retry, also with --strict', async () => {
    const r = await doctor(sim.faultKeys['502']!, [...openaiArgs('gpt-5.4-mini'), '--timeout', '3', '--strict']);
    expect(r.code).toBe(75);
    expect(r.json.verdict).toBe('unverified');
    expect(r.json.unverified.every((u) => u.kind === 'transient')).toBe(true);
  });

  it('exit 0 for --no-probe, a reason the user chose, even with --strict; never ✓ Live over skipped steps', async () => {
    const r = await doctor(sim.key, [...openaiArgs('gpt-5.4-mini'), '--no-probe']);
    expect(r.code).toBe(0);
    expect(r.json.verdict).toBe('unverified');
    expect(r.json.unverified).toEqual([{ step: 'balance', protocol: 'openai', kind: 'chosen', reason: 'the probe was not sent (--no-probe)' }]);
    expect(r.json.ok).toBe(true);
    expect(lastLine(r.human)).toBe('! Unverified: balance not proven: the probe was not sent (--no-probe). Drop --no-probe to prove it with one tiny request.');
    expect(r.human).toMatch(/^ {2}– Live /m);
    const strict = await doctor(sim.key, [...openaiArgs('gpt-5.4-mini'), '--no-probe', '--strict']);
    expect(strict.code).toBe(0);
  });

  it('exit 0 with no model configured (a lasting reason), 1 with --strict', async () => {
    const r = await doctor(sim.key, ['--protocol', 'openai', '--base-url', sim.openaiBaseUrl]);
    expect(r.code).toBe(0);
    expect(r.json.verdict).toBe('unverified');
    expect(r.json.unverified.map((u) => [u.step, u.kind])).toEqual([
      ['model', 'lasting'],
      ['balance', 'lasting'],
    ]);
    expect(lastLine(r.human)).toMatch(/^! Unverified: model and balance not proven: /);
    const strict = await doctor(sim.key, ['--protocol', 'openai', '--base-url', sim.openaiBaseUrl, '--strict']);
    expect(strict.code).toBe(1);
  });
});

describe('the probe is a request the API accepts for that model', () => {
  /** A gateway that refuses one or both limit parameters on the chat endpoint, as some translations do. */
  async function refusingGateway(refuse: Array<'max_tokens' | 'max_completion_tokens'>): Promise<{ base: string; bodies: string[]; close(): Promise<void> }> {
    const bodies: string[] = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let text = '';
      req.on('data', (d) => (text += d));
      req.on('end', () => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.url === '/v1/models') return send(200, { object: 'list', data: [{ id: 'gpt-5.4', object: 'model' }] });
        bodies.push(text);
        const json = JSON.parse(text) as Record<string, unknown>;
        const refused = refuse.find((p) => p in json);
        if (refused) return send(400, { error: { message: `Unrecognized request argument supplied: ${refused}`, type: 'invalid_request_error', param: null, code: null } });
        send(200, { id: 'chatcmpl-1', object: 'chat.completion', model: 'gpt-5.4', choices: [{ index: 0, message: { role: 'assistant', content: '' }, finish_reason: 'length' }] });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { base: `http://127.0.0.1:${port}/v1`, bodies, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it('retries once with the other parameter when the 400 names it, and ends ready', async () => {
    const gw = await refusingGateway(['max_completion_tokens']);
    try {
      const r = await doctor(sim.key, openaiArgs('gpt-5.4', gw.base));
      expect(r.json.verdict).toBe('ready');
      expect(r.code).toBe(0);
      expect(gw.bodies.map((b) => Object.keys(JSON.parse(b)).find((k) => k.startsWith('max_')))).toEqual(['max_completion_tokens', 'max_tokens', 'max_completion_tokens', 'max_tokens']);
    } finally {
      await gw.close();
    }
  });

  it('never blames the set-up when the gateway refuses both: live/probe-refused, unverified (exit 0, 1 with --strict)', async () => {
    const gw = await refusingGateway(['max_completion_tokens', 'max_tokens']);
    try {
      const r = await doctor(sim.key, openaiArgs('gpt-5.4', gw.base));
      expect(r.code).toBe(0);
      expect(r.json.verdict).toBe('unverified');
      const finding = r.json.findings.find((f) => f.id === 'live/probe-refused');
      expect(finding?.severity).toBe('warning');
      expect(r.json.findings.some((f) => f.severity === 'error')).toBe(false);
      expect(r.json.unverified.map((u) => u.step)).toEqual(['balance']);
      expect(gw.bodies).toHaveLength(4); // two tries per run, two runs
      const strict = await runCli(['doctor', '--key-stdin', '--strict', '--ci', ...openaiArgs('gpt-5.4', gw.base)], { input: sim.key });
      expect(strict.code).toBe(1);
    } finally {
      await gw.close();
    }
  });
});
