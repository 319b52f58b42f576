import type { TargetConfig } from '../config/types.js';
import { scrubDeep } from '../core/redact.js';
import { urlSecrets } from '../core/urls.js';
import type { LiveStep } from '../core/result.js';
import { ALL_STEPS, stepLabels, type StepId } from './chain.js';
import { offlineIdIn, openRun, sentKey, type LiveOptions } from './context.js';
import { crashedFinding } from './findings/safety.js';
import type { LiveLink } from './link.js';
import { LINKS } from './links/index.js';
import { finishRun } from './report.js';
import { runLinks } from './run.js';
import { t } from './words.js';

export { LIVE_FINDING_IDS, type LiveFindingId } from './ids.js';
export type { LiveOptions, LiveResult } from './types.js';
import type { LiveResult } from './types.js';
export type { LiveLink } from './link.js';


/** Runs the live chain for one target. `links` is the chain (./links/index.ts); tests pass their own. */
export async function runLiveChecks(target: TargetConfig, opts: LiveOptions, links: readonly LiveLink[] = LINKS): Promise<LiveResult> {
  /**
   * Removes the key from anything about to leave: whole (via the shared redaction), and any masked
   * echo a gateway makes of it (`Incorrect API key provided: sk-abc***…wxyz`), which still gives
   * away part of it; the secret parts of the base URL (user info, query values …) too.
   */
  const secrets = [target.key?.value, sentKey(target.key?.value), ...(target.baseUrl ? urlSecrets(target.baseUrl.value) : [])];
  const scrub = <T>(value: T): T => scrubDeep(value, secrets);
  // Step details reach spinners as they happen, before the report is scrubbed: scrub them too.
  const options: LiveOptions = { ...opts, ...(opts.onStep ? { onStep: (step: LiveStep) => opts.onStep!(scrub(step)) } : {}) };
  const base = usableBase(target);
  if (!base) return withoutBase(target, options);
  const ids = ALL_STEPS.filter((id) => (id !== 'tls' || base.protocol === 'https:') && (id !== 'stream' || opts.stream));
  try {
    const run = await openRun(target, base, options, stepLabels(), ids);
    try {
      await runLinks(run, links);
    } finally {
      await run.close();
    }
    const result = finishRun(run);
    return { ...result, findings: scrub(result.findings), report: scrub(result.report) };
  } catch (error) {
    // A bug outside the links (opening the run, the report): a finding as well, never the doctor's crash.
    return scrub(crashedRun(target, base, options, ids, error));
  }
}

function usableBase(target: TargetConfig): URL | undefined {
  try {
    const base = target.baseUrl ? new URL(target.baseUrl.value) : undefined;
    return base && (base.protocol === 'https:' || base.protocol === 'http:') ? base : undefined;
  } catch {
    return undefined;
  }
}

/** Without a usable base URL the SDK would go to the official provider or fail: nothing to test. */
function withoutBase(target: TargetConfig, opts: LiveOptions): LiveResult {
  const blockedBy = offlineIdIn(opts.offlineFindings)(/^base-url\//) ?? (target.baseUrl ? 'base-url/invalid' : 'base-url/missing');
  const labels = stepLabels();
  const detail = t('live.detail.no-base');
  const steps = ALL_STEPS.filter((id) => id !== 'stream' || opts.stream).map((id): LiveStep => ({ id, label: labels[id], status: 'skipped', detail, blockedBy }));
  steps.forEach((s) => opts.onStep?.(s));
  return { findings: [], report: { protocol: target.protocol, baseUrl: target.baseUrl?.value ?? '', steps, timings: { totalMs: 0 }, requestIds: [] } };
}

function crashedRun(target: TargetConfig, base: URL, opts: LiveOptions, ids: readonly StepId[], error: unknown): LiveResult {
  const finding = crashedFinding({ target, base }, undefined, { error });
  const labels = stepLabels();
  const detail = t('live.detail.crashed');
  const steps = ids.map((id): LiveStep => ({ id, label: labels[id], status: 'skipped', detail, blockedBy: finding.id }));
  steps.forEach((s) => opts.onStep?.(s));
  return { findings: [finding], report: { protocol: target.protocol, baseUrl: target.baseUrl!.value, steps, timings: { totalMs: 0 }, requestIds: [] } };
}
