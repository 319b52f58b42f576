import { catalog } from './catalog.js';
import { describeDifference } from './difference.js';
import { editDistance } from '../core/edit-distance.js';

/**
 * How an unknown model id relates to the list:
 * - `variant`: the same id written differently (case, hyphens, dots, spaces, a provider prefix
 *   such as `openai/`): certainly wrong, RuAPI matches ids exactly;
 * - `alias`: a family name (`sonnet`, `gpt`, `gemini`): RuAPI accepts no aliases;
 * - `dated`: the list has the same model with another (or no) date suffix;
 * - `partial`: the start of longer ids (`claude-sonnet-4`), closest first;
 * - `typo`: an id written with a slip or two (`difference` says which), closest first;
 * - `none`: nothing close.
 */
export type ModelMatchKind = 'exact' | 'variant' | 'alias' | 'dated' | 'partial' | 'typo' | 'none';

export interface ModelMatch {
  kind: ModelMatchKind;
  /** Best first, at most three. */
  suggestions: string[];
  /** The provider prefix found, e.g. `openai/`. */
  prefix?: string;
  /** With `typo`: how the input differs from the first suggestion, in words ("a dot instead of a hyphen"). */
  difference?: string;
}

const PROVIDER_PREFIX = /^(openai|anthropic|google|gemini|vertex_ai|x-ai|xai|deepseek|models|openrouter|litellm|azure)\//i;
const DATE_SUFFIX = /-(\d{8}|\d{4}-\d{2}-\d{2}|\d{4}|latest)$/;
const FAMILY_WORDS: Array<[RegExp, (id: string) => boolean]> = [
  [/^(claude)?(sonnet)$/, (id) => id.includes('sonnet')],
  [/^(claude)?(opus)(plan)?$/, (id) => id.includes('opus')],
  [/^(claude)?(haiku)$/, (id) => id.includes('haiku')],
  [/^(claude|anthropic)$/, (id) => id.startsWith('claude-')],
  [/^(gpt|chatgpt|openai)$/, (id) => id.startsWith('gpt-')],
  [/^(gemini|google)$/, (id) => id.startsWith('gemini-')],
  [/^(grok|xai)$/, (id) => id.startsWith('grok-')],
  [/^deepseek$/, (id) => id.startsWith('deepseek-')],
];

const squash = (s: string) => s.toLowerCase().replace(/[\s\-_.:]/g, '');
const undated = (s: string) => s.toLowerCase().replace(DATE_SUFFIX, '');

/** Compares a model id with the list and proposes the ids the user most likely meant. */
export function matchModel(input: string, ids: readonly string[]): ModelMatch {
  if (ids.includes(input)) return { kind: 'exact', suggestions: [input] };
  const prefixMatch = PROVIDER_PREFIX.exec(input.trim());
  const prefix = prefixMatch ? prefixMatch[0] : undefined;
  const bare = input.trim().slice(prefix?.length ?? 0);
  const withPrefix = (m: Omit<ModelMatch, 'prefix'>): ModelMatch => (prefix ? { ...m, prefix } : m);
  const s = squash(bare);
  const rank = (found: string[]) => rankIds(found, ids).slice(0, 3);

  const variants = ids.filter((id) => squash(id) === s);
  if (variants.length > 0) return withPrefix({ kind: 'variant', suggestions: rank(variants) });

  const family = FAMILY_WORDS.find(([re]) => re.test(s));
  if (family) {
    const found = ids.filter(family[1]);
    if (found.length > 0) return withPrefix({ kind: 'alias', suggestions: rank(found) });
  }

  const dated = ids.filter((id) => squash(undated(id)) === squash(undated(bare)));
  if (dated.length > 0) return withPrefix({ kind: 'dated', suggestions: rank(dated) });

  if (s.length >= 3) {
    const longer = ids.filter((id) => squash(id).startsWith(s));
    if (longer.length > 0) return withPrefix({ kind: 'partial', suggestions: closestFirst(longer, bare, ids).slice(0, 3) });
  }

  const limit = s.length >= 6 ? 2 : 1;
  const close = ids.filter((id) => editDistance(squash(id), s, limit) <= limit);
  if (close.length > 0) {
    const suggestions = closestFirst(close, bare, ids).slice(0, 3);
    return withPrefix({ kind: 'typo', suggestions, difference: describeDifference(bare, suggestions[0]!) });
  }

  return withPrefix({ kind: 'none', suggestions: [] });
}

let docsIds: Set<string> | undefined;
const DOCS_IDS = { has: (id: string) => (docsIds ??= new Set(catalog().filter((m) => m.docs).map((m) => m.id))).has(id) };

/** Docs-named ids first, then list order. */
function rankIds(found: string[], ids: readonly string[]): string[] {
  return [...new Set(found)].sort((a, b) => Number(DOCS_IDS.has(b)) - Number(DOCS_IDS.has(a)) || ids.indexOf(a) - ids.indexOf(b));
}

const sharedStart = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * Closest to what was typed first (`gpt-4` → gpt-4o before gpt-4o-mini): fewest edits to the id
 * as written, then the longest start in common, then docs-named ids, then list order.
 */
function closestFirst(found: string[], typed: string, ids: readonly string[]): string[] {
  const t = typed.toLowerCase();
  const far = Math.max(t.length, ...found.map((id) => id.length));
  const key = new Map(found.map((id) => [id, { edits: editDistance(id.toLowerCase(), t, far), start: sharedStart(id.toLowerCase(), t) }]));
  return rankIds(found, ids).sort((a, b) => key.get(a)!.edits - key.get(b)!.edits || key.get(b)!.start - key.get(a)!.start);
}

/** What `ruapi models <filter>` proposes when nothing contains the filter. */
export interface FilterSuggestion {
  /** The filter with its words corrected (`opsu` → `opus`), when that matches ids. */
  filter?: string;
  /** Best first, at most three. */
  ids: string[];
}

const tokensOf = (s: string) => s.toLowerCase().split(/[\s\-_.:/]+/).filter(Boolean);
const isWord = (t: string) => /[a-z]/.test(t);

/**
 * For a `ruapi models` filter no id contains: the ids the whole filter is close to; else the
 * filter with each misspelt word replaced by the nearest word of the ids (`sonet` → `sonnet`);
 * else the ids that hold its words in another order (`haiku-3` → claude-3-5-haiku-…), or, failing
 * that, its letter words alone (`haiku`).
 */
export function suggestFilter(filter: string, ids: readonly string[]): FilterSuggestion {
  const typed = tokensOf(filter);
  const vocabulary = [...new Set(ids.flatMap(tokensOf).filter(isWord))];
  const corrected = typed.map((t) => (!isWord(t) || t.length < 3 || vocabulary.includes(t) ? t : (nearestWord(t, vocabulary) ?? t)));
  if (corrected.some((t, i) => t !== typed[i])) {
    // Each word replaced where it stands, the separators as typed: `gpt-5.4-mnii` → `gpt-5.4-mini`.
    let at = 0;
    const text = filter.trim().toLowerCase().replace(/[^\s\-_.:/]+/g, () => corrected[at++]!);
    const found = ids.filter((id) => id.toLowerCase().includes(text));
    if (found.length > 0) return { filter: text, ids: rankIds(found, ids).slice(0, 3) };
  }
  const whole = matchModel(filter, ids);
  if (whole.kind !== 'none' && whole.kind !== 'exact') return { ids: whole.suggestions };
  const holding = (need: string[]) => (need.length === 0 ? [] : ids.filter((id) => need.every((w) => tokensOf(id).includes(w))));
  const inAnyOrder = holding(corrected);
  const found = inAnyOrder.length > 0 ? inAnyOrder : holding(corrected.filter(isWord));
  return { ids: closestFirst(found, filter, ids).slice(0, 3) };
}

/** The word of the ids one slip away (two for long words), or none. */
function nearestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const limit = word.length >= 6 ? 2 : 1;
  let best: { w: string; d: number } | undefined;
  for (const w of vocabulary) {
    const d = editDistance(w, word, limit);
    if (d <= limit && (!best || d < best.d)) best = { w, d };
  }
  return best?.w;
}
