import { scrubKeys } from '../core/redact.js';
import { OUTSIDE_MAX, oneLine } from '../core/text.js';
import { REASONS } from './match.js';
import { findRequestId } from './request-id.js';
import type { Facts } from './types.js';

/*
 * Pulls facts out of pasted error text of any shape. Pasted text is untrusted and may be huge, so:
 * every regular expression here has bounded repetition (`{0,3}`, `{1,400}`) and no quantified group
 * that can match the same text two ways; nothing backtracks more than a constant per position, and
 * one pass over the text costs time linear in its length.
 */

/** Scanned: the first 32 KB and the last 224 KB. Tracebacks put the error at the end, so the end is kept. */
const HEAD_CHARS = 32 * 1024;
const TAIL_CHARS = 224 * 1024;

/** The part of `text` worth scanning, with terminal colour codes removed. */
export function scanWindow(text: string): string {
  const window = text.length <= HEAD_CHARS + TAIL_CHARS ? text : `${text.slice(0, HEAD_CHARS)}\n${text.slice(-TAIL_CHARS)}`;
  // Colour codes from terminals, and the escaping of JSON pasted inside JSON or a log string.
  return window
    .replace(/\x1b\[[0-9;?]{0,20}[A-Za-z]/g, '')
    .replace(/\\{1,8}"/g, '"')
    .replace(/\\{1,8}n/g, '\n');
}

/** An HTTP status and how sure the text is that it is one (10: "HTTP/1.1 404", "Error code: 404"). */
interface StatusHit {
  status: number;
  strength: number;
}

/**
 * Where a number is a status: only in these contexts. A number in a request id, a token count, a
 * port or a date never stands in one of them.
 */
const STATUS_CONTEXTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bhttp\/\d(?:\.\d)?"?\s{1,3}(\d{3})(?!\d|[.:]\d)/gi, 10],
  [/\berror[ _]?code:?\s{0,3}(\d{3})(?!\d|[.:]\d)/gi, 10],
  [/\bstatus(?:[ _-]?code)?["']?\s{0,3}[:=]?\s{0,3}["']?(\d{3})(?!\d|[.:]\d)/gi, 10],
  [/\bhttp(?:[ _-]?(?:error|status|code))?:?\s{1,3}(\d{3})(?!\d|[.:]\d)/gi, 10],
  [/(?:^|[^\w.:/-])(\d{3})\s{0,2}[-:]?\s{0,2}(bad request|unauthorized|payment required|forbidden|not found|method not allowed|request time-?out|payload too large|request entity too large|content too large|unprocessable entity|too many requests|internal server error|bad gateway|service unavailable|gateway time-?out|overloaded)\b/gim, 9],
  [/(?:error|exception|failed|failure)\]?(?::\s{0,2}|\s{1,2})(\d{3})(?!\d|[.:]\d)/gi, 9],
  [/(?:error|exception|failed|failure|rejected)\s{0,2}[([](\d{3})(?!\d|[.:]\d)/gi, 9],
  [/\b(\d{3})\s{1,2}status code\b/gi, 9],
  [/\berror[ \w]{0,24}?(?:number|code|status)["']?\s{0,3}[:=]\s{0,3}["']?(\d{3})(?!\d|[.:]\d)/gi, 8],
  [/\|\s{1,8}(\d{3})\s{1,8}\|\s{1,16}[\d.]{1,12}(?:ms|µs|s)\s/g, 8],
  [/\b(?:returned|received|got|responded with|response code|failed with|status of)\s{1,3}(?:an? )?(?:http )?(?:status )?(?:code )?(\d{3})(?!\d|[.:]\d)/gi, 8],
  [/(?:状态码|错误码|出错|код ошибки|статус|ошибка сервера|ошибка)[:：]?\s{0,3}(\d{3})(?!\d|[.:]\d)/gi, 8],
  // Google's clients: the exception class (google.api_core) or the status name right after the number.
  [/\b(?:InvalidArgument|FailedPrecondition|Unauthenticated|PermissionDenied|NotFound|ResourceExhausted|InternalServerError|ServiceUnavailable|DeadlineExceeded|BadRequest|Forbidden|TooManyRequests):\s{1,2}(\d{3})(?!\d|[.:]\d)/g, 9],
  [/(?:^|[^\w.:/-])(\d{3})[ :]{1,2}(?=(?:INVALID_ARGUMENT|FAILED_PRECONDITION|UNAUTHENTICATED|PERMISSION_DENIED|NOT_FOUND|RESOURCE_EXHAUSTED|INTERNAL|UNAVAILABLE|DEADLINE_EXCEEDED)\b)/g, 9],
  [/(?:^|['"`])[ \t]{0,4}(\d{3}) (?=[{[A-Z]|[^\x00-\x7f])/gm, 8],
  [/\b(?:error_?code|code)["']?\s{0,3}[:=]\s{0,3}["']?(\d{3})(?!\d|[.:]\d)/gi, 6],
  // "code 429" in running text (never a process's "exit code"): the weakest sign, enough only with words that agree.
  [/(?<!exit )\bcode\s{1,2}([45]\d\d)(?!\d|[.:]\d)/gi, 5],
];

/**
 * The most certain HTTP status in the text; among equally certain ones, the last. An error status
 * (4xx, 5xx) wins over a success or an interim one ("HTTP/1.1 100 Continue", then the 404).
 */
function findStatus(text: string): StatusHit | null {
  type Hit = StatusHit & { index: number };
  let bestError: Hit | null = null;
  let bestOther: Hit | null = null;
  const better = (a: Hit, b: Hit | null) => !b || a.strength > b.strength || (a.strength === b.strength && a.index > b.index);
  for (const [re, baseStrength] of STATUS_CONTEXTS) {
    for (const m of text.matchAll(re)) {
      const status = Number(m[1]);
      if (status < 100 || status > 599) continue;
      let strength = baseStrength;
      if (m[2] !== undefined && !REASONS[m[2].toLowerCase()]?.includes(status)) strength = 5;
      const hit = { status, strength, index: m.index + m[0].length };
      if (status >= 400) {
        if (better(hit, bestError)) bestError = hit;
      } else if (better(hit, bestOther)) bestOther = hit;
    }
  }
  const best = bestError ?? bestOther;
  return best && { status: best.status, strength: best.strength };
}

const TYPE_RE = /(?:^|[^\w])["']?type["']?\s{0,3}[:=]\s{0,3}["']([\w.-]{1,64})["']/gim;
const CODE_RE = /(?:^|[^\w])["']?(?:code|error_code)["']?\s{0,3}[:=]\s{0,3}["']([A-Za-z][\w.-]{0,63})["']/gim;
const ERRORISH = /error|quota|limit|exceed|invalid|overload|not_?found|denied|forbidden|unauthori|timeout|too_large|exhausted|unavailable|insufficient|balance/i;
const ERRNO_RE =
  /\b(E(?:CONNREFUSED|CONNRESET|CONNABORTED|NOTFOUND|AI_AGAIN|TIMEDOUT|SOCKETTIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|PROTO)|UND_ERR_[A-Z_]{2,30}|ERR_TLS_[A-Z_]{2,30}|CERT_HAS_EXPIRED|UNABLE_TO_[A-Z_]{2,40}|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERTIFICATE_VERIFY_FAILED)\b/g;
const CLASS_RE = /\b([A-Z][A-Za-z]{1,40}(?:Error|Exception|Timeout))\b/g;
const GENERIC_CLASSES = new Set(['Error', 'TypeError', 'SyntaxError', 'ValueError', 'RuntimeError', 'AttributeError', 'KeyError', 'Exception', 'BaseException']);
const MESSAGE_RE = /(?:^|[^\w])["']?message["']?\s{0,3}[:=]\s{0,3}(?:"((?:[^"\\\n]|\\.){1,500})"|'((?:[^'\\\n]|\\.){1,500})')/gim;
const MESSAGE_LINE_RE = /(?:Error|Exception|Timeout|error|ERROR)\]?:\s{1,3}(\S[^\n]{0,299})/;

/** Forms that name the model in an error message, most telling first. */
const MODEL_MESSAGE_FORMS: readonly RegExp[] = [
  // The gateway family's "no available channel for model X in group Y"; X may be a display name in any script.
  /对于模型\s{0,2}([^\s"'`，。]{1,100})\s{0,3}无可用渠道/g,
  /\bmodel\s{1,3}`([^`\s]{1,100})`/gi,
  /\bmodel\s{1,3}["']([^"'\s]{1,100})["']/gi,
  /模型\s{0,2}["']?([A-Za-z0-9][\w.:/@+-]{0,99})/g,
  /\bfor model\s{1,2}["']?([A-Za-z0-9][\w.:/@+-]{0,99})/gi,
  /\bthe model\s{1,3}([A-Za-z0-9][\w.:/@+-]{0,99})\s{1,3}does not exist/gi,
  /\bfor\s{1,3}([A-Za-z0-9][\w.:/@+-]{0,99})\s{1,3}in\s{1,3}organization/gi,
  /["']?message["']?\s{0,3}:\s{0,3}["']model:\s{0,2}([A-Za-z0-9][\w.:/@+-]{0,99})/gi,
  /[(,]\s{0,2}model:\s{0,2}([A-Za-z0-9][\w.:/@+-]{0,99})\)/gi,
  /\bmodel\s{0,2}\(([A-Za-z0-9][\w.:/@+-]{0,99})\)/gi,
  /\bmodel group\s{0,2}=\s{0,2}([A-Za-z0-9][\w.:/@+-]{0,99})/gi,
];
/** `"model": "x"`, `model=x`, `model: x`: the model of the request, often echoed in logs. */
const MODEL_FIELD_RE = /\bmodel["']?\s{0,2}[:=]\s{0,2}["'`]?([A-Za-z0-9][\w.:/@+-]{0,99})/gi;
/** `Model        gemini-2.0-flash` in a tool's table (Gemini CLI's /about box). */
const MODEL_TABLE_RE = /\bmodel[ \t]{2,40}([A-Za-z0-9][\w.:/@+-]{0,99})/gi;
const NOT_A_MODEL = new Set(['none', 'null', 'undefined', 'true', 'false', 'model', 'models', 'string', 'str', 'name', 'id', 'the', 'is', 'not', 'does']);

/** A URL ends at white space, quotes, brackets, and at any control character (an ESC after it is no part of it). */
// eslint-disable-next-line no-control-regex
const URL_RE = /\bhttps?:\/\/[^\s"'<>`\\)\]},|\u0000-\u001f\u007f-\u009f]{1,400}/gi;
const PATH_RE = /\b(?:POST|GET|PUT|PATCH|DELETE|Route)\s{1,3}(\/[\w.\/-]{0,200})/g;
const DOC_HOSTS = /(?:^|\.)(?:platform\.openai\.com|help\.openai\.com|community\.openai\.com|console\.anthropic\.com|github\.com|githubusercontent\.com|errors\.pydantic\.dev|www\.w3\.org|nginx\.org|cloudflare\.com|aka\.ms|microsoft\.com|stackoverflow\.com|pypi\.org|npmjs\.com|python\.org|nodejs\.org|readthedocs\.io|anthropic\.com|openai\.com)$|^docs\./;
const API_PATH = /\/v1\b|\/chat\/completions|\/messages|\/completions|\/embeddings|\/responses|\/models|\/api\//;

/** The SDK or tool, most specific first (LangChain wraps openai-python, so it wins). */
const TOOLS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['claude-code', ['claude code', 'claude-code', 'claude_code']],
  ['cline', ['cline']],
  ['aider', ['aider']],
  ['langchain', ['langchain']],
  ['llamaindex', ['llama_index', 'llamaindex', 'llama-index']],
  ['litellm', ['litellm']],
  ['vercel-ai-sdk', ['ai_apicallerror', 'ai_retryerror', '@ai-sdk/']],
  ['openai-python', ['site-packages/openai', 'openai/_base_client', 'openai._exceptions', 'openai.ratelimiterror', 'openai.apierror', 'openai.apistatuserror', 'openai.authenticationerror', 'openai.notfounderror', 'openai.badrequesterror', 'openai.internalservererror', 'openai.apiconnectionerror', 'openai.apitimeouterror', 'openai.permissiondeniederror', 'openai.error.']],
  ['anthropic-python', ['site-packages/anthropic', 'anthropic/_base_client', 'anthropic._exceptions', 'anthropic.ratelimiterror', 'anthropic.apierror', 'anthropic.apistatuserror', 'anthropic.authenticationerror', 'anthropic.notfounderror', 'anthropic.badrequesterror', 'anthropic.internalservererror', 'anthropic.overloadederror', 'anthropic.apiconnectionerror', 'anthropic.apitimeouterror', 'anthropic.permissiondeniederror']],
  ['openai-node', ['node_modules/openai', 'openai/core', 'openai/error', 'openai/src/', 'openai/js']],
  ['anthropic-node', ['@anthropic-ai/sdk', 'anthropic/js']],
  ['httpx', ['httpx.', 'httpcore.']],
  ['requests', ['requests.exceptions', 'urllib3']],
  ['aiohttp', ['aiohttp']],
  ['axios', ['axioserror', 'node_modules/axios']],
  ['undici', ['undici', 'und_err_', 'fetch failed']],
  ['curl', ['curl:', 'curl ', '< http/', '* connected to', '* trying ']],
  ['python', ['traceback (most recent call last)']],
  ['node', ['node:internal', 'processticksandrejections']],
];

const ANTHROPIC_SIGNS = ['anthropic', 'x-api-key', '/v1/messages', 'claude', 'overloaded_error', 'authentication_error', 'not_found_error', 'rate_limit_error', '"type":"error"', "'type': 'error'"];
const OPENAI_SIGNS = ['openai', '/chat/completions', 'insufficient_quota', 'invalid_api_key', 'model_not_found', 'rate_limit_exceeded', '/v1/responses', '/v1/embeddings'];

function last<T>(items: T[]): T | null {
  return items.length ? (items[items.length - 1] as T) : null;
}

function cleanValue(v: string): string {
  return v.replace(/[.,:;]+$/, '');
}

function findErrorType(text: string): string | null {
  const types: string[] = [];
  for (const m of text.matchAll(TYPE_RE)) {
    const v = m[1] as string;
    if (v.toLowerCase() !== 'error' && ERRORISH.test(v)) types.push(v);
  }
  return last(types);
}

function findErrorCode(text: string): string | null {
  const codes: string[] = [];
  for (const m of text.matchAll(CODE_RE)) {
    const v = m[1] as string;
    if (!['none', 'null', 'undefined'].includes(v.toLowerCase())) codes.push(v);
  }
  if (codes.length) return last(codes);
  return last([...text.matchAll(ERRNO_RE)].map((m) => m[1] as string));
}

function findErrorClass(text: string, known: ReadonlySet<string>): string | null {
  const all = [...text.matchAll(CLASS_RE)].map((m) => m[1] as string);
  return last(all.filter((c) => known.has(c.toLowerCase()))) ?? last(all.filter((c) => !GENERIC_CLASSES.has(c)));
}

function unescape(s: string): string {
  return s.replace(/\\(["'\\/])/g, '$1').replace(/\\n/g, ' ');
}

function findMessage(text: string): string | null {
  let message: string | null = null;
  for (const m of text.matchAll(MESSAGE_RE)) {
    const v = unescape((m[1] ?? m[2] ?? '').trim());
    if (v) message = v;
  }
  if (!message) {
    const lines = text.split('\n');
    for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 400; i--, seen++) {
      const line = (lines[i] as string).slice(0, 2000);
      const m = MESSAGE_LINE_RE.exec(line);
      if (m) {
        message = (m[1] as string).trim();
        break;
      }
    }
  }
  if (!message) return null;
  return scrubKeys(oneLine(message, OUTSIDE_MAX.message)) || null;
}

function validModel(v: string): string | null {
  const id = cleanValue(v);
  if (id.length < 2 || !/[a-z\u3400-\u9fff]/i.test(id) || NOT_A_MODEL.has(id.toLowerCase()) || /^(?:sk|pk)-/.test(id)) return null;
  return id;
}

function findModel(text: string): string | null {
  for (const re of MODEL_MESSAGE_FORMS) {
    const found = [...text.matchAll(re)].map((m) => validModel(m[1] as string)).filter((v): v is string => v !== null);
    if (found.length) return last(found);
  }
  // The first model field that looks like an id (`gpt-4o`, `claude-3-5-sonnet`, `premium`), not a
  // display name from a tool's error template ("Model: Claude").
  const fields = [...text.matchAll(MODEL_FIELD_RE), ...text.matchAll(MODEL_TABLE_RE)].map((m) => validModel(m[1] as string)).filter((v): v is string => v !== null);
  return fields.find((id) => /[-\d/]/.test(id)) ?? fields.find((id) => id === id.toLowerCase()) ?? null;
}

function findUrl(text: string): string | null {
  let best: { url: string; score: number } | null = null;
  for (const m of text.matchAll(URL_RE)) {
    const raw = cleanValue(m[0]).replace(/[?#].*$/, '');
    let host: string;
    let path: string;
    try {
      const u = new URL(raw);
      host = u.hostname.toLowerCase();
      path = u.pathname;
    } catch {
      continue;
    }
    if (DOC_HOSTS.test(host) && !host.startsWith('api.')) continue;
    const score = (API_PATH.test(path) ? 2 : 0) + (host.endsWith('ruapi.ai') ? 1 : 0);
    // A URL with a path that is not an API path is a link to docs or a settings page.
    if (score === 0 && path !== '/' && path !== '') continue;
    if (!best || score >= best.score) best = { url: raw, score };
  }
  if (best) return scrubKeys(best.url);
  const path = last([...text.matchAll(PATH_RE)].map((m) => cleanValue(m[1] as string)).filter((p) => p.length > 1));
  return path;
}

function findTool(lower: string): string | null {
  for (const [tool, needles] of TOOLS) if (needles.some((n) => lower.includes(n))) return tool;
  return null;
}

function findProtocol(lower: string): Facts['protocol'] {
  const a = ANTHROPIC_SIGNS.filter((s) => lower.includes(s)).length;
  const o = OPENAI_SIGNS.filter((s) => lower.includes(s)).length;
  return a > o ? 'anthropic' : o > a ? 'openai' : null;
}

/** An extracted id or URL as one line of data, capped (see oneLine); null when nothing is left. */
const asData = (v: string | null, max: number): string | null => (v === null ? null : oneLine(v, max) || null);

/**
 * Everything the text says about the failure. `text` is the scan window, `lower` its lower-case
 * form; `knownClasses` are the lower-cased exception names the knowledge base knows. Every fact
 * taken from the text is one line, capped: it is shown as data, never as a line of its own.
 */
export function extractFacts(text: string, lower: string, knownClasses: ReadonlySet<string>): Facts & { statusStrength: number } {
  const status = findStatus(text);
  return {
    status: status?.status ?? null,
    statusStrength: status?.strength ?? 0,
    errorType: asData(findErrorType(text), OUTSIDE_MAX.id),
    errorCode: asData(findErrorCode(text), OUTSIDE_MAX.id),
    errorClass: asData(findErrorClass(text, knownClasses), OUTSIDE_MAX.id),
    message: findMessage(text),
    requestId: findRequestId(text),
    model: asData(findModel(text), OUTSIDE_MAX.id),
    url: asData(findUrl(text), OUTSIDE_MAX.url),
    tool: findTool(lower),
    protocol: findProtocol(lower),
  };
}
