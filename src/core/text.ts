import { CORE } from '../lang/en/core.js';
import { messages, num } from '../lang/t.js';
import type { Protocol } from './finding.js';

/**
 * String helpers for outside text (base URLs, gateway answers) that must stay linear in its
 * length: a regex such as `/\/+$/` retries its run of slashes at every start, which is quadratic
 * on a long value that is mostly slashes.
 */

const t = messages(CORE);

/** `value` without every `ch` at its end. */
export function withoutTrailing(value: string, ch: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === ch) end--;
  return value.slice(0, end);
}

/** `value` without every `suffix` at its end, matched without case (`/v1/V1/v1` → ``). */
export function withoutTrailingRepeats(value: string, suffix: string): string {
  const lower = value.toLowerCase();
  const s = suffix.toLowerCase();
  let end = value.length;
  while (end >= s.length && lower.startsWith(s, end - s.length)) end -= s.length;
  return value.slice(0, end);
}

/** Runs of `segment` as consecutive path segments collapsed into one (`/v1/v1/x` → `/v1/x`), without case. */
export function collapseRepeatedSegment(path: string, segment: string): string {
  const parts = path.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part.toLowerCase() === segment && out.length > 0 && out[out.length - 1]!.toLowerCase() === segment) continue;
    out.push(part);
  }
  return out.join('/');
}

/**
 * The text of the first `<title>` of an HTML page as one line (see oneLine), at most `max`
 * characters, found in linear time: the old `/<title[^>]*>([^<]{1,120})/i` retried the rest of
 * the page at every `<title`, quadratic on a page of nothing else.
 */
export function htmlTitle(html: string, max: number = OUTSIDE_MAX.title): string | undefined {
  const lower = html.toLowerCase();
  const open = lower.indexOf('<title');
  if (open < 0) return undefined;
  const gt = html.indexOf('>', open);
  if (gt < 0) return undefined;
  const end = html.indexOf('<', gt + 1);
  // Read a little past `max`: runs of white space collapse, so more may fit.
  const text = oneLine(html.slice(gt + 1, Math.min(end < 0 ? html.length : end, gt + 1 + 4 * max)), max);
  return text || undefined;
}

/** A word for a POSIX shell: as it is when it needs no quoting, else in single quotes. */
export const posixQuote = (s: string): string => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** `s` as a regular expression that matches it literally. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Text from outside (a gateway's answer, a pasted error, a config value) as data a terminal or a
 * CI log can show: every C0 control but tab and line feed, every C1 control, and DEL become `?`,
 * so no escape sequence (colours, window titles, OSC 8 links, screen clears) or bell gets through.
 */
export function withoutControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text) ? text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?') : text;
}

/**
 * How long outside text may be once it is data: a gateway's (or a paste's) message, an id (a
 * request id, a model id from a list, an error type or code), a page title, a URL, a quoted piece
 * of an answer's body, a JSON key.
 */
export const OUTSIDE_MAX = { message: 300, id: 128, title: 120, url: 400, snippet: 80, key: 40 } as const;

/**
 * Text from outside (a gateway's answer, a pasted error) as one line of data, where it enters
 * ruapi: every line break and run of white space one space, trimmed, control characters replaced
 * (withoutControls), and at most `max` characters, an ellipsis where it was cut. So no gateway
 * text can start a line of ruapi's output (a CI runner reads `::error::` or `##[group]` at the
 * start of a line as a command), and an answer of megabytes shows as a short line. Linear in the
 * length of the text.
 */
export function oneLine(text: string, max: number): string {
  const words = /\S+/g;
  let out = '';
  for (let m = words.exec(text); m && out.length <= max; m = words.exec(text)) {
    out += (out ? ' ' : '') + m[0].slice(0, max + 1);
  }
  out = withoutControls(out);
  if (out.length <= max) return out;
  // Never cut between the two halves of a surrogate pair.
  let cut = max - 1;
  if (cut > 0 && /[\uD800-\uDBFF]/.test(out[cut - 1]!)) cut--;
  return `${out.slice(0, cut)}…`;
}

/** Whole milliseconds: `340 ms`. */
export const msText = (ms: number): string => t('core.ms', { n: num(Math.round(ms)) });

/** Seconds, as a time limit shows them: `8.0 s`, `30 s` (a decimal under ten seconds unless `digits` says). */
export const secs = (ms: number, digits = ms < 10_000 ? 1 : 0): string => t('core.s', { n: num(ms / 1000, digits) });

/** A time as every output shows it: `840 ms` under a second, `1.2 s` from there on. */
export const duration = (ms: number): string => (ms < 1000 ? msText(ms) : secs(ms, 1));

const joined = (items: readonly string[], id: 'core.list.and' | 'core.list.or'): string =>
  items.length > 1 ? t(id, { items: items.slice(0, -1).join(', '), last: items.at(-1)! }) : (items[0] ?? '');

/** "a, b and c", in the language in use. */
export const andList = (items: readonly string[]): string => joined(items, 'core.list.and');

/** "a, b or c", in the language in use. */
export const orList = (items: readonly string[]): string => joined(items, 'core.list.or');

/** The protocol's name as the output writes it ("OpenAI-compatible"), in the language in use. */
export const protocolName = (p: Protocol): string => t(p === 'openai' ? 'core.protocol.openai' : 'core.protocol.anthropic');
