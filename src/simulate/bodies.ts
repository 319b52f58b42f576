import type { IncomingMessage } from 'node:http';

/** Anthropic's limit for the Messages API; bodies over it get a 413. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The request bodies one simulator holds at once, all requests together. Each body is capped
 * (MAX_BODY_BYTES), but thirty 31 MB uploads at once took the process to 1.2 GB: past this, a
 * request gets 503 (overloaded, retry later) and its body is drained, never kept.
 */
export const MAX_BODIES_IN_FLIGHT = 64 * 1024 * 1024;

/** Counts the bytes of bodies held, across requests. */
export class BodyBudget {
  private held = 0;
  constructor(readonly limit: number = MAX_BODIES_IN_FLIGHT) {}

  /** Reserves `bytes`; false (nothing reserved) when that would pass the limit. */
  take(bytes: number): boolean {
    if (this.held + bytes > this.limit) return false;
    this.held += bytes;
    return true;
  }

  give(bytes: number): void {
    this.held -= bytes;
  }

  /** Bytes reserved now (0 once every request is answered). */
  get inUse(): number {
    return this.held;
  }
}

/** A body as read: its text, or why it was not kept (over its own limit, or over the budget). */
export type Body = { kind: 'read'; text: string } | { kind: 'too-large' } | { kind: 'busy' };

/** What the caller holds: the body, and `release()` to give its bytes back once the request is answered. */
export interface HeldBody {
  body: Body;
  release: () => void;
}

/**
 * Reads a request body within both limits. A `content-length` over either is refused before a
 * byte is read; a body without one (chunked) is counted as it arrives and dropped the moment it
 * passes one. A refused body is drained without being kept, so that the client can finish sending
 * and read the answer. The bytes stay reserved until `release()`: the text, and what is parsed
 * from it, live as long as the request does.
 */
export async function readBody(req: IncomingMessage, budget: BodyBudget, max: number = MAX_BODY_BYTES): Promise<HeldBody> {
  let held = 0;
  const release = () => {
    budget.give(held);
    held = 0;
  };
  const header = req.headers['content-length'];
  const declared = header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
  let refused: 'too-large' | 'busy' | undefined;
  if (declared !== undefined && declared > max) refused = 'too-large';
  else if (declared !== undefined && budget.take(declared)) held = declared;
  else if (declared !== undefined) refused = 'busy';

  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (refused) continue; // drained, not kept
      size += chunk.length;
      if (size > max) refused = 'too-large';
      else if (size > held && !budget.take(size - held)) refused = 'busy';
      else held = Math.max(held, size);
      if (refused) {
        chunks.length = 0;
        release();
      } else chunks.push(chunk);
    }
  } catch (err) {
    release(); // the client went away mid-body
    throw err;
  }
  if (refused) {
    release();
    return { body: { kind: refused }, release };
  }
  return { body: { kind: 'read', text: Buffer.concat(chunks, size).toString('utf8') }, release };
}
