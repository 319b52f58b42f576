import type { TargetConfig } from '../config/types.js';
import type { Finding } from '../core/finding.js';
import { BUNDLED_MODELS } from '../models/bundled.js';
import { Chain, type StepId } from './chain.js';
import { LiveClient, lookup } from './client.js';
import { exchange } from './exchange.js';
import type { FindingContext } from './findings/make.js';
import { hostNotAllowedFinding, notLoopbackFinding } from './findings/safety.js';
import { keyDestination, proxyFor, redactProxy, resolvesElsewhere } from './hosts.js';
import { firstTokenLimit } from './protocol.js';
import type { Lease, LiveContext, LiveOptions, Run } from './types.js';

export type { LiveContext, LiveOptions, Run } from './types.js';




/**
 * What can go in a header: like fetch's ByteString rule, no control characters and nothing above
 * U+00FF (a zero-width space, a Cyrillic look-alike). The SDK would fail on such a key before
 * sending anything, so the doctor does not send it either.
 */
const SENDABLE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The key as Node's fetch (and so the Node SDKs) sends it: leading and trailing spaces, tabs and
 * line breaks stripped from the header value. The doctor sends the same, so a key with a stray
 * newline is still tested; `key/whitespace` names the clients (curl, Python) that would not strip it.
 */
export function sentKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const ws = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
  let start = 0;
  let end = key.length;
  while (start < end && ws(key[start]!)) start++;
  while (end > start && ws(key[end - 1]!)) end--;
  return key.slice(start, end);
}

/** How long the look-up that proves a loopback name may take before the key gate stops waiting for it. */
const LOOKUP_LIMIT_MS = 3000;

/** An offline error finding whose id matches `pattern`: the reason a link is skipped. */
export const offlineIdIn = (offline: readonly Finding[]) => (pattern: RegExp) => offline.find((f) => pattern.test(f.id) && f.severity === 'error')?.id;

/**
 * Whether the key may be sent at all, decided before any traffic: it must exist, fit in a header,
 * and go to RuAPI, this machine or a host the user allowed (or confirmed at the prompt).
 */
async function keyGate(key: string | undefined, c: FindingContext, opts: LiveOptions, findings: Finding[]): Promise<string | undefined> {
  const offlineId = offlineIdIn(opts.offlineFindings);
  if (!key) return offlineId(/^key\/missing$/) ?? 'key/missing';
  if (!SENDABLE.test(key)) return offlineId(/^key\//) ?? 'key/format';
  const destination = keyDestination(c.base, opts.allowHosts);
  if (destination === 'loopback') {
    // Trusted for its name: it must resolve to this machine too (the connection is checked again).
    const elsewhere = await resolvesElsewhere(c.base.hostname, opts.lookup ?? lookup, Math.min(LOOKUP_LIMIT_MS, opts.timeoutMs));
    if (elsewhere) {
      findings.push(notLoopbackFinding(c, elsewhere));
      return 'live/host-not-allowed';
    }
  }
  if (destination === 'unknown') {
    const asked = opts.interactive && !!opts.confirmHost;
    const yes = asked ? await opts.confirmHost!(c.base.hostname).catch(() => false) : false;
    if (yes) return undefined;
    findings.push(hostNotAllowedFinding(c, asked));
    return 'live/host-not-allowed';
  }
  if (destination === 'plain-http') {
    findings.push(hostNotAllowedFinding(c, false));
    return 'live/host-not-allowed';
  }
  return undefined;
}

/** Opens a run: decides what may be sent, starts the time limit, the chain and the client. */
export async function openRun(target: TargetConfig, base: URL, opts: LiveOptions, labels: Record<StepId, string>, ids: readonly StepId[]): Promise<Run> {
  const key = sentKey(target.key?.value);
  const proxy = proxyFor(base, opts.env);
  const finding: FindingContext = { target, base, ...(proxy ? { proxy: { url: redactProxy(proxy.url), variable: proxy.variable } } : {}) };
  const findings: Finding[] = [];
  const keyBlockedBy = await keyGate(key, finding, opts, findings);
  const model = target.model?.value.trim() || undefined;

  const started = performance.now();
  const deadline = started + opts.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  timer.unref();
  const onAbort = () => controller.abort();
  if (opts.signal?.aborted) controller.abort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  const chain = new Chain(ids, labels, opts.onStep);
  const loopbackOnly = !keyBlockedBy && keyDestination(base, opts.allowHosts) === 'loopback';
  const client = new LiveClient({ signal: controller.signal, deadline, loopbackOnly, ...(proxy ? { proxy: proxy.url } : {}), ...(opts.lookup ? { lookup: opts.lookup } : {}) });
  return {
    target,
    options: opts,
    base,
    https: base.protocol === 'https:',
    model,
    sendKey: keyBlockedBy ? undefined : key,
    keyBlockedBy,
    finding,
    deadline,
    facts: { limit: firstTokenLimit(target.protocol, model ?? '') },
    findings,
    chain,
    client,
    controller,
    traffic: { requestIds: [] },
    started,
    proxyUrl: proxy?.url,
    offlineId: offlineIdIn(opts.offlineFindings),
    async close() {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      chain.stopTicker();
      await client.close();
    },
  };
}

/** The context one link runs with. Once its lease ends (the guard gave up on it), nothing it does reaches the chain. */
export function contextFor(run: Run, lease: Lease): LiveContext {
  return {
    target: run.target,
    options: run.options,
    base: run.base,
    https: run.https,
    model: run.model,
    sendKey: run.sendKey,
    keyBlockedBy: run.keyBlockedBy,
    finding: run.finding,
    deadline: run.deadline,
    facts: run.facts,
    offlineId: run.offlineId,
    isOpen: (step) => run.chain.isOpen(step),
    send: (req, step, waitingFor, retry) => exchange(run, lease, req, step, waitingFor, retry),
    modelList: () => (run.facts.gatewayModels ? { ids: run.facts.gatewayModels, source: 'gateway' } : BUNDLED_MODELS),
  };
}
