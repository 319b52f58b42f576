import { andList, plural } from '../checks/text.js';
import type { Finding } from '../core/finding.js';
import type { DoctorResult, LiveStep } from '../core/result.js';

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
export { duration as millis } from '../core/text.js';

/** How the verdict line looks: its mark, and what it says. */
export interface VerdictLine {
  mark: 'pass' | 'warning' | 'error';
  text: string;
}

/** A finding title inside a sentence: "Rate limited …" → "rate limited …", "DNS …" stays. */
const inSentence = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s).replace(/[.\s]+$/, '');


/**
 * The run's last line, the same in every format: the verdict and, for `unverified`, what was not
 * proven and why ("key, model and balance not proven: rate limited (429) on all 5 tries").
 */
export function verdictLine(result: Pick<DoctorResult, 'verdict' | 'unverified' | 'findings' | 'configs'>, opts: { strict?: boolean; offline?: boolean }): VerdictLine {
  const n = counts(result.findings);
  const warnings = n.warnings > 0 ? `, with ${plural(n.warnings, 'warning')} above` : '';
  if (result.verdict === 'problems') {
    if (n.errors === 0) return { mark: 'error', text: `${plural(n.warnings, 'warning')}, which fail${n.warnings === 1 ? 's' : ''} the run with --strict.` };
    return { mark: 'error', text: summaryLine(n) };
  }
  if (result.verdict === 'ready') {
    if (opts.offline) return { mark: 'pass', text: `Offline checks passed; the gateway was not asked${warnings}.` };
    return { mark: 'pass', text: `Ready: a real request proved the key, the model and the balance${warnings}.` };
  }
  const protocols = new Set(result.unverified.map((u) => u.protocol)).size > 1;
  const byReason = new Map<string, string[]>();
  for (const u of result.unverified) {
    const name = `${protocols ? `${PROTOCOL_SHORT[u.protocol]} ` : ''}${STEP_NAME[u.step as LiveStep['id']] ?? u.step}`;
    const reason = inSentence(u.reason);
    byReason.set(reason, [...(byReason.get(reason) ?? []), name]);
  }
  const why = [...byReason].map(([reason, names]) => `${andList(names)} not proven: ${reason}`).join('; ');
  const next = result.unverified.some((u) => u.kind === 'transient')
    ? ' Try again in a minute (exit code 75).'
    : result.unverified.every((u) => u.kind === 'chosen')
      ? ` Drop --no-probe to prove ${result.unverified.length === 1 ? 'it' : 'them'} with one tiny request.`
      : opts.strict
        ? ' With --strict, that fails the run.'
        : '';
  return { mark: 'warning', text: `Unverified${n.warnings > 0 ? ` (${plural(n.warnings, 'warning')})` : ''}: ${why}.${next}` };
}

/** What each live step proves, as the verdict line names it. */
const STEP_NAME: Record<LiveStep['id'], string> = {
  dns: 'DNS',
  connect: 'connection',
  tls: 'TLS',
  http: 'base URL',
  auth: 'key',
  model: 'model',
  balance: 'balance',
  probe: 'probe request',
  stream: 'streaming',
};

const PROTOCOL_SHORT = { openai: 'OpenAI', anthropic: 'Anthropic' } as const;
