import { SNAPSHOT, SNAPSHOT_SOURCES } from './snapshot.js';

export type Family = 'claude' | 'gpt' | 'gemini' | 'grok' | 'deepseek' | 'qwen' | 'embedding';
export type Provider = 'anthropic' | 'openai' | 'google' | 'xai' | 'deepseek' | 'alibaba';

/**
 * One bundled model id with its lifecycle, as the providers publish it (see
 * scripts/models-snapshot.mjs: produced from the installed SDKs' tables and data/models/hand-kept.json).
 * RuAPI accepts exact ids only. `docs: true` marks ids RuAPI's own docs name; the others are the
 * providers' public ids for the families RuAPI sells, not confirmed against RuAPI's price list.
 */
export interface CatalogModel {
  id: string;
  family: Family;
  provider: Provider;
  docs?: boolean;
  /** YYYY-MM-DD, when a source gives it. */
  released?: string;
  /**
   * When the provider shuts it down: YYYY-MM-DD, `'retired'` (retired, on a date the sources read
   * do not give), or absent (no date announced, or none found).
   */
  retires?: string;
  /** The id the provider names in its place, when it names one. */
  replacement?: string;
  /** Where the facts came from (package versions, pages). */
  sources: string[];
}

const PROVIDER: Record<Family, Provider> = { claude: 'anthropic', gpt: 'openai', embedding: 'openai', gemini: 'google', grok: 'xai', deepseek: 'deepseek', qwen: 'alibaba' };

// Within a family: ids with no retirement first, newer first, then by retirement date; suggestions
// are taken in this order. Built on first use: a doctor run with no model to check never needs it.
let built: readonly CatalogModel[] | undefined;
let byId: Map<string, CatalogModel> | undefined;

/** The bundled catalogue, in the snapshot's order. */
export function catalog(): readonly CatalogModel[] {
  built ??= SNAPSHOT.map(([id, family, docs, released, retires, replacement, sources]) => {
    const m: CatalogModel = { id, family: family as Family, provider: PROVIDER[family as Family], sources: sources.split(',').map((i) => SNAPSHOT_SOURCES[Number(i)]!) };
    if (docs) m.docs = true;
    if (released) m.released = released;
    if (retires) m.retires = retires;
    if (replacement) m.replacement = replacement;
    return m;
  });
  return built;
}

/** The bundled entry for an id, exactly as written. */
export const catalogEntry = (id: string): CatalogModel | undefined => (byId ??= new Map(catalog().map((m) => [m.id, m]))).get(id);

/** The ids a model check compares against, and where they came from. */
export interface ModelList {
  ids: readonly string[];
  source: 'bundled' | 'gateway';
  /** The snapshot date of the bundled list. */
  date?: string;
}
