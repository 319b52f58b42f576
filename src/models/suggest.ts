import { CATALOG } from './catalog.js';

/**
 * How an unknown model id relates to the list:
 * - `variant`: the same id written differently (case, hyphens, dots, spaces, a provider prefix
 *   such as `openai/`): certainly wrong, RuAPI matches ids exactly;
 * - `alias`: a family name (`sonnet`, `gpt`, `gemini`): RuAPI accepts no aliases;
 * - `dated`: the list has the same model with another (or no) date suffix;
 * - `partial`: the start of longer ids (`claude-sonnet-4`);
 * - `typo`: one or two characters away from an id;
 * - `none`: nothing close.
 */
export type ModelMatchKind = 'exact' | 'variant' | 'alias' | 'dated' | 'partial' | 'typo' | 'none';

export interface ModelMatch {
  kind: ModelMatchKind;
  /** Best first, at most three. */
  suggestions: string[];
  /** The provider prefix found, e.g. `openai/`. */
  prefix?: string;
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
    if (longer.length > 0) return withPrefix({ kind: 'partial', suggestions: rank(longer) });
  }

  const limit = s.length >= 6 ? 2 : 1;
  const close = ids
    .map((id) => ({ id, d: editDistance(squash(id), s, limit) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d);
  if (close.length > 0) return withPrefix({ kind: 'typo', suggestions: rank(close.map((x) => x.id)) });

  return withPrefix({ kind: 'none', suggestions: [] });
}

/** Docs-named ids first, then list order. */
function rankIds(found: string[], ids: readonly string[]): string[] {
  const docs = new Set(CATALOG.filter((m) => m.docs).map((m) => m.id));
  return [...new Set(found)].sort((a, b) => Number(docs.has(b)) - Number(docs.has(a)) || ids.indexOf(a) - ids.indexOf(b));
}

/**
 * Edit distance (insert, delete, replace, swap of neighbours), giving up (returning limit + 1) as
 * soon as it must exceed `limit`, so a 100 KB input costs nothing.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
