import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../src/knowledge/entries/index.js';
import { PATTERNS } from '../../src/knowledge/patterns/index.js';
import { CONSOLE_NAMES_RU, ENTRY_TEXT_RU, SAYS_RU } from '../../src/knowledge/ru/index.js';

/**
 * The Russian knowledge base against the English one: every entry, variant and `says` sentence
 * has Russian text, the arrays pair up item by item, and what must not be translated (placeholders,
 * commands in backticks, URLs, identifiers, HTTP statuses) comes through unchanged. The console's
 * page names are the one thing that changes on purpose: each English name must appear as its
 * Russian name from CONSOLE_NAMES_RU, as often as in the English.
 */

/** One English string and its Russian, with where they come from for the failure message. */
interface Pair {
  where: string;
  en: string;
  ru: string;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const all = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[0]);

/** `{url}`, `{model}`: filled in by the matcher, so they must survive exactly. */
const placeholders = (s: string) => sorted(all(s, /\{[a-z]+\}/g));
/** Backticked code; the words inside a `<…>` slot of a command are prose and may be translated. */
const code = (s: string) => sorted(all(s, /`[^`]+`/g).map((c) => c.replace(/<[^>]*>/g, '<…>')));
const urls = (s: string) => sorted(all(s, /https?:\/\/[^\s`)»,;]+/g).map((u) => u.replace(/[.:]+$/, '')));
/** Error types, env vars and errno codes: anything with `_`, or an errno-style `EAI_AGAIN`/`ECONNRESET`. */
const identifiers = (s: string) => sorted(new Set(all(s, /[A-Za-z0-9]*_[A-Za-z0-9_]+|\bE[A-Z]{4,}\b/g)));
const statuses = (s: string) => sorted(new Set(all(s, /\b[1-5]\d\d(?!\d)/g)));
const count = (s: string, sub: string) => s.split(sub).length - 1;

/** Every way a Russian string may differ from its English where it must not; empty when it is fine. */
function problems({ en, ru }: Pair): string[] {
  const out: string[] = [];
  const same = (what: string, f: (s: string) => string[]) => {
    const a = f(en);
    const b = f(ru);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${what}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  };
  same('placeholders', placeholders);
  same('code', code);
  same('urls', urls);
  same('identifiers', identifiers);
  same('statuses', statuses);
  for (const [name, ruName] of Object.entries(CONSOLE_NAMES_RU)) {
    if (count(en, name) !== count(ru, ruName)) out.push(`console name: ${count(en, name)}× «${name}» vs ${count(ru, ruName)}× «${ruName}»`);
    if (count(ru, name) > 0) out.push(`console name left in English: «${name}»`);
  }
  if (!/[а-яё]/i.test(ru)) out.push('no Cyrillic letter: not translated?');
  return out;
}

/** Pairs of items at the same place in two arrays; a length mismatch is reported separately. */
function zip(where: string, en: readonly string[], ru: readonly string[]): Pair[] {
  return en.map((e, i) => ({ where: `${where}[${i}]`, en: e, ru: ru[i] ?? '' }));
}

const lengthMismatches: string[] = [];
const missing: string[] = [];
const pairs: Pair[] = [];

for (const entry of ENTRIES) {
  const ru = ENTRY_TEXT_RU[entry.id];
  if (!ru) {
    missing.push(entry.id);
    continue;
  }
  const lengths = (where: string, en: readonly string[], r: readonly string[]) => {
    if (en.length !== r.length) lengthMismatches.push(`${where}: ${en.length} English, ${r.length} Russian`);
    pairs.push(...zip(where, en, r));
  };
  pairs.push({ where: `${entry.id}.title`, en: entry.title, ru: ru.title }, { where: `${entry.id}.support`, en: entry.support, ru: ru.support });
  lengths(`${entry.id}.causes`, entry.causes, ru.causes);
  lengths(`${entry.id}.fix`, entry.fix, ru.fix);
  for (const [cause, v] of Object.entries(entry.variants ?? {})) {
    const rv = ru.variants?.[cause as keyof typeof ru.variants];
    if (!rv) {
      missing.push(`${entry.id}.variants.${cause}`);
      continue;
    }
    pairs.push({ where: `${entry.id}.variants.${cause}.title`, en: v.title, ru: rv.title });
    lengths(`${entry.id}.variants.${cause}.causes`, v.causes, rv.causes);
    lengths(`${entry.id}.variants.${cause}.fix`, v.fix, rv.fix);
  }
}

const englishSays = new Set(
  Object.values(PATTERNS)
    .flat()
    .map((p) => p.says)
    .filter((s): s is string => !!s),
);
for (const s of englishSays) pairs.push({ where: `says ${JSON.stringify(s)}`, en: s, ru: SAYS_RU[s] ?? '' });

describe('the Russian knowledge base', () => {
  it('has Russian text for every entry and every variant, and nothing for entries that do not exist', () => {
    expect(missing).toEqual([]);
    const ids = new Set(ENTRIES.map((e) => e.id));
    expect(Object.keys(ENTRY_TEXT_RU).filter((id) => !ids.has(id))).toEqual([]);
    for (const entry of ENTRIES) {
      const extra = Object.keys(ENTRY_TEXT_RU[entry.id]?.variants ?? {}).filter((c) => !(c in (entry.variants ?? {})));
      expect(extra, entry.id).toEqual([]);
    }
  });

  it('pairs item by item: causes and steps have as many items as the English', () => {
    expect(lengthMismatches).toEqual([]);
  });

  it('translates every `says` sentence of the patterns, and keeps none that no pattern says', () => {
    expect(englishSays.size).toBeGreaterThan(0);
    expect([...englishSays].filter((s) => !SAYS_RU[s])).toEqual([]);
    expect(Object.keys(SAYS_RU).filter((s) => !englishSays.has(s))).toEqual([]);
  });

  it('keeps placeholders, code, URLs, identifiers and statuses, and writes the console names as the Russian console does', () => {
    const found = pairs.map((p) => ({ where: p.where, problems: problems(p) })).filter((p) => p.problems.length);
    expect(found).toEqual([]);
  });

  it('catches a broken translation (the checks themselves)', () => {
    const en = 'Run `ruapi doctor` at {url}: see Console → Tokens, then https://www.ruapi.ai/v1 (ECONNREFUSED, 502).';
    const good = 'Запустите `ruapi doctor` для {url}: см. «Консоль → Токены», затем https://www.ruapi.ai/v1 (ECONNREFUSED, 502).';
    expect(problems({ where: 'good', en, ru: good })).toEqual([]);
    const broken = [
      good.replace('{url}', '{адрес}'),
      good.replace('`ruapi doctor`', 'ruapi doctor'),
      good.replace('https://www.ruapi.ai/v1', 'https://www.ruapi.ai'),
      good.replace('ECONNREFUSED', 'отказ'),
      good.replace('502', '503'),
      good.replace('Консоль → Токены', 'Console → Tokens'),
      good.replace('Консоль → Токены', 'Консоль → Ключи'),
      'Run `ruapi doctor` at {url}: see Console → Tokens, then https://www.ruapi.ai/v1 (ECONNREFUSED, 502).',
    ];
    for (const ru of broken) expect(problems({ where: 'broken', en, ru }), ru).not.toEqual([]);
    expect(problems({ where: 'slot', en: 'Run `ruapi models <part of the name>`.', ru: 'Запустите `ruapi models <часть названия>`.' })).toEqual([]);
  });
});
