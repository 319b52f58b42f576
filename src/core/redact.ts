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
