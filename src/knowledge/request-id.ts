import { OUTSIDE_MAX, oneLine } from '../core/text.js';

/**
 * Request ids, wherever a gateway puts them: the response headers the SDKs read, `request_id` in
 * an error body, "(request id: …)" appended to a message (once per gateway in a chain), one-api
 * log lines and Anthropic's bare `req_…`. `ruapi explain` reads pasted text with it, the live
 * checks read real answers with it: one extractor, so both show the same id.
 *
 * Every regular expression here has bounded repetition: linear in the size of the text. An id is
 * outside text: it comes out as one line, capped (see oneLine).
 */

type Headers = Record<string, string | string[] | undefined>;

/** Response headers with the request id: the SDKs' own first, then one-api's and new-api's. */
export const REQUEST_ID_HEADERS: readonly string[] = ['x-request-id', 'request-id', 'x-oneapi-request-id', 'x-new-api-request-id'];

/** `x-request-id: …`, `"request_id":"…"`, `(request id: …)`, `requestId=…`. */
const LABELLED_RE = /\b(?:x-)?(?:[a-z]{1,20}-)?request[-_ ]?id["']?\s{0,3}[:=]?\s{0,3}["'(]?\s{0,2}([A-Za-z0-9][\w.:+=-]{5,127})/gi;
const REQ_TOKEN_RE = /\breq_[A-Za-z0-9]{8,64}\b/;
/** one-api / new-api log lines: `[ERR] 2024/04/03 - 23:13:25 | <request id> | …`. */
const LOG_ID_RE = /\d{4}\/\d\d\/\d\d - \d\d:\d\d:\d\d \| ([0-9A-Za-z]{16,64}) \|/;
/** An answer's body is read this far for ids: error bodies are short, and answers can be 2 MB. */
const BODY_CHARS = 20_000;

interface Labelled {
  id: string;
  index: number;
  end: number;
}

/** Every labelled id in the text, in order. An id has a digit; `none`, `null` and sentence punctuation are not ids. */
function labelled(text: string): Labelled[] {
  const out: Labelled[] = [];
  for (const m of text.matchAll(LABELLED_RE)) {
    const id = (m[1] as string).replace(/[.,:;]+$/, '');
    if (id.length < 6 || !/\d/.test(id) || /^(?:none|null|undefined)$/i.test(id)) continue;
    out.push({ id, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The request id a pasted error is about: the first one the text names, since retries repeat the
 * same error with new ids and the first is the request the user asked about. Gateways chained one
 * behind the other each append an id to the same message ("(request id: A) (request id: B)"); the
 * last of such a chain is the gateway the user called.
 */
export function findRequestId(text: string): string | null {
  let found: Labelled | null = null;
  for (const hit of labelled(text)) {
    if (found && hit.index - found.end > 4) break;
    found = hit;
  }
  if (found) return asId(found.id);
  const logged = LOG_ID_RE.exec(text);
  if (logged) return asId(logged[1] as string);
  const token = REQ_TOKEN_RE.exec(text)?.[0];
  return token ? asId(token) : null;
}

const asId = (id: string) => oneLine(id, OUTSIDE_MAX.id);

/** The request ids in an answer's headers, in the order of REQUEST_ID_HEADERS (header names in any case). */
export function headerRequestIds(headers: Headers | undefined): string[] {
  const lower = new Map(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v[0] : v]));
  return REQUEST_ID_HEADERS.flatMap((name) => {
    const v = asId(lower.get(name) ?? '');
    return v ? [v] : [];
  });
}

/** Every request id of a gateway's answer, each once: its headers first, then the ids its body names. */
export function answerRequestIds(headers: Headers | undefined, body: string): string[] {
  return [...new Set([...headerRequestIds(headers), ...labelled(body.slice(0, BODY_CHARS)).map((l) => asId(l.id))])];
}
