/**
 * The light half of the UI: safe to import statically from a command (no prompt library, no ora).
 * The prompts and spinners themselves live behind the `ui` chunk (src/ui/index.ts).
 */

const BRAND = Symbol.for('ruapi.interrupted');

/**
 * The user pressed Ctrl-C (or Esc) at a prompt or during a spinner. Commands turn it into
 * EXIT.interrupted (130), printing no stack trace.
 */
export class Interrupted extends Error {
  override name = 'Interrupted';
  readonly [BRAND] = true;
  constructor(message = 'Interrupted.') {
    super(message);
  }
}

/**
 * Use this, not `instanceof`: the `ui` chunk and the command chunk each bundle their own copy of
 * this file, so the class seen by one is not the class seen by the other.
 */
export function isInterrupted(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[BRAND] === true;
}
