import type { LiveStep } from '../core/result.js';
import { LIVE } from '../lang/en/live.js';
import { messages } from '../lang/t.js';
import type { Phase } from './client.js';

/** The live part's messages (src/lang/en/live.ts and the same ids in the other languages). */
export const t = messages(LIVE);

type StepId = LiveStep['id'];

/** Times as the steps, timings and limits show them (`340 ms`, `8.0 s`). */
export { msText, secs } from '../core/text.js';

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
