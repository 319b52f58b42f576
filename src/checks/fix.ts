import { kindOf } from '../config/sources/index.js';
import type { Source, Sourced } from '../config/types.js';
import { CHECKS } from '../lang/en/checks.js';
import { messages } from '../lang/t.js';

const t = messages(CHECKS);

/**
 * A corrected value written the way the place it came from takes it, ready to copy, on one line:
 * `OPENAI_BASE_URL=…   (.env, line 3)`, `export …` for the environment, a JSON entry for Claude
 * Code settings, the flag for a flag. Only for values that are not secrets. Each source kind
 * writes its own line (src/config/sources/), the same one its fix form shows.
 */
export function assignment(source: Source | undefined, fallbackName: string, value: string): string {
  return source ? kindOf(source).assignment(source, value) : `${fallbackName}=${value}`;
}

/** Where to edit a value, in words: ".env, line 3", "OPENAI_API_KEY in your environment …". */
export function place(source: Source | undefined): string {
  return source ? kindOf(source).place(source) : '';
}

/** "Keep only the key, sk-…abcd, without the quotes: edit .env, line 3." `how` is said in the language in use. */
export function keepOnlyKey(redacted: string, how: string, source: Source | undefined): string {
  const where = place(source);
  return where ? t('checks.keep-only-key', { key: redacted, how, where }) : t('checks.keep-only-key.nowhere', { key: redacted, how });
}

/**
 * An empty value that still counts as set (a variable set to nothing in the environment) and hides
 * a real one lower down: the command that removes it, and the sentence that says so.
 */
export function emptyHides(value: Sourced | undefined): { unset: string; note: string } | undefined {
  const hidden = value?.shadowed?.find((s) => s.value.trim() !== '');
  const unset = hidden ? kindOf(value!.source).unset?.(value!.source) : undefined;
  if (!hidden || !unset) return undefined;
  return { unset, note: t('checks.empty-hides', { label: hidden.source.label }) };
}
