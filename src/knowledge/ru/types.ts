/** The Russian text of one entry: see EntryText in src/knowledge/types.ts. */
export type { EntryText } from '../types.js';
