import { scrubKeys } from '../core/redact.js';
import { ENTRIES } from './entries/index.js';
import { extractFacts, scanWindow } from './facts.js';
import { codeFor, fillSays, toMatch, variantOf } from './match.js';
import { PATTERNS } from './patterns/index.js';
import { headerRequestIds } from './request-id.js';
import type { Cause, Explanation, Facts, KnowledgeEntry, Match, MatchDetails } from './types.js';

/*
 * The reader of pasted or observed error text: the facts it holds (src/knowledge/facts.ts), scored
 * against each entry's clues (src/knowledge/patterns/). A looked-up code never needs any of this, so
 * the build keeps it in its own chunk, loaded on the first text read (scripts/build.mjs, LAZY_CHUNKS).
 */

/** A text matches an entry only with at least this much evidence (a bare "HTTP 404" is enough). */
const MIN_SCORE = 6;
/** Runner-up matches are listed only when their evidence comes close to the best one's. */
const RUNNER_UP_RATIO = 0.6;
/** An identifier-like name (`insufficient_quota`, `RateLimitError`, `ECONNREFUSED`) found as a word. */
const NAME_WEIGHT = 8;
const CAUSES: readonly Cause[] = ['model-id', 'base-url'];
/** An answer that names the model its request asked for points at the model id, as `model_not_found` does. */
const NAMED_MODEL_WEIGHT = 10;
/** A second reading left open by the deciding clue is weighed as this share of the best one's evidence. */
const SECOND_READING_SHARE = 0.4;

/** Names that are identifiers, not plain words: only these count as clues in pasted text. */
function isIdentifier(name: string): boolean {
  return /^\w+$/.test(name) && (name.includes('_') || /[a-z][A-Z]/.test(name) || /^[A-Z][A-Z0-9]{3,}$/.test(name));
}

let knownClasses: ReadonlySet<string> | undefined;
/** The lower-cased identifier names the entries know; built on the first text read (a looked-up code never needs them). */
function knownClassNames(): ReadonlySet<string> {
  knownClasses ??= new Set(
    ENTRIES.flatMap((e) => [...e.names, ...Object.values(e.variants ?? {}).flatMap((v) => v.names ?? [])])
      .filter(isIdentifier)
      .map((n) => n.toLowerCase()),
  );
  return knownClasses;
}

/** How far before a clue its `near` text may start (Pattern.near). */
const NEAR_CHARS = 80;

/**
 * Where `needle` occurs in `haystack`; with `word`, only where no word character touches it; with
 * `near`, only where that text occurs in the NEAR_CHARS characters before it. Each occurrence costs
 * a bounded amount of work, so the whole scan stays linear.
 */
function contains(haystack: string, needle: string, word: boolean, near?: string): boolean {
  if (!word && !near) return haystack.includes(needle);
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    if (word && (isWordChar(haystack.charCodeAt(i - 1)) || isWordChar(haystack.charCodeAt(i + needle.length)))) continue;
    if (near && !haystack.slice(Math.max(0, i - NEAR_CHARS), i).includes(near)) continue;
    return true;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

interface Scored {
  entry: KnowledgeEntry;
  score: number;
  causeScore: Record<Cause, number>;
  /** The strongest clue that came with a sentence for the user. */
  says: { weight: number; text: string } | null;
  /** The strongest clue that leaves another entry open (Pattern.second). */
  second: { weight: number; id: string } | null;
}

function addClue(s: Scored, weight: number, cause: Cause | undefined, says: string | undefined, second?: string): void {
  s.score += weight;
  if (cause) s.causeScore[cause] += weight;
  if (says && (!s.says || weight > s.says.weight)) s.says = { weight, text: says };
  if (second && (!s.second || weight > s.second.weight)) s.second = { weight, id: second };
}

/** Evidence that is not a plain substring: the URL the request went to. */
function urlClues(s: Scored, facts: Facts): void {
  // Only where the text already points at a 404: many working endpoints have such paths too.
  if (s.entry.code !== '404' || !facts.url || s.score === 0) return;
  const path = facts.url.replace(/^https?:\/\/[^/]+/i, '');
  if (/^\/v1\/v1\//.test(path) || /\/v1\/messages\/v1\//.test(path)) return; // the /v1/v1/ clue already counts
  if (/^\/(?:chat\/completions|completions|embeddings|responses|models|messages)\b/.test(path)) {
    addClue(s, 12, 'base-url', 'The request went to {url}, without /v1: this client expects a base URL that ends in /v1 (for RuAPI, https://www.ruapi.ai/v1).');
  } else if (/\/chat\/completions\/|\/v1\/messages\/|\/messages\/messages\b/.test(path)) {
    addClue(s, 10, 'base-url', 'The path {url} has an endpoint pasted into the base URL: set the base URL only (https://www.ruapi.ai/v1 or https://www.ruapi.ai).');
  }
}

function score(entry: KnowledgeEntry, lower: string, facts: Facts & { statusStrength: number }, model: string | undefined): Scored {
  const s: Scored = { entry, score: 0, causeScore: { 'model-id': 0, 'base-url': 0 }, says: null, second: null };
  // Only the cause: naming a model does not make an answer a 404.
  if (model && entry.variants && lower.includes(model.toLowerCase())) s.causeScore['model-id'] += NAMED_MODEL_WEIGHT;
  if (facts.status !== null && entry.statuses.includes(facts.status)) s.score += facts.statusStrength;
  for (const name of entry.names) if (isIdentifier(name) && contains(lower, name.toLowerCase(), true)) addClue(s, NAME_WEIGHT, undefined, undefined);
  for (const cause of CAUSES) {
    for (const name of variantOf(entry, cause)?.names ?? []) {
      if (isIdentifier(name) && contains(lower, name.toLowerCase(), true)) addClue(s, NAME_WEIGHT, cause, undefined);
    }
  }
  for (const p of PATTERNS[entry.id] ?? []) if (contains(lower, p.text, p.word ?? false, p.near)) addClue(s, p.weight, p.cause, p.says, p.second);
  urlClues(s, facts);
  return s;
}

/**
 * Which cause the clues point at. A 404 that never mentions a model is about the path: a model
 * that does not exist is always named or at least called "model" in the answer.
 */
function causeOf(s: Scored, lower: string): Cause | null {
  if (!s.entry.variants) return null;
  const { 'model-id': model, 'base-url': base } = s.causeScore;
  if (model !== base) return model > base ? 'model-id' : 'base-url';
  if (!contains(lower, 'model', true) && !lower.includes('模型')) {
    s.says ??= { weight: 0, text: 'The answer does not mention a model, so the path is the likely problem: check the base URL for your protocol.' };
    return 'base-url';
  }
  return null;
}

function reasonFor(s: Scored, cause: Cause | null, facts: Facts): string {
  if (s.says) return fillSays(s.says.text, facts);
  const variant = variantOf(s.entry, cause);
  return (variant?.causes ?? s.entry.causes)[0] as string;
}

/** What is known about a text besides the text itself: set for a gateway's answer the doctor saw. */
interface Given {
  status?: number;
  requestId?: string;
  /** The model the request asked for. */
  model?: string;
  /** The entries that may match (all of them unless set). */
  entries?: readonly KnowledgeEntry[];
}

function analyse(text: string, given?: Given): Explanation {
  const window = scanWindow(text);
  const lower = window.toLowerCase();
  const found = extractFacts(window, lower, knownClassNames());
  if (given?.status !== undefined && given.status >= 400) {
    found.status = given.status;
    found.statusStrength = 11;
  }
  if (given?.requestId) found.requestId = given.requestId;
  const { statusStrength: _strength, ...facts } = found;

  const entries = given?.entries ?? ENTRIES;
  const scored = entries
    .map((e) => score(e, lower, found, given?.model))
    .filter((s) => s.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score);
  const top = scored[0];
  const kept = top ? scored.filter((s) => s === top || s.score >= top.score * RUNNER_UP_RATIO) : [];
  const open = top?.second && !kept.some((s) => s.entry.id === top.second?.id) && entries.find((e) => e.id === top.second?.id);
  // A reading the deciding clue leaves open counts at least as "possible", whatever else the text holds.
  if (top && open) kept.push({ ...score(open, lower, found, given?.model), score: Math.max(top.score * SECOND_READING_SHARE, 1) });
  const total = kept.reduce((sum, s) => sum + s.score, 0);

  const details: MatchDetails = {
    status: facts.status,
    requestId: facts.requestId ? scrubKeys(facts.requestId) : null,
    model: facts.model ? scrubKeys(facts.model) : null,
    url: facts.url,
    errorType: facts.errorCode ?? facts.errorType ?? facts.errorClass,
  };
  const matches: Match[] = [];
  const reasons: string[] = [];
  const said: Array<string | null> = [];
  for (const s of kept) {
    const cause = causeOf(s, lower);
    matches.push({ ...toMatch(s.entry, cause, { ...details }, codeFor(s.entry, facts)), likelihood: Math.round((100 * s.score) / total) / 100 });
    reasons.push(reasonFor(s, cause, facts));
    said.push(s.says?.text ?? null);
  }
  return { matches, facts, reasons, said, ambiguous: matches.length > 1 };
}

/**
 * Explains pasted error output of any shape (SDK tracebacks, JSON bodies, `curl -i`, logs, HTML
 * pages). Reads at most the first 64 KB and the last 448 KB; linear in the input's size.
 */
export function explainText(text: string): Explanation {
  return analyse(text);
}

/** What the gateway answered (or how the connection failed), as the doctor's live checks see it. */
export interface ObservedResponse {
  status?: number;
  body?: string;
  headers?: Record<string, string | string[] | undefined>;
  error?: { code?: string; message?: string };
}

/**
 * Classifies a live answer with the same knowledge as `explain`: a 2xx with a normal body yields [],
 * an error status, an error event in a stream, or a network error yields the matching entries.
 */
export function classifyResponse(r: ObservedResponse): Match[] {
  const ok = r.status !== undefined && r.status < 400;
  if (ok && !r.error && !/"error"\s{0,3}:|event:\s{0,3}error/.test(r.body ?? '')) return [];
  const requestId = headerRequestIds(r.headers)[0];
  const parts: string[] = [];
  if (r.error) parts.push(`${r.error.code ?? ''} ${r.error.message ?? ''}`);
  if (r.body) parts.push(r.body);
  const given: { status?: number; requestId?: string } = {};
  if (r.status !== undefined) given.status = r.status;
  if (requestId) given.requestId = requestId;
  return analyse(parts.join('\n'), given).matches;
}

/** The entries a gateway's answer can be about: the HTTP ones (a network failure never got an answer). */
const HTTP_ENTRIES: readonly KnowledgeEntry[] = ENTRIES.filter((e) => e.statuses.length > 0);

/** The knowledge base's verdict on one error answer. */
export interface AnswerJudgement {
  entry: KnowledgeEntry;
  /** For an entry with variants (the 404), always decided; null for the others. */
  cause: Cause | null;
  /** The entry as `explain` shows it: title and steps of the cause, the facts found. */
  match: Match;
}

/**
 * The judge of a gateway's error answer, for the doctor's live checks: the scoring `explain` uses
 * on pasted text, given what only an observed answer adds (its status for certain, its request-id
 * headers, the model the request named), among the entries an answer can be about. So a 429 with
 * `insufficient_quota` is out-of-balance in both, and a 404 is about the model id or the base URL
 * in both. Undefined below 400, or when no entry fits (a 418).
 */
export function judgeAnswer(answer: { status: number; body: string; headers?: ObservedResponse['headers'] }, hints: { model?: string } = {}): AnswerJudgement | undefined {
  if (answer.status < 400) return undefined;
  const requestId = headerRequestIds(answer.headers)[0];
  const given: Given = { status: answer.status, entries: HTTP_ENTRIES, ...(requestId ? { requestId } : {}), ...(hints.model ? { model: hints.model } : {}) };
  const top = analyse(answer.body, given).matches[0];
  const entry = top && ENTRIES.find((e) => e.id === top.id);
  if (!top || !entry) return undefined;
  // The matcher leaves the cause open when the text mentions a model but says nothing more. From
  // the gateway, such a 404 is the answer to a request for that model: the model id.
  const cause = entry.variants ? (top.cause ?? 'model-id') : null;
  return { entry, cause, match: cause === top.cause ? top : toMatch(entry, cause, top.details, top.code) };
}
