/**
 * The parts of a URL that can carry a secret: user info (`https://user:password@host`), query
 * values (`?api-key=…`), the fragment, and a path segment shaped like a token (`/<64 hex>/v1`, a
 * JWT). Any URL shown is shown with those masked (user info, query values and fragment become `***`, as does such a segment), and
 * a base URL's parts are secrets of the run, so that an echo of them is masked too.
 */

const MASK = '***';

/** `scheme://`, authority, path, `?query`, `#fragment`: each part ends where the next one's mark is. */
const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#[^]*)?$/i;

/**
 * A URL inside text: a scheme (a letter, then letters, digits, `+`, `.` or `-`, at most 32 in all)
 * and `://`, up to whitespace, quotes, brackets, a backslash (a JSON escape) or a control
 * character. Found by its `://` and read outwards from there: one pass over the text, and no
 * regular expression to compile on a run that shows only a few URLs.
 */
const isSchemeChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const URL_END = new Set([...' \t\n\r\f\v"\'<>`\\|)]'].map((ch) => ch.charCodeAt(0)));
const endsUrl = (c: number) => c <= 0x1f || c === 0x7f || URL_END.has(c) || (c > 0x7f && /\s/.test(String.fromCharCode(c)));

/**
 * A path segment that looks like a token rather than a name: a JWT, 24 or more hex digits (with
 * a UUID's hyphens), or 24 or more base64url characters mixing digits, lower and upper case.
 * Names such as `claude-3-5-sonnet-20241022` stay: they have no capital letters.
 */
export function looksLikeSecretSegment(segment: string): boolean {
  if (segment.length < 24) return false;
  if (/^eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*$/.test(segment)) return true;
  if (/^[0-9a-f-]+$/i.test(segment) && segment.replace(/-/g, '').length >= 24) return true;
  return /^[A-Za-z0-9_-]+={0,2}$/.test(segment) && /[0-9]/.test(segment) && /[a-z]/.test(segment) && /[A-Z]/.test(segment);
}

interface Parts {
  scheme: string;
  userinfo?: string;
  host: string;
  path: string;
  query?: string;
  fragment?: string;
}

function split(url: string): Parts | undefined {
  const m = URL_PARTS.exec(url);
  if (!m) return undefined;
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  return {
    scheme: m[1]!,
    ...(at >= 0 ? { userinfo: authority.slice(0, at) } : {}),
    host: at >= 0 ? authority.slice(at + 1) : authority,
    path: m[3]!,
    ...(m[4] !== undefined ? { query: m[4].slice(1) } : {}),
    ...(m[5] !== undefined ? { fragment: m[5].slice(1) } : {}),
  };
}

/** One `name=value` of a query: its value masked (a lone word is a value: `?<token>`). */
function maskParam(param: string): string {
  if (param === '') return param;
  const eq = param.indexOf('=');
  if (eq < 0) return MASK;
  return eq === param.length - 1 ? param : `${param.slice(0, eq + 1)}${MASK}`;
}

/** `url` with its user info, query values, fragment and token-like path segments masked; text that is not a URL as it is. */
export function maskUrl(url: string): string {
  // Most URLs shown have nothing to mask: no user info, query or fragment, and no part long enough to be a token.
  if (!/[@?#]|[^/]{24}/.test(url)) return url;
  const p = split(url);
  if (!p) return url;
  const path = p.path
    .split('/')
    .map((s) => (looksLikeSecretSegment(s) ? MASK : s))
    .join('/');
  return [
    p.scheme,
    p.userinfo !== undefined ? `${MASK}@` : '',
    p.host,
    path,
    p.query !== undefined ? `?${p.query.split('&').map(maskParam).join('&')}` : '',
    p.fragment !== undefined ? `#${p.fragment === '' ? '' : MASK}` : '',
  ].join('');
}

/** Every URL in `text` masked as `maskUrl` does. */
export function maskUrlsIn(text: string): string {
  let mark = text.indexOf('://');
  if (mark < 0) return text;
  let out = '';
  let done = 0;
  while (mark >= 0) {
    let start = mark;
    while (start > done && mark - start < 32 && isSchemeChar(text.charCodeAt(start - 1))) start--;
    while (start < mark && !isLetter(text.charCodeAt(start))) start++;
    if (start === mark) {
      mark = text.indexOf('://', mark + 1);
      continue;
    }
    let end = mark + 3;
    while (end < text.length && !endsUrl(text.charCodeAt(end))) end++;
    out += text.slice(done, start) + maskUrl(text.slice(start, end));
    done = end;
    mark = text.indexOf('://', end);
  }
  return out + text.slice(done);
}

const decoded = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * The secret parts of a base URL as written (a missing scheme is taken as https://), each as
 * written and percent-decoded (as a client sends it): user info, user and password, query values,
 * the fragment, token-like path segments.
 */
export function urlSecrets(raw: string): string[] {
  const text = raw.trim().replace(/^["'`]|["'`]$/g, '');
  const p = split(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (!p) return [];
  const parts: string[] = [];
  if (p.userinfo) {
    const colon = p.userinfo.indexOf(':');
    parts.push(p.userinfo, ...(colon >= 0 ? [p.userinfo.slice(0, colon), p.userinfo.slice(colon + 1)] : []));
  }
  if (p.query) for (const param of p.query.split('&')) parts.push(param.includes('=') ? param.slice(param.indexOf('=') + 1) : param);
  if (p.fragment) parts.push(p.fragment);
  parts.push(...p.path.split('/').filter(looksLikeSecretSegment));
  return [...new Set(parts.flatMap((s) => [s, decoded(s)]).filter((s) => s !== '' && s !== MASK))];
}
