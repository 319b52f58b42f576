import { INVISIBLE_CHARS, OTHER_PROVIDERS } from '../../core/keys.js';

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
const SPACE_NAME: Record<string, string> = { ' ': 'a space', '\t': 'a tab', '\n': 'a line break', '\r': 'a carriage return', '\v': 'a vertical tab', '\f': 'a form feed' };

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
    const name = INVISIBLE_CHARS[code];
    if (name) invisible.push({ position: i + 1, code, name });
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
    if (ASCII_SPACE.test(ch)) inner.push({ after: coreChars.length, what: SPACE_NAME[ch] ?? 'whitespace' });
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
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20 || code === 0x7f) return `a control character (${hex})`;
  if (code === 0x2026) return `an ellipsis '…' (${hex})`;
  if (code >= 0x0400 && code <= 0x04ff) return `the Cyrillic letter '${ch}' (${hex})`;
  if (code >= 0x0370 && code <= 0x03ff) return `the Greek letter '${ch}' (${hex})`;
  if (code >= 0xff01 && code <= 0xff5e) return `the full-width character '${ch}' (${hex})`;
  if ((code >= 0x3000 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af)) return `the CJK character '${ch}' (${hex})`;
  if (code >= 0x2010 && code <= 0x2015) return `a typographic dash '${ch}' (${hex})`;
  if (code >= 0xd800 && code <= 0xdfff) return `a broken character (${hex})`;
  return `the character '${ch}' (${hex})`;
}

/**
 * Whose key this is, from published prefixes and markers (../shared/spec/keys.md). A RuAPI
 * token's length and alphabet are not documented, so `ruapi-like` only means "sk- and nothing
 * that marks another provider", within generous bounds.
 */
function classify(core: string): KeyKind {
  if (core.startsWith('sk-ant-')) {
    const what = core.startsWith('sk-ant-admin') ? 'an Anthropic Admin key' : /^sk-ant-o[ar]t/.test(core) ? 'a Claude Code / Claude subscription (OAuth) token' : 'an Anthropic API key';
    return { kind: 'anthropic', what };
  }
  const project = /^sk-(proj|svcacct|admin)-/.exec(core);
  if (project) {
    const what = { proj: 'an OpenAI project key', svcacct: 'an OpenAI service-account key', admin: 'an OpenAI admin key' }[project[1] as 'proj' | 'svcacct' | 'admin'];
    return { kind: 'openai', what };
  }
  if (core.includes('T3BlbkFJ')) return { kind: 'openai', what: 'an OpenAI API key (it carries the T3BlbkFJ marker of OpenAI keys)' };
  for (const [prefix, provider] of OTHER_PROVIDERS) if (core.startsWith(prefix)) return { kind: 'other', provider, prefix };
  if (!core.startsWith('sk-')) return { kind: 'unknown', reason: placeholder(core) ?? 'it does not start with sk-, as RuAPI tokens do' };
  const rest = core.slice(3);
  if (placeholder(core)) return { kind: 'unknown', reason: placeholder(core)! };
  if (!/^[A-Za-z0-9_-]+$/.test(rest)) return { kind: 'unknown', reason: 'it has characters other than letters, digits, - and _ after sk-' };
  if (core.length < MIN_PLAUSIBLE) return { kind: 'unknown', reason: `it is only ${core.length} characters long: a copied key is usually much longer, so part of it may be missing` };
  if (core.length > MAX_PLAUSIBLE) return { kind: 'unknown', reason: `it is ${core.length} characters long, far longer than an API key: something else was pasted with it` };
  return { kind: 'ruapi-like' };
}

/** Bounds chosen generously: RuAPI does not publish its token length. */
const MIN_PLAUSIBLE = 20;
const MAX_PLAUSIBLE = 256;

function placeholder(core: string): string | undefined {
  const lower = core.toLowerCase();
  if (/\.\.\.|xxxx|your[-_ ]?(api[-_ ]?)?key|api[-_]?key[-_]?here|placeholder|<|>|changeme|^sk-?$/.test(lower)) {
    return 'it looks like a placeholder from an example, not a real key';
  }
  return undefined;
}
