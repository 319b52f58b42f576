import { CORE } from '../lang/en/core.js';
import { messages } from '../lang/t.js';
import { scrubKeys } from './redact.js';

const t = messages(CORE);

/** Exit codes of the whole CLI. Documented in README; pipelines depend on them. */
export const EXIT = {
  ok: 0,
  /** A problem was found, or nothing matched. */
  problem: 1,
  /** Usage error: unknown command or flag, bad value, empty input. */
  usage: 2,
  /** Nothing wrong, but not proven: a 429, a 5xx or a time-out lasted through the retries. Try again later (sysexits EX_TEMPFAIL). */
  tempfail: 75,
  /** Unexpected internal error (sysexits EX_SOFTWARE). */
  internal: 70,
  /** Interrupted with Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

/** A mistake in how the CLI was called: printed as one line plus a hint to --help, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The hint under a usage error: the help of the command that was run, or the top-level help without one. */
export const usageHint = (command?: string): string => t('core.usage-hint', { command: command ? `ruapi ${command}` : 'ruapi' });

/**
 * Prints an error as one line (plus a hint to `command`'s help) and returns its exit code. Each
 * command is its own bundle with its own copy of UsageError, so it is recognised by name, not identity.
 */
export function reportError(err: unknown, debug: boolean, command?: string): number {
  // A usage error quotes what was typed, which may be a key in the wrong place (--client $KEY): scrubbed as any error is.
  if (err instanceof Error && err.name === 'UsageError') {
    process.stderr.write(`ruapi: ${scrubKeys(err.message)}\n${usageHint(command)}\n`);
    return EXIT.usage;
  }
  if (err instanceof Error && err.name === 'Interrupted') return EXIT.interrupted;
  const message = scrubKeys(err instanceof Error ? err.message : String(err)); // may quote a value the user gave
  process.stderr.write(`${t('core.internal-error', { message: message.split('\n')[0] ?? '' })}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${scrubKeys(err.stack)}\n`);
  else process.stderr.write(`${t('core.debug-hint')}\n`);
  return EXIT.internal;
}
