import { CHECKS } from '../../lang/en/checks.js';
import { language, messages, num } from '../../lang/t.js';
import { looksLikeKey } from '../../core/keys.js';
import { collapseRepeatedSegment, withoutTrailing } from '../../core/text.js';
import { API_HOST, DOCUMENTED_PATH, DOMAIN, RUAPI_BASE_URL } from '../../core/ruapi.js';
import type { Protocol } from '../../core/finding.js';
import { isLoopback } from '../../core/hosts.js';
import { editDistance } from '../../core/edit-distance.js';

const t = messages(CHECKS);

export type HostKind =
  | { kind: 'ruapi' }
  | { kind: 'ruapi-bare' }
  | { kind: 'ruapi-other'; host: string }
  | { kind: 'typo'; host: string }
  | { kind: 'provider'; host: string; provider: string }
  | { kind: 'loopback'; host: string }
  | { kind: 'other'; host: string };

export type PathIssue =
  | { kind: 'endpoint'; endpoint: string }
  | { kind: 'double-v1' }
  | { kind: 'missing-v1' }
  | { kind: 'extra-v1' }
  | { kind: 'path'; path: string };

/** A base URL taken apart once; every base-url check reads this. */
export interface UrlAnalysis {
  raw: string;
  /** Why the value cannot be used as it is (or, as a warning, only with some tools). */
  invalid?: { reason: string; severity: 'error' | 'warning' };
  /** The URL as the SDKs would parse it, after the repairs `corrected` needs (scheme, quotes). */
  url?: URL;
  host?: HostKind;
  path?: PathIssue;
  /** The path ends in more than one slash: the SDKs keep `//` and the gateway sees another path. */
  doubleSlash: boolean;
  /** The whole value corrected for this protocol: what every base-url finding proposes. */
  corrected: string;
}

const PROVIDERS: Record<string, string> = {
  'api.openai.com': 'OpenAI',
  'api.anthropic.com': 'Anthropic',
  'openrouter.ai': 'OpenRouter',
  'generativelanguage.googleapis.com': 'Google Gemini',
  'api.groq.com': 'Groq',
  'api.x.ai': 'xAI',
  'api.deepseek.com': 'DeepSeek',
  'api.mistral.ai': 'Mistral',
  'api.perplexity.ai': 'Perplexity',
  'api.together.xyz': 'Together AI',
};

/** The provider whose own API host this is (`api.openai.com` → OpenAI), if it is one. */
export const providerOfHost = (host: string): string | undefined => PROVIDERS[host.toLowerCase().replace(/\.$/, '')];

/**
 * Longer than any base URL (RuAPI's is 23 characters; browsers and proxies cap whole URLs near
 * 2 KB): such a value is something else pasted in, and is not taken apart at all, so that no check
 * spends time on a megabyte of it.
 */
export const MAX_BASE_URL_LENGTH = 2048;

/** A length as the language writes it: English has always grouped these with commas (2,048). */
const count = (n: number): string => (language() === 'en' ? n.toLocaleString('en-US') : num(n));

const ENDPOINT = /(\/v1)?\/(chat\/completions|completions|messages\/count_tokens|messages|responses|embeddings|models)$/i;

/** `holdsKey`: the value holds the configured key. Nothing of it is then analysed or echoed. */
export function analyzeUrl(raw: string, protocol: Protocol, opts: { holdsKey?: boolean } = {}): UrlAnalysis {
  let text = raw.trim();
  let invalid: UrlAnalysis['invalid'];
  const fail = (reason: string) => (invalid ??= { reason, severity: 'error' });
  const keyShaped = looksLikeKey(text) && !/^https?:\/\/[^/]*\.[a-z]/i.test(text);
  if (opts.holdsKey || keyShaped) {
    const reason = keyShaped ? t('base-url/reason.key-shaped') : t('base-url/reason.holds-key');
    return { raw, invalid: { reason, severity: 'error' }, doubleSlash: false, corrected: RUAPI_BASE_URL[protocol] };
  }
  if (raw.length > MAX_BASE_URL_LENGTH) {
    // Cut by slicing, never half of a surrogate pair: shorten() would split a megabyte into characters first.
    const glimpse = `${text.slice(0, 30).replace(/[\uD800-\uDBFF]$/, '')}…${text.slice(-30).replace(/^[\uDC00-\uDFFF]/, '')}`;
    const reason = t('base-url/reason.too-long', { n: raw.length, count: count(raw.length), glimpse, max: count(MAX_BASE_URL_LENGTH) });
    return { raw, invalid: { reason, severity: 'error' }, doubleSlash: false, corrected: RUAPI_BASE_URL[protocol] };
  }

  if (/^["'`\u201c\u2018].*["'`\u201d\u2019]$/.test(text) && text.length > 2) {
    fail(t('base-url/reason.quotes'));
    text = text.slice(1, -1).trim();
  }
  if (/\s/.test(text)) {
    fail(t('base-url/reason.space'));
    text = text.replace(/\s+/g, '');
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    fail(t('base-url/reason.no-scheme'));
    text = `https://${text.replace(/^\/+/, '')}`;
  }
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    fail(t('base-url/reason.unparsable'));
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(t('base-url/reason.scheme', { scheme: url.protocol.replace(/:$/, '') }));
    url = undefined;
  }
  if (!invalid && raw !== raw.trim()) {
    invalid = { reason: t('base-url/reason.around'), severity: 'warning' };
  }
  if (!url) return { raw, ...(invalid ? { invalid } : {}), doubleSlash: false, corrected: RUAPI_BASE_URL[protocol] };

  const host = classifyHost(url.hostname);
  const pathname = url.pathname;
  const trimmedPath = withoutTrailing(pathname, '/');
  const lower = trimmedPath.toLowerCase();
  const onRuapi = host.kind === 'ruapi' || host.kind === 'ruapi-bare' || host.kind === 'ruapi-other';
  let path: PathIssue | undefined;
  const endpoint = ENDPOINT.exec(trimmedPath);
  if (endpoint) path = { kind: 'endpoint', endpoint: endpoint[0] };
  else if (/\/v1\/v1(\/|$)/.test(lower)) path = { kind: 'double-v1' };
  else if (protocol === 'openai' && lower === '') path = { kind: 'missing-v1' };
  else if (protocol === 'anthropic' && lower.endsWith('/v1')) path = { kind: 'extra-v1' };
  else if (onRuapi && lower !== DOCUMENTED_PATH[protocol]) path = { kind: 'path', path: trimmedPath };

  return {
    raw,
    ...(invalid ? { invalid } : {}),
    url,
    host,
    ...(path ? { path } : {}),
    doubleSlash: /\/\/$/.test(pathname),
    corrected: correct(url, host, protocol),
  };
}

function classifyHost(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === API_HOST) return { kind: 'ruapi' };
  if (host === DOMAIN) return { kind: 'ruapi-bare' };
  if (host.endsWith(`.${DOMAIN}`)) return { kind: 'ruapi-other', host };
  if (isLoopback(host)) return { kind: 'loopback', host };
  const provider = PROVIDERS[host] ?? (host.endsWith('.openai.azure.com') ? 'Azure OpenAI' : undefined);
  if (provider) return { kind: 'provider', host, provider };
  const bare = host.replace(/^www\./, '');
  if (host.includes('ruapi') || near(host, API_HOST) || near(bare, DOMAIN)) return { kind: 'typo', host };
  return { kind: 'other', host };
}

/** The value with every problem fixed: RuAPI's documented URL, or the same proxy with the right path. */
function correct(url: URL, host: HostKind, protocol: Protocol): string {
  if (host.kind !== 'loopback' && host.kind !== 'other') return RUAPI_BASE_URL[protocol];
  let p = withoutTrailing(url.pathname, '/');
  p = p.replace(ENDPOINT, '');
  p = collapseRepeatedSegment(p, 'v1');
  p = withoutTrailing(p, '/').replace(/\/v1$/i, '');
  const scheme = host.kind === 'loopback' ? url.protocol : 'https:';
  return `${scheme}//${url.host}${p}${DOCUMENTED_PATH[protocol]}`;
}

/** Within two edits of `target`, but not equal to it. */
const near = (a: string, target: string) => a !== target && editDistance(a, target, 2) <= 2;
