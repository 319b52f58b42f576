/**
 * What the simulator can do wrong on purpose, and how a `--fail` spec picks it per request.
 * Pure data and parsing: no I/O, so the CLI can validate a spec before it opens a port.
 */
import { CLI_SIMULATE } from '../lang/en/cli-simulate.js';
import { messages } from '../lang/t.js';

const t = messages(CLI_SIMULATE);

export const FAULT_NAMES = [
  'ok',
  '400',
  '401',
  '402',
  '403',
  '404-model',
  '404-url',
  '413',
  '429',
  '429-quota',
  '500',
  '502',
  '503',
  '504',
  '529',
  'slow',
  'stall',
  'cut',
  'reset',
  'html',
  'empty',
  'redirect',
  'no-models',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/** One line per fault: what a client sees, in the language of the run. Shown by `ruapi simulate` and kept in step with README. */
export const faultDescription = (fault: FaultName): string => t(`cli.simulate.fault.${fault}`);

/** One step of a spec: this fault, with this probability (else a normal answer). */
export interface FaultStep {
  fault: FaultName;
  /** 0..1; 1 unless the spec said `fault:rate`. */
  rate: number;
}

const isFaultName = (s: string): s is FaultName => (FAULT_NAMES as readonly string[]).includes(s);

/** The fault with this name, or undefined. */
export const asFaultName = (s: string): FaultName | undefined => (isFaultName(s) ? s : undefined);

/**
 * Parses a `--fail` spec: comma-separated steps, each `fault` or `fault:rate`. The steps repeat in
 * order, one per API request: `503,503,ok` fails twice then succeeds (and again from the start);
 * `429:0.3` gives each request a 30 % chance of a 429. Throws an Error with a one-line message.
 */
export function parseFaultSpec(spec: string): FaultStep[] {
  const parts = spec.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.every((p) => p === '')) throw new Error(t('cli.simulate.fail.empty'));
  return parts.map((part) => {
    if (part === '') throw new Error(t('cli.simulate.fail.empty-step', { spec }));
    const [name = '', rateText, ...extra] = part.split(':');
    const fault = name.toLowerCase();
    if (!isFaultName(fault)) {
      throw new Error(t('cli.simulate.fail.unknown', { name, known: FAULT_NAMES.join(', ') }));
    }
    if (extra.length > 0) throw new Error(t('cli.simulate.fail.colons', { step: part }));
    if (rateText === undefined) return { fault, rate: 1 };
    const rate = Number(rateText);
    if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(rateText) || !(rate >= 0 && rate <= 1)) {
      throw new Error(t('cli.simulate.fail.rate', { rate: rateText, step: part }));
    }
    return { fault, rate };
  });
}

/** Hands out the run's faults: one step per API request, in order, repeating. */
export class FaultPlan {
  private next = 0;
  constructor(
    private readonly steps: readonly FaultStep[],
    private readonly random: () => number = Math.random,
  ) {}

  /** The fault for the next API request; moves to the following step. */
  take(): FaultName {
    const fault = this.peek();
    if (this.steps.length > 0) this.next = (this.next + 1) % this.steps.length;
    return fault;
  }

  /** The fault the next API request would get, without using up the step (for GET /v1/models). */
  peek(): FaultName {
    const step = this.steps[this.next];
    if (!step) return 'ok';
    return step.rate >= 1 || this.random() < step.rate ? step.fault : 'ok';
  }
}
