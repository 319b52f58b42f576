import type { LiveStep } from '../core/result.js';
import { LIVE } from '../lang/en/live.js';
import { messages, num } from '../lang/t.js';
import type { Phase } from './client.js';

/** The live part's messages (src/lang/en/live.ts and the same ids in the other languages). */
export const t = messages(LIVE);

type StepId = LiveStep['id'];

/** Seconds as a time limit shows them: `8.0 s`, `30 s`. */
export const secs = (ms: number) => t('live.seconds', { s: num(ms / 1000, ms < 10_000 ? 1 : 0) });
/** Whole milliseconds, as the steps and timings show them: `340 ms`. */
export const msText = (ms: number) => t('live.ms', { ms: num(Math.round(ms)) });

/** The steps' labels, in the language in use ('DNS', 'TCP connect', 'HTTP answer' …). */
export function stepLabels(): Record<StepId, string> {
  return {
    dns: t('live.step.dns'),
    connect: t('live.step.connect'),
    tls: t('live.step.tls'),
    http: t('live.step.http'),
    auth: t('live.step.auth'),
    model: t('live.step.model'),
    balance: t('live.step.balance'),
    probe: t('live.step.probe'),
    stream: t('live.step.stream'),
  };
}

/** What a connection phase waits for ('the TCP connection'), to follow "waiting for". */
export const phaseWait = (phase: Phase): string => t(`live.wait.${phase}`);
