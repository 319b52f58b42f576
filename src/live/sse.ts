import type { Protocol } from '../core/finding.js';
import { OUTSIDE_MAX, oneLine } from '../core/text.js';
import type { HttpAnswer } from './client.js';
import { header, parseJson } from './protocol.js';
import { num } from '../lang/t.js';
import { msText, t } from './words.js';

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
/** A one-token answer streams a dozen events: more than this many are not parsed for an end or an error. */
const MAX_PARSED_EVENTS = 1000;

export function readStream(protocol: Protocol, answer: HttpAnswer): StreamReading {
  const events = splitEvents(answer);

  let terminal = false;
  let streamError: StreamReading['streamError'];
  let parses = 0;
  type EventJson = { type?: string; error?: { type?: string; message?: string } | string } | undefined;
  for (const e of events) {
    const data = e.data.trim();
    // Only an event that can be the end or an error is parsed, and only so many: each broken one
    // costs a thrown exception, and 2 MB of stream holds 300 000 of them.
    const parse = (): EventJson => (parses++ < MAX_PARSED_EVENTS ? (parseJson(data) as EventJson) : undefined);
    const endJson = protocol === 'anthropic' && e.event !== 'message_stop' && data.includes('message_stop') ? parse() : undefined;
    if (protocol === 'openai' ? data === '[DONE]' : e.event === 'message_stop' || endJson?.type === 'message_stop') terminal = true;
    const json = endJson ?? (data.includes('"error"') ? parse() : undefined);
    if (e.event === 'error' || (json && typeof json === 'object' && (json.error !== undefined || json.type === 'error'))) {
      const err = json?.error;
      // The gateway's words: one line each, capped, as every error message from outside.
      const line = (v: unknown, max: number) => (typeof v === 'string' ? oneLine(v, max) : '');
      const type = typeof err === 'object' && err ? line(err.type, OUTSIDE_MAX.id) : '';
      const message = typeof err === 'object' && err ? line(err.message, OUTSIDE_MAX.message) : line(typeof err === 'string' ? err : e.data, OUTSIDE_MAX.message);
      streamError = { ...(type ? { type } : {}), ...(message ? { message } : {}) };
    }
  }

  const first = events[0];
  const last = events.at(-1);
  let bufferedWhy: string | undefined;
  if (events.length > 0 && header(answer.headers, 'content-length') !== undefined) {
    bufferedWhy = t('live/stream-buffered.why.content-length');
  } else if (first && last && events.length >= 3 && last.atMs - first.atMs < AT_ONCE_MS && first.atMs >= BUFFERED_AFTER_MS) {
    bufferedWhy = t('live/stream-buffered.why.at-once', { n: events.length, events: num(events.length), after: msText(first.atMs) });
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

/**
 * The events of the stream, each with the time its block was complete: split once over the whole
 * body, and matched to the chunks by offset. (Splitting what was pending after every chunk read
 * the same text again and again: quadratic on a long stream of small chunks without a blank line.)
 */
function splitEvents(answer: HttpAnswer): StreamReading['events'] {
  const events: StreamReading['events'] = [];
  const body = answer.body;
  let chunk = 0;
  let chunkEnd = answer.chunks[0]?.text.length ?? 0;
  /** When the text up to `offset` had come: the arrival of the chunk that held its last character. */
  const arrivedBy = (offset: number) => {
    while (chunk < answer.chunks.length - 1 && chunkEnd < offset) chunkEnd += answer.chunks[++chunk]!.text.length;
    return answer.chunks[chunk]?.atMs ?? 0;
  };
  const separator = /\r?\n\r?\n/g;
  let start = 0;
  for (let m = separator.exec(body); m; m = separator.exec(body)) {
    const ev = parseBlock(body.slice(start, m.index));
    const end = m.index + m[0].length;
    if (ev) events.push({ atMs: arrivedBy(end), ...ev });
    start = end;
  }
  const tail = parseBlock(body.slice(start));
  if (tail) events.push({ atMs: answer.chunks.at(-1)?.atMs ?? 0, ...tail });
  return events;
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
