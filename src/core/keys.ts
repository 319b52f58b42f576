/**
 * What an API key looks like, for every part that has to recognise one: the key checks, the
 * redaction of any output, config discovery and --fix. One table of key shapes and one list of
 * invisible characters; see ../shared/spec/keys.md for where each shape comes from.
 */
import { escapeRegExp } from './text.js';

/** A key shape: its prefix, whose key it is (unset: RuAPI's `sk-` and the providers sharing it), and the least length after the prefix. */
export interface KeyShape {
  prefix: string;
  provider?: string;
  /**
   * A text holds a key of this shape when at least this many key characters follow the prefix.
   * Generous on purpose: masking a harmless string costs little, showing part of a key does not.
   */
  minLength: number;
}

/**
 * Key shapes of RuAPI and of the providers users mix it up with, most specific first: `sk-or-`
 * (OpenRouter) before `sk-` (RuAPI, OpenAI, Anthropic's `sk-ant-`, DeepSeek). `pk-` and `rk-` are
 * publishable and restricted keys of the same family: never shown either.
 */
export const KEY_SHAPES: readonly KeyShape[] = [
  { prefix: 'sk-or-v1-', provider: 'OpenRouter', minLength: 8 },
  { prefix: 'sk-or-', provider: 'OpenRouter', minLength: 8 },
  { prefix: 'sk-', minLength: 8 },
  { prefix: 'pk-', minLength: 8 },
  { prefix: 'rk-', minLength: 8 },
  { prefix: 'AIza', provider: 'Google (Gemini / Google Cloud)', minLength: 16 },
  { prefix: 'gsk_', provider: 'Groq', minLength: 16 },
  { prefix: 'xai-', provider: 'xAI', minLength: 16 },
  { prefix: 'pplx-', provider: 'Perplexity', minLength: 16 },
  { prefix: 'hf_', provider: 'Hugging Face', minLength: 16 },
];

/**
 * What a key of a kind has in common with every other key of that kind, and so no secret: the
 * prefix that names the kind (`sk-proj-`, `sk-ant-api03-`, `sk-or-v1-`; `sk-sim…` plus the fault's
 * name for the simulator's published keys), and OpenAI's `T3BlbkFJ` marker. Redaction masks any
 * 8 characters of a key; a piece wholly inside one of these is left, so that the words it shares
 * with ruapi's own text (`sk-proj-…`, `live/redirect`) still read.
 */
export const PUBLIC_KEY_PREFIX = /^(?:sk-ant-(?:api|admin|oat|ort)\d{2}-|sk-(?:proj|svcacct|admin|or-v1)-|sk-sim[a-z0-9]+|sk-or-|sk-ant-|sk-|pk-|rk-|AIza|gsk_|xai-|pplx-|hf_)/;
export const PUBLIC_KEY_MARKERS: readonly string[] = ['T3BlbkFJ'];

/** Prefixes that mark another provider's key, with its name, most specific first. */
export const OTHER_PROVIDERS: ReadonlyArray<readonly [string, string]> = KEY_SHAPES.flatMap((s) => (s.provider ? [[s.prefix, s.provider] as const] : []));

/**
 * Characters that ride along unseen when a key is copied (from chat apps, web pages, word
 * processors). Each one inside a key makes it a different key. Their names are messages
 * (`key/char.<code>` in src/lang/en/checks.ts and its translations), said in the run's language.
 */
export const INVISIBLE_CODES: readonly number[] = [
  0x00a0, 0x00ad, 0x180e, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2028, 0x2029, 0x202f, 0x2060, 0x3000, 0xfeff,
];

/** The invisible characters as the inside of a regular-expression character class (`\u00a0\u00ad…`). */
export const INVISIBLE_CLASS: string = INVISIBLE_CODES.map((code) => `\\u${code.toString(16).padStart(4, '0')}`)
  .join('');

/** Characters a key is made of, invisible ones and a gateway's masking `*` included: a key split by them is still one key. */
const KEY_CHARS = `[A-Za-z0-9_*\\-${INVISIBLE_CLASS}]`;


/** One pattern per shape: the prefix, not glued to a word before it, then enough key characters. */
export function keyShapePatterns(): string[] {
  return KEY_SHAPES.map((s) => `(?<![A-Za-z0-9])${escapeRegExp(s.prefix)}${KEY_CHARS}{${s.minLength},}`);
}

/**
 * True when `value` holds something shaped like an API key of any provider (sk-…, gsk_…, xai-…,
 * AIza…), anywhere in it: what keyShapePatterns() match, found with indexOf (the doctor asks this
 * of every value it reads, and compiling those patterns cost more than all the asking). Linear:
 * each place a prefix starts is followed for at most its shape's least length.
 */
export function looksLikeKey(value: string): boolean {
  for (const { prefix, minLength } of KEY_SHAPES) {
    for (let at = value.indexOf(prefix); at >= 0; at = value.indexOf(prefix, at + 1)) {
      if (at > 0 && isAlnum(value.charCodeAt(at - 1))) continue;
      const from = at + prefix.length;
      let n = 0;
      while (n < minLength && from + n < value.length && isKeyChar(value.charCodeAt(from + n))) n++;
      if (n === minLength) return true;
    }
  }
  return false;
}

const isAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const INVISIBLE = new Set(INVISIBLE_CODES);
/** KEY_CHARS, as a test of one character. */
const isKeyChar = (c: number) => isAlnum(c) || c === 0x5f || c === 0x2a || c === 0x2d || INVISIBLE.has(c);
