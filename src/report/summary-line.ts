import { plural } from '../checks/text.js';
import type { Finding } from '../core/finding.js';

export function counts(findings: readonly Finding[]): { errors: number; warnings: number } {
  return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
}

/** "2 problems, 1 warning." / "No problems found." */
export function summaryLine({ errors, warnings }: { errors: number; warnings: number }): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, 'problem'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  if (errors === 0) parts.unshift('No problems');
  return errors === 0 && warnings === 0 ? 'No problems found.' : `${parts.join(', ')}.`;
}

/** A time as the reports write it (the spinners' formatMs in src/ui/spinner.ts switches to seconds). */
export const millis = (ms: number): string => `${Math.round(ms)} ms`;
