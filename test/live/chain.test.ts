import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { refusedPort } from '../helpers/proxy.js';
import { fakeGateway, json, live, target } from '../helpers/live.js';
import { dnsFinding } from '../../src/live/findings/network.js';
import { LIVE_FINDING_IDS } from '../../src/live/ids.js';
import { ROOT } from '../helpers/cli.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ slowMs: 6000 });
});
afterAll(async () => {
  await sim?.close();
});

const openai = (key: string, model = 'gpt-5.4-mini', base = sim.openaiBaseUrl) => target('openai', base, key, model);
const anthropic = (key: string, model = 'claude-opus-4-8', base = sim.anthropicBaseUrl) => target('anthropic', base, key, model);
const both = [
  ['OpenAI', (k: string, m?: string) => openai(k, m ?? 'gpt-5.4-mini')],
  ['Anthropic', (k: string, m?: string) => anthropic(k, m ?? 'claude-opus-4-8')],
] as const;

describe('all is well', () => {
  it.each(both)('passes every link over the %s protocol, with timings and the request id', async (_name, make) => {
    const r = await live(make(sim.key), { stream: true });
    expect(r.report.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['dns:ok', 'connect:ok', 'http:ok', 'auth:ok', 'model:ok', 'balance:ok', 'probe:ok', 'stream:ok']);
    expect(r.ids).toEqual(['live/ok']);
    const ok = r.finding('live/ok');
    expect(ok.severity).toBe('info');
    expect(ok.message).toMatch(_name === 'OpenAI' ? /max_completion_tokens 1/ : /max_tokens 1/);
    expect(ok.message).toMatch(/tiny amount/);
    expect(r.report.timings.connectMs).toBeTypeOf('number');
    expect(r.report.timings.firstByteMs).toBeTypeOf('number');
    expect(r.report.timings.totalMs).toBeGreaterThan(0);
    expect(r.report.requestIds.length).toBeGreaterThanOrEqual(3);
    expect(ok.message).toContain(r.report.requestIds.at(-1));
    expect(r.report.modelList).toEqual({ source: 'gateway', count: r.models!.length });
  });

  it('reports each link as it starts and ends, saying what it waits for', async () => {
    const r = await live(openai(sim.key));
    const running = r.events.filter((e) => (e.status as string) === 'running');
    expect(running.map((e) => e.id)).toEqual(expect.arrayContaining(['http', 'probe']));
    expect(running.find((e) => e.id === 'probe')?.detail).toMatch(/waiting for the answer to POST \/v1\/chat\/completions/);
    const ends = r.events.filter((e) => (e.status as string) !== 'running').map((e) => e.id);
    expect(new Set(ends)).toEqual(new Set(r.report.steps.map((s) => s.id)));
  });

  it('resolves localhost on IPv4 and times the DNS lookup', async () => {
    const r = await live(openai(sim.key, 'gpt-5.4-mini', `http://localhost:${sim.port}/v1`));
    expect(r.ids).toEqual(['live/ok']);
    expect(r.step('dns')).toMatchObject({ status: 'ok', detail: 'localhost' });
    expect(r.report.timings.dnsMs).toBeTypeOf('number');
    expect(r.step('connect')?.detail).toBe(`127.0.0.1:${sim.port}`);
  });

  it('skips the probe and the balance with --no-probe, and says the model was not proven', async () => {
    const r = await live(openai(sim.key), { probe: false });
    expect(r.step('probe')).toMatchObject({ status: 'skipped' });
    expect(r.step('balance')?.detail).toMatch(/--no-probe/);
    expect(r.finding('live/ok').message).toMatch(/not proven/);
    expect(sim.requests).toBeGreaterThan(0);
  });
});

describe('requests as the SDKs send them', () => {
  async function recorded(t: ReturnType<typeof target>) {
    const gw = await fakeGateway((req, res) => {
      if (req.url.endsWith('/models')) return json(res, 200, { data: [{ id: 'm-1' }] });
      if (req.url.endsWith('/messages')) return json(res, 200, { type: 'message', content: [] });
      return json(res, 200, { choices: [] });
    });
    try {
      t.baseUrl!.value = t.protocol === 'openai' ? `${gw.url}/v1` : gw.url;
      await live(t);
      return gw.seen;
    } finally {
      await gw.close();
    }
  }

  it('sends GET /models and a 1-token POST /chat/completions with a Bearer key (OpenAI)', async () => {
    const seen = await recorded(target('openai', '', 'sk-recorded-openai-0001', 'm-1'));
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v1/models', 'POST /v1/chat/completions']);
    expect(seen[0]!.headers.authorization).toBe('Bearer sk-recorded-openai-0001');
    expect(JSON.parse(seen[1]!.body)).toEqual({ model: 'm-1', max_tokens: 1, messages: [{ role: 'user', content: 'Hi' }] });
  });

  it('sends x-api-key and anthropic-version to /v1/models and /v1/messages (Anthropic)', async () => {
    const seen = await recorded(target('anthropic', '', 'sk-recorded-anthropic-01', 'm-1'));
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v1/models', 'POST /v1/messages']);
    for (const r of seen) {
      expect(r.headers['x-api-key']).toBe('sk-recorded-anthropic-01');
      expect(r.headers['anthropic-version']).toBe('2023-06-01');
      expect(r.headers.authorization).toBeUndefined();
    }
  });

  it('sends the key as Bearer on the Anthropic protocol when it came from ANTHROPIC_AUTH_TOKEN', async () => {
    const seen = await recorded(target('anthropic', '', 'sk-recorded-authtoken-1', 'm-1', 'bearer'));
    expect(seen[1]!.headers.authorization).toBe('Bearer sk-recorded-authtoken-1');
    expect(seen[1]!.headers['x-api-key']).toBeUndefined();
  });
});

describe('one finding per broken link', () => {
  it.each(both)('live/401: a rejected key fails the key link (%s) and blocks the rest', async (_n, make) => {
    const r = await live(make(sim.faultKeys['401']!));
    expect(r.ids).toEqual(['live/401']);
    expect(r.step('http')?.status).toBe('ok');
    expect(r.step('auth')?.status).toBe('fail');
    expect(r.step('probe')).toMatchObject({ status: 'skipped', blockedBy: 'auth' });
    const f = r.finding('live/401');
    expect(f.source).toBe('--key');
    expect(f.fix).toMatch(/Console → Tokens/);
    expect(f.data?.requestId).toMatch(/^req_/);
  });

  it.each(both)('live/402: an empty balance fails the balance link (%s)', async (_n, make) => {
    const r = await live(make(sim.faultKeys['402']!));
    expect(r.ids).toEqual(['live/402']);
    expect(r.step('auth')?.status).toBe('ok');
    expect(r.step('balance')?.status).toBe('fail');
    expect(r.finding('live/402').fix).toMatch(/USDT/);
  });

  it('live/402: an insufficient_quota 429 is a balance problem, sent once and not retried', async () => {
    const r = await live(openai(sim.faultKeys['429-quota']!));
    expect(r.ids).toEqual(['live/402']);
    expect(r.finding('live/402').message).toMatch(/not a rate limit/);
    expect(r.report.requestIds).toHaveLength(2); // the model list and one probe: no retries
  });

  it('live/403: a key without permission fails the key link', async () => {
    const r = await live(openai(sim.faultKeys['403']!));
    expect(r.ids).toEqual(['live/403']);
    expect(r.step('auth')?.status).toBe('fail');
  });

  it.each(both)('live/404-model: an unknown model fails the model link with did-you-mean from the gateway list (%s)', async (_n, make) => {
    const r = await live(make(sim.key, _n === 'OpenAI' ? 'gpt-5.4-mnii' : 'claude-opus-4.8'));
    expect(r.ids).toEqual(['live/404-model']);
    expect(r.step('auth')?.status).toBe('ok');
    expect(r.step('model')?.status).toBe('fail');
    const f = r.finding('live/404-model');
    expect(f.fix).toMatch(_n === 'OpenAI' ? /Set the model to gpt-5.4-mini/ : /Set the model to claude-opus-4-8/);
    expect(f.source).toBe('--model');
  });

  it('live/404-model: without the probe, the gateway list alone decides', async () => {
    const r = await live(openai(sim.key, 'gpt-4o-mni'), { probe: false });
    expect(r.ids).toEqual(['live/404-model']);
    expect(r.finding('live/404-model').message).toMatch(/model list/);
  });

  it('live/404-url: an OpenAI base URL without /v1 is wrong, and the fix adds it', async () => {
    const r = await live(openai(sim.key, 'gpt-5.4-mini', sim.url));
    expect(r.ids).toEqual(['live/404-url']);
    expect(r.step('http')?.status).toBe('fail');
    expect(r.finding('live/404-url').fix).toContain(`Set the base URL to ${sim.url}/v1`);
    expect(r.finding('live/404-url').source).toBe('--base-url');
  });

  it('live/404-url: an Anthropic base URL with /v1 is wrong, and the fix drops it', async () => {
    const r = await live(anthropic(sim.key, 'claude-opus-4-8', `${sim.url}/v1`));
    expect(r.ids).toEqual(['live/404-url']);
    expect(r.finding('live/404-url').fix).toContain(`Set the base URL to ${sim.url}\n`);
  });

  it('a missing /models alone does not make the base URL wrong: the probe decides', async () => {
    const r = await live(openai(sim.faultKeys['no-models']!));
    expect(r.ids).toEqual(['live/ok']);
    expect(r.report.modelList?.source).toBe('bundled');
    expect(r.models).toBeUndefined();
    const without = await live(openai(sim.faultKeys['no-models']!), { probe: false });
    expect(without.ids.filter((id) => id !== 'live/ok')).toEqual([]);
    expect(without.step('http')?.status).toBe('warn');
  });

  it('live/429: a rate limit is retried (honouring retry-after), says how many tries, and only warns', async () => {
    const r = await live(openai(sim.faultKeys['429']!), { timeoutMs: 3500 });
    expect(r.ids).toEqual(['live/429']);
    const f = r.finding('live/429');
    expect(f.severity).toBe('warning');
    expect(f.data?.tries).toBeGreaterThanOrEqual(2);
    expect(f.title).toContain(`${f.data?.tries as number} tries`);
    expect(r.step('probe')?.status).toBe('warn');
  });

  it('live/5xx: retries 503,503,ok and reports that it went through on the third try', async () => {
    const flaky = await startSimulator({ fail: '503,503,ok' });
    try {
      const r = await live(openai(flaky.key, 'gpt-5.4-mini', flaky.openaiBaseUrl));
      expect(r.ids).toEqual(['live/5xx', 'live/ok']);
      const f = r.finding('live/5xx');
      expect(f.severity).toBe('warning');
      expect(f.data).toMatchObject({ tries: 3, statuses: [503, 503], recovered: true });
      expect(f.title).toMatch(/try 3/);
      expect(r.step('probe')?.status).toBe('ok');
    } finally {
      await flaky.close();
    }
  });

  it.each(['500', '502', '529'])('live/5xx: a %s that does not go away within the time limit is a warning that blocks the probe (not a set-up error)', async (code) => {
    const r = await live(openai(sim.faultKeys[code]!), { timeoutMs: 2500 });
    expect(r.ids).toEqual(['live/5xx']);
    expect(r.finding('live/5xx').severity).toBe('warning');
    expect(r.finding('live/5xx').message).toMatch(/time limit/);
    expect(r.step('probe')?.status).toBe('warn');
    expect(r.step('balance')?.status).toBe('skipped');
  });

  it('live/timeout: slow headers time out in the first-byte phase, and the slow step says what it waits for', async () => {
    const started = performance.now();
    const r = await live(openai(sim.faultKeys.slow!), { timeoutMs: 3000 });
    expect(performance.now() - started).toBeLessThan(6000); // does not hang
    expect(r.ids).toEqual(['live/timeout']);
    expect(r.finding('live/timeout').data?.phase).toBe('headers');
    expect(r.finding('live/timeout').title).toMatch(/first byte/);
    // The request was sent and the gateway is slow: not the set-up's fault, but it blocks the proof.
    expect(r.finding('live/timeout').severity).toBe('warning');
    expect(r.step('probe')?.status).toBe('warn');
    expect(r.events.some((e) => /still waiting \(\d s\) for the answer to POST/.test(e.detail ?? ''))).toBe(true);
  });

  it('live/timeout: a body that stalls times out in the body phase', async () => {
    const r = await live(openai(sim.faultKeys.stall!), { timeoutMs: 1500 });
    expect(r.ids).toEqual(['live/timeout']);
    expect(r.finding('live/timeout').data?.phase).toBe('body');
  });

  it('live/reset: a connection dropped before any answer', async () => {
    const r = await live(openai(sim.faultKeys.reset!));
    expect(r.ids).toEqual(['live/reset']);
    expect(r.finding('live/reset').title).toMatch(/before any answer/);
  });

  it.each(['html', 'empty'])('live/not-ruapi: a 200 %s answer does not look like a gateway', async (fault) => {
    const r = await live(openai(sim.faultKeys[fault]!));
    expect(r.ids).toEqual(['live/not-ruapi']);
    expect(r.finding('live/not-ruapi').message).toMatch(fault === 'html' ? /HTML page/ : /empty body/);
  });

  it('live/not-ruapi: a captive portal answering every path with HTML fails the HTTP link', async () => {
    const portal = await fakeGateway((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><head><title>Hotel Wi-Fi login</title></head><body>Sign in</body></html>');
    });
    try {
      const r = await live(openai('sk-portal-key-000000001', 'gpt-5.4-mini', `${portal.url}/v1`));
      expect(r.ids).toEqual(['live/not-ruapi']);
      expect(r.step('http')?.status).toBe('fail');
      expect(r.finding('live/not-ruapi').message).toContain('Hotel Wi-Fi login');
    } finally {
      await portal.close();
    }
  });

  it('live/redirect: a redirect is reported with its target, and the key is not sent there', async () => {
    const elsewhere = await fakeGateway((_req, res) => json(res, 200, {}));
    const redirecting = await startSimulator({ redirectTo: elsewhere.url });
    try {
      const r = await live(openai(redirecting.faultKeys.redirect!, 'gpt-5.4-mini', redirecting.openaiBaseUrl));
      expect(r.ids).toEqual(['live/redirect']);
      const f = r.finding('live/redirect');
      expect(f.data?.location).toBe(`${elsewhere.url}/v1/chat/completions`);
      expect(f.fix).toContain(`${elsewhere.url}/v1`);
      expect(elsewhere.seen).toHaveLength(0);
    } finally {
      await redirecting.close();
      await elsewhere.close();
    }
  });

  it('live/unreachable: a refused port fails the connect link, naming host and port', async () => {
    const port = await refusedPort();
    const r = await live(openai(sim.key, 'gpt-5.4-mini', `http://127.0.0.1:${port}/v1`));
    expect(r.ids).toEqual(['live/unreachable']);
    expect(r.step('connect')?.status).toBe('fail');
    expect(r.step('http')).toMatchObject({ status: 'skipped', blockedBy: 'connect' });
    expect(r.finding('live/unreachable').message).toContain(`port ${port}`);
    expect(r.finding('live/unreachable').data?.code).toBe('ECONNREFUSED');
  });

  it('live/dns: a host that does not exist fails the DNS link (real resolver)', async () => {
    const r = await live(openai(sim.key, 'gpt-5.4-mini', 'http://ruapi-doctor-test.invalid/v1'), { allowHosts: ['ruapi-doctor-test.invalid'] });
    expect(r.ids).toEqual(['live/dns']);
    expect(r.step('dns')?.status).toBe('fail');
    expect(r.step('connect')).toMatchObject({ status: 'skipped', blockedBy: 'dns' });
    expect(r.finding('live/dns').data?.code).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('live/dns: a misspelt RuAPI host gets the corrected base URL in the fix', () => {
    // Pure: resolving a real misspelt name would leave this machine.
    const t = openai(sim.key, 'gpt-5.4-mini', 'https://www.ruapi.ia/v1');
    const f = dnsFinding({ target: t, base: new URL(t.baseUrl!.value) }, { kind: 'dns', phase: 'dns', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND www.ruapi.ia' });
    expect(f.message).toMatch(/misspelling of www\.ruapi\.ai/);
    expect(f.fix).toContain('Set the base URL to https://www.ruapi.ai/v1');
  });

  it("live/dns: RuAPI's own host, spelt right, blames the network, not the spelling", () => {
    const t = openai(sim.key, 'gpt-5.4-mini', 'https://www.ruapi.ai/v1');
    const f = dnsFinding({ target: t, base: new URL(t.baseUrl!.value) }, { kind: 'dns', phase: 'dns', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND www.ruapi.ai' });
    expect(f.message).toMatch(/RuAPI's own host, spelt right.*The cause is the network here/);
    expect(`${f.message} ${f.fix}`).not.toMatch(/misspel|spelling/i);
    expect(f.fix).toMatch(/nslookup www\.ruapi\.ai/);
    // Any other host that does not resolve may still be misspelt.
    const other = openai(sim.key, 'gpt-5.4-mini', 'https://gateway.example/v1');
    expect(dnsFinding({ target: other, base: new URL(other.baseUrl!.value) }, { kind: 'dns', phase: 'dns', code: 'ENOTFOUND', message: '' }).message).toMatch(/may be misspelt/);
  });

  it('live/bad-request: a 400 to the probe is reported with the gateway message', async () => {
    const r = await live(anthropic(sim.faultKeys['400']!));
    expect(r.ids).toEqual(['live/bad-request']);
    expect(r.finding('live/bad-request').message).toMatch(/Invalid request/);
  });

  it('live/stream-cut: a stream without its final event fails the streaming link (both protocols)', async () => {
    for (const make of [openai, anthropic]) {
      const cutting = await startSimulator({ fail: 'ok,cut' });
      try {
        const t = make(cutting.key, undefined, make === openai ? cutting.openaiBaseUrl : cutting.anthropicBaseUrl);
        const r = await live(t, { stream: true });
        expect(r.ids).toEqual(['live/stream-cut']);
        expect(r.step('probe')?.status).toBe('ok');
        expect(r.step('stream')?.status).toBe('fail');
        expect(r.finding('live/stream-cut').message).toMatch(make === openai ? /\[DONE\]/ : /message_stop/);
      } finally {
        await cutting.close();
      }
    }
  });

  it('live/stream-buffered: a stream that arrives all at once only warns', async () => {
    const events = ['{"choices":[{"delta":{"role":"assistant"}}]}', '{"choices":[{"delta":{"content":"Hi"}}]}', '{"choices":[{"delta":{},"finish_reason":"length"}]}', '[DONE]'];
    const text = events.map((e) => `data: ${e}\n\n`).join('');
    const buffering = await fakeGateway((req, res) => {
      if (req.url.endsWith('/models')) return json(res, 200, { data: [{ id: 'm-1' }] });
      if (!JSON.parse(req.body).stream) return json(res, 200, { choices: [{ message: { content: 'Hi' } }] });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    });
    try {
      const r = await live(openai('sk-bf7Q2xLm-key-0000001', 'm-1', `${buffering.url}/v1`), { stream: true });
      expect(r.ids).toEqual(['live/stream-buffered', 'live/ok']);
      expect(r.finding('live/stream-buffered').severity).toBe('warning');
      expect(r.step('stream')?.status).toBe('warn');
    } finally {
      await buffering.close();
    }
  });
});

describe('answers with no finding of their own', () => {
  it('live/unexpected-status: a status the doctor has no finding for is still reported, with the message', async () => {
    const teapot = await fakeGateway((req, res) =>
      req.url.endsWith('/models') ? json(res, 200, { data: [{ id: 'm-1' }] }) : json(res, 418, { error: { message: 'I am a teapot', type: 'teapot' } }, { 'x-request-id': 'req_teapot_0001' }),
    );
    try {
      const r = await live(openai('sk-teapot-key-000000001', 'm-1', `${teapot.url}/v1`));
      expect(r.ids).toEqual(['live/unexpected-status']);
      const f = r.finding('live/unexpected-status');
      expect(f.message).toContain('I am a teapot');
      expect(f.data?.requestId).toBe('req_teapot_0001');
      expect(r.report.requestIds).toContain('req_teapot_0001');
    } finally {
      await teapot.close();
    }
  });

  it('live/stream-cut: an error event inside an Anthropic stream fails the streaming link', async () => {
    const overloaded = await fakeGateway((req, res) => {
      if (req.url.endsWith('/models')) return json(res, 200, { data: [{ id: 'm-1', type: 'model' }] });
      if (!JSON.parse(req.body).stream) return json(res, 200, { type: 'message', content: [] });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: message_start\ndata: {"type":"message_start"}\n\n');
      res.end('event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n');
    });
    try {
      const r = await live(anthropic('sk-ov3Rl0Ad-key-00001', 'm-1', overloaded.url), { stream: true });
      expect(r.ids).toEqual(['live/stream-cut']);
      expect(r.finding('live/stream-cut').message).toMatch(/overloaded_error: Overloaded/);
    } finally {
      await overloaded.close();
    }
  });
});

describe('the key', () => {
  it('never shows, even when the gateway echoes part of it back', async () => {
    const key = 'sk-echoTestKey1234567890abcdefWXYZ';
    const echo = await fakeGateway((_req, res) =>
      json(res, 401, { error: { message: `Incorrect API key provided: sk-echo***************WXYZ. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', code: 'invalid_api_key' } }),
    );
    try {
      const r = await live(openai(key, 'gpt-5.4-mini', `${echo.url}/v1`));
      expect(r.ids).toEqual(['live/401']);
      const out = JSON.stringify(r);
      expect(out).not.toContain('sk-echo');
      expect(out).not.toContain(key);
    } finally {
      await echo.close();
    }
  });

  it('is sent trimmed when only whitespace surrounds it, as Node\'s fetch sends it, so the key itself is tested', async () => {
    const r = await live(openai(`  ${sim.key}\n`), {
      offlineFindings: [{ id: 'key/whitespace', severity: 'warning', title: 'x', message: 'x', fix: '' }],
    });
    expect(r.step('auth')?.status).toBe('ok');
    expect(r.step('probe')?.status).toBe('ok');
    expect(r.ids).toEqual(['live/ok']);
  });

  it('is not sent when it cannot go in a header: the key link is blocked by the offline finding', async () => {
    const key = `${sim.key.slice(0, 10)}\n${sim.key.slice(10)}`;
    const r = await live(openai(key), {
      offlineFindings: [{ id: 'key/whitespace', severity: 'error', title: 'x', message: 'x', fix: '' }],
    });
    expect(r.step('http')?.status).toBe('ok');
    expect(r.step('auth')).toMatchObject({ status: 'skipped', blockedBy: 'key/whitespace' });
    expect(r.step('probe')).toMatchObject({ status: 'skipped', blockedBy: 'key/whitespace' });
    expect(r.ids).toEqual([]);
  });

});

describe('without a usable base URL', () => {
  it('skips every link, blocked by the offline finding', async () => {
    const r = await live(target('openai', 'not a url', sim.key, 'gpt-5.4-mini'), {
      offlineFindings: [{ id: 'base-url/invalid', severity: 'error', title: 'x', message: 'x', fix: '' }],
    });
    expect(r.ids).toEqual([]);
    expect(r.report.steps.every((s) => s.status === 'skipped' && s.blockedBy === 'base-url/invalid')).toBe(true);
  });
});

describe('README', () => {
  it('documents every live finding id in the live section, and no other', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- section: live'), readme.indexOf('<!-- /section: live'));
    const documented = [...section.matchAll(/^\| `((?:live|internal)\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...LIVE_FINDING_IDS].sort());
  });
});
