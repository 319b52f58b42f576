import type { LiveReport } from '../core/result.js';
import { BUNDLED_MODELS } from '../models/bundled.js';
import type { Run } from './types.js';
import { okFinding } from './findings/safety.js';
import type { LiveResult } from './types.js';

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Closes the chain and turns the run into its result: the steps with the socket's own timings, `live/ok` when all went well. */
export function finishRun(run: Run): LiveResult {
  const { chain, findings, facts, target, options } = run;
  const steps = chain.finish();
  const first = run.client.first;
  const timings: LiveReport['timings'] = {
    ...(first?.dnsMs !== undefined ? { dnsMs: round(first.dnsMs) } : {}),
    ...(first?.connectMs !== undefined ? { connectMs: round(first.connectMs) } : {}),
    ...(first?.tlsMs !== undefined ? { tlsMs: round(first.tlsMs) } : {}),
    ...(run.traffic.firstByteMs !== undefined ? { firstByteMs: round(run.traffic.firstByteMs) } : {}),
    totalMs: round(performance.now() - run.started),
  };
  // The connection links get the socket's own numbers, not the time between phase notices.
  for (const s of steps) {
    const ms = s.id === 'dns' ? timings.dnsMs : s.id === 'connect' ? timings.connectMs : s.id === 'tls' ? timings.tlsMs : undefined;
    if (s.status === 'ok' && ms !== undefined) s.ms = ms;
  }

  const authOk = steps.some((s) => s.id === 'auth' && s.status === 'ok');
  if (authOk && !chain.failed && !findings.some((f) => f.severity === 'error')) {
    const requestId = run.traffic.requestIds.at(-1);
    findings.push(
      okFinding(run.finding, {
        timings,
        probed: steps.some((s) => s.id === 'probe' && s.status === 'ok'),
        ...(facts.probeWhat ? { probe: facts.probeWhat } : {}),
        ...(run.model ? { model: run.model } : {}),
        ...(requestId ? { requestId } : {}),
        ...(options.stream && facts.streamFirstEventMs !== undefined ? { streamed: { firstEventMs: facts.streamFirstEventMs } } : {}),
      }),
    );
  }

  const models = facts.gatewayModels;
  const report: LiveReport = {
    protocol: target.protocol,
    baseUrl: target.baseUrl!.value,
    steps,
    timings,
    requestIds: [...new Set(run.traffic.requestIds)],
    ...(run.finding.proxy ? { proxy: run.finding.proxy.url } : {}),
    modelList: models ? { source: 'gateway', count: models.length } : { source: 'bundled', count: BUNDLED_MODELS.ids.length },
  };
  return { findings, report, ...(models ? { models } : {}) };
}
