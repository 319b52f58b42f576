import { classifyResponse, ENTRIES, type Cause, type EntryCode, type ObservedResponse } from '../knowledge/index.js';

/** Steps shown after the live check's own: enough to act on, not the whole entry. */
const MAX_STEPS = 3;

/**
 * The knowledge base's fix for what the live checks saw, so a 404 observed here reads the same as
 * a 404 pasted into `ruapi explain`. The live check already knows which failure it saw; the
 * matcher confirms it and picks the 404's cause, and the entry itself is the fallback.
 */
export function knowledgeFix(observed: ObservedResponse, want: { code: EntryCode; cause?: Cause }): string[] {
  const sameCode = (code: string) => code === want.code || (want.code === '5xx' && /^5\d\d$/.test(code));
  const match = classifyResponse(observed).find((m) => sameCode(m.code) && (!want.cause || m.cause === want.cause));
  let steps = match?.fix;
  if (!steps) {
    const entry = ENTRIES.find((e) => e.code === want.code);
    steps = (want.cause && entry?.variants?.[want.cause]?.fix) || entry?.fix || [];
  }
  // The doctor is already running: its entries' "run ruapi doctor" step would send the user in a circle.
  return steps.filter((s) => !/ruapi doctor/.test(s)).slice(0, MAX_STEPS);
}
