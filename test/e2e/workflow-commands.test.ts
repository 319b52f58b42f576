import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardLines } from '../../src/core/output.js';
import { runCli, tempDir } from '../helpers/cli.js';

/**
 * A gateway that tries to run GitHub workflow commands through ruapi's output: `::add-mask::`,
 * `::error::` and the legacy `##[error]` on lines of their own, some indented (the runner strips
 * leading spaces), in every place its text reaches a report: the error message, the request id
 * (body and header), the HTML title, a text body, a stream error. Under GITHUB_ACTIONS no line of
 * ruapi's output may start with them, except ruapi's own.
 */
const INJECTED = '::add-mask::sk-\n  ::error file=x::pwned\n##[error]legacy\n::stop-commands::abc';
let origin = '';
let close: () => Promise<void>;

/** Where the gateway puts the injected lines: the first segment of the base URL's path. */
const SOURCES: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  'the error message': (req, res) => {
    res.writeHead(req.url!.endsWith('/models') ? 401 : 404, { 'content-type': 'application/json', 'x-request-id': 'req_1' });
    res.end(JSON.stringify({ error: { message: INJECTED, type: 'invalid_request_error', code: 'invalid_api_key' }, request_id: INJECTED }));
  },
  'the request id': (req, res) => {
    if (req.url!.endsWith('/models')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[{"id":"gpt-5.4-mini"}]}');
    res.writeHead(400, { 'content-type': 'application/json', 'x-request-id': 'hdr_123456::error::x' });
    res.end(JSON.stringify({ error: { message: 'bad' }, request_id: `req_123456\n${INJECTED}`, detail: `(request id: ${INJECTED})` }));
  },
  'the HTML title': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><title>\n${INJECTED}\n</title></html>`),
  'a text body': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(`\n${INJECTED}\n`),
  'a stream error (--stream)': (req, res, body) => {
    if (req.url!.endsWith('/models')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[{"id":"gpt-5.4-mini"}]}');
    if (!body.includes('"stream":true')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices":[{"message":{"content":"Hi"}}]}');
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(`event: error\ndata: ${JSON.stringify({ error: { type: `\n${INJECTED}`, message: `\n${INJECTED}` } })}\n\n`);
  },
};
const NAMES = Object.keys(SOURCES);

beforeAll(async () => {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => SOURCES[NAMES[Number(req.url!.split('/')[1])]!]!(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

/** Lines a runner would read as commands: `::…` or `##[` after leading spaces. */
const commandLines = (text: string) => text.split('\n').filter((l) => /^\s*(::|##\[)/.test(l));

describe('workflow commands from outside text', () => {
  it.each(NAMES.map((name, i) => [name, i] as const))("in %s never start a line of the report, in any format, nor of the step summary; only ruapi's own markers and annotations do", async (name, i) => {
    const summary = path.join(tempDir(), 'summary.md');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, OPENAI_API_KEY: 'sk-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd', OPENAI_BASE_URL: `${origin}/${i}/v1` };
    const stream = name.includes('--stream') ? ['--stream'] : [];
    for (const format of [[], ['--format', 'junit'], ['--format', 'markdown'], ['--json']]) {
      const r = await runCli(['doctor', '--ci', '--model', 'gpt-5.4-mini', ...stream, ...format], { env });
      expect(r.code, r.stdout).toBe(1);
      const ruapis = (text: string) => commandLines(text).filter((l) => /^::(stop-commands::[0-9a-f]{32}|[0-9a-f]{32}::|error title=ruapi |error file=|warning title=ruapi |warning file=)/.test(l));
      expect(commandLines(r.stdout)).toEqual(ruapis(r.stdout));
      // With a format other than the human report, ruapi's annotations go to stderr, and only they.
      expect(commandLines(r.stderr)).toEqual(format.length === 0 ? [] : ruapis(r.stderr));
      if (format.length > 0) expect(ruapis(r.stderr).length).toBeGreaterThan(0);
      // The gateway's lines are there, collapsed into one: they can only be data now.
      if (format.length === 0) expect(r.stdout).toMatch(/::add-mask::sk- ::error file=x::pwned ##\[error\]legacy|::error::x/);
    }
    expect(commandLines(readFileSync(summary, 'utf8'))).toEqual([]);
  });

  it('are marked as quoted text by the output guard, and other text is left alone', () => {
    expect(guardLines('a\n  ::error::x\n##[group]y\nb :: c')).toBe('a\n  » ::error::x\n» ##[group]y\nb :: c');
    expect(guardLines('nothing to see')).toBe('nothing to see');
  });
});

describe('escape sequences from outside text', () => {
  const PASTE = 'Error code: 401 \u001b]0;pwned\u0007 \u001b[2J\u001b[?1049h {"error": {"message": "Invalid API key \u001b]8;;http://evil\u001b\\\\link\u001b]8;;\u001b\\\\", "type": "invalid_request_error"}} request id: req_abc\u001b[31m';

  it('never reach the terminal from a paste: explain keeps only its own colours', async () => {
    const plain = await runCli(['explain', PASTE]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('\u001b');
    expect(plain.stdout).not.toContain('\u0007');
    const coloured = await runCli(['explain', PASTE], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[');
    // Every escape left is a colour (SGR) sequence of ruapi's own.
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toContain('\u001b');
    const json = await runCli(['explain', '--json', PASTE]);
    expect(json.stdout).not.toMatch(/\\u001b|\\u0007/);
  });

  it('never reach the terminal from a gateway: the doctor in every format', async () => {
    const hostile = createServer((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'bad key \u001b]0;pwned\u0007\u001b[2J', type: 'x\u001b[31m' }, request_id: 'req_\u001b[?1049h' }));
    });
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    try {
      const env = { OPENAI_API_KEY: 'sk-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd', OPENAI_BASE_URL: `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/v1` };
      for (const format of [[], ['--format', 'junit'], ['--format', 'markdown'], ['--json']]) {
        const r = await runCli(['doctor', '--ci', '--model', 'gpt-5.4-mini', ...format], { env });
        expect(r.code).toBe(1);
        expect(r.stdout + r.stderr).not.toContain('\u001b');
        expect(r.stdout + r.stderr).not.toContain('\u0007');
        expect(r.stdout).not.toMatch(/\\u001b|\\u0007/);
      }
    } finally {
      await new Promise<void>((resolve) => hostile.close(() => resolve()));
    }
  });
});
