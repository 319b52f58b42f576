import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/ruapi.js');

/**
 * The node that runs ruapi in the tests: RUAPI_TEST_NODE (the path of another Node line's binary,
 * as .ci/run sets it) or the one running vitest. Every spawn of the CLI, its chunks or the
 * installed package goes through it; vitest itself stays on the machine's node.
 */
export const NODE = process.env.RUAPI_TEST_NODE ? path.resolve(process.env.RUAPI_TEST_NODE) : process.execPath;
/** PATH for the tests' children; with RUAPI_TEST_NODE, its folder comes first so that `#!/usr/bin/env node` (the installed bin, npx, npm) runs on the same line. */
export const PATH = process.env.RUAPI_TEST_NODE ? [path.dirname(NODE), process.env.PATH].filter(Boolean).join(path.delimiter) : process.env.PATH;
/** NODE's `process.version` ('v24.22.3'). */
export const nodeVersion = (): string => (NODE === process.execPath ? process.version : execFileSync(NODE, ['-p', 'process.version'], { encoding: 'utf8' }).trim());

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  /** Text piped to stdin; when absent stdin is closed empty (not a TTY). */
  input?: string | Buffer;
  /** Extra env vars, on top of a clean environment (PATH, HOME, no colour, no proxies, no keys). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  home?: string;
  timeoutMs?: number;
}

/** A clean environment: none of the developer's keys, proxies or CI variables leak into a test. */
export function cleanEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH, HOME: home, LANG: 'C.UTF-8', NO_COLOR: '1' };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Runs `ruapi ...args` as a user would: a real process, real stdin, real exit code. */
export function runCli(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const home = opts.home ?? tempDir();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // `node -- bin/ruapi.js`, as the shebang runs it: without `--`, Node 20 reads a later
    // `--env-file` as its own option.
    const child = spawn(NODE, ['--', BIN, ...args], {
      cwd: opts.cwd ?? home,
      env: cleanEnv(home, opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ruapi ${args.join(' ')} did not exit within ${opts.timeoutMs ?? 15000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, opts.timeoutMs ?? 15000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
    child.stdin.on('error', () => {}); // the CLI may exit before reading all of it
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

const dirs: string[] = [];
/** A fresh temporary folder, removed when the test process exits. */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ruapi-test-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}
process.on('exit', () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
