import type { Cause } from '../types.js';

/**
 * The Russian text of one knowledge-base entry. Each array has one item per English item, in the
 * same order, so code may pair them by index; everything that is not text (id, code, statuses,
 * names) stays in the English entry.
 */
export interface EntryText {
  title: string;
  causes: string[];
  fix: string[];
  support: string;
  variants?: Partial<Record<Cause, { title: string; causes: string[]; fix: string[] }>>;
}
