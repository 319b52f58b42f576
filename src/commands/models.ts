import { EXIT } from '../core/exit.js';
import { Output } from '../core/output.js';
import { processSession } from '../core/session.js';
import { CATALOG, CATALOG_AUTHORITY, CATALOG_DATE, type CatalogModel } from '../models/catalog.js';
import { matchModel } from '../models/suggest.js';
import type { CommandContext } from './context.js';

/** `ruapi models --json`: documented in README. */
export interface ModelsOutput {
  source: 'bundled';
  date: string;
  filter: string | null;
  /** `docs: true`: named in RuAPI's docs; the others are providers' ids not checked against RuAPI's price list. */
  models: Array<{ id: string; family: CatalogModel['family']; docs: boolean }>;
  note: string;
}

const NOTE = `Ids marked docs are named in RuAPI's docs; the others are the providers' own ids for the families RuAPI sells, not checked against RuAPI's price list. RuAPI accepts exact ids only; ${CATALOG_AUTHORITY} is the authority.`;

/** Lists the bundled model ids, optionally those containing `filter` (any case). Exit 1 when none match. */
export async function run(filter: string | undefined, opts: { json?: boolean; color?: boolean }, _ctx: CommandContext): Promise<number> {
  const out = new Output(processSession({ json: opts.json === true, noColor: opts.color === false }));
  const needle = filter?.trim().toLowerCase() ?? '';
  const models = CATALOG.filter((m) => m.id.toLowerCase().includes(needle) || m.family === needle);

  if (opts.json) {
    const json: ModelsOutput = {
      source: 'bundled',
      date: CATALOG_DATE,
      filter: filter ?? null,
      models: models.map((m) => ({ id: m.id, family: m.family, docs: m.docs === true })),
      note: NOTE,
    };
    out.out(`${JSON.stringify(json, null, 2)}\n`);
    return models.length > 0 ? EXIT.ok : EXIT.problem;
  }

  const c = out.session.color('stdout');
  if (models.length === 0) {
    const near = matchModel(filter ?? '', CATALOG.map((m) => m.id)).suggestions;
    out.err(`ruapi: no model id in the bundled list (snapshot ${CATALOG_DATE}) contains "${filter}".${near.length > 0 ? ` Did you mean ${near.join(', ')}?` : ''}\n`);
    return EXIT.problem;
  }
  const lines = [`Model ids, bundled snapshot of ${CATALOG_DATE}${filter ? `, containing "${filter}"` : ''}:`, ''];
  const width = Math.max(...models.map((m) => m.id.length));
  let family: string | undefined;
  for (const m of models) {
    if (m.family !== family) {
      if (family !== undefined) lines.push('');
      family = m.family;
      lines.push(c.bold(m.family));
    }
    lines.push(`  ${m.id.padEnd(width)}${m.docs ? `  ${c.green('docs')}` : ''}`);
  }
  lines.push('', c.dim(NOTE));
  out.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
