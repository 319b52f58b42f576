import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAULT_NAMES } from '../../src/simulate/server.js';
import { BIN, NODE, ROOT, cleanEnv, runCli, tempDir } from '../helpers/cli.js';

/** `ruapi simulate` as a user or a test suite runs it: a real child process, read through its first line. */
interface Running {
  child: ChildProcessWithoutNullStreams;
  firstLine: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

const running: Running[] = [];
afterEach(() => {
  for (const r of running.splice(0)) if (r.child.exitCode === null) r.child.kill('SIGKILL');
});

function startCli(args: string[]): Promise<Running> {
  const home = tempDir();
  const child = spawn(NODE, ['--', BIN, 'simulate', ...args], { cwd: home, env: cleanEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ruapi simulate printed no line within 10 s\nstderr: ${stderr}`)), 10_000);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      const hadLine = stdout.includes('\n');
      stdout += d;
      if (!hadLine && stdout.includes('\n')) {
        clearTimeout(timer);
        const r: Running = { child, firstLine: stdout.split('\n')[0]!, stdout: () => stdout, stderr: () => stderr, exited };
        running.push(r);
        resolve(r);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`ruapi simulate exited (${code}) before printing a line\nstderr: ${stderr}`));
    });
  });
}

interface Ready {
  openaiBaseUrl: string;
  anthropicBaseUrl: string;
  key: string;
  faultKeys: Record<string, string>;
  port: number;
}

const hi = [{ role: 'user' as const, content: 'hi' }];

describe('ruapi simulate --json', () => {
  it('prints where it listens as one JSON line, serves both SDKs, logs on stderr and stops with exit 0', async () => {
    const r = await startCli(['--json', '--fail', '503,503,ok']);
    const ready = JSON.parse(r.firstLine) as Ready;
    expect(Object.keys(ready).sort()).toEqual(['anthropicBaseUrl', 'faultKeys', 'key', 'openaiBaseUrl', 'port']);
    expect(ready.openaiBaseUrl).toBe(`http://127.0.0.1:${ready.port}/v1`);
    expect(ready.anthropicBaseUrl).toBe(`http://127.0.0.1:${ready.port}`);
    expect(ready.key).toMatch(/^sk-[A-Za-z0-9]{48}$/);

    // The run's plan: the SDK's default two retries get through 503, 503, ok.
    const openai = new OpenAI({ baseURL: ready.openaiBaseUrl, apiKey: ready.key });
    const chat = await openai.chat.completions.create({ model: 'gpt-5.4-mini', messages: hi });
    expect(chat.choices[0]?.message.content).toMatch(/^Hello from ruapi simulate/);

    const anthropic = new Anthropic({ baseURL: ready.anthropicBaseUrl, apiKey: ready.key, maxRetries: 0 });
    const err = await anthropic.messages.create({ model: 'claude-opus-4-8', max_tokens: 5, messages: hi }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.ServiceUnavailableError);
    const types: string[] = [];
    const stream = await new Anthropic({ baseURL: ready.anthropicBaseUrl, apiKey: ready.faultKeys.cut }).messages.create({
      model: 'claude-opus-4-8',
      max_tokens: 50,
      messages: hi,
      stream: true,
    });
    for await (const event of stream) types.push(event.type);
    expect(types).not.toContain('message_stop');

    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
    expect(r.stdout().trim().split('\n')).toHaveLength(1);
    const log = r.stderr().trim().split('\n');
    expect(log.filter((l) => l.startsWith('POST /v1/chat/completions')).map((l) => l.match(/status=(\d+)/)?.[1])).toEqual(['503', '503', '200']);
    expect(log.some((l) => /^POST \/v1\/messages model=claude-opus-4-8 status=503 fault=503 /.test(l))).toBe(true);
    expect(log.some((l) => / status=200 fault=cut /.test(l))).toBe(true);
    expect(log.at(-1)).toMatch(/stopped \(SIGTERM\) after 5 requests/);
    expect(r.stderr()).not.toContain(ready.key);
    expect(r.stderr()).not.toContain(ready.faultKeys.cut);
  });

  it('stops on Ctrl-C (SIGINT) with exit 0, as a server stopped on purpose', async () => {
    const r = await startCli(['--json']);
    r.child.kill('SIGINT');
    expect(await r.exited).toBe(0);
  });

  it('listens on the port asked for', async () => {
    const port = await freePort();
    const r = await startCli(['--json', '--port', String(port)]);
    expect(JSON.parse(r.firstLine)).toMatchObject({ port, openaiBaseUrl: `http://127.0.0.1:${port}/v1` });
    const res = await fetch(`http://127.0.0.1:${port}/v1/models`, { headers: { authorization: `Bearer ${JSON.parse(r.firstLine).key}` } });
    expect(res.status).toBe(200);
  });
});

describe('ruapi simulate (human output)', () => {
  it('prints both base URLs, the ready key, every fault key and how to pick a fault per request', async () => {
    const r = await startCli([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const out = r.stdout();
    const port = out.match(/127\.0\.0\.1:(\d+)/)?.[1];
    expect(out).toContain(`OpenAI protocol     base URL  http://127.0.0.1:${port}/v1\n`);
    expect(out).toContain(`Anthropic protocol  base URL  http://127.0.0.1:${port}\n`);
    expect(out).toMatch(/Key \(works\) +sk-[A-Za-z0-9]{48}\n/);
    for (const fault of FAULT_NAMES.filter((f) => f !== 'ok')) expect(out).toMatch(new RegExp(`\\n  ${fault} +sk-[A-Za-z0-9]{48}  `));
    expect(out).toContain('sim-fault-529');
    expect(out).toContain('Faults for this run: none');
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  });
});

describe('ruapi simulate usage errors', () => {
  it.each([
    [['--port', 'abc'], /--port 'abc' is not a port/],
    [['--port', '70000'], /--port '70000' is not a port/],
    [['--fail', '418'], /unknown fault '418'/],
    [['--fail', '429:2'], /rate '2'/],
    [['--fail', ''], /at least one fault/],
  ])('%j: one line, exit 2', async (args, message) => {
    const r = await runCli(['simulate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says a port in use is in use, exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runCli(['simulate', '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`ruapi: port ${port} on 127.0.0.1 is already in use: choose another with --port, or leave --port out to get a free one.`);
    } finally {
      blocker.close();
    }
  });
});

describe('README', () => {
  it('lists every fault key exactly as the simulator uses it', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- section: simulate'), readme.indexOf('<!-- /section: simulate -->'));
    const r = await startCli(['--json']);
    const ready = JSON.parse(r.firstLine) as Ready;
    expect(section).toContain(ready.key);
    for (const fault of FAULT_NAMES) {
      expect(section).toMatch(new RegExp(`\\| \`${fault}\` \\|`));
      if (fault !== 'ok') expect(section).toContain(`| \`${ready.faultKeys[fault]}\` |`);
    }
  });
});

function freePort(): Promise<number> {
  const s = createServer();
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    }),
  );
}
