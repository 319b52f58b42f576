import type { EntryText, KnowledgeEntry } from './types.js';

/**
 * The entries' text in the language of the run, for the parts that quote an entry (the doctor's
 * live findings end with its steps). English is the entry itself; another language's texts are
 * handed over by src/commands/language.ts once it has loaded them.
 */
let texts: Readonly<Record<string, EntryText>> | undefined;

export function useEntryTexts(byId: Readonly<Record<string, EntryText>> | undefined): void {
  texts = byId;
}

/** The entry's title, causes, steps and variants in the language in use. */
export const entryText = (entry: KnowledgeEntry): EntryText => texts?.[entry.id] ?? entry;
