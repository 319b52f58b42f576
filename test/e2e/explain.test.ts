import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NODE, ROOT, runCli, tempDir } from '../helpers/cli.js';

const QUOTA_429 =
  "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}";
const ANTHROPIC_404 =
  '404 {"type":"error","error":{"type":"not_found_error","message":"model: claude-sonnet-4-7"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}';
const KNOWN = 'Known codes: 400, 401, 402, 403, 404, 413, 429, 5xx, timeout, refused, dns, tls.';

async function explainJson(args: string[], input?: string) {
  const r = await runCli(['explain', '--json', ...args], input === undefined ? {} : { input });
  return { ...r, json: JSON.parse(r.stdout) };
}

describe('ruapi explain <code>', () => {
  it('explains a status code: title, causes, numbered fix, what to send to support', async () => {
    const r = await runCli(['explain', '401']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^401 {2}The gateway did not accept your API key/);
    expect(r.stdout).toContain('Why it happens');
    expect(r.stdout).toMatch(/\n {2}1\. Open Console → Tokens/);
    expect(r.stdout).toMatch(/Support\n {2}.*support@ruapi\.ai/);
    expect(r.stderr).toBe('');
  });

  it.each([
    ['5xx', '5xx', 'gateway-error', null],
    ['502', '502', 'gateway-error', 502],
    ['529', '529', 'gateway-error', 529],
    ['timeout', 'timeout', 'stream-timeout', null],
    ['insufficient_quota', '402', 'out-of-balance', null],
    ['HTTP 404', '404', 'not-found', 404],
    ['ECONNREFUSED', 'refused', 'connection-refused', null],
  ])('looks up %s by code, class or name', async (query, code, id, status) => {
    const { code: exit, json } = await explainJson([query]);
    expect(exit).toBe(0);
    expect(json.input).toEqual({ kind: 'code' });
    expect(json.matches[0]).toMatchObject({ code, id, cause: null, details: { status } });
  });

  it('lists every failure before an HTTP answer for `network`', async () => {
    const { code: exit, json } = await explainJson(['network']);
    expect(exit).toBe(0);
    expect(json.matches.map((m: { code: string }) => m.code)).toEqual(['refused', 'dns', 'tls']);
  });

  it('shows both causes of a bare 404, each with its own fix', async () => {
    const r = await runCli(['explain', '404']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cause 1: model id');
    expect(r.stdout).toContain('Cause 2: base URL');
    expect(r.stdout).toContain('https://www.ruapi.ai/v1 — the /v1 is required');
    expect(r.stdout).toContain('https://www.ruapi.ai — no /v1');
  });

  it('marks an entry that is not on the support sheet', async () => {
    expect((await runCli(['explain', 'tls'])).stdout).toContain("Not on RuAPI's support sheet");
    expect((await runCli(['explain', '429'])).stdout).not.toContain("Not on RuAPI's support sheet");
  });

  it('says so, lists the codes it knows and exits 1 for a code it has no entry for', async () => {
    const r = await runCli(['explain', '418']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ruapi has no entry for that code.');
    expect(r.stdout).toContain(KNOWN);
  });
});

describe('ruapi explain with pasted text', () => {
  it("reads standard input with '-' and picks the balance entry for a 429 insufficient_quota", async () => {
    const { code, json } = await explainJson(['-'], QUOTA_429);
    expect(code).toBe(0);
    expect(json.input).toEqual({ kind: 'text' });
    expect(json.matches[0]).toMatchObject({ code: '402', id: 'out-of-balance', details: { status: 429, errorType: 'insufficient_quota' } });
  });

  it('reads piped input when no argument is given', async () => {
    const { code, json } = await explainJson([], ANTHROPIC_404);
    expect(code).toBe(0);
    expect(json.matches[0]).toMatchObject({
      code: '404',
      cause: 'model-id',
      details: { status: 404, model: 'claude-sonnet-4-7', requestId: 'req_011CSHoEeqs5C35K2UUqR7Fy', errorType: 'not_found_error' },
    });
  });

  it('reads pasted text given as the argument', async () => {
    const { code, json } = await explainJson(['Error: 404 Invalid URL (POST /chat/completions)']);
    expect(code).toBe(0);
    expect(json.input).toEqual({ kind: 'text' });
    expect(json.matches[0]).toMatchObject({ code: '404', cause: 'base-url', details: { url: '/chat/completions' } });
  });

  it('prints the likely cause, the fix, what it found, and the request id to quote', async () => {
    const r = await runCli(['explain'], { input: ANTHROPIC_404 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^404 \(model id\) {2}Model not found/);
    expect(r.stdout).toContain('Likely cause: The gateway does not know the model id `claude-sonnet-4-7`.');
    expect(r.stdout).toMatch(/What to do\n {2}1\. /);
    expect(r.stdout).toMatch(/Found in the text\n(?: {2}.+\n)*? {2}status {6}404\n/);
    expect(r.stdout).toMatch(/ {2}model {7}claude-sonnet-4-7\n/);
    expect(r.stdout).toContain('Quote request id req_011CSHoEeqs5C35K2UUqR7Fy when you write to support');
  });

  it('prints exactly the documented JSON shape (the fields of #16 added after the older ones)', async () => {
    const { json } = await explainJson(['-'], QUOTA_429);
    expect(Object.keys(json)).toEqual(['matches', 'input', 'ambiguous']);
    expect(Object.keys(json.input)).toEqual(['kind']);
    for (const m of json.matches) {
      expect(Object.keys(m)).toEqual(['code', 'cause', 'id', 'title', 'fix', 'details', 'likelihood']);
      expect(Object.keys(m.details)).toEqual(['status', 'requestId', 'model', 'url', 'errorType']);
      expect(m.fix.every((s: unknown) => typeof s === 'string')).toBe(true);
    }
  });

  it('says nothing matched, lists the codes it knows and exits 1', async () => {
    const r = await runCli(['explain'], { input: "Traceback (most recent call last):\n  File \"app.py\", line 2, in <module>\nModuleNotFoundError: No module named 'openai'\n" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nothing in this text matches an error ruapi knows.');
    expect(r.stdout).toContain(KNOWN);
    const { code, json } = await explainJson(['-'], 'all good, 200 OK');
    expect(code).toBe(1);
    expect(json).toEqual({ matches: [], input: { kind: 'text' }, ambiguous: false });
  });

  it('treats empty standard input as a usage error: one line, exit 2', async () => {
    for (const [args, input] of [[[], undefined], [['-'], ''], [['-'], ' \n\t\n']] as const) {
      const r = await runCli(['explain', ...args], input === undefined ? {} : { input });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^ruapi: standard input was empty: .+\nRun 'ruapi explain --help' for usage\.\n$/);
    }
  });

  it('does not wait for a terminal when no argument is given', () => {
    // `script` gives the CLI a real terminal as standard input.
    const r = spawnSync('script', ['-qec', `"${NODE}" -- "${BIN}" explain`, '/dev/null'], { encoding: 'utf8', timeout: 15000, input: '' });
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return; // no `script` on this machine
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('ruapi: nothing to explain');
    // Short lines: at 121 characters its full stop stood alone on a line of a 120-column terminal.
    const lines = r.stdout.replace(/\r/g, '').trim().split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(lines).not.toContain('.');
    expect(lines.at(-1)).toBe("Run 'ruapi explain --help' for usage.");
  });

  it('reads a 4 MB paste quickly and finds the error at its end', async () => {
    const filler = `${'DEBUG 2024-05-02 12:40:44,404 worker-502 processed 429 items in 500 ms\n'.repeat(60_000)}`.slice(0, 4 * 1024 * 1024);
    const r = await runCli(['explain', '--json', '-'], { input: `${filler}\n${QUOTA_429}\n`, timeoutMs: 15000 });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).matches[0].code).toBe('402');
  });

  it('survives binary garbage', async () => {
    let seed = 42;
    const bytes = Buffer.from(Uint8Array.from({ length: 1024 * 1024 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff));
    const r = await runCli(['explain', '-'], { input: bytes });
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toBe('');
  });

  it('never prints a pasted key whole', async () => {
    const key = 'sk-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ';
    const text = `> Authorization: Bearer ${key}\n< HTTP/1.1 401 Unauthorized\n{"error":{"message":"Invalid API key: ${key}","type":"invalid_request_error"}}`;
    for (const args of [[], ['--json']]) {
      const r = await runCli(['explain', ...args], { input: text });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain(key);
    }
    // The message is shown, with the key cut down to its prefix and last four characters.
    expect((await runCli(['explain'], { input: text })).stdout).toContain('Invalid API key: sk-…GHIJ');
  });

  it('uses colour only when asked to', async () => {
    expect((await runCli(['explain', '429'])).stdout).not.toContain('\x1b[');
    expect((await runCli(['explain', '429'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toContain('\x1b[');
  });
});

describe('ruapi explain start-up', () => {
  it('never loads the HTTP client, schemas, spinners or prompts', async () => {
    const dir = tempDir({
      'hook.cjs': `const M = require('module'); const load = M._load; const seen = new Set();
M._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...seen]) + '\\n'));`,
    });
    const r = await runCli(['explain', '404'], { env: { NODE_OPTIONS: `--require ${path.join(dir, 'hook.cjs')}` } });
    expect(r.code).toBe(0);
    const loaded: string[] = JSON.parse(/LOADED (.*)/.exec(r.stderr)?.[1] ?? '[]');
    expect(loaded).toContain('./explain.cjs');
    expect(loaded.filter((m) => /undici|zod|ora|inquirer|\.\/(?:live|ui|doctor|sim)\.cjs/.test(m))).toEqual([]);
    // A looked-up code needs no reader of pasted text: its facts, regular expressions and clues stay unloaded.
    expect(loaded).not.toContain('./text.cjs');
    const pasted = await runCli(['explain', '-'], { input: 'Error code: 400 - {"error":{"message":"Model Not Exist"}}', env: { NODE_OPTIONS: `--require ${path.join(dir, 'hook.cjs')}` } });
    expect(pasted.stdout).toContain('Model not found');
    expect(JSON.parse(/LOADED (.*)/.exec(pasted.stderr)?.[1] ?? '[]')).toContain('./text.cjs');
    // Bundled code would not show up as a module load: the chunks themselves must not carry it.
    for (const chunk of ['cli.cjs', 'explain.cjs']) {
      const code = readFileSync(path.join(ROOT, 'dist', chunk), 'utf8');
      for (const marker of ['ZodError', 'ProxyAgent', 'bouncingBar', 'ExitPromptError']) expect(code, `${chunk} carries ${marker}`).not.toContain(marker);
      // Nor the clues of pasted text (a pattern of the 404 entry) or the status readers.
      for (const marker of ['no available channel for model', 'site-packages/openai', 'error sending request for url']) expect(code, `${chunk} carries ${marker}`).not.toContain(marker);
    }
  });
  it('ranks the readings of a text that allows two: a "no available channel" 503 is the model id first, a gateway outage second', async () => {
    const body = '{"error":{"message":"当前分组 default 下对于模型 gpt-5 无可用渠道 (request id: 2025082215093026624875464905761)","type":"one_api_error"}}';
    const { json } = await explainJson(['-'], `HTTP/1.1 503 Service Unavailable\n\n${body}`);
    expect(json.ambiguous).toBe(true);
    expect(json.matches.map((m: { id: string; cause: string | null }) => [m.id, m.cause])).toEqual([['not-found', 'model-id'], ['gateway-error', null]]);
    expect(json.matches[0].likelihood).toBeGreaterThan(json.matches[1].likelihood);
    const human = await runCli(['explain', '-'], { input: body });
    expect(human.stdout).toContain('allows more than one reading');
    expect(human.stdout).toContain('Second reading: 5xx');
  });
});
