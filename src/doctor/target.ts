import { analyzeUrl } from '../checks/base-url/analyze.js';
import { runChecks } from '../checks/index.js';
import modelRetired from '../checks/model/retired.js';
import modelRetiring from '../checks/model/retiring.js';
import modelUnknown from '../checks/model/unknown.js';
import type { TargetConfig } from '../config/types.js';
import type { Finding, Protocol } from '../core/finding.js';
import type { CheckResult, LiveReport } from '../core/result.js';
import type { LiveResult } from '../live/index.js';
import type { ModelList } from '../models/catalog.js';
import { BUNDLED_MODELS } from '../models/bundled.js';
import { isRetired } from '../models/lifecycle.js';
import { probeWins } from './proven.js';

/** One target's findings and checks once its live run (if any) has had its say. */
export interface FinishedTarget {
  findings: Finding[];
  checks: CheckResult[];
  report?: LiveReport;
  /** The gateway's own model ids, when it gave a list. */
  models?: string[];
}

/**
 * The offline findings of a target, revised by what its live run learnt: the gateway's model list
 * replaces the bundled one, a live 404 for the model replaces the offline guess, a successful probe
 * wins over "not listed", and the live findings and one check per live step join them.
 */
export function finishTarget(target: TargetConfig, offline: { findings: Finding[]; checks: CheckResult[] }, liveRun: LiveResult | undefined, now: Date): FinishedTarget {
  let { findings, checks } = offline;
  if (!liveRun) return { findings, checks };
  const gatewayList = liveRun.models && liveRun.models.length > 0 ? liveRun.models : undefined;
  // The gateway's own list replaces the bundled snapshot for the model check.
  if (gatewayList) ({ findings, checks } = recheckModel(target, { ids: gatewayList, source: 'gateway' }, offline, now));
  const liveFindings = liveRun.findings.map((f) => withLiveFix(f, target, now));
  ({ findings, checks } = preferLiveModel(findings, checks, liveFindings));
  const list: ModelList = gatewayList ? { ids: gatewayList, source: 'gateway' } : BUNDLED_MODELS;
  ({ findings, checks } = probeWins(target, liveRun.report, list, { findings, checks }));
  return {
    findings: [...findings, ...liveFindings],
    checks: [...checks, ...liveChecks(target.protocol, liveRun.report, liveFindings)],
    report: liveRun.report,
    ...(gatewayList ? { models: gatewayList } : {}),
  };
}

const MODEL_CHECKS = [modelUnknown, modelRetired, modelRetiring];
const MODEL_CHECK_IDS = new Set(MODEL_CHECKS.map((c) => c.id));

/** Re-runs the model checks against another list, keeping every other check's result. */
function recheckModel(target: TargetConfig, models: ModelList, offline: { findings: Finding[]; checks: CheckResult[] }, now: Date) {
  const again = runChecks(target, models, now, MODEL_CHECKS);
  return {
    findings: [...offline.findings.filter((f) => !MODEL_CHECK_IDS.has(f.id)), ...again.findings],
    checks: offline.checks.map((c) => again.checks.find((a) => a.id === c.id) ?? c),
  };
}

/**
 * When the gateway itself said it does not know the model, that is the finding to keep: the
 * offline guess about the same id is dropped, and its check points at the live finding.
 */
function preferLiveModel(findings: Finding[], checks: CheckResult[], live: Finding[]) {
  if (!live.some((f) => f.id === 'live/404-model')) return { findings, checks };
  return {
    findings: findings.filter((f) => f.id !== modelUnknown.id),
    checks: checks.map((c) => (c.id === modelUnknown.id && c.findings.length > 0 ? { ...c, findings: ['live/404-model'] } : c)),
  };
}

/**
 * The corrected value a live finding implies, as `data.fix` (see SuggestedFix): the closest model
 * id after a 404 for the model, the base URL without the /v1 mistake after a 404 for the path,
 * and the key after a 401 (its value is never in a finding).
 */
function withLiveFix(f: Finding, target: TargetConfig, now: Date): Finding {
  let fix: Record<string, string> | undefined;
  if (f.id === 'live/404-model') {
    // Never a fix to an id retired upstream, even one the gateway lists.
    const best = (f.data?.suggestions as unknown[] | undefined)?.find((s): s is string => typeof s === 'string' && !isRetired(s, now));
    if (best) fix = { field: 'model', value: best };
  } else if (f.id === 'live/404-url' && target.baseUrl) {
    const corrected = analyzeUrl(target.baseUrl.value, target.protocol).corrected;
    if (corrected !== target.baseUrl.value.trim()) fix = { field: 'baseUrl', value: corrected };
  } else if (f.id === 'live/401') fix = { field: 'key' };
  return fix ? { ...f, data: { ...f.data, fix } } : f;
}

/** One check per live step, so JUnit and step summaries show the chain. */
function liveChecks(protocol: Protocol, report: LiveReport, findings: Finding[]): CheckResult[] {
  return report.steps.map((step) => {
    const status = step.status === 'ok' ? 'pass' : step.status === 'fail' ? 'fail' : step.status === 'warn' ? 'warn' : 'skip';
    // src/live ties each finding to the link it failed or warned (data.step).
    const related = findings.filter((f) => f.data?.step === step.id).map((f) => f.id);
    const check: CheckResult = { id: `live/${step.id}`, protocol, title: step.label, status, findings: [...new Set(related)] };
    if (step.ms !== undefined) check.ms = step.ms;
    return check;
  });
}

