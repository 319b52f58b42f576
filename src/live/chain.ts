import type { LiveStep } from '../core/result.js';
import { num } from '../lang/t.js';
import { t } from './words.js';

export { stepLabels } from './words.js';

export type StepId = LiveStep['id'];

/** Every step, in order. A run has the ones that apply: TLS only over https, streaming only with --stream. */
export const ALL_STEPS: readonly StepId[] = ['dns', 'connect', 'tls', 'http', 'auth', 'model', 'balance', 'probe', 'stream'];

type State = 'pending' | 'running' | 'done';

/** A running step says it is still waiting once it has taken this long, then every second. */
const SLOW_AFTER_MS = 2000;

/**
 * The links of the live check, in order. A link ends once (ok, warn, fail or skipped); the first
 * failure blocks every link still open, which then shows as skipped, never as another failure.
 */
export class Chain {
  private readonly steps = new Map<StepId, { step: LiveStep; state: State; startedAt?: number; waitingFor?: string }>();
  private ticker?: NodeJS.Timeout;
  /** The first link that failed (or warned and blocks the rest): later links are skipped, blocked by it. */
  failed?: StepId;

  constructor(
    ids: readonly StepId[],
    labels: Record<StepId, string>,
    /** Hears each link as it starts (`running`, with what it waits for in `detail`), every second while it is slow, and when it ends. */
    private readonly emit?: (step: LiveStep) => void,
  ) {
    for (const id of ids) this.steps.set(id, { step: { id, label: labels[id], status: 'skipped' }, state: 'pending' });
  }

  has(id: StepId): boolean {
    return this.steps.has(id);
  }

  /** The first step that has not ended, in chain order. */
  firstOpen(): StepId | undefined {
    for (const [id, s] of this.steps) if (s.state !== 'done') return id;
    return undefined;
  }

  isOpen(id: StepId): boolean {
    const s = this.steps.get(id);
    return !!s && s.state !== 'done';
  }

  /** Marks a link as started (or still going), saying what it waits for. */
  running(id: StepId, waitingFor: string): void {
    const s = this.steps.get(id);
    if (!s || s.state === 'done' || (s.state === 'running' && s.waitingFor === waitingFor)) return;
    if (s.state === 'pending') s.startedAt = performance.now();
    s.state = 'running';
    s.waitingFor = waitingFor;
    this.send(id, 'running', t('live.detail.waiting', { what: waitingFor }));
    this.tick(id);
  }

  pass(id: StepId, detail?: string, ms?: number): void {
    this.end(id, 'ok', detail, ms);
  }

  /** `blocks`: the links after this one cannot run, as after a failure. */
  warn(id: StepId, detail: string, opts: { blocks?: boolean } = {}): void {
    this.end(id, 'warn', detail);
    if (opts.blocks) this.failed ??= id;
  }

  fail(id: StepId, detail: string): void {
    this.end(id, 'fail', detail);
    this.failed ??= id;
  }

  skip(id: StepId, detail: string, blockedBy?: string): void {
    const s = this.steps.get(id);
    if (!s || s.state === 'done') return;
    this.end(id, 'skipped', detail, undefined, blockedBy);
  }

  /** Closes the chain: links still open are skipped, blocked by the first failure if there was one. */
  finish(openDetail = t('live.detail.not-checked')): LiveStep[] {
    this.stopTicker();
    for (const [id, s] of this.steps) {
      if (s.state === 'done') continue;
      if (this.failed) this.skip(id, t('live.detail.blocked', { step: this.steps.get(this.failed)?.step.label ?? this.failed }), this.failed);
      else this.skip(id, openDetail);
    }
    return [...this.steps.values()].map((s) => ({ ...s.step }));
  }

  stopTicker(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private end(id: StepId, status: LiveStep['status'], detail?: string, ms?: number, blockedBy?: string): void {
    const s = this.steps.get(id);
    if (!s) return;
    s.state = 'done';
    s.step.status = status;
    if (detail !== undefined) s.step.detail = detail;
    else delete s.step.detail;
    const took = ms ?? (s.startedAt !== undefined && status !== 'skipped' ? performance.now() - s.startedAt : undefined);
    if (took !== undefined) s.step.ms = Math.round(took);
    if (blockedBy) s.step.blockedBy = blockedBy;
    this.emit?.({ ...s.step });
  }

  private send(id: StepId, status: LiveStep['status'], detail: string): void {
    const s = this.steps.get(id)!;
    this.emit?.({ id, label: s.step.label, status, detail });
  }

  /** While a link runs, says every second after the first two that it is still waiting, and for what. */
  private tick(id: StepId): void {
    this.stopTicker();
    if (!this.emit) return;
    this.ticker = setInterval(() => {
      const s = this.steps.get(id);
      if (!s || s.state !== 'running' || s.startedAt === undefined) return this.stopTicker();
      const waited = performance.now() - s.startedAt;
      // Timers may fire a little early; a tick this close to the mark counts.
      if (waited >= SLOW_AFTER_MS - 100) this.send(id, 'running', t('live.detail.still-waiting', { s: num(Math.round(waited / 1000)), what: s.waitingFor ?? '' }));
    }, 1000);
    this.ticker.unref();
  }
}
