import type { Protocol } from '../core/finding.js';
import type { HttpAnswer } from './client.js';
import { header, parseJson } from './protocol.js';

/** What a streaming answer looked like on the wire: its events, when they came, how it ended. */
export interface StreamReading {
  events: Array<{ atMs: number; event?: string; data: string }>;
  /** Ms from the request start to the first complete event. */
  firstEventMs?: number;
  /** The protocol's end marker arrived: `data: [DONE]` (OpenAI) or `event: message_stop` (Anthropic). */
  terminal: boolean;
  /** An error sent inside the stream (after the 200). */
  streamError?: { type?: string; message?: string };
  /** All events arrived at once, late: something between us and the gateway held the stream back. */
  buffered: boolean;
  /** Why `buffered` was set, in words. */
  bufferedWhy?: string;
}

/** A stream is suspected of buffering when its events arrive in one go after at least this wait. */
const BUFFERED_AFTER_MS = 1000;
/** Events closer together than this count as arriving at once. */
const AT_ONCE_MS = 15;

export function readStream(protocol: Protocol, answer: HttpAnswer): StreamReading {
  const events: StreamReading['events'] = [];
  let pending = '';
  for (const chunk of answer.chunks) {
    pending += chunk.text;
    const blocks = pending.split(/\r?\n\r?\n/);
    pending = blocks.pop() ?? '';
    for (const block of blocks) {
      const ev = parseBlock(block);
      if (ev) events.push({ atMs: chunk.atMs, ...ev });
    }
  }
  const tail = parseBlock(pending);
  if (tail) events.push({ atMs: answer.chunks.at(-1)?.atMs ?? 0, ...tail });

  let terminal = false;
  let streamError: StreamReading['streamError'];
  for (const e of events) {
    const json = parseJson(e.data) as { type?: string; error?: { type?: string; message?: string } | string } | undefined;
    if (protocol === 'openai' ? e.data.trim() === '[DONE]' : e.event === 'message_stop' || json?.type === 'message_stop') terminal = true;
    if (e.event === 'error' || (json && typeof json === 'object' && (json.error !== undefined || json.type === 'error'))) {
      const err = json?.error;
      streamError = typeof err === 'object' && err ? { ...(err.type ? { type: err.type } : {}), ...(err.message ? { message: err.message } : {}) } : { message: typeof err === 'string' ? err : e.data.slice(0, 200) };
    }
  }

  const first = events[0];
  const last = events.at(-1);
  let bufferedWhy: string | undefined;
  if (events.length > 0 && header(answer.headers, 'content-length') !== undefined) {
    bufferedWhy = 'the stream came with a Content-Length header: something collected the whole stream before passing it on';
  } else if (first && last && events.length >= 3 && last.atMs - first.atMs < AT_ONCE_MS && first.atMs >= BUFFERED_AFTER_MS) {
    bufferedWhy = `all ${events.length} events arrived at once after ${Math.round(first.atMs)} ms`;
  }

  return {
    events,
    ...(first ? { firstEventMs: first.atMs } : {}),
    terminal,
    ...(streamError ? { streamError } : {}),
    buffered: bufferedWhy !== undefined,
    ...(bufferedWhy ? { bufferedWhy } : {}),
  };
}

function parseBlock(block: string): { event?: string; data: string } | undefined {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const i = line.indexOf(':');
    const field = i < 0 ? line : line.slice(0, i);
    const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (event === undefined && data.length === 0) return undefined;
  return { ...(event !== undefined ? { event } : {}), data: data.join('\n') };
}
