import { catalog, catalogEntry, type CatalogModel } from './catalog.js';

export type ModelStatus = 'current' | 'retiring' | 'retired';

/** Where a model id stands on a given day, by the bundled catalogue. */
export interface Lifecycle {
  status: ModelStatus;
  /** YYYY-MM-DD, or null when no date is known (also for an id retired on a date not found). */
  retires: string | null;
  /** Whole days from `now` to the shutdown day; absent without a date or once retired. */
  daysLeft?: number;
  /** The provider's named replacement, followed past replacements that are retired themselves. */
  replacement?: string;
  entry: CatalogModel;
}

/** Within this many days of the shutdown, a retiring id is a warning, before that a note. */
export const RETIRING_SOON_DAYS = 30;

/**
 * The UTC calendar day of a moment, YYYY-MM-DD: the date the doctor reports and compares with.
 * What toISOString() starts with, without its first call, which costs a quarter of a millisecond
 * at start-up.
 */
export function dayOf(now: Date): string {
  const year = now.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return now.toISOString().slice(0, 10);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(now.getUTCMonth() + 1, 2)}-${pad(now.getUTCDate(), 2)}`;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function statusOf(entry: CatalogModel, today: string): ModelStatus {
  if (!entry.retires) return 'current';
  if (entry.retires === 'retired' || entry.retires <= today) return 'retired';
  return 'retiring';
}

/** The lifecycle of a listed id on the day of `now`; undefined for an id the catalogue lacks. */
export function lifecycleOf(id: string, now: Date): Lifecycle | undefined {
  const entry = catalogEntry(id);
  if (!entry) return undefined;
  const today = dayOf(now);
  const status = statusOf(entry, today);
  const out: Lifecycle = { status, retires: entry.retires && entry.retires !== 'retired' ? entry.retires : null, entry };
  if (status === 'retiring') out.daysLeft = daysBetween(today, entry.retires!);
  const replacement = namedReplacement(entry, today);
  if (replacement) out.replacement = replacement;
  return out;
}

/** True when the catalogue says the id no longer works upstream on the day of `now`. */
export const isRetired = (id: string, now: Date): boolean => lifecycleOf(id, now)?.status === 'retired';

/** The named replacement, followed (at most a few steps) while it is retired itself. */
function namedReplacement(entry: CatalogModel, today: string): string | undefined {
  let next = entry.replacement;
  for (let hops = 0; next && hops < 5; hops++) {
    const e = catalogEntry(next);
    if (!e || statusOf(e, today) !== 'retired' || !e.replacement) return next;
    next = e.replacement;
  }
  return next;
}

const TIERS = ['opus', 'sonnet', 'haiku', 'nano', 'mini', 'pro', 'flash-lite', 'flash', 'lite', 'reasoning', 'non-reasoning'];
const tierOf = (id: string) => TIERS.find((t) => new RegExp(`(^|-)${t}(-|$)`).test(id));

/**
 * When the provider names no replacement: the first current id of the same family (the catalogue
 * lists newer ids first), of the same tier (`mini`, `sonnet`, `flash` …) when there is one.
 * A suggestion ruapi makes, not the provider's word: the finding says so.
 */
export function currentAlternative(id: string, now: Date): string | undefined {
  const entry = catalogEntry(id);
  if (!entry) return undefined;
  const today = dayOf(now);
  const current = catalog().filter((m) => m.family === entry.family && m.id !== id && statusOf(m, today) === 'current');
  const tier = tierOf(id);
  return (tier && current.find((m) => tierOf(m.id) === tier)?.id) || current[0]?.id;
}
