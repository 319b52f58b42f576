/**
 * The knowledge base's data model: one entry per failure a RuAPI user meets, and what the matcher
 * returns. `ruapi explain` and the doctor's live checks both speak these types.
 */

/** The code an entry is known by: an HTTP status, a status class, or a network failure. */
export type EntryCode = '400' | '401' | '402' | '403' | '404' | '413' | '429' | '5xx' | 'timeout' | 'refused' | 'dns' | 'tls';

/** Why a 404 happened: a model id RuAPI does not serve, or a base URL that leads to a wrong path. */
export type Cause = 'model-id' | 'base-url';

/**
 * A clue in pasted text that points at an entry (or at one of its causes). A clue is plain text,
 * found case-insensitively as a substring, never a regular expression: matching stays linear in the
 * size of the input whatever the input holds. Each clue is exercised by a fixture in
 * `fixtures/errors/` (a test checks this). An entry's clues live in `src/knowledge/patterns/`.
 */
export interface Pattern {
  /** Lower-case text to look for. */
  text: string;
  /**
   * How strongly the clue points at the entry. The HTTP status found in the text counts 10, so a
   * clue of 12 or more outweighs the status (429 + "exceeded your current quota" is a balance
   * problem), 6–10 is a good sign, 2–4 only tips a close call.
   */
  weight: number;
  /** For an entry with variants: the cause this clue points at. */
  cause?: Cause;
  /** Count the clue only as a whole word (no letter, digit or `_` right before or after it). */
  word?: boolean;
  /**
   * Count the clue only where this lower-case text also occurs in the NEAR_CHARS characters just
   * before it (`model '` before `' not found`). Still plain text: each check reads a bounded window.
   */
  near?: string;
  /**
   * The likely cause to show when this clue decided the match, in the project's words. `{url}` and
   * `{model}` are replaced by what was found in the text.
   */
  says?: string;
  /**
   * The id of another entry this clue leaves open: the text alone does not decide between them
   * (a "no available channel" 503 is the model id or a gateway-side outage). It is shown as the
   * second reading when the clue decided the match.
   */
  second?: string;
  /** Where the wording was seen: the fixture in fixtures/errors it was written for, or a gateway's source line. */
  source?: string;
}

/** The text for one cause of an entry that has several (the 404's model id vs base URL). */
export interface EntryVariant {
  /** One line: what happened. */
  title: string;
  /** Why it happens, most likely first. */
  causes: string[];
  /** Numbered steps, in order. */
  fix: string[];
  /** Error types/codes that point at this cause (e.g. `model_not_found`); also lookup aliases. */
  names?: string[];
}

/**
 * One failure the knowledge base can explain. One file per entry in `src/knowledge/entries/`; the
 * clues that recognise it in pasted text are in `src/knowledge/patterns/` (same file name).
 */
export interface KnowledgeEntry {
  /** Stable slug, e.g. `key-rejected`. Scripts and the doctor may key on it. */
  id: string;
  /** The code users look it up by; also the `code` in `--json` (5xx matches show the exact status). */
  code: EntryCode;
  /** HTTP statuses this entry explains (empty for network failures). */
  statuses: number[];
  /**
   * Lookup aliases: error types and codes (`insufficient_quota`, `overloaded_error`), SDK exception
   * classes (`RateLimitError`), errno codes (`ECONNREFUSED`) and plain words (`unauthorized`). Names that
   * are identifiers (with `_`, CamelCase or ALL-CAPS) also count as clues wherever they appear as a
   * whole word in pasted text.
   */
  names: string[];
  /** True when RuAPI's own support sheet covers this failure; false for entries we added. */
  fromSheet: boolean;
  /** One line: what happened. */
  title: string;
  /** Why it happens, most likely first. */
  causes: string[];
  /** Numbered steps, in order. */
  fix: string[];
  /** What to send to support and where to find it (Console → Logs, the request id). */
  support: string;
  /** Per-cause text, for an entry whose status has several unrelated causes (only the 404). */
  variants?: Record<Cause, EntryVariant>;
}

/**
 * The words of one entry in one language: what `explain` shows of it. The English entry is one
 * itself; another language's (src/knowledge/ru/) has one item per English item, in the same order,
 * so code may pair them by index.
 */
export interface EntryText {
  title: string;
  causes: string[];
  fix: string[];
  support: string;
  variants?: Partial<Record<Cause, { title: string; causes: string[]; fix: string[] }>>;
}

/** What was pulled out of the text, as shown in `--json` (`null` when not found). */
export interface MatchDetails {
  /** The HTTP status found in the text. */
  status: number | null;
  /** The request id (`x-request-id`, `request-id`, `request_id`, `req_…`, `(request id: …)`). */
  requestId: string | null;
  /** The model id named in the error or the request. */
  model: string | null;
  /** The URL or path the request went to. */
  url: string | null;
  /** The error type or code (`insufficient_quota`, `overloaded_error`, `ECONNREFUSED` …). */
  errorType: string | null;
}

/** One explanation, as printed by `ruapi explain --json` (best match first). */
export interface Match {
  /** The entry's code; for a 5xx, the exact status when known (`"502"`, `"529"`), else `"5xx"`. */
  code: string;
  /** For the 404: which cause the text points at, `null` when it does not say. */
  cause: Cause | null;
  /** The entry's id. */
  id: string;
  /** One line: what happened (the cause's title when the cause is known). */
  title: string;
  /** Numbered steps (the cause's steps when the cause is known). */
  fix: string[];
  details: MatchDetails;
  /**
   * For pasted or observed text: this reading's share of the evidence among the readings shown
   * (0–1, best first). Absent on a looked-up code.
   */
  likelihood?: number;
}

/** Everything pulled out of a pasted error, whether or not it matched an entry. */
export interface Facts {
  /** The HTTP status, read only where the text says it is one (never from ids, counts, ports or dates). */
  status: number | null;
  /** The error `type` of a JSON error body (`rate_limit_error`, `insufficient_quota` …). */
  errorType: string | null;
  /** The error `code` of a JSON error body, or an errno / undici code (`ECONNREFUSED`). */
  errorCode: string | null;
  /** The exception class, when the text names one (`RateLimitError`, `APITimeoutError`). */
  errorClass: string | null;
  /** The error message, shortened, keys redacted. */
  message: string | null;
  requestId: string | null;
  model: string | null;
  /** The URL the request went to (query string dropped), or just its path when only that is shown. */
  url: string | null;
  /** The SDK or tool that produced the text (`openai-python`, `anthropic-node`, `curl`, `litellm` …). */
  tool: string | null;
  /** The protocol the text is about, when it shows. */
  protocol: 'openai' | 'anthropic' | null;
}

/** The result of explaining a text: matches best first, the facts found, and a likely cause per match. */
export interface Explanation {
  matches: Match[];
  facts: Facts;
  /** For each match (same index): one line on why, given what was found. */
  reasons: string[];
  /** For each match: the clue's `says` the reason was made from (null: the entry's first cause), to say it in another language. */
  said?: Array<string | null>;
  /** True when the text allows more than one reading: the matches are then ranked readings, most likely first. */
  ambiguous: boolean;
}
