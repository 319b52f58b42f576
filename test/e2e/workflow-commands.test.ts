import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardLines } from '../../src/core/output.js';
import { runCli } from '../helpers/cli.js';

/**
 * A gateway that tries to run GitHub workflow commands through ruapi's output: its error message
 * and its request id carry `::add-mask::`, `::error::` and the legacy `##[error]` on lines of their
 * own. Under GITHUB_ACTIONS no line of ruapi's output may start with them, except ruapi's own.
 */
const INJECTED = '::add-mask::sk-\n  ::error file=x::pwned\n##[error]legacy\n::stop-commands::abc';
let base = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/v1/models' ? 401 : 404, { 'content-type': 'application/json', 'x-request-id': 'req_1' });
    res.end(JSON.stringify({ error: { message: INJECTED, type: 'invalid_request_error', code: 'invalid_api_key' }, request_id: INJECTED }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

/** Lines a runner would read as commands: `::…` or `##[` after leading spaces. */
const commandLines = (text: string) => text.split('\n').filter((l) => /^\s*(::|##\[)/.test(l));

describe('workflow commands from outside text', () => {
  it('never start a line of the report, in any format; only ruapi\'s own markers and annotations do', async () => {
    const env = { GITHUB_ACTIONS: 'true', OPENAI_API_KEY: 'sk-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd', OPENAI_BASE_URL: base };
    for (const format of [[], ['--format', 'junit'], ['--format', 'markdown'], ['--json']]) {
      const r = await runCli(['doctor', '--ci', '--model', 'gpt-4o-mini', ...format], { env });
      expect(r.code, r.stdout).toBe(1);
      const ours = commandLines(r.stdout).filter((l) => /^::(stop-commands::[0-9a-f]{32}|[0-9a-f]{32}::|error title=ruapi |error file=|warning title=ruapi |warning file=)/.test(l));
      expect(commandLines(r.stdout)).toEqual(ours);
      expect(commandLines(r.stderr)).toEqual([]);
    }
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
        const r = await runCli(['doctor', '--ci', '--model', 'gpt-4o-mini', ...format], { env });
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
