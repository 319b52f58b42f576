import type { Finding } from '../core/finding.js';
import type { DoctorResult, LiveStep } from '../core/result.js';
import { andList } from '../core/text.js';
import { REPORT } from '../lang/en/report.js';
import { messages } from '../lang/t.js';

const t = messages(REPORT);

export function counts(findings: readonly Finding[]): { errors: number; warnings: number } {
  return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
}

/** "2 problems, 1 warning." / "No problems found." */
export function summaryLine({ errors, warnings }: { errors: number; warnings: number }): string {
  const problems = t('report.count.problems', { n: errors });
  const warned = t('report.count.warnings', { n: warnings });
  if (errors === 0) return warnings === 0 ? t('report.summary.none') : t('report.summary.warnings', { warnings: warned });
  return warnings === 0 ? t('report.summary.problems', { problems }) : t('report.summary.both', { problems, warnings: warned });
}


/** A time as the reports write it: core/text.ts duration, the one time format of every output. */
export { duration as millis } from '../core/text.js';

/** How the verdict line looks: its mark, and what it says. */
export interface VerdictLine {
  mark: 'pass' | 'warning' | 'error';
  text: string;
}

/** A finding title inside a sentence: "Rate limited …" → "rate limited …", "DNS …" stays (Russian titles likewise). */
const inSentence = (s: string) => (/^([A-Z][a-z]|[А-ЯЁ][а-яё])/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s).replace(/[.\s]+$/, '');


/**
 * The run's last line, the same in every format: the verdict and, for `unverified`, what was not
 * proven and why ("key, model and balance not proven: rate limited (429) on all 5 tries").
 */
export function verdictLine(result: Pick<DoctorResult, 'verdict' | 'unverified' | 'findings' | 'configs'>, opts: { strict?: boolean; offline?: boolean }): VerdictLine {
  const n = counts(result.findings);
  const warned = { n: n.warnings };
  if (result.verdict === 'problems') {
    if (n.errors === 0) return { mark: 'error', text: t('report.verdict.strict', warned) };
    return { mark: 'error', text: summaryLine(n) };
  }
  if (result.verdict === 'ready') {
    if (opts.offline) return { mark: 'pass', text: n.warnings > 0 ? t('report.verdict.offline.warnings', warned) : t('report.verdict.offline') };
    return { mark: 'pass', text: n.warnings > 0 ? t('report.verdict.ready.warnings', warned) : t('report.verdict.ready') };
  }
  const protocols = new Set(result.unverified.map((u) => u.protocol)).size > 1;
  const byReason = new Map<string, string[]>();
  for (const u of result.unverified) {
    const step = Object.hasOwn(STEP_NAME, u.step) ? t(STEP_NAME[u.step as LiveStep['id']]) : u.step;
    const name = protocols ? t('report.verdict.step-of', { protocol: PROTOCOL_SHORT[u.protocol], step }) : step;
    const reason = inSentence(u.reason);
    byReason.set(reason, [...(byReason.get(reason) ?? []), name]);
  }
  const why = [...byReason].map(([reason, names]) => t('report.verdict.not-proven', { names: andList(names), reason })).join('; ');
  const next = result.unverified.some((u) => u.kind === 'transient')
    ? t('report.verdict.next.transient')
    : result.unverified.every((u) => u.kind === 'chosen')
      ? t('report.verdict.next.no-probe', { n: result.unverified.length })
      : opts.strict
        ? t('report.verdict.next.strict')
        : '';
  const text = n.warnings > 0 ? t('report.verdict.unverified.warnings', { n: n.warnings, why }) : t('report.verdict.unverified', { why });
  return { mark: 'warning', text: next ? `${text} ${next}` : text };
}

/** What each live step proves, as the verdict line names it. */
const STEP_NAME: Record<LiveStep['id'], keyof typeof REPORT> = {
  dns: 'report.step.dns',
  connect: 'report.step.connect',
  tls: 'report.step.tls',
  http: 'report.step.http',
  auth: 'report.step.auth',
  model: 'report.step.model',
  balance: 'report.step.balance',
  probe: 'report.step.probe',
  stream: 'report.step.stream',
};

const PROTOCOL_SHORT = { openai: 'OpenAI', anthropic: 'Anthropic' } as const;
