import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { runCli, tempDir, type RunResult } from '../helpers/cli.js';
import { startRuapi, TMUX_MISSING } from '../helpers/tmux.js';

/**
 * A hostile gateway, on 127.0.0.1 and on [::1]: one scenario for each way its text or its timing
 * has reached a user's terminal or CI log, and each scenario through every output ruapi has. In
 * none may an escape sequence of the gateway's appear (only ruapi's own colours), a line start
 * with a workflow command other than ruapi's own, or the run outlast `--timeout` plus one second.
 */

/** Window titles, a screen clear, the alternate screen, an OSC 8 link, an 8-bit CSI, a colour. */
const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\u001b[?1049h\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\\u009b31m\u001b[31mred';
/** Workflow commands on lines of their own, some indented (the runner strips leading spaces), and the legacy form. */
const COMMANDS = '\n::add-mask::sk-\n  ::error file=x::pwned\n##[error]legacy\n  ##[group]g\n::stop-commands::abc\n';
const HOSTILE = `${ESCAPES}${COMMANDS}`;

const TIMEOUT_S = 2;
const KEY = 'sk-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcd';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface Scenario {
  name: string;
  /** Flags of its own: `--stream`, another model. */
  args?: string[];
  handle: Handler;
  /** What the `--json` run must show: the finding, in words that say what happened. */
  shows: { id: string; text: RegExp };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const modelList = (res: ServerResponse, ids = ['gpt-4o-mini']) => json(res, 200, { object: 'list', data: ids.map((id) => ({ id, object: 'model' })) });
const reply = (res: ServerResponse) => json(res, 200, { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'length' }] });
const isModels = (req: IncomingMessage) => req.url!.endsWith('/models');
const streams = (body: string) => body.includes('"stream":true');

/** A response, or the socket under it. */
type Sink = Pick<NodeJS.WritableStream, 'write'> & { on(event: 'close' | 'drain', listener: () => void): unknown };

/** Writes `chunk` for as long as the client reads, and stops when it goes. */
function flood(sink: Sink, chunk: string): void {
  let gone = false;
  sink.on('close', () => (gone = true));
  const write = () => {
    while (!gone && sink.write(chunk));
  };
  sink.on('drain', write);
  write();
}

/** Writes `chunk` every `ms` until the client goes. */
function drip(sink: Sink, chunk: string, ms: number): void {
  const timer = setInterval(() => sink.write(chunk), ms);
  sink.on('close', () => clearInterval(timer));
}

/** Headers that never end: the status line, then one header's value, written by hand on the socket. */
function endlessHeader(req: IncomingMessage, how: 'byte by byte' | 'flooding'): void {
  const socket = req.socket;
  socket.on('error', () => {});
  socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-endless: ');
  if (how === 'byte by byte') drip(socket, 'a', 10);
  else flood(socket, 'a'.repeat(1024));
}

const SCENARIOS: Scenario[] = [
  {
    name: 'the error message, type and code',
    handle: (req, res) => (isModels(req) ? modelList(res) : json(res, 400, { error: { message: `bad request ${HOSTILE}`, type: `invalid_request_error${HOSTILE}`, code: `c${HOSTILE}` } })),
    shows: { id: 'live/bad-request', text: /The gateway said: "bad request \?\]0;pwned/ },
  },
  {
    name: 'model ids from /models, in the did-you-mean and the fixes',
    args: ['--model', 'gpt-4o'],
    handle: (req, res) =>
      isModels(req)
        ? modelList(res, [`gpt-4o-mini${ESCAPES}`, `gpt-4o-mini${COMMANDS}`, `gpt-4o-x${HOSTILE}`, `gpt-4o-${'y'.repeat(400)}`])
        : json(res, 404, { error: { message: 'The model `gpt-4o` does not exist', type: 'invalid_request_error', code: 'model_not_found' } }),
    shows: { id: 'live/404-model', text: /Did you mean "gpt-4o-mini\?\]0;pwned.*" or "gpt-4o-mini ::add-mask::sk- ::error file=x::pwned/ },
  },
  {
    name: 'the HTML title',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><title>Sign in ${HOSTILE}</title></head><body>Wi-Fi</body></html>`);
    },
    // One line, at most 120 characters.
    shows: { id: 'live/not-ruapi', text: /an HTML page \("Sign in \?\]0;pwned[^"\n]* ::add-mask::sk- ::error file=x::pwned [^"\n]*…"\)/ },
  },
  {
    name: 'a text body',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`hello ${HOSTILE}`);
    },
    shows: { id: 'live/not-ruapi', text: /text that is not JSON: "hello \?\]0;pwned/ },
  },
  {
    name: 'JSON keys',
    handle: (_req, res) => json(res, 200, { [`k${HOSTILE}`]: 1, '\n::error::x': 2 }),
    shows: { id: 'live/not-ruapi', text: /JSON that fits neither protocol \(keys: k\?\]0;pwned.*, ::error::x\)/ },
  },
  {
    name: 'the request id in the body and the header',
    handle: (req, res) =>
      isModels(req)
        ? modelList(res)
        : json(res, 400, { error: { message: 'bad' }, request_id: `req_1234567::error::x${HOSTILE}` }, { 'x-request-id': 'hdr-1234567\u009b31m::error::x' }),
    shows: { id: 'live/bad-request', text: /Request id: hdr-1234567\?31m::error::x\./ },
  },
  {
    name: 'a stream error in a --stream run',
    args: ['--stream'],
    handle: (req, res, body) => {
      if (isModels(req)) return modelList(res);
      if (!streams(body)) return reply(res);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: {"choices":[{"delta":{"content":"H"}}]}\n\nevent: error\ndata: ${JSON.stringify({ error: { type: `overloaded${HOSTILE}`, message: `busy${HOSTILE}` } })}\n\n`);
    },
    shows: { id: 'live/stream-cut', text: /sent an error inside the stream \(overloaded\?\]0;pwned.*: busy\?\]0;pwned/ },
  },
  {
    name: 'an endless header, written byte by byte',
    handle: (req) => endlessHeader(req, 'byte by byte'),
    shows: { id: 'live/timeout', text: /headers were still coming when the time limit .* was up/ },
  },
  {
    name: 'an endless header, flooding',
    handle: (req) => endlessHeader(req, 'flooding'),
    shows: { id: 'live/not-ruapi', text: /its headers went on past 16 KB without ending/ },
  },
  {
    name: 'an endless body',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      flood(res, `{"data":[${'{"id":"m"},'.repeat(6000)}`);
    },
    shows: { id: 'live/not-ruapi', text: /an answer that went on past 2 MB, so ruapi stopped reading it/ },
  },
  {
    name: 'a body dripping one byte per 100 ms',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      drip(res, ' ', 100);
    },
    shows: { id: 'live/timeout', text: /while waiting for the rest of the answer/ },
  },
  {
    name: 'an endless stream',
    args: ['--stream'],
    handle: (req, res, body) => {
      if (isModels(req)) return modelList(res);
      if (!streams(body)) return reply(res);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      flood(res, 'data: {"choices":[{"delta":{"content":"x"}}]}\n\n'.repeat(200));
    },
    shows: { id: 'live/stream-cut', text: /went on past 2 MB: \d+ events and no final data: \[DONE\], so ruapi stopped reading it/ },
  },
  {
    name: 'a body of more than 2 MB',
    handle: (_req, res) => modelList(res, Array.from({ length: 120_000 }, (_, i) => `model-${i}`)),
    shows: { id: 'live/not-ruapi', text: /went on past 2 MB/ },
  },
  {
    name: 'an HTML page of repeated <title',
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<title'.repeat(250_000));
    },
    shows: { id: 'live/not-ruapi', text: /an HTML page instead of JSON/ },
  },
];

/** One server per address; the scenario is the first segment of the base URL's path. */
async function startGateway(host: string): Promise<{ base(i: number): string; server: Server }> {
  const server = createServer((req, res) => {
    const i = Number(req.url!.split('/')[1]);
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => SCENARIOS[i]!.handle(req, res, body));
  });
  // The hostile servers write for as long as they are read: a client that goes must not leave them an error.
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
  return { base: (i) => `${origin}/${i}/v1`, server };
}

interface Output {
  /** How the output was asked for. */
  name: string;
  command: 'doctor' | 'report';
  args: (dir: string) => string[];
  /** Under GITHUB_ACTIONS with a step summary, coloured (FORCE_COLOR=1): only SGR colours may be left. */
  github?: boolean;
  /** Files the run writes, to read as output too. */
  files?: string[];
}

const OUTPUTS: Output[] = [
  { name: 'human, coloured, under GitHub Actions, and its step summary', command: 'doctor', args: () => [], github: true, files: ['summary.md'] },
  { name: 'human with --format junit --output, and the file', command: 'doctor', args: (dir) => ['--format', 'junit', '--output', path.join(dir, 'report.xml')], files: ['report.xml'] },
  { name: '--format junit', command: 'doctor', args: () => ['--format', 'junit'] },
  { name: '--json', command: 'doctor', args: () => ['--json'] },
  { name: '--format markdown', command: 'doctor', args: () => ['--format', 'markdown'] },
  { name: 'ruapi report', command: 'report', args: () => [] },
];

/** ruapi's own workflow commands: the stop-commands markers and its annotations. */
const OWN_COMMAND = /^::(?:stop-commands::[0-9a-f]{32}|[0-9a-f]{32}::|(?:error|warning) (?:file=[^,:]*,(?:line=\d+,)?)?title=ruapi )/;
/** SGR: the only escape sequences ruapi writes itself (chalk's colours). */
const SGR = /\u001b\[[0-9;]*m/g;

/** What is wrong with one output text: escapes not ruapi's, and lines a runner would read as commands. */
function problems(text: string, what: string, coloured: boolean): string[] {
  const found: string[] = [];
  const rest = coloured ? text.replace(SGR, '') : text;
  if (rest.includes('\u001b')) found.push(`${what}: an ESC${coloured ? ' that is no SGR colour' : ''} at …${JSON.stringify(rest.slice(Math.max(0, rest.indexOf('\u001b') - 40), rest.indexOf('\u001b') + 20))}`);
  for (const ch of ['\u009b', '\u0007', '\u009d']) if (text.includes(ch)) found.push(`${what}: control ${JSON.stringify(ch)}`);
  // JSON escapes a control character instead of writing it: a reader that prints the value gets it back.
  const escaped = /\\u00(?:1b|07|9b|9d)/i.exec(text);
  if (escaped) found.push(`${what}: an escaped control character ${escaped[0]}`);
  for (const line of text.split(/\r?\n|\r/)) {
    if (/^\s*(?:::|##\[)/.test(line) && !OWN_COMMAND.test(line)) found.push(`${what}: a workflow command line ${JSON.stringify(line.slice(0, 120))}`);
  }
  return found;
}

/** Runs `tasks` at most `n` at a time: two cores, and each run is timed. */
async function pool<T>(n: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

const HOSTS = ['127.0.0.1', '::1'];
const gateways = new Map<string, Awaited<ReturnType<typeof startGateway>>>();
beforeAll(async () => {
  for (const host of HOSTS) gateways.set(host, await startGateway(host));
});
afterAll(async () => {
  for (const { server } of gateways.values()) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** The slowest run of each scenario: the numbers the suite reports. */
const slowest: Array<{ scenario: string; host: string; ms: number }> = [];
afterAll(() => {
  const worst = [...slowest].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(`hostile gateway, slowest runs (--timeout ${TIMEOUT_S}): ${worst.map((w) => `${w.scenario} on ${w.host} ${Math.round(w.ms)} ms`).join('; ')}`);
});

describe.each(HOSTS)('a hostile gateway on %s', (host) => {
  it.each(SCENARIOS.map((s, i) => [s.name, i] as const))('%s: no escape, no workflow command, done within --timeout + 2 s, in every output', async (_name, i) => {
    const scenario = SCENARIOS[i]!;
    const base = gateways.get(host)!.base(i);
    const runs = await pool(
      3,
      OUTPUTS.map((output) => async () => {
        const dir = tempDir();
        const env: Record<string, string | undefined> = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: base };
        if (output.github) Object.assign(env, { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'), NO_COLOR: undefined, FORCE_COLOR: '1' });
        const args = [output.command, '--ci', '--model', 'gpt-4o-mini', '--timeout', String(TIMEOUT_S), ...(scenario.args ?? []), ...output.args(dir)];
        const run = await runCli(args, { env, cwd: dir, timeoutMs: 20_000 });
        const files = (output.files ?? []).map((f) => ({ name: f, text: readFileSync(path.join(dir, f), 'utf8') }));
        return { output, run, files };
      }),
    );
    const found: string[] = [];
    for (const { output, run, files } of runs) {
      const coloured = output.github === true;
      found.push(...problems(run.stdout, `${output.name}, stdout`, coloured), ...problems(run.stderr, `${output.name}, stderr`, coloured));
      for (const f of files) found.push(...problems(f.text, `${output.name}, ${f.name}`, false));
      // The time limit plus a process's start and exit on a busy machine: a hang would be far over it.
      if (run.ms >= (TIMEOUT_S + 2) * 1000) found.push(`${output.name}: took ${Math.round(run.ms)} ms, more than --timeout ${TIMEOUT_S} + 2 s`);
      if (run.stdout.includes(KEY) || run.stderr.includes(KEY)) found.push(`${output.name}: the key`);
      if (files.length === 0 && run.stdout.trim() === '') found.push(`${output.name}: no output (exit ${run.code}, stderr ${run.stderr.slice(0, 200)})`);
    }
    slowest.push({ scenario: scenario.name, host, ms: Math.max(...runs.map((r) => r.run.ms)) });
    expect(found).toEqual([]);
    // The colours the check strips are there: the run really was coloured.
    expect(runs[0]!.run.stdout).toMatch(SGR);

    const asJson = runs.find((r) => r.output.name === '--json')!.run as RunResult;
    const result = JSON.parse(asJson.stdout) as DoctorResult;
    const finding = result.findings.find((f) => f.id === scenario.shows.id);
    expect(finding, result.findings.map((f) => `${f.id}: ${f.title}`).join('\n')).toBeDefined();
    expect(`${finding!.title}\n${finding!.message}`).toMatch(scenario.shows.text);
  });
});

describe.skipIf(TMUX_MISSING)(`the hostile gateway's model ids on a terminal${TMUX_MISSING ? ` (skipped: ${TMUX_MISSING})` : ''}`, () => {
  it('reach the spinners, the offered fix and the report without their escapes', async () => {
    const i = SCENARIOS.findIndex((s) => s.name.startsWith('model ids'));
    const dir = tempDir();
    const t = await startRuapi(['doctor', '--model', 'gpt-4o', '--timeout', String(TIMEOUT_S)], {
      cwd: dir,
      home: dir,
      env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: gateways.get('127.0.0.1')!.base(i) },
      width: 160,
      height: 60,
    });
    // The fix offered is the gateway's first id, its escapes shown as `?`.
    await t.waitForText('instead of gpt-4o?', 15_000);
    await t.type('n');
    await t.waitForExit(15_000);
    const raw = t.raw();
    expect(raw).toContain('Use gpt-4o-mini?]0;pwned??[2J');
    expect(raw).toContain('[live/404-model]');
    // Spinners and prompts move the cursor and colour (CSI); none of the gateway's sequences are there.
    for (const sequence of ['\u001b]0;pwned', '\u001b]8;;', '\u001b[2J', '\u001b[?1049h', '\u009b', '\u0007']) expect(raw).not.toContain(sequence);
  }, 30_000);
});
