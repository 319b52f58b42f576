import { stepLabels, type StepId } from './chain.js';
import { contextFor, type LiveContext, type Run } from './context.js';
import type { Lease } from './exchange.js';
import { crashedFinding } from './findings/safety.js';
import type { LinkResult, LiveLink, StepEnd } from './link.js';

/**
 * Runs the links in order, each under a guard, as flutter doctor runs its validators: a link that
 * throws, or is still running when the time limit is past, becomes an `internal/live-crashed`
 * finding that fails its step, never an exception. The links after it are then skipped as after
 * any broken link, and the offline findings stand.
 */

/**
 * How long past the deadline a link may still take to wind down (its requests are cut off at the
 * deadline) before the guard gives up on it: short enough that even a link that hangs leaves the
 * run within --timeout plus one second, start-up and report included.
 */
export const GRACE_MS = 500;

type Guarded = { result: LinkResult } | { crash: { error: unknown } | { overranMs: number } };

export async function runLinks(run: Run, links: readonly LiveLink[]): Promise<void> {
  for (const link of links) {
    // A link whose steps this run does not have (streaming without --stream) does not run.
    if (!link.steps.some((s) => run.chain.has(s))) continue;
    const lease: Lease = { active: true };
    const ctx = contextFor(run, lease);
    let blocked: StepEnd[] | undefined;
    try {
      blocked = link.blockedBy?.(ctx);
    } catch (error) {
      crashed(run, link, { error });
      continue;
    }
    if (blocked) {
      blocked.forEach((end) => apply(run, end));
      continue;
    }
    if (run.chain.failed || !link.steps.some((s) => run.chain.isOpen(s))) continue;
    const guarded = await guard(run, link, ctx, lease);
    if ('crash' in guarded) crashed(run, link, guarded.crash);
    else {
      run.findings.push(...guarded.result.findings);
      Object.assign(run.facts, guarded.result.facts);
      guarded.result.steps.forEach((end) => apply(run, end));
    }
  }
}

/** Runs one link, until it returns, throws, or overruns the deadline (then its requests are aborted). */
async function guard(run: Run, link: LiveLink, ctx: LiveContext, lease: Lease): Promise<Guarded> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  // Not unref'd: a link that hangs on a promise holding nothing open must still be given up on, not end the process.
  const overrun = new Promise<'overrun'>((resolve) => (timer = setTimeout(() => resolve('overrun'), Math.max(0, run.deadline - started) + GRACE_MS)));
  const running = Promise.resolve().then(() => link.run(ctx));
  running.catch(() => {}); // a link given up on may still fail later: that is no news
  try {
    const r = await Promise.race([running, overrun]);
    if (r !== 'overrun') return { result: r };
    run.controller.abort();
    return { crash: { overranMs: performance.now() - started } };
  } catch (error) {
    return { crash: { error } };
  } finally {
    clearTimeout(timer);
    lease.active = false;
  }
}

/** Records a crashed link: its first open step (else the chain's) fails with the finding, which blocks the rest. */
function crashed(run: Run, link: LiveLink, why: { error: unknown } | { overranMs: number }): void {
  const step: StepId | undefined = [link.id, ...link.steps].find((s) => run.chain.isOpen(s)) ?? run.chain.firstOpen();
  const finding = crashedFinding(run.finding, { id: link.id, label: stepLabels()[link.id] }, why);
  if (step) finding.data = { ...finding.data, step };
  run.findings.push(finding);
  if (step) run.chain.fail(step, finding.title);
  else run.chain.failed ??= link.id;
}

function apply(run: Run, end: StepEnd): void {
  const { chain } = run;
  switch (end.status) {
    case 'ok':
      return chain.pass(end.step, end.detail, end.ms);
    case 'warn':
      return chain.warn(end.step, end.detail, end.blocks ? { blocks: true } : {});
    case 'fail':
      return chain.fail(end.step, end.detail);
    case 'skipped':
      return chain.skip(end.step, end.detail, end.blockedBy);
    case 'waiting':
      return chain.running(end.step, end.detail);
  }
}
