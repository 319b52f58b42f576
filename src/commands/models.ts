import { EXIT } from '../core/exit.js';
import { Output } from '../core/output.js';
import { processSession } from '../core/session.js';
import { catalog, CATALOG_AUTHORITY, CATALOG_DATE, CATALOG_PACKAGES, type CatalogModel } from '../models/catalog.js';
import { dayOf, lifecycleOf, type ModelStatus } from '../models/lifecycle.js';
import { suggestFilter } from '../models/suggest.js';
import type { CommandContext } from './context.js';

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

const NOTE = `Ids marked docs are named in RuAPI's docs; the others are the providers' own ids for the families RuAPI sells, not checked against RuAPI's price list. Retirement dates are the providers' (RuAPI may serve an id longer, or stop sooner). RuAPI accepts exact ids only; ${CATALOG_AUTHORITY} is the authority.`;

function entry(m: CatalogModel, now: Date): ModelsEntry {
  const life = lifecycleOf(m.id, now)!;
  return { id: m.id, family: m.family, provider: m.provider, docs: m.docs === true, status: life.status, released: m.released ?? null, retires: life.retires, replacement: life.replacement ?? null, sources: m.sources };
}

const statusWords = (e: ModelsEntry) =>
  e.status === 'current' ? 'current' : `${e.status}${e.retires ? ` ${e.status === 'retiring' ? 'on ' : ''}${e.retires}` : ' (date not published)'}${e.replacement ? `, use ${e.replacement}` : ''}`;

const ids = (n: number) => (n === 1 ? '1 id' : `${n} ids`);

/**
 * What `ruapi models FILTER` says when no id it shows contains the filter: that ids of the other
 * kind (retired, or still working) do, else the filter or ids it was most likely meant to be.
 */
function noMatch(filter: string, retired: boolean, all: ModelsEntry[]): string {
  const needle = filter.trim().toLowerCase();
  const flag = retired ? ' --retired' : '';
  const other = all.filter((m) => (m.status === 'retired') !== retired && m.id.toLowerCase().includes(needle));
  if (other.length > 0) {
    const one = other.length === 1;
    return retired
      ? `ruapi: no retired model id in the bundled list (snapshot ${CATALOG_DATE}) contains "${filter}", but ${ids(other.length)} that still ${one ? 'works' : 'work'} upstream ${one ? 'does' : 'do'}: \`ruapi models ${filter}\` lists ${one ? 'it' : 'them'}.`
      : `ruapi: no model id that still works upstream contains "${filter}", but ${ids(other.length)} retired upstream ${one ? 'does' : 'do'}: \`ruapi models ${filter} --retired\` lists ${one ? 'it with its replacement' : 'them with their replacements'}.`;
  }
  const shown = all.filter((m) => (m.status === 'retired') === retired).map((m) => m.id);
  const near = suggestFilter(filter, shown);
  const meant = near.filter
    ? ` Did you mean "${near.filter}"? \`ruapi models ${near.filter}${flag}\` lists ${ids(shown.filter((id) => id.toLowerCase().includes(near.filter!)).length)}.`
    : near.ids.length > 0
      ? ` Did you mean ${near.ids.join(', ')}?`
      : '';
  return `ruapi: no ${retired ? 'retired model id' : 'model id'} in the bundled list (snapshot ${CATALOG_DATE}) contains "${filter}".${meant}`;
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
    const json: ModelsOutput = { source: 'bundled', date: CATALOG_DATE, today: dayOf(now), packages: CATALOG_PACKAGES, filter: filter ?? null, retired, models, note: NOTE };
    out.out(`${JSON.stringify(json, null, 2)}\n`);
    return models.length > 0 ? EXIT.ok : EXIT.problem;
  }

  const c = out.session.color('stdout');
  if (models.length === 0) {
    out.err(`${noMatch(filter ?? '', retired, all)}\n`);
    return EXIT.problem;
  }
  const heading = retired ? `Model ids retired upstream as of ${dayOf(now)}, to migrate from` : `Model ids, bundled snapshot of ${CATALOG_DATE}, as of ${dayOf(now)}`;
  const lines = [`${heading}${filter ? `, containing "${filter}"` : ''}:`, ''];
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
    lines.push(`  ${m.id.padEnd(width)}  ${shown}${m.docs ? `  ${c.green('docs')}` : ''}`);
  }
  if (!retired) {
    const gone = all.filter((m) => m.status === 'retired').length;
    if (gone > 0) lines.push('', c.dim(`${gone} retired ids are not shown: \`ruapi models --retired\` lists them with their replacements.`));
  }
  lines.push('', c.dim(NOTE));
  out.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
