import type { Pattern } from '../types.js';

/** What points at the `too-large` entry (src/knowledge/entries/too-large.ts) in pasted text. */
export const tooLarge: readonly Pattern[] = [
  { text: 'request_too_large', weight: 12 },
  { text: 'request exceeds the maximum size', weight: 10 },
];
