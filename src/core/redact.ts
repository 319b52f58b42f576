import { keyShapePatterns } from './keys.js';

/**
 * Every string that may hold a key passes through here before it reaches any output.
 * A key is shown as its prefix and last four characters: `sk-…abcd`.
 */
export function redactKey(key: string | undefined | null): string {
  if (!key) return '';
  const k = key.trim();
  if (k.length <= 8) return '…';
  const prefix = k.startsWith('sk-ant-') ? 'sk-ant-' : k.startsWith('sk-') ? 'sk-' : '';
  return `${prefix}…${k.slice(-4)}`;
}

/** Replaces every occurrence of each secret (and of its trimmed form) in `text` by its redacted form. */
export function redactText(text: string, secrets: Iterable<string | undefined | null>): string {
  let out = text;
  for (const raw of secrets) {
    if (!raw) continue;
    for (const s of new Set([raw, raw.trim()])) {
      if (s.length >= 8) out = out.split(s).join(redactKey(s));
    }
  }
  return out;
}

/** Deeply redacts secrets in any JSON-able value (for --json output and reports). */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined | null)[]): T {
  return JSON.parse(redactText(JSON.stringify(value), secrets.flatMap((s) => (s ? [s, JSON.stringify(s).slice(1, -1)] : [])))) as T;
}

/** Compiled on first use: the CLI entry loads this module, but most runs never scrub anything. */
let keyShapes: RegExp[] | undefined;

/**
 * Masks anything shaped like a key, known or not: whole keys, `Bearer` tokens, `?key=` query
 * parameters, and a gateway's masked echo of a key (`sk-abc***…wxyz`), which still gives part of it away.
 * For text the CLI did not write itself: pasted errors, gateway answers, stack traces.
 */
export function scrubKeys(text: string): string {
  let out = text;
  keyShapes ??= keyShapePatterns().map((shape) => new RegExp(shape, 'g'));
  for (const shape of keyShapes) out = out.replace(shape, (k) => redactKey(k.replace(/\*/g, '')) || 'sk-…');
  return out
    .replace(/\b(Bearer\s{1,3})([^\s"'`,;]{8,})/gi, (m, bearer: string, token: string) => (token.includes('…') ? m : bearer + redactKey(token)))
    .replace(/([?&](?:key|api_key|apikey|token)=)[^&\s"']{1,400}/gi, '$1…');
}

/**
 * For anything about to leave the process that may hold text from outside: the known secrets
 * redacted whole, then anything still shaped like a key (a gateway's masked echo of it included).
 */
export function scrubDeep<T>(value: T, secrets: readonly (string | undefined | null)[]): T {
  return JSON.parse(scrubKeys(JSON.stringify(redactDeep(value, secrets)))) as T;
}
