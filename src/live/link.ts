import type { Finding } from '../core/finding.js';
import type { StepId } from './chain.js';
import type { LiveContext, LiveFacts } from './types.js';

export type { LiveFacts } from './types.js';

/**
 * The contract of one link of the live chain (one file each in ./links/, in the order of
 * ./links/index.ts). A link reads the run context, may send requests through it, and returns what
 * it found as data: how its steps end, its findings, and facts for the links after it. It never
 * touches the chain itself, so a link that throws or hangs leaves nothing half done: the chain's
 * guard (./run.ts) turns it into an `internal/live-crashed` finding.
 */
export interface LiveLink {
  /** The step this link proves, which also names it: `http`, `auth`, `model`, `probe`, `stream`. */
  id: StepId;
  /** The steps it ends, in order. A crash fails the first of them still open. */
  steps: readonly StepId[];
  /**
   * Why the link does not run at all, decided from the options and the target alone (no probe,
   * no key that may be sent, no model): its steps end skipped, as given. Asked even after an
   * earlier link broke the chain, so a step says its own reason before "blocked by …".
   */
  blockedBy?(ctx: LiveContext): StepEnd[] | undefined;
  /** Runs only while the chain is unbroken and one of its steps is still open. */
  run(ctx: LiveContext): Promise<LinkResult>;
}

/** How a link ends one step of the chain. Applied in order once the link has returned. */
export type StepEnd =
  | { step: StepId; status: 'ok'; detail?: string; ms?: number }
  /** `blocks`: the links after it cannot run, as after a failure (a rate limit: no fault, but no proof either). */
  | { step: StepId; status: 'warn'; detail: string; blocks?: boolean }
  | { step: StepId; status: 'fail'; detail: string }
  | { step: StepId; status: 'skipped'; detail: string; blockedBy?: string }
  /** Left open for a later link to decide; `detail` says what it waits for. */
  | { step: StepId; status: 'waiting'; detail: string };


export interface LinkResult {
  steps: StepEnd[];
  findings: Finding[];
  facts?: Partial<LiveFacts>;
}

/**
 * Collects a link's result as it decides. `isOpen` sees the chain as it will be once this result
 * is applied, so a link can ask "is the key still unproven?" after deciding to prove it.
 */
export class Outcome {
  readonly steps: StepEnd[] = [];
  readonly findings: Finding[] = [];
  facts: Partial<LiveFacts> = {};

  constructor(private readonly ctx: Pick<LiveContext, 'isOpen'>) {}

  isOpen(step: StepId): boolean {
    return this.ctx.isOpen(step) && !this.steps.some((e) => e.step === step && e.status !== 'waiting');
  }

  /** The link a failure belongs to: the preferred one while it is still open, else the current one. */
  at(preferred: StepId, current: StepId): StepId {
    return this.isOpen(preferred) ? preferred : current;
  }

  pass(step: StepId, detail?: string, ms?: number): this {
    this.steps.push({ step, status: 'ok', ...(detail !== undefined ? { detail } : {}), ...(ms !== undefined ? { ms } : {}) });
    return this;
  }

  /** Passes each of `steps` that is still open: a later answer proves the links before it. */
  proves(steps: readonly StepId[], detail: string): this {
    for (const step of steps) if (this.isOpen(step)) this.pass(step, detail);
    return this;
  }

  warn(step: StepId, detail: string, opts: { blocks?: boolean } = {}): this {
    this.steps.push({ step, status: 'warn', detail, ...(opts.blocks ? { blocks: true } : {}) });
    return this;
  }

  skip(step: StepId, detail: string, blockedBy?: string): this {
    this.steps.push({ step, status: 'skipped', detail, ...(blockedBy ? { blockedBy } : {}) });
    return this;
  }

  waits(step: StepId, detail: string): this {
    this.steps.push({ step, status: 'waiting', detail });
    return this;
  }

  /** Adds a finding; with `step`, records the link it belongs to, so reports can put the two together. */
  add(finding: Finding, step?: StepId): Finding {
    if (step) finding.data = { ...finding.data, step };
    this.findings.push(finding);
    return finding;
  }

  /** Ends the chain at `step` with this finding: failed for an error, else a warning that still blocks what follows. */
  fail(step: StepId, finding: Finding): this {
    this.add(finding, step);
    if (finding.severity === 'error') this.steps.push({ step, status: 'fail', detail: finding.title });
    else this.warn(step, finding.title, { blocks: true });
    return this;
  }

  learnt(facts: Partial<LiveFacts>): this {
    this.facts = { ...this.facts, ...facts };
    return this;
  }

  result(): LinkResult {
    return { steps: this.steps, findings: this.findings, facts: this.facts };
  }
}
