/**
 * What a key looks like, with or without the noise a paste adds, and what "this file already held
 * that key" means for --fix: a fix may clean a key in place (strip pasted spaces, zero-width
 * characters, quotes, a `Bearer ` prefix); it may never carry a key into a file that did not have it.
 */

import { INVISIBLE_CLASS } from '../core/keys.js';

/** Characters that ride along unseen when a key is copied: whitespace and the invisible characters of core/keys. */
export const HIDDEN_CHARS = new RegExp(`[\\s${INVISIBLE_CLASS}]`, 'g');

/** The key without the noise a paste adds around or inside it. */
export function keyCore(key: string): string {
  return key
    .replace(HIDDEN_CHARS, '')
    .replace(/^(['"`])(.*)\1$/, '$2')
    .replace(/^Bearer(?=sk-)/i, '');
}

/** A file's text with JSON `\uXXXX` escapes decoded and hidden characters dropped, so a key split by them still counts. */
function normalise(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(HIDDEN_CHARS, '');
}

/** True when `after` would hold one of the keys that `before` did not hold. */
export function wouldLeakKey(before: string, after: string, keys: readonly (string | undefined | null)[]): boolean {
  const was = normalise(before);
  const will = normalise(after);
  return keys.some((key) => {
    const core = key ? keyCore(key) : '';
    return core.length >= 8 && will.includes(core) && !was.includes(core);
  });
}
