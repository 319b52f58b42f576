import type { DoctorResult } from '../core/result.js';

/** `--json`: the result as documented in README, and nothing else. Keys are already redacted in it. */
export function renderJson(result: DoctorResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
