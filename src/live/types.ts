import type { TargetConfig } from '../config/types.js';
import type { Finding } from '../core/finding.js';
import type { LiveReport, LiveStep } from '../core/result.js';
import type { ModelList } from '../models/catalog.js';
import type { Chain, StepId } from './chain.js';
import type { HttpAnswer, LiveClient, NetFailure, SendRequest } from './client.js';
import type { FindingContext } from './findings/make.js';
import type { TokenLimit } from './protocol.js';

/**
 * The types the live chain's parts share: the options, the context every link reads, one run of
 * the chain, and what comes out of it. Types only, so that every part can import them.
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
  /** The environment the client runs in, for its proxy variables (default: this process's). */
  env?: NodeJS.ProcessEnv;
  /** How host names resolve, in place of the system's (tests point a name at an address). */
  lookup?: typeof import('node:dns').lookup;
}

/**
 * What every link reads: the target, the options, what may be sent, the deadline, and the facts
 * earlier links learnt. Links send requests through `send` and read the chain through `isOpen`;
 * they never change either.
 */
export interface LiveContext {
  readonly target: TargetConfig;
  readonly options: Readonly<LiveOptions>;
  readonly base: URL;
  readonly https: boolean;
  /** The configured model, trimmed; unset when there is none. */
  readonly model: string | undefined;
  /** The key as it is sent (see sentKey); unset when it may not be sent. */
  readonly sendKey: string | undefined;
  /** Why the key is not sent: the id of the finding that stops it (`key/missing`, `live/host-not-allowed` …). */
  readonly keyBlockedBy: string | undefined;
  /** What findings need to know about the target. */
  readonly finding: FindingContext;
  /** `performance.now()` by which everything must be over. */
  readonly deadline: number;
  readonly facts: Readonly<LiveFacts>;
  /** The id of the offline error finding whose id matches, if there is one. */
  offlineId(pattern: RegExp): string | undefined;
  isOpen(step: StepId): boolean;
  /** Sends one request as part of `step`, showing what it waits for; 429 and 5xx are retried when `retry`. */
  send(req: SendRequest, step: StepId, waitingFor: string, retry: boolean): Promise<Exchange>;
  /** The list the model is checked against: the gateway's own when it gave one, else the bundled snapshot. */
  modelList(): ModelList;
}

/** One run of the chain: the context every link shares, and what only the chain itself touches. */
export interface Run extends Omit<LiveContext, 'facts' | 'isOpen' | 'send' | 'modelList'> {
  facts: LiveFacts;
  findings: Finding[];
  chain: Chain;
  client: LiveClient;
  controller: AbortController;
  traffic: Traffic;
  started: number;
  proxyUrl: string | undefined;
  /** Ends the time limit, the abort listener and the client. */
  close(): Promise<void>;
}

/** What links learn that the links after them (and the report) read. */
export interface LiveFacts {
  /** The gateway's own model ids, when GET /models gave a list. */
  gatewayModels?: string[];
  /** The answer-limit parameter the probe sends (see TokenLimit); it may switch after a 400, and the stream sends the same. */
  limit: TokenLimit;
  /** What the probe sent, in words, once it was answered: `max_tokens 1`, `an embeddings request`. */
  probeWhat?: string;
  /** When the first stream event came, in ms after the streaming request started. */
  streamFirstEventMs?: number;
}

/** The exchange of one request, retries included. */
export interface Exchange {
  req: SendRequest;
  answer?: HttpAnswer;
  failure?: NetFailure;
  tries: number;
  /** Statuses that were retried, in order. */
  statuses: number[];
  stoppedBy?: 'time' | 'tries';
}

/** What the wire showed over the whole run, whichever link sent the request. */
export interface Traffic {
  /** Time to the first byte of the first answer. */
  firstByteMs?: number;
  /** Every request id seen, in order. */
  requestIds: string[];
}

/** A link's right to show progress on the chain: revoked when the guard gives up on the link. */
export interface Lease {
  active: boolean;
}

/**
 * The live half of the doctor: talks to the gateway the way the user's SDK will, one link at a
 * time (DNS → TCP → TLS → HTTP answer → key → model → balance → a 1-token probe → streaming),
 * stops at the first broken link and turns what it saw into findings. Never prints, never exits,
 * never throws: a link that crashes is a finding too.
 */

export interface LiveResult {
  findings: Finding[];
  report: LiveReport;
  /** The gateway's own model list, when it gave one. */
  models?: string[];
}
