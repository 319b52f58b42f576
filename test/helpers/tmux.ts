import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { onTestFinished } from 'vitest';
import { BIN, cleanEnv, NODE, tempDir } from './cli.js';

const exec = promisify(execFile);

/** Why the terminal tests cannot run here, or undefined when they can. */
export const TMUX_MISSING: string | undefined = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'tmux is not installed (Debian/Ubuntu: apt-get install tmux), so no real terminal is available';
  }
})();

export interface TmuxOptions {
  /** Working directory; a fresh temp dir when absent. */
  cwd?: string;
  /** HOME; defaults to cwd. */
  home?: string;
  /**
   * Extra env vars on top of the terminal's environment: the clean test environment (see cleanEnv),
   * with TERM=xterm-256color and neither NO_COLOR nor FORCE_COLOR, as on a user's colour terminal.
   */
  env?: Record<string, string | undefined>;
  width?: number;
  height?: number;
}

export interface TmuxSession {
  /** The temp dir holding the socket, config and raw log (also the cwd when none was given). */
  dir: string;
  cwd: string;
  /** Types text literally (no key names). */
  type(text: string): Promise<void>;
  /** Sends tmux key names: 'Enter', 'C-c', 'Down', 'Escape', 'BSpace'. */
  keys(...names: string[]): Promise<void>;
  /** The screen and its scrollback, wrapped lines joined, trailing blank lines and tmux's own exit note dropped. */
  capture(): Promise<string>;
  /** Everything the program wrote to the terminal so far, escape sequences included. */
  raw(): string;
  /** Polls the screen until it contains `text`; throws with the screen when `timeoutMs` passes. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Waits for the program to end and returns its exit status (128 + n when killed by signal n, as sh reports it). */
  waitForExit(timeoutMs?: number): Promise<number>;
  /** Ends the session and its private tmux server. Safe to call twice; done for you when the test that started it ends. */
  kill(): Promise<void>;
}


/**
 * What a program sees on a user's terminal: colour on (a colour-only crash once shipped past a
 * suite that ran every terminal test with NO_COLOR=1).
 */
export const TERMINAL_ENV: Record<string, string | undefined> = { TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined };

/** A terminal users have: the terminal tests run on each (describe.each(TERMINALS)). */
export interface Terminal {
  name: string;
  /** On top of TERMINAL_ENV. */
  env: Record<string, string | undefined>;
  width: number;
  /** Whether ruapi should colour its output there. */
  colour: boolean;
}

export const TERMINALS: Terminal[] = [
  { name: 'a colour terminal (TERM=xterm-256color)', env: {}, width: 100, colour: true },
  { name: 'FORCE_COLOR=1', env: { FORCE_COLOR: '1' }, width: 100, colour: true },
  { name: 'TERM=dumb', env: { TERM: 'dumb' }, width: 100, colour: false },
  { name: 'a terminal 60 columns wide', env: {}, width: 60, colour: true },
];

/** SGR sequences (colour, bold, dim): what colour output writes, and what colour off must not. */
export const SGR = /\x1b\[[0-9;]*m/;

/** The raw log without its SGR sequences (cursor movement kept). */
export const stripSgr = (s: string) => s.replace(new RegExp(SGR.source, 'g'), '');

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `command` (argv) on a real pseudo-terminal inside a private tmux server: its own socket and
 * config, so the developer's tmux is never touched, and a clean environment like runCli's.
 */
export async function startTmux(command: string[], opts: TmuxOptions = {}): Promise<TmuxSession> {
  if (TMUX_MISSING) throw new Error(TMUX_MISSING);
  const dir = tempDir();
  const cwd = opts.cwd ?? dir;
  const socket = path.join(dir, 'tmux.sock');
  const config = path.join(dir, 'tmux.conf');
  const log = path.join(dir, 'raw.log');
  const statusFile = path.join(dir, 'exit-status');
  writeFileSync(log, '');
  // remain-on-exit keeps the screen readable after the program ends.
  writeFileSync(config, ['set -g remain-on-exit on', 'set -g default-shell /bin/sh', 'set -g status off', ''].join('\n'));
  // tmux 3.3 now and then leaves the dead pane unreaped and never reports its status, so the
  // wrapping shell writes it down. Its INT trap (a handler, reset by exec) lets it outlive a Ctrl-C
  // that reaches the whole foreground group, without changing how the program sees SIGINT.
  const env = cleanEnv(opts.home ?? cwd, { ...TERMINAL_ENV, ...opts.env });
  // tmux sets TERM in the pane to its own default-terminal: the program gets the one asked for.
  const term = env.TERM === undefined ? 'unset TERM' : `TERM=${shellQuote(env.TERM)}; export TERM`;
  const script = `${term}; trap 'true' INT; ${command.map(shellQuote).join(' ')}; echo $? > ${shellQuote(statusFile)}`;
  const tmux = (...args: string[]) => exec('tmux', ['-S', socket, ...args], { env, cwd });

  await tmux(
    '-f', config,
    'new-session', '-d', '-s', 'main', '-x', String(opts.width ?? 100), '-y', String(opts.height ?? 30), '-c', cwd,
    script,
    ';', 'pipe-pane', '-t', 'main', '-o', `cat >> ${shellQuote(log)}`,
  );

  let killed = false;
  const session: TmuxSession = {
    dir,
    cwd,
    async type(text) {
      await tmux('send-keys', '-t', 'main', '-l', text);
    },
    async keys(...names) {
      await tmux('send-keys', '-t', 'main', ...names);
    },
    async capture() {
      // From the start of the history: output that scrolled off (tmux scrolls when it notes the exit) stays visible.
      const { stdout } = await tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'main');
      return stdout.replace(/^Pane is dead \(.*$/m, '').replace(/\s+$/, '');
    },
    raw: () => (existsSync(log) ? readFileSync(log, 'utf8') : ''),
    async waitForText(text, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      for (;;) {
        screen = await session.capture();
        if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(text)}; screen:\n${screen}`);
        await sleep(50);
      }
    },
    async waitForExit(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const status = existsSync(statusFile) ? readFileSync(statusFile, 'utf8').trim() : '';
        if (status) return Number(status);
        if (Date.now() > deadline) throw new Error(`still running after ${timeoutMs} ms; screen:\n${await session.capture()}`);
        await sleep(50);
      }
    },
    async kill() {
      if (killed) return;
      killed = true;
      await tmux('kill-server').catch(() => {});
    },
  };
  // Started inside a test: ended with it, even if the test fails before its own kill().
  // (vitest workers are stopped without running 'exit' handlers, so nothing later would.)
  try {
    onTestFinished(() => session.kill());
  } catch {
    // started in a beforeAll: the caller kills it in afterAll
  }
  return session;
}

/** `ruapi ...args` on a real terminal, run by the test Node (RUAPI_TEST_NODE) as the shebang runs it. */
export function startRuapi(args: string[], opts: TmuxOptions = {}): Promise<TmuxSession> {
  return startTmux([NODE, '--', BIN, ...args], opts);
}

/** A Node script (a test driver) on a real terminal, run by the test Node (RUAPI_TEST_NODE). */
export function startNodeScript(script: string, args: string[], opts: TmuxOptions = {}): Promise<TmuxSession> {
  return startTmux([NODE, script, ...args], opts);
}

/**
 * Answers the first prompts of `ruapi doctor` with nothing configured: the protocol (the default,
 * OpenAI-compatible), the hidden key and the base URL. Returns the screen at the protocol question.
 */
export async function answerSetup(t: TmuxSession, key: string, baseUrl: string): Promise<string> {
  const protocol = await t.waitForText('Which protocol');
  await t.keys('Enter');
  await t.waitForText('RuAPI key');
  await t.type(key);
  await t.waitForText(`${key.length} characters`);
  await t.keys('Enter');
  await t.waitForText('Base URL');
  await t.type(baseUrl);
  await t.keys('Enter');
  return protocol;
}
