import { keyShapePatterns, PUBLIC_KEY_MARKERS, PUBLIC_KEY_PREFIX } from './keys.js';
import { escapeRegExp } from './text.js';
import { maskUrlsIn } from './urls.js';

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

/**
 * The shortest piece of a secret that is masked wherever it appears. A gateway may echo a key
 * without its prefix, upper- or lower-cased, or only in part (its last 20 characters, its first
 * 20 in a request id); any 8 characters in a row of it, in any case, are masked.
 */
export const PIECE = 8;

/** Text in, the same text with every known secret (and URL secret) masked out. */
export interface Redactor {
  (text: string): string;
}

/**
 * Lower case that keeps every character at its index (so positions found in the folded text are
 * positions in the original). Only U+0130 grows when lower-cased; then the text is folded one
 * character at a time.
 */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** The masked echoes a gateway makes (`sk-abc***wxyz`, `a1b2…e5f6`): the marks between the two ends it shows. */
const MASK_MARK = /\*{3,}|…|\.{3}/g;
const KEY_CHAR = /[A-Za-z0-9_-]/;
const PASTED_BEFORE = /^[\s"'`]*(?:Bearer\s*)?[\s"'`]*/i;
const ECHO_END = 64;

/** A secret as text may hold it: as given, trimmed, and as it stands inside a JSON string. */
export const secretForms = (raw: string): string[] => [raw, raw.trim(), JSON.stringify(raw).slice(1, -1)];

/**
 * Known secrets (and their trimmed and JSON-escaped forms; shorter than PIECE they are left alone),
 * prepared once for any number of texts: every PIECE-character window of each, lower-cased, in a
 * set, and which characters occur in them, so that a text is scanned in one pass with one set
 * look-up per position where PIECE such characters end. A text can be megabytes; a secret is short.
 */
export function redactor(secrets: Iterable<string | undefined | null>): Redactor {
  const whole = new Set<string>();
  for (const raw of secrets) {
    if (!raw) continue;
    for (const s of secretForms(raw)) if (s.length >= PIECE) whole.add(s);
  }
  // Longest first, so that a secret holding another is replaced whole.
  const known = [...whole].sort((a, b) => b.length - a.length).map((s) => ({ raw: s, s: fold(s), shown: redactKey(s) }));
  const markers = new Set(PUBLIC_KEY_MARKERS.map(fold));
  const windows = new Set<string>();
  const chars = new Set<number>();
  // Secrets no piece can stand for (shorter than their public prefix and a piece): found whole only.
  const windowless: string[] = [];
  for (const { raw, s } of known) {
    // A piece must hold at least one character past what every key of its kind shares, and past
    // what a paste put in front of it (`Bearer `, a quote).
    const noise = PASTED_BEFORE.exec(raw)![0].length;
    const shared = noise + (PUBLIC_KEY_PREFIX.exec(raw.slice(noise))?.[0].length ?? 0);
    let own = false;
    for (let i = Math.max(0, shared - PIECE + 1); i + PIECE <= s.length; i++) {
      const w = s.slice(i, i + PIECE);
      if (!markers.has(w)) (own = true), windows.add(w);
    }
    if (!own) windowless.push(s);
    for (let i = 0; i < s.length; i++) chars.add(s.charCodeAt(i));
  }
  const ends = known.map((k) => k.s);
  const pieces = { windows, chars, ends };
  const holdsPiece = pieceTest([...windows, ...windowless]);

  return (text: string): string => {
    let out = maskUrlsIn(text);
    // Shorter than a piece, a text cannot hold one.
    if (known.length === 0 || out.length < PIECE) return out;
    // Most texts hold no piece of any secret: then only a masked echo can need masking.
    if (!holdsPiece(fold(out))) {
      const echoed = maskedEchoes(out, known);
      return echoed === out ? out : maskPieces(echoed, pieces);
    }
    out = maskWhole(out, known);
    out = maskedEchoes(out, known);
    return maskPieces(out, pieces);
  };
}

/**
 * Whether a folded text holds a piece of a secret (or a secret too short to have one): one regular
 * expression of them all, matched natively, where maskWhole and maskPieces walk the text in
 * JavaScript. A whole secret holds its pieces, so they stand for it. Literal alternatives only, so
 * it takes linear time; past MAX_TESTED_PIECES (many or very long secrets), or a pattern V8 will
 * not take, every text is taken to hold one, and goes the full way.
 */
function pieceTest(pieces: readonly string[]): (lower: string) => boolean {
  if (pieces.length === 0) return () => false;
  if (pieces.length > MAX_TESTED_PIECES) return () => true;
  try {
    const re = new RegExp(pieces.map(escapeRegExp).join('|'));
    return (lower) => re.test(lower);
  } catch {
    return () => true;
  }
}
const MAX_TESTED_PIECES = 400;

/** Every occurrence of a whole secret, in any case, as its redacted form (`sk-…abcd`). */
function maskWhole(text: string, known: ReadonlyArray<{ s: string; shown: string }>): string {
  let out = text;
  for (const { s, shown } of known) {
    const lower = fold(out);
    let from = lower.indexOf(s);
    if (from < 0) continue;
    let next = '';
    let at = 0;
    for (; from >= 0; from = lower.indexOf(s, at)) {
      next += out.slice(at, from) + shown;
      at = from + s.length;
    }
    out = next + out.slice(at);
  }
  return out;
}

/**
 * Masks every run of text made of PIECE-character windows of a secret, whatever its case: the
 * end of a secret becomes `…abcd` (the four characters its redacted form shows), any other piece `…`.
 */
function maskPieces(text: string, c: { windows: Set<string>; chars: Set<number>; ends: readonly string[] }): string {
  const lower = fold(text);
  const spans: Array<[number, number]> = [];
  let run = 0;
  for (let i = 0; i < lower.length; i++) {
    run = c.chars.has(lower.charCodeAt(i)) ? run + 1 : 0;
    if (run < PIECE) continue;
    const start = i + 1 - PIECE;
    if (!c.windows.has(lower.slice(start, i + 1))) continue;
    const last = spans[spans.length - 1];
    if (last && start <= last[1]) last[1] = i + 1;
    else spans.push([start, i + 1]);
  }
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [a, b] of spans) {
    const folded = lower.slice(a, b);
    out += text.slice(at, a) + (c.ends.some((s) => s.endsWith(folded)) ? `…${text.slice(b - 4, b)}` : '…');
    at = b;
  }
  return out + text.slice(at);
}

/**
 * A gateway's masked echo of a known secret, `sk-abc***wxyz`: it starts as the secret starts and
 * ends as it ends (at least three characters each side, the right one up to its last), with a mark between. It becomes the
 * secret's redacted form, which shows no more than the last four characters.
 */
function maskedEchoes(text: string, secrets: ReadonlyArray<{ s: string; shown: string }>): string {
  if (!text.includes('***') && !text.includes('…') && !text.includes('...')) return text;
  let out = '';
  let at = 0;
  for (const m of text.matchAll(MASK_MARK)) {
    const markStart = m.index;
    const markEnd = markStart + m[0].length;
    if (markStart < at) continue;
    let left = markStart;
    while (left > Math.max(at, markStart - ECHO_END) && KEY_CHAR.test(text[left - 1]!)) left--;
    let right = markEnd;
    while (right < Math.min(text.length, markEnd + ECHO_END) && KEY_CHAR.test(text[right]!)) right++;
    const head = fold(text.slice(left, markStart));
    const tail = fold(text.slice(markEnd, right));
    if (head.length < 3 || tail.length < 3) continue;
    for (const { s, shown } of secrets) {
      const h = longest(head.length, (k) => s.startsWith(head.slice(head.length - k)));
      // The right end must be the secret's own end, not another key's that shares a few characters.
      const t = s.endsWith(tail) ? tail.length : 0;
      if (h < 3 || t < 3 || h + t >= s.length) continue;
      out += text.slice(at, markStart - h) + shown;
      at = markEnd + t;
      break;
    }
  }
  return at === 0 ? text : out + text.slice(at);
}

/** The largest k in [1, max] for which `fits(k)`, or 0. */
function longest(max: number, fits: (k: number) => boolean): number {
  for (let k = max; k > 0; k--) if (fits(k)) return k;
  return 0;
}

/**
 * Masks in `text` every URL's user info, query values, fragment and token-like path segments, and
 * every piece of 8 or more characters of each secret, in any case, with or without its prefix
 * (see `redactor`).
 */
export function redactText(text: string, secrets: Iterable<string | undefined | null>): string {
  return redactor(secrets)(text);
}

/**
 * Every string in a JSON-able value (object keys too) through `f`, on a copy of the value as JSON
 * would give it (what `toJSON` returns; no undefined or function in an object, null for them in an
 * array), without writing and reading JSON text: so no escape is cut in half, and a large result
 * costs one walk.
 */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return f(v);
    if (v === null || typeof v !== 'object') return typeof v === 'number' && !Number.isFinite(v) ? null : v;
    if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return walk((v as { toJSON(): unknown }).toJSON());
    if (Array.isArray(v)) return v.map((x) => (x === undefined || typeof x === 'function' || typeof x === 'symbol' ? null : walk(x)));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined && typeof x !== 'function' && typeof x !== 'symbol') out[f(k)] = walk(x);
    return out;
  };
  return value === undefined ? value : (walk(value) as T);
}

/** Deeply redacts secrets in any JSON-able value (for --json output and reports). */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined | null)[]): T {
  return mapStrings(value, redactor(secrets));
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
  const redact = redactor(secrets);
  return mapStrings(value, (s) => scrubKeys(redact(s)));
}
