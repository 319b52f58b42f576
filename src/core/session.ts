import { fstatSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { ChalkInstance } from 'chalk';
import { colorFor } from './color.js';

/**
 * How one run talks to its user, decided once: the streams, whether a person is there to answer
 * prompts, and colour. Commands receive it rather than reading `process` wherever they are, so a
 * test can hand them other streams (as gh's iostreams do).
 */
/** Where output goes: a stream, or a descriptor written to directly (see FdWriter). */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Session {
  stdout: OutStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** A person is at the terminal: stdin and stderr are terminals, and neither --ci nor --json. */
  canPrompt: boolean;
  /** `--no-color`; NO_COLOR, FORCE_COLOR and the terminal are read by `color()`. */
  noColor: boolean;
  /** The styles for one of the two streams (the identity when it gets no colour). */
  color(stream: 'stdout' | 'stderr'): ChalkInstance;
}

/**
 * True when the doctor may prompt and animate: a terminal on stdin (keys) and stderr (where prompts
 * and spinners draw), and neither --ci nor --json. isatty, not process.stdin.isTTY: touching
 * process.stdin opens a stream that a non-interactive run must not hold.
 */
export function isInteractive(opts: { ci?: boolean; json?: boolean }, tty?: { stdin: boolean; stderr: boolean }): boolean {
  if (opts.ci || opts.json) return false;
  return tty ? tty.stdin && tty.stderr : isTerminal(0) && isTerminal(2);
}

/**
 * isatty(fd), asked only of a character device other than the null device: a pipe, a file or
 * /dev/null (stdin of cron jobs, CI steps and `< /dev/null`) is never a terminal, and node:tty
 * (loaded on first use, with node:net) costs start-up that such a run need not pay.
 */
export function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice()) return false;
    if (process.platform !== 'win32' && st.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  return isatty(fd);
}

/** The width human output wraps to: the terminal's, or none on a pipe or in a file (src/core/wrap.ts). */
export const terminalWidth = (session: Pick<Session, 'stdout'>): number | undefined => (session.stdout.isTTY && session.stdout.columns ? session.stdout.columns : undefined);

/** The session of a process run from the shell. */
export function processSession(opts: { ci?: boolean; json?: boolean; noColor?: boolean }): Session {
  const noColor = opts.noColor === true;
  // The streams are process's own lazy getters, read on first write: a stream Node opens costs
  // start-up (a pipe is a socket), and explain never writes to stderr.
  return {
    get stdout() {
      // A pipe or a file is written to directly; a terminal gets Node's own stream (its width, its colours).
      const stdout: OutStream = isTerminal(1) ? process.stdout : new FdWriter(1);
      Object.defineProperty(this, 'stdout', { value: stdout });
      return stdout;
    },
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    // Asked on first use: node:tty (loaded on first use, scripts/build.mjs) costs a command that never prompts.
    get canPrompt() {
      const canPrompt = isInteractive(opts);
      Object.defineProperty(this, 'canPrompt', { value: canPrompt });
      return canPrompt;
    },
    noColor,
    color(stream) {
      return colorFor(stream === 'stdout' ? this.stdout : process.stderr, { noColor });
    },
  };
}

/**
 * Output to a pipe or a file, written to its descriptor as it comes. process.stdout on a pipe is a
 * socket: opening it loads Node's net and stream modules, a tenth of a short run's start-up. Each
 * write is whole before it returns, as Node's own writes to pipes and files on Linux are (and
 * unlike theirs on macOS, so nothing is lost to an early exit). A reader that went away (EPIPE,
 * `ruapi … | head`) ends the run quietly, as the guard in cli.ts does for process.stdout.
 */
export class FdWriter implements OutStream {
  readonly isTTY = false;
  constructor(private readonly fd: number) {}

  write(text: string): boolean {
    let rest = Buffer.from(text);
    while (rest.length > 0) {
      try {
        rest = rest.subarray(writeSync(this.fd, rest));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
        // A descriptor a parent left non-blocking is full for now: wait a moment, as a blocking write would.
        if (code !== 'EAGAIN') throw err;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      }
    }
    return true;
  }
}
