import type { Cause } from '../knowledge/index.js';

/**
 * What `ruapi explain` says around the knowledge base's own text, in one language: the headings
 * and the lines between them. One table per language; English is here, Russian in
 * src/knowledge/ru/ (loaded only when Russian is chosen). A test checks both have every word.
 */
export interface ExplainWords {
  cause: Record<Cause, string>;
  twoCauses: string;
  causeHeading: string; // "Cause {n}: {cause} — {title}"
  why: string;
  whatToDo: string;
  support: string;
  notOnSheet: string;
  ambiguous: string;
  likelyCause: string;
  causeOpen: string;
  foundInText: string;
  found: Record<'status' | 'error' | 'message' | 'model' | 'url' | 'requestId' | 'from', string>;
  quoteRequestId: string; // "{id}"
  secondReading: string;
  alsoPossible: string;
  noEntry: string;
  noMatch: string;
  knownCodes: string; // "{codes}"
  tryCode: string;
  pasteWhole: string;
  /** What a clue's `{url}` and `{model}` say when the text gave neither. */
  none: { url: string; model: string };
}

export const EN_WORDS: ExplainWords = {
  cause: { 'model-id': 'model id', 'base-url': 'base URL' },
  twoCauses: 'Two different causes give this same error; check both.',
  causeHeading: 'Cause {n}: {cause} — {title}',
  why: 'Why it happens',
  whatToDo: 'What to do',
  support: 'Support',
  notOnSheet: "(Not on RuAPI's support sheet: added by ruapi from what users commonly hit.)",
  ambiguous: 'The text alone allows more than one reading; the most likely comes first.',
  likelyCause: 'Likely cause:',
  causeOpen: 'The text does not say which of its two causes it is: check both.',
  foundInText: 'Found in the text',
  found: { status: 'status', error: 'error', message: 'message', model: 'model', url: 'url', requestId: 'request id', from: 'from' },
  quoteRequestId: 'Quote request id {id} when you write to support (support@ruapi.ai): Console → Logs shows the full error for it.',
  secondReading: 'Second reading',
  alsoPossible: 'Also possible',
  noEntry: 'ruapi has no entry for that code.',
  noMatch: 'Nothing in this text matches an error ruapi knows.',
  knownCodes: 'Known codes: {codes}.',
  tryCode: 'Try one of them (ruapi explain 429), or paste the whole error text.',
  pasteWhole: 'Paste the whole error, with the HTTP status and the response body if you have them, or look up a code (ruapi explain 429).',
  none: { url: 'that address', model: 'the model' },
};
