/** Exit codes of the whole CLI. Documented in README; pipelines depend on them. */
export const EXIT = {
  ok: 0,
  /** A problem was found, or nothing matched. */
  problem: 1,
  /** Usage error: unknown command or flag, bad value, empty input. */
  usage: 2,
  /** Unexpected internal error (sysexits EX_SOFTWARE). */
  internal: 70,
  /** Interrupted with Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

/** A mistake in how the CLI was called: printed as one line plus a hint to --help, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
