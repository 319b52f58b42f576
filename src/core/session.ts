import { fstatSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { ChalkInstance } from 'chalk';
import { colorFor } from './color.js';

/**
 * How one run talks to its user, decided once: the streams, whether a person is there to answer
 * prompts, and colour. Commands receive it rather than reading `process` wherever they are, so a
 * test can hand them other streams (as gh's iostreams do).
 */
export interface Session {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
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
 * isatty(fd), asked only of a character device: a pipe or a file is never a terminal, and node:tty
 * (loaded on first use) costs start-up that a run in CI or behind a pipe need not pay.
 */
export function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return isatty(fd);
}

/** The session of a process run from the shell. */
export function processSession(opts: { ci?: boolean; json?: boolean; noColor?: boolean }): Session {
  const noColor = opts.noColor === true;
  // The streams are process's own lazy getters, read on first write: a stream Node opens costs
  // start-up (a pipe is a socket), and explain never writes to stderr.
  return {
    get stdout() {
      return process.stdout;
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
    color: (stream) => colorFor(stream === 'stdout' ? process.stdout : process.stderr, { noColor }),
  };
}
