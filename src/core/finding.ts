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

/**
 * The corrected value a finding proposes, as `finding.data.fix`: a base URL or a model id, or for
 * the key only the field (the cleaned key is worked out from the configured one when needed, and
 * never goes into a finding).
 */
export type SuggestedFix = { field: 'baseUrl' | 'model'; value: string } | { field: 'key' };

/** A finding's `data.fix`, when it has a well-formed one. */
export function suggestedFix(data: Record<string, unknown> | undefined): SuggestedFix | undefined {
  const fix = data?.fix as { field?: unknown; value?: unknown } | undefined;
  if (!fix || typeof fix !== 'object') return undefined;
  if (fix.field === 'key') return { field: 'key' };
  if ((fix.field === 'baseUrl' || fix.field === 'model') && typeof fix.value === 'string' && fix.value.trim()) return { field: fix.field, value: fix.value };
  return undefined;
}
