import { EXIT } from '../core/exit.js';
import { Output } from '../core/output.js';
import { processSession } from '../core/session.js';
import { catalog, type CatalogModel } from '../models/catalog.js';
import { CATALOG_DATE, CATALOG_PACKAGES } from '../models/bundled.js';
import { dayOf, lifecycleOf, type ModelStatus } from '../models/lifecycle.js';
import { suggestFilter } from '../models/suggest.js';
import type { CommandContext } from './context.js';
import { CLI_MODELS } from '../lang/en/cli-models.js';
import { messages } from '../lang/t.js';

const t = messages(CLI_MODELS);

/** One id of `ruapi models --json`. */
export interface ModelsEntry {
  id: string;
  family: CatalogModel['family'];
  provider: CatalogModel['provider'];
  /** Named in RuAPI's docs; the others are providers' ids not checked against RuAPI's price list. */
  docs: boolean;
  /** On `today`: `retiring` has a shutdown date ahead, `retired` one passed (or a retirement without a known date). */
  status: ModelStatus;
  /** YYYY-MM-DD, or null when no source gives it. */
  released: string | null;
  /** The upstream shutdown day, YYYY-MM-DD, or null when none is known. */
  retires: string | null;
  /** The id the provider names in its place, or null. */
  replacement: string | null;
  /** Where the facts came from. */
  sources: string[];
}

/** `ruapi models --json`: documented in README. */
export interface ModelsOutput {
  source: 'bundled';
  date: string;
  /** The day statuses are given for (the run's date). */
  today: string;
  /** The SDK packages the snapshot was produced from. */
  packages: readonly string[];
  filter: string | null;
  /** True with --retired: only the retired ids. */
  retired: boolean;
  models: ModelsEntry[];
  note: string;
}


function entry(m: CatalogModel, now: Date): ModelsEntry {
  const life = lifecycleOf(m.id, now)!;
  return { id: m.id, family: m.family, provider: m.provider, docs: m.docs === true, status: life.status, released: m.released ?? null, retires: life.retires, replacement: life.replacement ?? null, sources: m.sources };
}

function statusWords(e: ModelsEntry): string {
  const status =
    e.status === 'current'
      ? t('cli.models.status.current')
      : e.status === 'retiring'
        ? e.retires ? t('cli.models.status.retiring', { date: e.retires }) : t('cli.models.status.retiring-undated')
        : e.retires ? t('cli.models.status.retired', { date: e.retires }) : t('cli.models.status.retired-undated');
  return e.status !== 'current' && e.replacement ? t('cli.models.status.replacement', { status, id: e.replacement }) : status;
}

/**
 * What `ruapi models FILTER` says when no id it shows contains the filter: that ids of the other
 * kind (retired, or still working) do, else the filter or ids it was most likely meant to be.
 */
function noMatch(filter: string, retired: boolean, all: ModelsEntry[]): string {
  const needle = filter.trim().toLowerCase();
  const flag = retired ? ' --retired' : '';
  const other = all.filter((m) => (m.status === 'retired') !== retired && m.id.toLowerCase().includes(needle));
  if (other.length > 0) return t(retired ? 'cli.models.none-but-working' : 'cli.models.none-but-retired', { date: CATALOG_DATE, filter, n: other.length });
  const shown = all.filter((m) => (m.status === 'retired') === retired).map((m) => m.id);
  const near = suggestFilter(filter, shown);
  const meant = near.filter
    ? t('cli.models.meant-filter', { filter: near.filter, command: `ruapi models ${near.filter}${flag}`, n: shown.filter((id) => id.toLowerCase().includes(near.filter!)).length })
    : near.ids.length > 0
      ? t('cli.models.meant-ids', { ids: near.ids.join(', ') })
      : '';
  const none = t(retired ? 'cli.models.none-retired' : 'cli.models.none', { date: CATALOG_DATE, filter });
  return meant ? `${none} ${meant}` : none;
}

/**
 * Lists the bundled model ids with their upstream status, optionally those containing `filter`
 * (any case). Without --retired, the ids that still work upstream; with it, the retired ones, to
 * migrate from. Exit 1 when none match.
 */
export async function run(filter: string | undefined, opts: { json?: boolean; color?: boolean; retired?: boolean }, _ctx: CommandContext, now = new Date()): Promise<number> {
  const out = new Output(processSession({ json: opts.json === true, noColor: opts.color === false }));
  const needle = filter?.trim().toLowerCase() ?? '';
  const retired = opts.retired === true;
  const all = catalog().map((m) => entry(m, now));
  const models = all.filter((m) => (m.status === 'retired') === retired && (m.id.toLowerCase().includes(needle) || m.family === needle));

  if (opts.json) {
    const json: ModelsOutput = { source: 'bundled', date: CATALOG_DATE, today: dayOf(now), packages: CATALOG_PACKAGES, filter: filter ?? null, retired, models, note: t('cli.models.note') };
    out.out(`${JSON.stringify(json, null, 2)}\n`);
    return models.length > 0 ? EXIT.ok : EXIT.problem;
  }

  const c = out.session.color('stdout');
  if (models.length === 0) {
    out.err(`${noMatch(filter ?? '', retired, all)}\n`);
    return EXIT.problem;
  }
  const when = { date: CATALOG_DATE, today: dayOf(now), filter: filter ?? '' };
  const heading = retired ? t(filter ? 'cli.models.heading-retired-filter' : 'cli.models.heading-retired', when) : t(filter ? 'cli.models.heading-filter' : 'cli.models.heading', when);
  const lines = [heading, ''];
  const width = Math.max(...models.map((m) => m.id.length));
  let family: string | undefined;
  for (const m of models) {
    if (m.family !== family) {
      if (family !== undefined) lines.push('');
      family = m.family;
      lines.push(c.bold(m.family));
    }
    const status = statusWords(m);
    const shown = m.status === 'current' ? c.dim(status) : m.status === 'retiring' ? c.yellow(status) : c.red(status);
    lines.push(`  ${m.id.padEnd(width)}  ${shown}${m.docs ? `  ${c.green(t('cli.models.docs'))}` : ''}`);
  }
  if (!retired) {
    const gone = all.filter((m) => m.status === 'retired').length;
    if (gone > 0) lines.push('', c.dim(t('cli.models.hidden', { n: gone })));
  }
  lines.push('', c.dim(t('cli.models.note')));
  out.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
