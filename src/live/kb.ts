import type { Cause, EntryCode } from '../knowledge/types.js';

/**
 * The knowledge base's fix for what the live checks saw, so a 404 observed here reads the same as
 * a 404 pasted into `ruapi explain`. Undefined when the knowledge base has no entry for it.
 */
export interface ObservedAnswer {
  status?: number;
  body?: string;
  headers?: Record<string, string | string[] | undefined>;
  /** A network failure: Node's code and message (`ECONNREFUSED …`). */
  error?: string;
}

export function knowledgeFix(_observed: ObservedAnswer, _want: { code: EntryCode; cause?: Cause }): string[] | undefined {
  return undefined;
}
