import type { Cause, EntryVariant, Facts, KnowledgeEntry, Match, MatchDetails } from './types.js';

/*
 * What both readers of the knowledge base share: a looked-up code (src/knowledge/index.ts) and the
 * reader of pasted text (src/knowledge/text.ts) build their matches the same way.
 */

export const EMPTY_DETAILS: MatchDetails = { status: null, requestId: null, model: null, url: null, errorType: null };

/** HTTP reason phrases, lower-case, and the statuses they go with. */
export const REASONS: Record<string, number[]> = {
  'bad request': [400],
  unauthorized: [401],
  'payment required': [402],
  forbidden: [403],
  'not found': [404],
  'method not allowed': [405],
  'request timeout': [408],
  'request time-out': [408],
  'payload too large': [413],
  'request entity too large': [413],
  'content too large': [413],
  'unprocessable entity': [422],
  'too many requests': [429],
  'internal server error': [500],
  'bad gateway': [502],
  'service unavailable': [503],
  'gateway timeout': [504],
  'gateway time-out': [504],
  overloaded: [529],
};

export function variantOf(entry: KnowledgeEntry, cause: Cause | null): EntryVariant | null {
  return cause && entry.variants ? entry.variants[cause] : null;
}

export function toMatch(entry: KnowledgeEntry, cause: Cause | null, details: MatchDetails, code: string = entry.code): Match {
  const variant = variantOf(entry, cause);
  return { code, cause, id: entry.id, title: variant?.title ?? entry.title, fix: [...(variant?.fix ?? entry.fix)], details };
}

/** Server statuses shown as themselves; others (Cloudflare's 520–524 …) show as "5xx". */
const EXACT_5XX: readonly number[] = [500, 501, 502, 503, 504, 529];

/** A 5xx shows its exact status when standard; a named overload without a status is Anthropic's 529. */
export function codeFor(entry: KnowledgeEntry, facts: Pick<Facts, 'status' | 'errorType' | 'errorClass'>): string {
  if (entry.code !== '5xx') return entry.code;
  if (facts.status !== null && EXACT_5XX.includes(facts.status)) return String(facts.status);
  if (facts.errorType === 'overloaded_error' || facts.errorClass === 'OverloadedError') return '529';
  return '5xx';
}

/**
 * A clue's `says` with what the text gave filled in: `{url}`, and `{model}` (in backticks after a
 * space). Without them, the words of the output's language for "that address" and "the model".
 */
export function fillSays(template: string, facts: Pick<Facts, 'url' | 'model'>, none: { url: string; model: string } = { url: 'that address', model: 'the model' }): string {
  return template
    .replace(/\{url\}/g, facts.url ?? none.url)
    .replace(/ \{model\}/g, facts.model ? ` \`${facts.model}\`` : '')
    .replace(/\{model\}/g, facts.model ?? none.model);
}
