import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { startProxy, type TestProxy } from './proxy.js';
import { ROOT, cleanEnv } from './cli.js';

/**
 * The real Claude Code and Codex CLI as judges of the doctor's verdicts (test/judges/). `.ci/clients`
 * installs them from npm into .cache/clients/ and prints their paths; CI passes them on as
 * RUAPI_JUDGE_CLAUDE and RUAPI_JUDGE_CODEX.
 */

export type JudgeName = 'claude' | 'codex';

const VARIABLE: Record<JudgeName, string> = { claude: 'RUAPI_JUDGE_CLAUDE', codex: 'RUAPI_JUDGE_CODEX' };
// Where .ci/clients puts each, below .cache/clients/<versions>/.
const CACHED: Record<JudgeName, string> = {
  claude: `node_modules/@anthropic-ai/claude-code-${process.arch === 'arm64' ? 'linux-arm64' : 'linux-x64'}/claude`,
  codex: 'node_modules/@openai/codex/bin/codex.js',
};

/** The judge's executable: its variable, else the copy .ci/clients left in .cache/clients/; undefined when neither is there. */
export function findJudge(name: JudgeName): string | undefined {
  const given = process.env[VARIABLE[name]];
  if (given) return path.resolve(given);
  const cache = path.join(ROOT, '.cache/clients');
  if (!existsSync(cache)) return undefined;
  for (const versions of readdirSync(cache).sort().reverse()) {
    const bin = path.join(cache, versions, CACHED[name]);
    if (existsSync(bin)) return bin;
  }
  return undefined;
}

/** What to do when a judge is missing: a developer is told how to get it; CI (`CI=true`) must not skip. */
export function missingJudge(name: JudgeName, label: string): string {
  const why = `${label} is not installed: run .ci/clients (it installs the pinned version into .cache/clients/), or set ${VARIABLE[name]} to its executable`;
  if (process.env.CI === 'true') throw new Error(`${why}. In CI the judges must run, not skip (.ci/run installs them).`);
  console.warn(`test/judges: skipped, ${why}`);
  return why;
}

/** One request a client sent: never the key, only whether the one expected came, and how. */
export interface SeenRequest {
  method: string;
  /** Path and query as sent, e.g. /v1/messages?beta=true */
  url: string;
  /** Header names, lower case. */
  headers: string[];
  /** 'x-api-key', 'bearer' or undefined: where a key came. */
  keyIn: 'x-api-key' | 'bearer' | undefined;
  /** True when that key is the simulator's ready key. */
  rightKey: boolean;
  stream: boolean | undefined;
}

/** A front on 127.0.0.1 that notes each request, then passes it to the simulator and its answer back (streams too). */
export interface RecordingGateway {
  /** http://127.0.0.1:PORT, without a path. */
  url: string;
  seen: SeenRequest[];
  /** Forgets what was seen (between the doctor's run and the client's). */
  reset(): void;
  close(): Promise<void>;
}

function note(req: IncomingMessage, body: Buffer, key: string): SeenRequest {
  const apiKey = req.headers['x-api-key'];
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  const presented = typeof apiKey === 'string' ? apiKey.trim() : bearer;
  let stream: boolean | undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { stream?: unknown };
    if (typeof parsed.stream === 'boolean') stream = parsed.stream;
  } catch {
    stream = undefined;
  }
  return {
    method: req.method ?? '',
    url: req.url ?? '',
    headers: Object.keys(req.headers).sort(),
    keyIn: typeof apiKey === 'string' ? 'x-api-key' : bearer ? 'bearer' : undefined,
    rightKey: presented === key,
    stream,
  };
}

export async function startRecordingGateway(sim: Simulator): Promise<RecordingGateway> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push(note(req, body, sim.key));
      const upstream = httpRequest({ host: '127.0.0.1', port: sim.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    reset: () => void seen.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The variables that keep a client on loopback: every proxy variable points at a proxy that refuses
 * every tunnel (test/helpers/proxy.ts, `refuse`), except for 127.0.0.1 and localhost. A request to
 * any other host (its default API, telemetry, an update check) fails at once instead of leaving
 * the machine, and the proxy notes which host it was for.
 */
export function loopbackOnly(proxyUrl: string): Record<string, string> {
  const p = proxyUrl;
  return { HTTPS_PROXY: p, HTTP_PROXY: p, ALL_PROXY: p, https_proxy: p, http_proxy: p, all_proxy: p, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
}

export interface ClientRun {
  code: number | null;
  /** Killed at the deadline. */
  timedOut: boolean;
  /** Stopped once `stopWhen` held: what the test waited for had happened. */
  stopped: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface ClientOptions {
  home: string;
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs?: number;
  input?: string;
  /** Checked every 50 ms: once true, the client is stopped (a request was seen, or it went to another host). */
  stopWhen?: () => boolean;
}

/**
 * Runs a real client as a user would in a script: its own HOME and folder, stdin closed, and a
 * deadline. Async, not spawnSync: the simulator answers from this process.
 */
export function runClient(bin: string, args: string[], o: ClientOptions): Promise<ClientRun> {
  const started = performance.now();
  const child = spawn(bin, args, { cwd: o.cwd, env: cleanEnv(o.home, o.env), stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], detached: true });
  if (o.input !== undefined) child.stdin!.end(o.input);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d) => (stderr += d));
  let timedOut = false;
  let stopped = false;
  // The whole process group: Codex's wrapper runs the binary as a child.
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, o.timeoutMs ?? 30_000);
  const poll = o.stopWhen
    ? setInterval(() => {
        if (stopped || !o.stopWhen!()) return;
        stopped = true;
        kill();
      }, 50)
    : undefined;
  const done = () => {
    clearTimeout(timer);
    clearInterval(poll);
  };
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      done();
      reject(err);
    });
    child.on('close', (code) => {
      done();
      resolve({ code, timedOut, stopped, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The end of a client's output for an assertion message, with the key masked: a failing test prints it. */
export function outputTail(run: ClientRun, secrets: string[]): string {
  let text = `exit ${run.code}${run.timedOut ? ' (killed at the deadline)' : run.stopped ? ' (stopped: what the test waited for happened)' : ''}\nstdout: ${run.stdout.slice(-800)}\nstderr: ${run.stderr.slice(-1500)}`;
  for (const s of secrets) if (s.length >= 8) text = text.split(s).join(`${s.slice(0, 6)}…`);
  return text;
}

/** What a judge test runs its client against: the simulator behind a recording front, and a proxy that refuses every other host. */
export interface JudgeWorld {
  sim: Simulator;
  gw: RecordingGateway;
  proxy: TestProxy;
  /** The environment that keeps the client on loopback (the proxy variables), plus `extra`. */
  quiet: Record<string, string>;
  close(): Promise<void>;
}

export async function startJudgeWorld(extra: Record<string, string> = {}): Promise<JudgeWorld> {
  const sim = await startSimulator({ streamDelayMs: 0 });
  const gw = await startRecordingGateway(sim);
  const proxy = await startProxy({ mode: 'refuse' });
  return {
    sim,
    gw,
    proxy,
    quiet: { ...loopbackOnly(proxy.url), ...extra },
    async close() {
      await proxy.close();
      await gw.close();
      await sim.close();
    },
  };
}
