/**
 * The bundled model list, used offline and when the gateway's own list cannot be read.
 * RuAPI accepts exact ids only. `docs: true` marks ids RuAPI's own docs name; the others are the
 * providers' public ids for the families RuAPI sells, not confirmed against RuAPI's price list.
 */
export interface CatalogModel {
  id: string;
  family: 'claude' | 'gpt' | 'gemini' | 'grok' | 'deepseek' | 'embedding';
  docs?: boolean;
}

export const CATALOG_DATE = '2026-11-25';

/** Where RuAPI publishes the models it sells (its docs name the main site's pricing page). */
export const CATALOG_AUTHORITY = 'the pricing page on https://www.ruapi.ai';

// Within a family, newer and docs-named ids first: suggestions are taken in this order.
export const CATALOG: readonly CatalogModel[] = [
  { id: 'claude-opus-4-8', family: 'claude', docs: true },
  { id: 'claude-opus-4-6', family: 'claude' },
  { id: 'claude-sonnet-4-6', family: 'claude' },
  { id: 'claude-opus-4-5', family: 'claude' },
  { id: 'claude-opus-4-5-20251101', family: 'claude' },
  { id: 'claude-sonnet-4-5', family: 'claude' },
  { id: 'claude-sonnet-4-5-20250929', family: 'claude' },
  { id: 'claude-haiku-4-5', family: 'claude' },
  { id: 'claude-haiku-4-5-20251001', family: 'claude' },
  { id: 'claude-opus-4-1', family: 'claude' },
  { id: 'claude-opus-4-1-20250805', family: 'claude' },
  { id: 'claude-opus-4-20250514', family: 'claude' },
  { id: 'claude-sonnet-4-20250514', family: 'claude' },
  { id: 'claude-3-7-sonnet-20250219', family: 'claude' },
  { id: 'claude-3-5-haiku-20241022', family: 'claude' },

  { id: 'gpt-5', family: 'gpt', docs: true },
  { id: 'gpt-4o-mini', family: 'gpt', docs: true },
  { id: 'gpt-5.5', family: 'gpt' },
  { id: 'gpt-5.2', family: 'gpt' },
  { id: 'gpt-5.1', family: 'gpt' },
  { id: 'gpt-5-mini', family: 'gpt' },
  { id: 'gpt-5-nano', family: 'gpt' },
  { id: 'gpt-5-chat-latest', family: 'gpt' },
  { id: 'gpt-4.1', family: 'gpt' },
  { id: 'gpt-4.1-mini', family: 'gpt' },
  { id: 'gpt-4.1-nano', family: 'gpt' },
  { id: 'gpt-4o', family: 'gpt' },
  { id: 'o3', family: 'gpt' },
  { id: 'o3-mini', family: 'gpt' },
  { id: 'o4-mini', family: 'gpt' },

  { id: 'gemini-3.5-flash', family: 'gemini', docs: true },
  { id: 'gemini-3.1-pro-preview', family: 'gemini' },
  { id: 'gemini-3-flash-preview', family: 'gemini' },
  { id: 'gemini-2.5-pro', family: 'gemini' },
  { id: 'gemini-2.5-flash', family: 'gemini' },
  { id: 'gemini-2.5-flash-lite', family: 'gemini' },

  { id: 'grok-4', family: 'grok' },
  { id: 'grok-4-fast-reasoning', family: 'grok' },
  { id: 'grok-4-fast-non-reasoning', family: 'grok' },
  { id: 'grok-code-fast-1', family: 'grok' },
  { id: 'grok-3', family: 'grok' },
  { id: 'grok-3-mini', family: 'grok' },

  { id: 'deepseek-v3', family: 'deepseek', docs: true },
  { id: 'deepseek-chat', family: 'deepseek' },
  { id: 'deepseek-reasoner', family: 'deepseek' },
  { id: 'deepseek-r1', family: 'deepseek' },

  { id: 'text-embedding-3-small', family: 'embedding', docs: true },
  { id: 'text-embedding-3-large', family: 'embedding', docs: true },
  { id: 'text-embedding-ada-002', family: 'embedding' },
];

/** The ids a model check compares against, and where they came from. */
export interface ModelList {
  ids: readonly string[];
  source: 'bundled' | 'gateway';
  /** The snapshot date of the bundled list. */
  date?: string;
}

export const BUNDLED_MODELS: ModelList = { ids: CATALOG.map((m) => m.id), source: 'bundled', date: CATALOG_DATE };
