import type { Finding, Protocol } from './finding.js';

/** One link of the live chain, in order. Later links show as `skipped` with `blockedBy`. */
export interface LiveStep {
  id: 'dns' | 'connect' | 'tls' | 'http' | 'auth' | 'model' | 'balance' | 'probe' | 'stream';
  label: string;
  /** `running` appears only in `onStep` events while a link is under way, never in a report. */
  status: 'ok' | 'fail' | 'warn' | 'skipped' | 'running';
  ms?: number;
  detail?: string;
  /** With `skipped`: the id of the step that failed and blocks this one. */
  blockedBy?: string;
}

/** What the live checks saw for one protocol. */
export interface LiveReport {
  protocol: Protocol;
  baseUrl: string;
  steps: LiveStep[];
  timings: { dnsMs?: number; connectMs?: number; tlsMs?: number; firstByteMs?: number; totalMs: number };
  /** Request ids the gateway returned, in full (they are not secrets). */
  requestIds: string[];
  /** The proxy in use, if any (credentials redacted). */
  proxy?: string;
  /** Where the model list came from: the gateway's /models, or the bundled snapshot. */
  modelList?: { source: 'gateway' | 'bundled'; count: number };
}

/** One check that ran (for JUnit and step summaries: one test case per check). */
export interface CheckResult {
  /** The check's id, e.g. `key`, `base-url`, `model`, `live/dns`. */
  id: string;
  protocol?: Protocol;
  title: string;
  status: 'pass' | 'fail' | 'warn' | 'skip';
  /** Ids of the findings it produced. */
  findings: string[];
  ms?: number;
}

/** The configuration as checked, key redacted. */
export interface ConfigSummary {
  protocol: Protocol | null;
  baseUrl: string | null;
  /** Redacted (`sk-…abcd`), never the key. */
  key: string | null;
  model: string | null;
  /** Field → source label ("OPENAI_BASE_URL in .env, line 3"). */
  sources: Record<string, string>;
}

/**
 * How a run ends: `ready` (a real request proved key, model and balance, or `--offline` checks
 * passed), `problems` (an error finding; with --strict a warning too), `unverified` (no problem,
 * but something could not be proven: see `unverified`).
 */
export type Verdict = 'ready' | 'problems' | 'unverified';

/**
 * One client's verdict (`--json` `clients[]`): whether the request that client would send, built
 * from the values it reads, works. `not-ruapi`: its values point at another provider altogether.
 */
export interface ClientVerdict {
  id: string;
  label: string;
  protocol: Protocol;
  verdict: Verdict | 'not-ruapi';
  /** Why it was checked: its config file, a variable only it reads, the project's packages, or `--client`. */
  foundBy: string;
  /** The files and places its values came from. */
  sources: string[];
  /** The URL it would post to. */
  requestUrl: string;
  /** The ids of the findings that decide its verdict (warnings and errors; info for another provider's set-up). */
  findings: string[];
  /** For `not-ruapi`: the provider its values point at. */
  provider?: string;
  /** One line for people: `ready`, the first problem's title, what stayed unproven. */
  summary: string;
  /** For `problems`: the client's set-up that works with RuAPI, written in its own format. */
  setup?: ClientSetupSnippet;
}

/** A client's fixed set-up as text for one place: its config file or its code. It never holds a key. */
export interface ClientSetupSnippet {
  /** The file it goes in (`~/.codex/config.toml`), or the language of the code (`Python`), or `curl`. */
  where: string;
  format: 'json' | 'jsonc' | 'toml' | 'yaml' | 'python' | 'javascript' | 'shell';
  text: string;
  /** The variable the text reads the key from. */
  keyVariable: string;
}

/** A link a `ready` verdict needs that was not proven, and why. */
export interface Unproven {
  /** The live step's id (`http` base URL, `auth` key, `model`, `balance`, `stream`). */
  step: string;
  protocol: Protocol;
  /** What stopped it, in words ("Rate limited (429) on all 5 tries"). */
  reason: string;
  /** `chosen` by a flag (--no-probe), `transient` (try again later: exit 75) or `lasting`. */
  kind: 'chosen' | 'transient' | 'lasting';
}

/** `ruapi doctor --json`: the contract documented in README. */
export interface DoctorResult {
  /** True exactly when the exit code is 0. */
  ok: boolean;
  /** The day of the run (UTC, YYYY-MM-DD): model retirement dates were compared with it. */
  date: string;
  verdict: Verdict;
  /** Empty unless the verdict is `unverified`. */
  unverified: Unproven[];
  findings: Finding[];
  /** The first (or only) protocol checked. */
  config: ConfigSummary;
  /** Every protocol checked, when both are configured. */
  configs: ConfigSummary[];
  checks: CheckResult[];
  live: LiveReport[];
  /** Per client, when any was found (or named with --client): the verdict and exit code are the worst of these. */
  clients?: ClientVerdict[];
}
