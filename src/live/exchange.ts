import { isIP } from 'node:net';
import { answerRequestIds } from '../knowledge/index.js';
import type { StepId } from './chain.js';
import { type Phase, type SendRequest } from './client.js';
import type { Exchange, Lease, Run } from './types.js';

export type { Exchange, Lease, Traffic } from './types.js';
import { isFinalAnswer } from './judge.js';
import { phaseWait, t } from './words.js';
import { num } from '../lang/t.js';
import { BACKOFF_MS, backoffMs, isRetryableStatus, sleep } from './retry.js';

export const CONNECTION_STEPS = ['dns', 'connect', 'tls'] as const satisfies readonly StepId[];

/** The step a connection phase belongs to; the answer's phases belong to the step that sent the request. */
export const stepOfPhase = (p: Phase, current: StepId): StepId =>
  p === 'dns' || p === 'proxy-dns' ? 'dns' : p === 'connect' || p === 'proxy-connect' || p === 'tunnel' ? 'connect' : p === 'tls' ? 'tls' : current;

export const isIpHost = (u: URL) => isIP(u.hostname.replace(/^\[|\]$/g, '')) !== 0;

/** What a passed DNS step shows when the request goes straight to the host: the name looked up, or that there was none. */
export const lookupDetail = (base: URL): string => (isIpHost(base) ? t('live.detail.ip-address') : base.hostname);

/** What a passed connection step shows: the host looked up, the address reached, the certificate accepted. */
export function connectionDetail(run: Run, id: StepId): string | undefined {
  const { base, client } = run;
  const proxy = run.finding.proxy?.url;
  if (id === 'dns') return proxy ? t('live.detail.dns.proxy', { proxy: new URL(run.proxyUrl!).hostname, host: base.hostname }) : lookupDetail(base);
  if (id === 'connect') return proxy ? t('live.detail.connect.proxy', { proxy, host: base.host }) : `${client.remoteAddress ?? base.hostname}:${base.port || (run.https ? 443 : 80)}`;
  if (id === 'tls') return t('live.detail.tls', { host: base.hostname });
  return undefined;
}

/** Passes the connection steps that are still open: an answer (or a later phase) proves them. */
export function passConnection(run: Run, upTo?: StepId): void {
  for (const id of CONNECTION_STEPS) {
    if (id === upTo) break;
    if (run.chain.isOpen(id)) run.chain.pass(id, connectionDetail(run, id), run.client.phaseMs(id));
  }
}

/**
 * Sends one request, following its connection phases on the chain (reaching a phase proves the
 * ones before it), and retries 429 and 5xx as RuAPI's support sheet says: 1, 2, 4, 8 s or what
 * retry-after asks, never past the deadline. A balance answer dressed as a 429 is not retried.
 */
export async function exchange(run: Run, lease: Lease, req: SendRequest, step: StepId, waitingFor: string, retry: boolean): Promise<Exchange> {
  const { chain } = run;
  const statuses: number[] = [];
  let tries = 0;
  for (;;) {
    tries++;
    const r = await run.client.send(req, (phase) => {
      if (!lease.active) return;
      const s = stepOfPhase(phase, step);
      // Reaching a phase proves the connection phases before it (an IP address skips DNS).
      passConnection(run, s);
      if (chain.isOpen(s)) chain.running(s, s === step ? waitingFor : phaseWait(phase));
    });
    if (!r.answer) return { req, ...r, tries, statuses };
    // An answer proves the whole connection, whichever phases were announced.
    if (lease.active) passConnection(run);
    run.traffic.firstByteMs ??= r.answer.firstByteMs;
    run.traffic.requestIds.push(...answerRequestIds(r.answer.headers, r.answer.body));
    const status = r.answer.status;
    if (!retry || !isRetryableStatus(status) || isFinalAnswer(r.answer)) return { req, ...r, tries, statuses };
    statuses.push(status);
    const wait = backoffMs(tries - 1, r.answer.headers);
    const stoppedBy = wait === undefined ? 'tries' : performance.now() + wait > run.deadline - 250 ? 'time' : undefined;
    if (stoppedBy) return { req, ...r, tries, statuses, stoppedBy };
    if (lease.active) chain.running(step, t('live.wait.retry', { status, s: num(wait! / 1000, 1), try: tries + 1, tries: BACKOFF_MS.length + 1 }));
    if (!(await sleep(wait!, run.controller.signal))) return { req, ...r, tries, statuses, stoppedBy: 'time' };
  }
}
