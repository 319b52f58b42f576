/**
 * Messages by id, one table per language. Each part of ruapi keeps its English table in
 * src/lang/en/<part>.ts and looks its words up through `messages(table)`; the other languages'
 * tables (src/lang/<lang>/) load only when that language is chosen, and replace the English
 * message of the same id. English is what the code says when no other language is in use, so an
 * English run never loads a second table.
 *
 * The language is one state for the whole process, set once by the command before it produces
 * any text (src/commands/language.ts). This file is its one copy: scripts/build.mjs keeps it in the
 * redaction chunk (dist/redact.cjs), which every chunk that speaks shares.
 */

/** The languages ruapi speaks. English is the default and the fallback. */
export type Lang = 'en' | 'ru';

/**
 * A message: a template with `{name}` placeholders, or one template per plural category
 * (Intl.PluralRules) chosen by the number in `{n}`: English needs `one` and `other`; Russian
 * `one` (1, 21), `few` (2–4, 22), `many` (5–20, 0) and `other` (fractions).
 */
export type Message = string | Plural;
export interface Plural {
  one: string;
  few?: string;
  many?: string;
  other: string;
}
export type Params = Readonly<Record<string, string | number>>;
export type Table = Readonly<Record<string, Message>>;

const state: { lang: Lang; table: Table | undefined; plural?: Intl.PluralRules; number?: Map<number, Intl.NumberFormat> } = { lang: 'en', table: undefined };

/** Speaks `lang` from now on, with its messages (English needs none: it is in the code). */
export function useLanguage(lang: Lang, table?: Table): void {
  state.lang = lang;
  state.table = lang === 'en' ? undefined : table;
  state.plural = undefined;
  state.number = undefined;
}

/** The language in use. */
export const language = (): Lang => state.lang;

/** `{name}` replaced by its value; a placeholder without a value stays as it is. */
export const fill = (template: string, params?: Params): string =>
  params ? template.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all)) : template;

function pick(m: Message, n: unknown): string {
  if (typeof m === 'string') return m;
  state.plural ??= new Intl.PluralRules(state.lang);
  const category = typeof n === 'number' ? state.plural.select(n) : 'other';
  return (m as unknown as Record<string, string | undefined>)[category] ?? m.other;
}

/** One message in the language in use: the chosen language's, else the English one. */
function say(english: Message, id: string, params?: Params): string {
  return fill(pick(state.table?.[id] ?? english, params?.n), params);
}

/**
 * The lookup for one English table: `t('key/anthropic-key.title', { what })`. An id the table
 * does not have is a type error.
 */
export function messages<T extends Table>(en: T): (id: keyof T & string, params?: Params) => string {
  return (id, params) => say(en[id] as Message, id, params);
}

/**
 * A count or a measure as the language writes it: English as the code always has (1234, 1.5);
 * Russian with its grouping and decimal comma (1 234, 1,5). `digits` fixes the decimals.
 * Ports, years, status codes and ids are not numbers to format: pass them as they are.
 */
export function num(n: number, digits?: number): string {
  if (state.lang === 'en') return digits === undefined ? String(n) : n.toFixed(digits);
  const key = digits ?? -1;
  state.number ??= new Map();
  let f = state.number.get(key);
  if (!f) {
    f = new Intl.NumberFormat(state.lang, digits === undefined ? { maximumFractionDigits: 20 } : { minimumFractionDigits: digits, maximumFractionDigits: digits });
    state.number.set(key, f);
  }
  return f.format(n);
}
