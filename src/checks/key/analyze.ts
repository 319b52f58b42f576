import { INVISIBLE_CODES, OTHER_PROVIDERS } from '../../core/keys.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';

const t = messages(CHECKS);

/**
 * What a pasted key looks like, computed once and read by every key check. Nothing here is ever
 * output as is: checks describe positions and characters, never the key.
 */
export interface KeyAnalysis {
  raw: string;
  /** The key as the user most likely meant it: wrappers, "Bearer", whitespace and invisible characters removed. */
  core: string;
  /** Spaces, tabs and line breaks at the start / end of the raw value. */
  leading: string;
  trailing: string;
  /** Spaces, tabs and line breaks inside the key: after how many of its characters, and which. */
  inner: Array<{ after: number; what: string }>;
  /** Invisible characters anywhere (zero-width space, BOM, no-break space …). */
  invisible: Array<{ position: number; code: number; name: string }>;
  /** Wrappers pasted around the key, outermost first: `"…"`, `'…'`, `${…}`, `<…>`. */
  wrappers: string[];
  /** What was pasted before the key: `Bearer `, `Authorization: Bearer `, `x-api-key: `. */
  prefix?: string;
  /** Characters outside printable ASCII left in `core`, with 1-based positions in `core`. */
  nonAscii: Array<{ position: number; char: string; code: number; ascii?: string; what: string }>;
  kind: KeyKind;
}

export type KeyKind =
  | { kind: 'anthropic'; what: string }
  | { kind: 'openai'; what: string }
  | { kind: 'other'; provider: string; prefix: string }
  | { kind: 'ruapi-like' }
  | { kind: 'unknown'; reason: string };

const ASCII_SPACE = /[ \t\r\n\v\f]/;
type SpaceId = 'key/space.space' | 'key/space.tab' | 'key/space.line-break' | 'key/space.carriage-return' | 'key/space.vertical-tab' | 'key/space.form-feed';
const SPACE_ID: Record<string, SpaceId> = { ' ': 'key/space.space', '\t': 'key/space.tab', '\n': 'key/space.line-break', '\r': 'key/space.carriage-return', '\v': 'key/space.vertical-tab', '\f': 'key/space.form-feed' };

/** A whitespace character named in words ("a space"), in the language in use. */
export const spaceName = (ch: string): string => {
  const id = SPACE_ID[ch];
  return id ? t(id) : t('key/space.other');
};

const WRAPPERS: Array<[string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
  ['\u00ab', '\u00bb'],
  ['${', '}'],
  ['<', '>'],
  ['{', '}'],
  ['[', ']'],
];
const QUOTE_CHARS = new Set(['"', "'", '`', '\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']);
const PREFIX = /^(authorization\s*:\s*bearer\s+|authorization\s*:\s*|bearer\s+|x-api-key\s*:\s*|api[-_]?key\s*[:=]\s*)/i;

/** Look-alike letters typed on another keyboard layout, or pasted from rich text. */
const LOOKALIKE: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'B', е: 'e', к: 'k', м: 'M', н: 'H', о: 'o', р: 'p', с: 'c', т: 'T', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  // Greek
  α: 'a', ο: 'o', ν: 'v', ρ: 'p', τ: 't', υ: 'u', ι: 'i', κ: 'k',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  // dashes and other punctuation pasted from word processors
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-', 'ʋ': 'v',
};

export function analyzeKey(raw: string): KeyAnalysis {
  const chars = Array.from(raw);
  const invisible: KeyAnalysis['invisible'] = [];
  const visible: string[] = [];
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0)!;
    if (INVISIBLE_CODES.includes(code)) invisible.push({ position: i + 1, code, name: t(`key/char.${code.toString(16).padStart(4, '0')}` as keyof typeof CHECKS) });
    else visible.push(ch);
  });

  let s = visible.join('');
  const leading = /^[ \t\r\n\v\f]*/.exec(raw)![0];
  const trailing = /[ \t\r\n\v\f]*$/.exec(raw)![0];
  s = s.replace(/^[ \t\r\n\v\f]+|[ \t\r\n\v\f]+$/g, '');

  const wrappers: string[] = [];
  let prefix: string | undefined;
  for (let round = 0; round < 4; round++) {
    const before = s;
    const w = WRAPPERS.find(([open, close]) => s.length > open.length + close.length && s.startsWith(open) && s.endsWith(close));
    if (w) {
      wrappers.push(`${w[0]}…${w[1]}`);
      s = s.slice(w[0].length, s.length - w[1].length).trim();
    } else if (QUOTE_CHARS.has(s[0] ?? '') || QUOTE_CHARS.has(s.at(-1) ?? '')) {
      // A quote on one side only: half of a pair, the other half lost in the copy.
      const q = QUOTE_CHARS.has(s[0]!) ? s[0]! : s.at(-1)!;
      wrappers.push(q);
      s = (QUOTE_CHARS.has(s[0]!) ? s.slice(1) : s).replace(/["'`\u201c\u201d\u2018\u2019\u00ab\u00bb]$/, '').trim();
    }
    const p = PREFIX.exec(s);
    if (p && !prefix && s.length > p[0].length) {
      prefix = p[0];
      s = s.slice(p[0].length).trim();
    }
    if (s === before) break;
  }

  // Whitespace left inside the key itself, located as "after character N" of the key.
  const inner: KeyAnalysis['inner'] = [];
  const coreChars: string[] = [];
  for (const ch of Array.from(s)) {
    if (ASCII_SPACE.test(ch)) inner.push({ after: coreChars.length, what: spaceName(ch) });
    else coreChars.push(ch);
  }
  const core = coreChars.join('');

  const nonAscii: KeyAnalysis['nonAscii'] = [];
  coreChars.forEach((ch, i) => {
    const code = ch.codePointAt(0)!;
    if (code >= 0x21 && code <= 0x7e) return;
    const entry: KeyAnalysis['nonAscii'][number] = { position: i + 1, char: ch, code, what: describeChar(ch, code) };
    const ascii = asciiFor(ch, code);
    if (ascii) entry.ascii = ascii;
    nonAscii.push(entry);
  });

  return { raw, core, leading, trailing, inner, invisible, wrappers, ...(prefix ? { prefix } : {}), nonAscii, kind: classify(core) };
}

/** The plain ASCII character a look-alike stands for, if there is one. */
function asciiFor(ch: string, code: number): string | undefined {
  if (LOOKALIKE[ch]) return LOOKALIKE[ch];
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0); // full-width forms
  return undefined;
}

function describeChar(ch: string, code: number): string {
  const p = { hex: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, char: ch };
  if (code < 0x20 || code === 0x7f) return t('key/char.control', p);
  if (code === 0x2026) return t('key/char.ellipsis', p);
  if (code >= 0x0400 && code <= 0x04ff) return t('key/char.cyrillic', p);
  if (code >= 0x0370 && code <= 0x03ff) return t('key/char.greek', p);
  if (code >= 0xff01 && code <= 0xff5e) return t('key/char.full-width', p);
  if ((code >= 0x3000 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af)) return t('key/char.cjk', p);
  if (code >= 0x2010 && code <= 0x2015) return t('key/char.dash', p);
  if (code >= 0xd800 && code <= 0xdfff) return t('key/char.broken', p);
  return t('key/char.other', p);
}

/**
 * Whose key this is, from published prefixes and markers (../shared/spec/keys.md). A RuAPI
 * token's length and alphabet are not documented, so `ruapi-like` only means "sk- and nothing
 * that marks another provider", within generous bounds.
 */
function classify(core: string): KeyKind {
  if (core.startsWith('sk-ant-')) {
    const what = core.startsWith('sk-ant-admin') ? t('key/kind.anthropic-admin') : /^sk-ant-o[ar]t/.test(core) ? t('key/kind.anthropic-oauth') : t('key/kind.anthropic');
    return { kind: 'anthropic', what };
  }
  const project = /^sk-(proj|svcacct|admin)-/.exec(core);
  if (project) {
    const id = ({ proj: 'key/kind.openai-project', svcacct: 'key/kind.openai-service', admin: 'key/kind.openai-admin' } as const)[project[1] as 'proj' | 'svcacct' | 'admin'];
    return { kind: 'openai', what: t(id) };
  }
  if (core.includes('T3BlbkFJ')) return { kind: 'openai', what: t('key/kind.openai-marker') };
  for (const [prefix, provider] of OTHER_PROVIDERS) if (core.startsWith(prefix)) return { kind: 'other', provider, prefix };
  if (!core.startsWith('sk-')) return { kind: 'unknown', reason: placeholder(core) ?? t('key/kind.reason.prefix') };
  const rest = core.slice(3);
  if (placeholder(core)) return { kind: 'unknown', reason: placeholder(core)! };
  if (!/^[A-Za-z0-9_-]+$/.test(rest)) return { kind: 'unknown', reason: t('key/kind.reason.characters') };
  if (core.length < MIN_PLAUSIBLE) return { kind: 'unknown', reason: t('key/kind.reason.short', { n: core.length }) };
  if (core.length > MAX_PLAUSIBLE) return { kind: 'unknown', reason: t('key/kind.reason.long', { n: core.length }) };
  return { kind: 'ruapi-like' };
}

/** Bounds chosen generously: RuAPI does not publish its token length. */
const MIN_PLAUSIBLE = 20;
const MAX_PLAUSIBLE = 256;

function placeholder(core: string): string | undefined {
  const lower = core.toLowerCase();
  if (/\.\.\.|xxxx|your[-_ ]?(api[-_ ]?)?key|api[-_]?key[-_]?here|placeholder|<|>|changeme|^sk-?$/.test(lower)) {
    return t('key/kind.reason.placeholder');
  }
  return undefined;
}
