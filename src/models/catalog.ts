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

export const CATALOG: readonly CatalogModel[] = [
  { id: 'claude-opus-4-8', family: 'claude', docs: true },
  { id: 'gpt-4o-mini', family: 'gpt', docs: true },
  { id: 'gpt-5', family: 'gpt', docs: true },
  { id: 'gemini-3.5-flash', family: 'gemini', docs: true },
  { id: 'deepseek-v3', family: 'deepseek', docs: true },
  { id: 'text-embedding-3-small', family: 'embedding', docs: true },
  { id: 'text-embedding-3-large', family: 'embedding', docs: true },
];
