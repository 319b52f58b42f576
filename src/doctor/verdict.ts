import { EXIT } from '../core/exit.js';
import type { Finding } from '../core/finding.js';
import type { LiveReport, LiveStep, Unproven, Verdict } from '../core/result.js';
import { t } from './words.js';

/**
 * The one answer a run ends in. `ready` only when a real request proved key, model and balance
 * (or the user asked for `--offline`); `problems` when something is wrong with the set-up;
 * `unverified` when nothing is wrong but something could not be proven. The exit code follows.
 */

/** The links a verdict of `ready` needs proven: the base URL's answer, the key, the model, the balance. */
const PROOF_STEPS: ReadonlyArray<LiveStep['id']> = ['http', 'auth', 'model', 'balance'];

/** Findings that say the gateway is busy or slow right now: try again later (exit 75). */
const TRANSIENT: ReadonlySet<string> = new Set(['live/429', 'live/5xx', 'live/timeout']);

export interface Judgement {
  verdict: Verdict;
  unverified: Unproven[];
  exitCode: number;
}

export interface JudgeOptions {
  offline: boolean;
  /** False with --no-probe: what only the probe proves is then unproven by the user's choice. */
  probe: boolean;
  strict: boolean;
}

export function judge(findings: readonly Finding[], live: readonly LiveReport[], opts: JudgeOptions): Judgement {
  // Under --strict a warning fails the run, except the ones that only say "try again later".
  const failing = findings.filter((f) => f.severity === 'error' || (opts.strict && f.severity === 'warning' && !TRANSIENT.has(f.id)));
  if (failing.length > 0) return { verdict: 'problems', unverified: [], exitCode: EXIT.problem };
  if (opts.offline) return { verdict: 'ready', unverified: [], exitCode: EXIT.ok };
  const unverified = live.flatMap((report) => unprovenSteps(report, findings, opts.probe));
  if (unverified.length === 0) return { verdict: 'ready', unverified, exitCode: EXIT.ok };
  const exitCode = unverified.some((u) => u.kind === 'transient')
    ? EXIT.tempfail
    : opts.strict && unverified.some((u) => u.kind === 'lasting')
      ? EXIT.problem
      : EXIT.ok;
  return { verdict: 'unverified', unverified, exitCode };
}

/** Each link a `ready` needs that did not pass, with why, in the words of what stopped it. */
function unprovenSteps(report: LiveReport, findings: readonly Finding[], probe: boolean): Unproven[] {
  const mine = findings.filter((f) => f.protocol === report.protocol);
  const stepFinding = (id: string) => mine.find((f) => f.data?.step === id && f.severity !== 'info');
  const out: Unproven[] = [];
  for (const step of report.steps) {
    const needed = PROOF_STEPS.includes(step.id) || (step.id === 'stream' && step.blockedBy !== undefined);
    if (!needed || step.status === 'ok' || step.status === 'fail') continue;
    let cause: Finding | undefined;
    if (step.status === 'warn') cause = stepFinding(step.id);
    else if (step.blockedBy) cause = report.steps.some((s) => s.id === step.blockedBy) ? stepFinding(step.blockedBy) : mine.find((f) => f.id === step.blockedBy);
    const kind = cause ? (TRANSIENT.has(cause.id) ? 'transient' : 'lasting') : probe ? 'lasting' : 'chosen';
    const reason = cause?.title ?? (probe ? (step.detail ?? t('doctor.unproven.not-checked')) : t('doctor.unproven.no-probe'));
    out.push({ step: step.id, protocol: report.protocol, reason, kind });
  }
  return out;
}
