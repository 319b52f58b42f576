import { isatty } from 'node:tty';
import type { ChalkInstance } from 'chalk';
import { colorFor } from './color.js';

/**
 * How one run talks to its user, decided once: the streams, whether a person is there to answer
 * prompts, and colour. Commands receive it rather than reading `process` wherever they are, so a
 * test can hand them other streams (as gh's iostreams do).
 */
export interface Session {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
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
export function isInteractive(opts: { ci?: boolean; json?: boolean }, tty: { stdin: boolean; stderr: boolean } = { stdin: isatty(0), stderr: isatty(2) }): boolean {
  return !opts.ci && !opts.json && tty.stdin && tty.stderr;
}

/** The session of a process run from the shell. */
export function processSession(opts: { ci?: boolean; json?: boolean; noColor?: boolean }): Session {
  const noColor = opts.noColor === true;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    canPrompt: isInteractive(opts),
    noColor,
    color: (stream) => colorFor(stream === 'stdout' ? process.stdout : process.stderr, { noColor }),
  };
}
