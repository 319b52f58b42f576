import { ENTRIES, type Cause, type EntryCode } from '../knowledge/index.js';
import { entryText } from '../knowledge/localized.js';

/** Steps shown after the live check's own: enough to act on, not the whole entry. */
const MAX_STEPS = 3;

/**
 * The knowledge base's steps for a failure the live checks saw, so a 404 observed here reads the
 * same as a 404 pasted into `ruapi explain`: the entry's (or its cause's) own steps. Which entry
 * an answer is about is the knowledge base's call too (`judgeAnswer`, read in ./judge.ts).
 */
export function knowledgeSteps(code: EntryCode, cause?: Cause): string[] {
  const found = ENTRIES.find((e) => e.code === code);
  // In the language in use: the entry's own text in English, its translation otherwise.
  const entry = found ? entryText(found) : undefined;
  const steps = (cause && entry?.variants?.[cause]?.fix) || entry?.fix || [];
  // The doctor is already running: its entries' "run ruapi doctor" step would send the user in a circle.
  return steps.filter((s) => !/ruapi doctor/.test(s)).slice(0, MAX_STEPS);
}

/** The knowledge base's steps for this failure, or `fallback` when it has none. */
export function kbOr(code: EntryCode, fallback: string[], cause?: Cause): string[] {
  const steps = knowledgeSteps(code, cause);
  return steps.length ? steps : fallback;
}
