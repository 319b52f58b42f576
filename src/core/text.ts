/**
 * String helpers for outside text (base URLs, gateway answers) that must stay linear in its
 * length: a regex such as `/\/+$/` retries its run of slashes at every start, which is quadratic
 * on a long value that is mostly slashes.
 */

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

/** The text of the first `<title>` of an HTML page, at most `max` characters, found in linear time. */
export function htmlTitle(html: string, max = 120): string | undefined {
  const lower = html.toLowerCase();
  const open = lower.indexOf('<title');
  if (open < 0) return undefined;
  const gt = html.indexOf('>', open);
  if (gt < 0) return undefined;
  const end = html.indexOf('<', gt + 1);
  const text = html.slice(gt + 1, end < 0 ? Math.min(html.length, gt + 1 + max) : Math.min(end, gt + 1 + max)).trim();
  return text || undefined;
}

/** A word for a POSIX shell: as it is when it needs no quoting, else in single quotes. */
export const posixQuote = (s: string): string => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

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

/** Every string in a JSON-able value through `withoutControls`. */
export function withoutControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return withoutControls(value) as T;
  if (Array.isArray(value)) return value.map(withoutControlsDeep) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [withoutControls(k), withoutControlsDeep(v)])) as T;
  return value;
}
