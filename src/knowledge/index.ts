import { ENTRIES } from './entries/index.js';
import { codeFor, EMPTY_DETAILS, REASONS, toMatch, variantOf } from './match.js';
import { explainText } from './text.js';
import type { Cause, Explanation, KnowledgeEntry, Match } from './types.js';

export { ENTRIES };
export { answerRequestIds } from './request-id.js';
export { classifyResponse, explainText, judgeAnswer, type AnswerJudgement, type ObservedResponse } from './text.js';
export type { Cause, EntryCode, EntryText, EntryVariant, Explanation, Facts, KnowledgeEntry, Match, MatchDetails, Pattern } from './types.js';

const CAUSES: readonly Cause[] = ['model-id', 'base-url'];

/** The label on each entry, for messages like "ruapi knows: 400 401 …". */
export const KNOWN_CODES: readonly string[] = ENTRIES.map((e) => e.code);

/** The entries `ruapi explain network` lists: failures before any HTTP answer. */
const NETWORK_CODES: readonly string[] = ['refused', 'dns', 'tls'];

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/**
 * Looks up a short query: a status (`401`, `502`, `HTTP 404`, `404 Not Found`), a class (`5xx`, `4xx`),
 * `network` (refused, DNS, TLS), an entry code or id (`timeout`, `key-rejected`), or a name (`insufficient_quota`, `ECONNREFUSED`,
 * `model_not_found`). Returns [] when the query is not one of these.
 */
export function lookup(query: string): Match[] {
  if (query.length > 100 || query.includes('\n')) return [];
  let q = normalise(query).replace(/^(?:http(?:\/\d(?:\.\d)?)?|status(?: code)?|error(?: code)?|code)[: ]{1,3}/, '');
  // "404 Not Found" is a status; "404 Invalid URL (POST …)" is a message to read as text.
  const withReason = /^(\d{3}) (.{1,40})$/.exec(q);
  if (withReason && Object.entries(REASONS).some(([phrase, statuses]) => normalise(phrase) === withReason[2] && statuses.includes(Number(withReason[1])))) {
    q = withReason[1] as string;
  }
  const status = /^\d{3}$/.test(q) ? Number(q) : null;
  if (status !== null) {
    const entry = ENTRIES.find((e) => e.statuses.includes(status));
    return entry ? [toMatch(entry, null, { ...EMPTY_DETAILS, status }, codeFor(entry, { status, errorType: null, errorClass: null }))] : [];
  }
  if (q === 'network') return ENTRIES.filter((e) => NETWORK_CODES.includes(e.code)).map((e) => toMatch(e, null, { ...EMPTY_DETAILS }));
  const cls = /^([45])xx$/.exec(q);
  if (cls) {
    const lo = Number(cls[1]) * 100;
    const inClass = (e: KnowledgeEntry) => e.code === q || (/^\d{3}$/.test(e.code) && Number(e.code) >= lo && Number(e.code) < lo + 100);
    return ENTRIES.filter(inClass).map((e) => toMatch(e, null, { ...EMPTY_DETAILS }));
  }
  for (const entry of ENTRIES) {
    if (entry.code === q || normalise(entry.id) === q || entry.names.some((n) => normalise(n) === q)) {
      return [toMatch(entry, null, { ...EMPTY_DETAILS }, codeFor(entry, { status: null, errorType: q.replace(/ /g, '_'), errorClass: null }))];
    }
    for (const cause of CAUSES) {
      if (variantOf(entry, cause)?.names?.some((n) => normalise(n) === q)) return [toMatch(entry, cause, { ...EMPTY_DETAILS })];
    }
  }
  return [];
}

/** Whether the input was looked up as a code or name, or read as pasted error text. */
export type InputKind = 'code' | 'text';

/** `ruapi explain --json` and the API's `explain()`: the contract documented in README. */
export interface ExplainJson {
  /** Best match first; empty when nothing fits. */
  matches: Match[];
  input: { kind: InputKind };
  /** For pasted text: true when it allows more than one reading (the matches are then ranked, each with its `likelihood`). */
  ambiguous?: boolean;
}

const NO_FACTS: Explanation['facts'] = {
  status: null, errorType: null, errorCode: null, errorClass: null, message: null, requestId: null, model: null, url: null, tool: null, protocol: null,
};

/**
 * What `ruapi explain` does with its input: a short code or name (`401`, `5xx`,
 * `insufficient_quota`) is looked up; anything else is read as pasted error text.
 */
export function explainInput(text: string): { kind: InputKind; explanation: Explanation } {
  const trimmed = text.trim();
  const looked = lookup(trimmed);
  if (looked.length) return { kind: 'code', explanation: { matches: looked, facts: NO_FACTS, reasons: looked.map(() => ''), ambiguous: false } };
  const explanation = explainText(text);
  const kind: InputKind = explanation.matches.length === 0 && /^(?:\d{3}|\dxx)$/i.test(trimmed) ? 'code' : 'text';
  return { kind, explanation };
}
