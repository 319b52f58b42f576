/**
 * What an API key looks like, for every part that has to recognise one: the key checks, the
 * redaction of any output, config discovery and --fix. One table of key shapes and one list of
 * invisible characters; see ../shared/spec/keys.md for where each shape comes from.
 */

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
 * processors), with their names. Each one inside a key makes it a different key.
 */
export const INVISIBLE_CHARS: Readonly<Record<number, string>> = {
  0x00a0: 'no-break space',
  0x00ad: 'soft hyphen',
  0x180e: 'Mongolian vowel separator',
  0x2000: 'en quad',
  0x2001: 'em quad',
  0x2002: 'en space',
  0x2003: 'em space',
  0x2004: 'three-per-em space',
  0x2005: 'four-per-em space',
  0x2006: 'six-per-em space',
  0x2007: 'figure space',
  0x2008: 'punctuation space',
  0x2009: 'thin space',
  0x200a: 'hair space',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202f: 'narrow no-break space',
  0x2060: 'word joiner',
  0x3000: 'ideographic space',
  0xfeff: 'byte order mark (zero-width no-break space)',
};

/** The invisible characters as the inside of a regular-expression character class (`\u00a0\u00ad…`). */
export const INVISIBLE_CLASS: string = Object.keys(INVISIBLE_CHARS)
  .map((code) => `\\u${Number(code).toString(16).padStart(4, '0')}`)
  .join('');

/** Characters a key is made of, invisible ones and a gateway's masking `*` included: a key split by them is still one key. */
const KEY_CHARS = `[A-Za-z0-9_*\\-${INVISIBLE_CLASS}]`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per shape: the prefix, not glued to a word before it, then enough key characters. */
export function keyShapePatterns(): string[] {
  return KEY_SHAPES.map((s) => `(?<![A-Za-z0-9])${escape(s.prefix)}${KEY_CHARS}{${s.minLength},}`);
}

/** Compiled on first use: the CLI entry loads this module, but most runs never look for a key. */
let anyShape: RegExp | undefined;

/** True when `value` holds something shaped like an API key of any provider (sk-…, gsk_…, xai-…, AIza…), anywhere in it. */
export function looksLikeKey(value: string): boolean {
  anyShape ??= new RegExp(keyShapePatterns().join('|'));
  return anyShape.test(value);
}
