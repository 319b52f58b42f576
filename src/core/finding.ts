/** How bad a finding is. Only `error` fails the doctor (and `warning` with `--strict`). */
export type Severity = 'error' | 'warning' | 'info';

/** Which of RuAPI's two protocols a value or a check belongs to. */
export type Protocol = 'openai' | 'anthropic';

/**
 * One result of a check: what is wrong (or right), and what to do about it.
 * Findings are plain data; only renderers format them and only commands exit on them.
 */
export interface Finding {
  /** Stable id, `area/name` (e.g. `base-url/missing-v1`). Documented in README; scripts match on it. */
  id: string;
  severity: Severity;
  /** One line: what happened. */
  title: string;
  /** Why it matters, with the details found (never a whole key). */
  message: string;
  /** What to do next, in a form the user can copy. Empty when there is nothing to do. */
  fix: string;
  /** Where the bad value came from, e.g. "OPENAI_BASE_URL in .env, line 3". */
  source?: string;
  /** The protocol this finding is about, when it is about one. */
  protocol?: Protocol;
  /** Extra machine-readable facts (timings, request id, suggested value). */
  data?: Record<string, unknown>;
}

export const finding = (f: Finding): Finding => f;
