import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Simulator } from '../../src/simulate/server.js';
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
 * The variables that keep a client on loopback: every proxy variable points at a port where
 * nothing listens, except for 127.0.0.1 and localhost. A request to any other host (its default
 * API, telemetry, an update check) fails at once instead of leaving the machine.
 */
export function loopbackOnly(deadPort: number): Record<string, string> {
  const proxy = `http://127.0.0.1:${deadPort}`;
  return { HTTPS_PROXY: proxy, HTTP_PROXY: proxy, ALL_PROXY: proxy, https_proxy: proxy, http_proxy: proxy, all_proxy: proxy, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
}

export interface ClientRun {
  code: number | null;
  /** Killed at the deadline. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs a real client as a user would in a script: its own HOME and folder, stdin closed, and a
 * deadline. Async, not spawnSync: the simulator answers from this process.
 */
export function runClient(bin: string, args: string[], o: { home: string; cwd: string; env: Record<string, string | undefined>; timeoutMs?: number; input?: string }): Promise<ClientRun> {
  const started = performance.now();
  const child = spawn(bin, args, { cwd: o.cwd, env: cleanEnv(o.home, o.env), stdio: [o.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], detached: true });
  if (o.input !== undefined) child.stdin!.end(o.input);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d) => (stderr += d));
  let timedOut = false;
  // The whole process group: Codex's wrapper runs the binary as a child.
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, o.timeoutMs ?? 30_000);
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The end of a client's output for an assertion message, with the key masked: a failing test prints it. */
export function outputTail(run: ClientRun, secrets: string[]): string {
  let text = `exit ${run.code}${run.timedOut ? ' (killed at the deadline)' : ''}\nstdout: ${run.stdout.slice(-800)}\nstderr: ${run.stderr.slice(-1500)}`;
  for (const s of secrets) if (s.length >= 8) text = text.split(s).join(`${s.slice(0, 6)}…`);
  return text;
}
