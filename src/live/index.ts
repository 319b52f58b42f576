import { isIP } from 'node:net';
import type { TargetConfig } from '../config/types.js';
import type { Finding } from '../core/finding.js';
import { scrubDeep } from '../core/redact.js';
import type { LiveReport, LiveStep } from '../core/result.js';
import { BUNDLED_MODELS, type ModelList } from '../models/catalog.js';
import { Chain, type StepId } from './chain.js';
import { LiveClient, PHASE_WAIT, type HttpAnswer, type NetFailure, type Phase, type SendRequest } from './client.js';
import * as F from './findings.js';
import { isLoopback, keyDestination, proxyFor, redactProxy } from './hosts.js';
import {
  embeddingsRequest,
  errorFacts,
  firstTokenLimit,
  isEmbeddingModel,
  isHtml,
  isModelNotFound,
  isQuotaError,
  looksLikeReply,
  modelsRequest,
  otherTokenLimit,
  parseModelList,
  paths,
  probeRequest,
  requestIds,
  type TokenLimit,
} from './protocol.js';
import { BACKOFF_MS, backoffMs, isRetryableStatus, sleep } from './retry.js';
import { readStream } from './sse.js';

export { LIVE_FINDING_IDS, type LiveFindingId } from './ids.js';

/**
 * The live half of the doctor: talks to the gateway the way the user's SDK will, one link at a
 * time (DNS → TCP → TLS → HTTP answer → key → model → balance → a 1-token probe → streaming),
 * stops at the first broken link and turns what it saw into findings. Never prints, never exits.
 */

export interface LiveOptions {
  /** Time limit for the whole run, in ms. Every phase of every request is bounded by it. */
  timeoutMs: number;
  /** Send the tiny paid request (`max_tokens: 1`) that proves key, model and balance. */
  probe: boolean;
  /** Also send a streaming request and check its events (paid, tiny). */
  stream: boolean;
  /** Hosts (or host:port) the key may go to besides RuAPI's and loopback (`--allow-host`). */
  allowHosts: string[];
  /** A person is at the terminal: `confirmHost` may ask before the key goes to another host. */
  interactive: boolean;
  confirmHost?: (host: string) => Promise<boolean>;
  /** Each link as it starts (status `running`, `detail` says what it waits for), while slow, and when it ends. */
  onStep?: (step: LiveStep) => void;
  /** The offline findings for this target: a link they already block is skipped with their id. */
  offlineFindings: Finding[];
  /** Aborting it (Ctrl-C) ends every request at once instead of waiting for the time limit. */
  signal?: AbortSignal;
}

export interface LiveResult {
  findings: Finding[];
  report: LiveReport;
  /** The gateway's own model list, when it gave one. */
  models?: string[];
}

const LABELS: Record<StepId, string> = {
  dns: 'DNS',
  connect: 'TCP connect',
  tls: 'TLS',
  http: 'HTTP answer',
  auth: 'Key',
  model: 'Model',
  balance: 'Balance',
  probe: 'Probe request',
  stream: 'Streaming',
};

const ALL_STEPS: readonly StepId[] = ['dns', 'connect', 'tls', 'http', 'auth', 'model', 'balance', 'probe', 'stream'];

const stepOfPhase = (p: Phase, current: StepId): StepId =>
  p === 'dns' || p === 'proxy-dns' ? 'dns' : p === 'connect' || p === 'proxy-connect' || p === 'tunnel' ? 'connect' : p === 'tls' ? 'tls' : current;

const CONNECTION_STEPS: readonly StepId[] = ['dns', 'connect', 'tls'];

/**
 * What can go in a header: like fetch's ByteString rule, no control characters and nothing above
 * U+00FF (a zero-width space, a Cyrillic look-alike). The SDK would fail on such a key before
 * sending anything, so the doctor does not send it either.
 */
const SENDABLE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** The exchange of one request, retries included. */
interface Exchange {
  req: SendRequest;
  answer?: HttpAnswer;
  failure?: NetFailure;
  tries: number;
  /** Statuses that were retried, in order. */
  statuses: number[];
  stoppedBy?: 'time' | 'tries';
}

/** The base URL paths RuAPI documents: on them a missing model list says nothing about the path. */
const DOCUMENTED_PATHS: Record<TargetConfig['protocol'], string> = { openai: '/v1', anthropic: '' };

/**
 * The key as Node's fetch (and so the Node SDKs) sends it: leading and trailing spaces, tabs and
 * line breaks stripped from the header value. The doctor sends the same, so a key with a stray
 * newline is still tested; `key/whitespace` names the clients (curl, Python) that would not strip it.
 */
function sentKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const ws = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
  let start = 0;
  let end = key.length;
  while (start < end && ws(key[start]!)) start++;
  while (end > start && ws(key[end - 1]!)) end--;
  return key.slice(start, end);
}

export async function runLiveChecks(target: TargetConfig, opts: LiveOptions): Promise<LiveResult> {
  const key = sentKey(target.key?.value);
  /**
   * Removes the key from anything about to leave: whole (via the shared redaction), and any masked
   * echo a gateway makes of it (`Incorrect API key provided: sk-abc***…wxyz`), which still gives
   * away part of it.
   */
  const scrub = <T>(value: T): T => scrubDeep(value, [target.key?.value, key]);
  // Step details reach spinners as they happen, before the report is scrubbed: scrub them too.
  const onStep = opts.onStep && ((step: LiveStep) => opts.onStep!(scrub(step)));
  const offlineId = (re: RegExp) => opts.offlineFindings.find((f) => re.test(f.id) && f.severity === 'error')?.id;

  let base: URL | undefined;
  try {
    base = target.baseUrl ? new URL(target.baseUrl.value) : undefined;
  } catch {
    base = undefined;
  }
  if (!base || (base.protocol !== 'https:' && base.protocol !== 'http:')) {
    // Without a usable base URL the SDK would go to the official provider or fail: nothing to test.
    const blockedBy = offlineId(/^base-url\//) ?? (target.baseUrl ? 'base-url/invalid' : 'base-url/missing');
    const steps = ALL_STEPS.filter((id) => id !== 'stream' || opts.stream).map(
      (id): LiveStep => ({ id, label: LABELS[id], status: 'skipped', detail: 'no usable base URL', blockedBy }),
    );
    steps.forEach((s) => onStep?.(s));
    return { findings: [], report: { protocol: target.protocol, baseUrl: target.baseUrl?.value ?? '', steps, timings: { totalMs: 0 }, requestIds: [] } };
  }

  const proxy = proxyFor(base);
  const proxyUrl = proxy?.url;
  const c: F.FindingContext = { target, base, ...(proxy ? { proxy: { url: redactProxy(proxy.url), variable: proxy.variable } } : {}) };
  const findings: Finding[] = [];

  // Whether the key may be sent at all, decided before any network traffic.
  let keyBlockedBy: string | undefined;
  if (!key) keyBlockedBy = offlineId(/^key\/missing$/) ?? 'key/missing';
  else if (!SENDABLE.test(key)) keyBlockedBy = offlineId(/^key\//) ?? 'key/format';
  else {
    const destination = keyDestination(base, opts.allowHosts);
    if (destination === 'unknown') {
      const asked = opts.interactive && !!opts.confirmHost;
      const yes = asked ? await opts.confirmHost!(base.hostname).catch(() => false) : false;
      if (!yes) {
        findings.push(F.hostNotAllowedFinding(c, asked));
        keyBlockedBy = 'live/host-not-allowed';
      }
    } else if (destination === 'plain-http') {
      findings.push(F.hostNotAllowedFinding(c, false));
      keyBlockedBy = 'live/host-not-allowed';
    }
  }
  const sendKey = keyBlockedBy ? undefined : key;
  const model = target.model?.value.trim() || undefined;

  const started = performance.now();
  const deadline = started + opts.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  timer.unref();
  const onAbort = () => controller.abort();
  if (opts.signal?.aborted) controller.abort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  const https = base.protocol === 'https:';
  const ids = ALL_STEPS.filter((id) => (id !== 'tls' || https) && (id !== 'stream' || opts.stream));
  const chain = new Chain(ids, LABELS, onStep);
  const client = new LiveClient({ signal: controller.signal, deadline, expectProxy: !!proxyUrl });
  const allRequestIds: string[] = [];
  let firstByteMs: number | undefined;
  let gatewayModels: string[] | undefined;
  let streamFirstEventMs: number | undefined;
  let probed = false;
  /** What the probe sent, in words, once it got an answer. */
  let probeWhat: string | undefined;
  const messagesPath = paths(target.protocol).messages;

  /** Sends one request, following its connection phases on the chain, retrying 429/5xx per the sheet. */
  const exchange = async (req: SendRequest, step: StepId, waitingFor: string, retry: boolean): Promise<Exchange> => {
    const statuses: number[] = [];
    let tries = 0;
    for (;;) {
      tries++;
      const r = await client.send(req, (phase) => {
        const s = stepOfPhase(phase, step);
        // Reaching a phase proves the connection phases before it (an IP address skips DNS).
        for (const id of CONNECTION_STEPS) {
          if (id === s) break;
          if (chain.isOpen(id)) chain.pass(id, connectionDetail(id));
        }
        if (chain.isOpen(s)) chain.running(s, s === step ? waitingFor : PHASE_WAIT[phase]);
      });
      if (r.answer) {
        firstByteMs ??= r.answer.firstByteMs;
        allRequestIds.push(...requestIds(r.answer.headers, r.answer.body));
        const status = r.answer.status;
        const quota = status === 429 && isQuotaError(errorFacts(r.answer.body));
        if (retry && isRetryableStatus(status) && !quota) {
          statuses.push(status);
          const wait = backoffMs(tries - 1, r.answer.headers);
          const stoppedBy = wait === undefined ? 'tries' : performance.now() + wait > deadline - 250 ? 'time' : undefined;
          if (stoppedBy) return { req, ...r, tries, statuses, stoppedBy };
          chain.running(step, `a retry: got ${status}, trying again in ${(wait! / 1000).toFixed(1)} s (try ${tries + 1} of ${BACKOFF_MS.length + 1})`);
          if (!(await sleep(wait!, controller.signal))) return { req, ...r, tries, statuses, stoppedBy: 'time' };
          continue;
        }
      }
      return { req, ...r, tries, statuses };
    }
  };

  const connectionDetail = (id: StepId): string | undefined => {
    const via = c.proxy ? `proxy ${c.proxy.url}` : undefined;
    if (id === 'dns') return via ? `${new URL(proxyUrl!).hostname} (the proxy; it resolves ${base!.hostname} itself)` : isIpHost(base!) ? 'an IP address: nothing to look up' : base!.hostname;
    if (id === 'connect') return via ? `${via}, tunnel to ${base!.host}` : `${client.remoteAddress ?? base!.hostname}:${base!.port || (https ? 443 : 80)}`;
    if (id === 'tls') return `certificate for ${base!.hostname} accepted`;
    return undefined;
  };

  /** The link a failure belongs to: the preferred one while it is still open, else the current one. */
  const at = (preferred: StepId, current: StepId): StepId => (chain.isOpen(preferred) ? preferred : current);
  /** Records which link a finding failed or warned, so reports can put the two together. */
  const tie = (step: StepId, finding: Finding): Finding => {
    finding.data = { ...finding.data, step };
    return finding;
  };
  /** Ends the chain at `step` with this finding: failed for an error, else a warning that still blocks what follows. */
  const failWith = (step: StepId, finding: Finding) => {
    findings.push(tie(step, finding));
    if (finding.severity === 'error') chain.fail(step, finding.title);
    else chain.warn(step, finding.title, { blocks: true });
  };
  const passOpen = (ids: StepId[], detail: string) => ids.forEach((id) => chain.isOpen(id) && chain.pass(id, detail));

  const failNet = (f: NetFailure, step: StepId, req: SendRequest, events?: number) => {
    const phaseStep = at(stepOfPhase(f.phase, step), step);
    switch (f.kind) {
      case 'dns':
        return failWith(at('dns', step), F.dnsFinding(c, f));
      case 'refused':
      case 'unreachable':
        return failWith(at('connect', step), F.unreachableFinding(c, f, isLoopback(base!.hostname)));
      case 'tls':
        return failWith(at(https ? 'tls' : 'connect', step), F.tlsFinding(c, f));
      case 'proxy':
        return failWith(at(f.phase === 'proxy-dns' ? 'dns' : 'connect', step), F.proxyFinding(c, f));
      case 'timeout':
        return failWith(phaseStep, F.timeoutFinding(c, f, { limitMs: opts.timeoutMs, what: `${req.method} ${new URL(req.url).pathname}`, ...(events !== undefined ? { events } : {}) }));
      default:
        return failWith(phaseStep, CONNECTION_STEPS.includes(phaseStep) ? F.unreachableFinding(c, f, isLoopback(base!.hostname)) : F.resetFinding(c, f, req));
    }
  };

  /**
   * Judges an error status (or an unusable 200) of the probe or the stream. Returns false when the
   * answer was fine and the chain goes on.
   */
  const judgeError = (x: Exchange, step: StepId): boolean => {
    const a = x.answer!;
    const facts = errorFacts(a.body);
    if (x.statuses.length > 0) {
      const recovered = a.status < 300;
      findings.push(F.retryFinding(c, a, x.req, { tries: x.tries, recovered, statuses: x.statuses, ...(x.stoppedBy ? { stoppedBy: x.stoppedBy } : {}) }));
      if (!recovered) {
        const finding = tie(step, findings.at(-1)!);
        if (step !== 'http') passOpen(['http'], `the gateway answered ${a.status}`);
        if (finding.severity === 'error') chain.fail(step, finding.title);
        // A rate limit is no fault of the set-up, but the links after it still cannot be checked.
        else chain.warn(step, finding.title, { blocks: true });
        return true;
      }
    }
    if (a.status >= 200 && a.status < 300) return false;
    if (a.status >= 300 && a.status < 400) {
      failWith(at('http', step), F.redirectFinding(c, a, x.req, step === 'probe' || step === 'stream' ? messagesPath : paths(target.protocol).models));
      return true;
    }
    const notFoundPath = a.status === 404 && !isModelNotFound(facts, model);
    if (!notFoundPath) passOpen(['http'], `the gateway answered ${a.status}`);
    if (a.status === 401) failWith(at('auth', step), F.keyRejectedFinding(c, a, x.req));
    else if (a.status === 402 || (a.status === 429 && isQuotaError(facts))) {
      passOpen(['auth'], 'the key was accepted');
      failWith(at('balance', step), F.balanceFinding(c, a, x.req));
    } else if (a.status === 403) {
      const aboutModel = !!model && (facts.message ?? '').includes(model);
      if (aboutModel) passOpen(['auth'], 'the key was read');
      failWith(at(aboutModel ? 'model' : 'auth', step), F.forbiddenFinding(c, a, x.req));
    } else if (notFoundPath) failWith(at('http', step), F.urlNotFoundFinding(c, a, x.req));
    else if (a.status === 404) {
      passOpen(['auth'], 'the key was accepted');
      failWith(at('model', step), F.modelNotFoundFinding(c, { model: model!, ...listInfo(), answer: a, req: x.req }));
    } else failWith(step, F.badRequestFinding(c, a, x.req));
    return true;
  };

  const listInfo = (): { list: ModelList } => ({ list: gatewayModels ? { ids: gatewayModels, source: 'gateway' } : BUNDLED_MODELS });

  /** The limit parameter the probe (and the stream after it) sends; see TokenLimit. */
  let limit: TokenLimit = firstTokenLimit(target.protocol, model ?? '');
  /**
   * Sends the probe. A 400 about its own limit parameter is the probe's fault, not the user's (their
   * SDK call may set no limit at all): it is sent once more with the other parameter, and if that is
   * refused too, `refused` says so instead of blaming the set-up.
   */
  const sendProbe = async (embeddings: boolean): Promise<{ x: Exchange; refused: boolean }> => {
    const waiting = (req: SendRequest) => `the answer to POST ${new URL(req.url).pathname}: a one-token request, a tiny cost`;
    const build = () => (embeddings ? embeddingsRequest(target, base!.href, sendKey!, model!) : probeRequest(target, base!.href, sendKey!, model!, false, limit));
    let req = build();
    let x = await exchange(req, 'probe', waiting(req), true);
    const aboutLimit = () => !embeddings && x.answer?.status === 400 ? otherTokenLimit(target.protocol, limit, errorFacts(x.answer.body)) : undefined;
    const other = aboutLimit();
    if (!other) return { x, refused: false };
    limit = other;
    req = build();
    x = await exchange(req, 'probe', waiting(req), true);
    return { x, refused: aboutLimit() !== undefined };
  };

  try {
    // 1. The free request: the model list. It proves DNS, TCP, TLS and that something answers HTTP;
    //    with the key, that the key works; and it gives the list the model is checked against.
    const modelsReq = modelsRequest(target, base.href, sendKey);
    const modelsPath = new URL(modelsReq.url).pathname;
    // With a probe to come, a failing /models is not worth the retry time: the probe decides.
    const m = await exchange(modelsReq, 'http', `the answer to GET ${modelsPath}`, !opts.probe);
    if (m.failure) failNet(m.failure, 'http', m.req);
    else if (m.answer!.bodyFailure) failNet(m.answer!.bodyFailure, 'http', m.req);
    else {
      const a = m.answer!;
      for (const id of CONNECTION_STEPS) if (chain.isOpen(id)) chain.pass(id, connectionDetail(id));
      if (m.statuses.length > 0 && a.status < 300) findings.push(F.retryFinding(c, a, m.req, { tries: m.tries, recovered: true, statuses: m.statuses }));
      const list = a.status >= 200 && a.status < 300 ? parseModelList(a.body) : undefined;
      const status = `GET ${modelsPath} answered ${a.status}`;
      if (list) {
        gatewayModels = list;
        chain.pass('http', `${status} with ${list.length} models`);
        if (sendKey) chain.pass('auth', 'the key was accepted (the model list came back)');
      } else if (a.status >= 200 && a.status < 300) {
        failWith('http', F.notRuapiFinding(c, a, m.req));
      } else if (a.status >= 300 && a.status < 400) {
        failWith('http', F.redirectFinding(c, a, m.req, paths(target.protocol).models));
      } else if (a.status === 401 || a.status === 403) {
        chain.pass('http', status);
        if (!sendKey) {
          // Expected without a key: the gateway is there; the key itself was not tested.
        } else if (a.status === 401) failWith('auth', F.keyRejectedFinding(c, a, m.req));
        else failWith('auth', F.forbiddenFinding(c, a, m.req));
      } else if (a.status === 402 || (a.status === 429 && isQuotaError(errorFacts(a.body)))) {
        chain.pass('http', status);
        if (sendKey) chain.pass('auth', 'the key was accepted');
        failWith('balance', F.balanceFinding(c, a, m.req));
      } else if (isHtml(a.headers, a.body) && a.status !== 404 && a.status < 500) {
        failWith('http', F.notRuapiFinding(c, a, m.req));
      } else if (a.status === 404 && !isModelNotFound(errorFacts(a.body), undefined) && base.pathname.replace(/\/$/, '') !== DOCUMENTED_PATHS[target.protocol]) {
        // Off the documented path, a 404 for the path itself (`invalid_url`, "Invalid URL (GET …)",
        // a 404 page) shows that the path is wrong: the SDK's requests would get the same.
        failWith('http', F.urlNotFoundFinding(c, a, m.req));
      } else if (!opts.probe && m.statuses.length > 0) {
        judgeError(m, 'http');
      } else {
        // No model list here (RuAPI does not document one). That alone proves nothing about the
        // base URL: the probe decides; without it the link stays unproven.
        chain.running('http', `the probe: GET ${modelsPath} answered ${a.status} (no model list)`);
        if (!opts.probe) chain.warn('http', `${status}: no model list here, so without the probe the base URL is not proven`);
      }
    }

    // 2. The key, when it could not be sent; the model, against the gateway's list when there is one.
    if (keyBlockedBy) chain.skip('auth', 'the key was not sent', keyBlockedBy);
    if (!chain.failed) {
      if (!model) chain.skip('model', 'no model configured', offlineId(/^model\//) ?? 'model/missing');
      else {
        const { list } = listInfo();
        const listed = list.ids.includes(model);
        if (list.source === 'gateway' && listed) chain.pass('model', `${model} is in the gateway's list`);
        else if (opts.probe && sendKey) chain.running('model', `the probe: ${model} is ${listed ? 'in the bundled list' : `not in the ${list.source === 'gateway' ? "gateway's" : 'bundled'} list`}`);
        else if (list.source === 'gateway') failWith('model', F.modelNotFoundFinding(c, { model, list }));
        // A list the gateway did not give proves nothing about what it serves.
        else if (listed) chain.skip('model', `${model} is in the bundled list, but the gateway offers none: only the probe can prove it`, opts.probe ? keyBlockedBy : undefined);
        else chain.warn('model', `${model} is not in the bundled list, and the gateway offers none`);
      }
    }

    // 3. The probe: the one request that proves key, model and balance together.
    if (!opts.probe) {
      chain.skip('balance', 'not checked: only a real request can show it (--no-probe)');
      chain.skip('probe', 'not sent (--no-probe)');
      chain.skip('stream', 'not sent (--no-probe: no paid requests)');
    } else if (keyBlockedBy) {
      for (const id of ['balance', 'probe', 'stream'] as const) chain.skip(id, 'the key was not sent', keyBlockedBy);
    } else if (!model) {
      for (const id of ['balance', 'probe', 'stream'] as const) chain.skip(id, 'no model to send a request to', offlineId(/^model\//) ?? 'model/missing');
    } else if (!chain.failed) {
      const embeddings = target.protocol === 'openai' && isEmbeddingModel(model);
      const sent = await sendProbe(embeddings);
      probed = true;
      const { req, answer } = sent.x;
      if (sent.x.failure) failNet(sent.x.failure, 'probe', req);
      else if (sent.refused) {
        const finding = tie('probe', F.probeRefusedFinding(c, answer!, req));
        findings.push(finding);
        passOpen(['http'], `the gateway answered ${answer!.status}`);
        passOpen(['auth'], 'the key was read');
        chain.warn('probe', finding.title, { blocks: true });
      } else if (judgeError(sent.x, 'probe')) {
        // judged
      } else if (answer!.bodyFailure) failNet(answer!.bodyFailure, 'probe', req);
      else if (!looksLikeReply(target.protocol, answer!.body, embeddings)) failWith(at('http', 'probe'), F.notRuapiFinding(c, answer!, req));
      else {
        passOpen(['http'], 'the probe got an answer');
        passOpen(['auth'], 'the key was accepted');
        passOpen(['model'], `${model} answered`);
        passOpen(['balance'], 'the account can pay for requests');
        probeWhat = embeddings ? 'an embeddings request' : `${limit} 1`;
        chain.pass('probe', `sent ${embeddings ? `an embeddings request for ${model}` : `${limit} 1 to ${model}`}: answered in ${Math.round(answer!.ms)} ms (a tiny cost)`, answer!.ms);
      }
      if (embeddings) chain.skip('stream', 'embedding models do not stream');
    }

    // 4. Streaming: the same request as a stream; its events, their timing, and its end.
    if (opts.stream && opts.probe && !chain.failed && chain.isOpen('stream')) {
      const req = probeRequest(target, base.href, sendKey!, model!, true, limit);
      const terminal = target.protocol === 'openai' ? 'data: [DONE]' : 'message_stop event';
      const s = await exchange(req, 'stream', `the first event of the stream: a max_tokens 1 request, a tiny cost`, true);
      if (s.failure) failNet(s.failure, 'stream', req);
      else if (!judgeError(s, 'stream')) {
        const a = s.answer!;
        const reading = readStream(target.protocol, a);
        streamFirstEventMs = reading.firstEventMs;
        const events = reading.events.length;
        if (a.bodyFailure?.kind === 'timeout') failNet(a.bodyFailure, 'stream', req, events);
        else if (reading.streamError || !reading.terminal) {
          failWith('stream', F.streamCutFinding(c, a, req, { events, terminal, ...(a.bodyFailure ? { broke: a.bodyFailure } : {}), ...(reading.streamError ? { streamError: reading.streamError } : {}) }));
        } else {
          const detail = `${events} events; first byte after ${Math.round(a.firstByteMs)} ms, first event after ${Math.round(reading.firstEventMs ?? 0)} ms`;
          if (reading.buffered) {
            const finding = tie('stream', F.streamBufferedFinding(c, a, req, reading.bufferedWhy!));
            findings.push(finding);
            chain.warn('stream', finding.title);
          } else chain.pass('stream', detail, a.ms);
        }
      }
    }
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
    chain.stopTicker();
    await client.close();
  }

  const steps = chain.finish();
  const first = client.first;
  const timings: LiveReport['timings'] = {
    ...(first?.dnsMs !== undefined ? { dnsMs: round(first.dnsMs) } : {}),
    ...(first?.connectMs !== undefined ? { connectMs: round(first.connectMs) } : {}),
    ...(first?.tlsMs !== undefined ? { tlsMs: round(first.tlsMs) } : {}),
    ...(firstByteMs !== undefined ? { firstByteMs: round(firstByteMs) } : {}),
    totalMs: round(performance.now() - started),
  };
  // The connection links get the socket's own numbers, not the time between phase notices.
  for (const s of steps) {
    const ms = s.id === 'dns' ? timings.dnsMs : s.id === 'connect' ? timings.connectMs : s.id === 'tls' ? timings.tlsMs : undefined;
    if (s.status === 'ok' && ms !== undefined) s.ms = ms;
  }

  const authOk = steps.some((s) => s.id === 'auth' && s.status === 'ok');
  if (authOk && !chain.failed && !findings.some((f) => f.severity === 'error')) {
    const requestId = allRequestIds.at(-1);
    findings.push(
      F.okFinding(c, {
        timings,
        probed: probed && steps.some((s) => s.id === 'probe' && s.status === 'ok'),
        ...(probeWhat ? { probe: probeWhat } : {}),
        ...(model ? { model } : {}),
        ...(requestId ? { requestId } : {}),
        ...(opts.stream && streamFirstEventMs !== undefined ? { streamed: { firstEventMs: streamFirstEventMs } } : {}),
      }),
    );
  }

  const report: LiveReport = {
    protocol: target.protocol,
    baseUrl: target.baseUrl!.value,
    steps,
    timings,
    requestIds: [...new Set(allRequestIds)],
    ...(c.proxy ? { proxy: c.proxy.url } : {}),
    modelList: gatewayModels ? { source: 'gateway', count: gatewayModels.length } : { source: 'bundled', count: BUNDLED_MODELS.ids.length },
  };
  return { findings: scrub(findings), report: scrub(report), ...(gatewayModels ? { models: gatewayModels } : {}) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

const isIpHost = (u: URL) => isIP(u.hostname.replace(/^\[|\]$/g, '')) !== 0;

