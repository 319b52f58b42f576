import type { Finding } from '../core/finding.js';

export function counts(findings: readonly Finding[]): { errors: number; warnings: number } {
  return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
}

/** "2 problems, 1 warning." / "No problems found." */
export function summaryLine({ errors, warnings }: { errors: number; warnings: number }): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'problem' : 'problems'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  if (errors === 0) parts.unshift('No problems');
  return errors === 0 && warnings === 0 ? 'No problems found.' : `${parts.join(', ')}.`;
}
