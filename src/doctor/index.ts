import { runChecks } from '../checks/index.js';
import { resolveClients } from '../config/clients/resolve.js';
import { discoverConfig, type ConfigFlags, type DiscoverInput } from '../config/discover.js';
import { isPrompted, promptSource } from '../config/sources/index.js';
import type { ConfigFile, Field, Source, TargetConfig } from '../config/types.js';
import { EXIT } from '../core/exit.js';
import type { Finding, Protocol } from '../core/finding.js';
import { redactDeep, redactKey } from '../core/redact.js';
import { urlSecrets } from '../core/urls.js';
import type { CheckResult, ConfigSummary, DoctorResult, LiveReport, LiveStep } from '../core/result.js';
import { BEARER_KEY_VARIABLE, VARIABLES } from '../core/ruapi.js';
import { BUNDLED_MODELS } from '../models/bundled.js';
import { dayOf } from '../models/lifecycle.js';
import type { LiveResult } from '../live/index.js';
import { promptOnly } from './proven.js';
import { finishClients, prepareClients } from './client-run.js';
import { homeDir } from '../core/home.js';
import { finishTarget } from './target.js';
import { judge } from './verdict.js';
import { t } from './words.js';

export type { Field };

/**
 * A value given at a prompt, for one field of one protocol: `typed` when it was missing and the
 * user typed it, `accepted` when the user took a fix the doctor offered. It replaces what was
 * found, for this run only, and is labelled so.
 */
export interface PromptValue {
  value: string;
  how: 'typed' | 'accepted';
}

/** Everything `ruapi doctor` can be asked, as data: the CLI and the programmatic API both build this. */
export interface DiagnoseOptions {
  protocol?: Protocol;
  /** `prompt` when the protocol was picked at a prompt rather than given with --protocol. */
  protocolFrom?: 'flag' | 'prompt';
  baseUrl?: string;
  key?: string;
  /** `stdin` when the key was read with --key-stdin (then it is not reported as leaking into history). */
  keyFrom?: 'flag' | 'stdin';
  model?: string;
  /** Values given at a prompt, per protocol: they win over every other source. */
  prompted?: Partial<Record<Protocol, Partial<Record<Field, PromptValue>>>>;
  /** A .env file to read instead of ./.env; it must exist. */
  envFile?: string;
  /** False: read no configuration file, only the options and `env` (the demo). Default true. */
  readFiles?: boolean;
  /** No network at all. */
  offline?: boolean;
  /** Send the 1-token probe request (default true). */
  probe?: boolean;
  stream?: boolean;
  /**
   * Time limit for all the live checks together (default 25 s). Protocols are checked side by side,
   * each within it; with `onStep` one after the other, sharing it.
   */
  timeoutMs?: number;
  allowHosts?: string[];
  /** A person is at the terminal (a TTY, no --ci, no --json): live checks may ask before sending the key elsewhere. */
  interactive?: boolean;
  confirmHost?: (host: string) => Promise<boolean>;
  /** Each live step as it starts, while slow, and when it ends. Given it, protocols are checked one at a time. */
  onStep?: (protocol: Protocol, step: LiveStep) => void;
  /** Aborting it (Ctrl-C) ends the live checks at once. */
  signal?: AbortSignal;
  /** Warnings fail the run too. */
  strict?: boolean;
  /** The clock: model retirement dates are compared with this day (default: now). Reported as `date`. */
  now?: Date;
  /** `--client ID`: judge this client, whether it was found or not. */
  client?: string;
  /** May Claude Code's apiKeyHelper run? `true` with --allow-key-helper; a function asks (a terminal prompt). */
  allowKeyHelper?: boolean | ((command: string) => Promise<boolean>);
  /** Defaults: process.env, process.cwd(), the user's home folder. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  home?: string;
}

/** A doctor run before redaction, for the CLI: it needs the secrets to redact what it prints. */
export interface DoctorRun {
  result: DoctorResult;
  targets: TargetConfig[];
  files: ConfigFile[];
  /** Every key value seen, and the secret parts of every base URL. Never output: only passed to the redaction functions. */
  secrets: string[];
  /** The gateway's own model ids, per protocol, when it gave a list. */
  models: Partial<Record<Protocol, string[]>>;
  /** What the CLI exits with: follows the verdict (see src/doctor/verdict.ts). */
  exitCode: number;
}

export const DEFAULT_TIMEOUT_MS = 25_000;

/**
 * Finds the configuration, checks it offline and (unless `offline`) live, and returns the result
 * with every key redacted. Prints nothing, prompts only through `confirmHost`, never exits.
 */
export async function diagnose(options: DiagnoseOptions = {}): Promise<DoctorResult> {
  const run = await runDoctor(options);
  return redactDeep(run.result, run.secrets);
}

export async function runDoctor(options: DiagnoseOptions): Promise<DoctorRun> {
  const flags: ConfigFlags = {};
  if (options.protocol) {
    flags.protocol = options.protocol;
    flags.protocolFrom = options.protocolFrom ?? 'flag';
  }
  if (options.baseUrl !== undefined) flags.baseUrl = options.baseUrl;
  if (options.key !== undefined) {
    flags.key = options.key;
    flags.keyFrom = options.keyFrom ?? 'flag';
  }
  if (options.model !== undefined) flags.model = options.model;
  const cwd = options.cwd ?? process.cwd();
  const input: DiscoverInput = {
    flags,
    env: options.env ?? process.env,
    cwd,
    home: options.home ?? homeDir(),
    ...(options.envFile !== undefined ? { envFile: options.envFile } : {}),
    ...(options.readFiles === false ? { readFiles: false } : {}),
  };
  const resolved = discoverConfig(input);
  const targets = resolved.targets.map((t) => withPrompted(t, options.prompted?.[t.protocol]));
  const secrets = [
    ...(resolved.secrets ?? []),
    ...targets.flatMap((t) => [...(isPrompted(t.key?.source) ? [t.key!.value] : []), ...(isPrompted(t.baseUrl?.source) ? urlSecrets(t.baseUrl!.value) : [])]),
  ];

  const now = options.now ?? new Date();
  const offline = targets.map((t) => runChecks(t, BUNDLED_MODELS, now));
  const setups = resolveClients({ resolved, input, ...(options.client ? { only: options.client } : {}) });
  const prepared = setups.length === 0 ? undefined : await prepareClients(setups, { targets, env: input.env, now, ...keyHelperConsent(options) });
  secrets.push(...(prepared?.secrets ?? []));
  // The clients' own requests go out with the doctor targets', side by side (after them, when steps are shown one by one).
  const extra = options.offline ? [] : (prepared?.toRun ?? []);
  const all = [...targets.map((target, i) => ({ target, offline: offline[i]!, env: undefined })), ...extra];
  const lives = options.offline ? targets.map(() => undefined) : await runLive(all.map((r) => r.target), all.map((r) => r.offline), options, all.map((r) => r.env));
  const runs = new Map(extra.map((r, i) => [r.key, lives[targets.length + i]]));

  const findings: Finding[] = [...resolved.findings];
  const checks: CheckResult[] = [configCheck(resolved.findings)];
  const live: LiveReport[] = [];
  const models: DoctorRun['models'] = {};
  const finished = targets.map((target, i) => finishTarget(target, offline[i]!, lives[i], now));
  finished.forEach((done, i) => {
    if (done.models) models[targets[i]!.protocol] = done.models;
    if (done.report) live.push(done.report);
    findings.push(...done.findings, ...promptOnly(targets[i]!));
    checks.push(...done.checks);
  });

  const configs = targets.map(summarize);
  const judgeOptions = { offline: options.offline === true, probe: options.probe !== false, strict: options.strict === true };
  let { verdict, unverified, exitCode } = judge(findings, live, judgeOptions);
  const result: DoctorResult = { ok: false, date: dayOf(now), verdict, unverified, findings, config: configs[0]!, configs, checks, live };
  if (prepared) {
    const clients = finishClients(prepared, { targets, finished, runs, judge: judgeOptions, now });
    result.clients = clients.verdicts;
    result.live.push(...clients.live);
    // What is wrong for no RuAPI client checked (a stray OpenAI key beside a Claude Code set-up) fails nothing: it is information.
    // With no RuAPI client among them (another provider's set-up only), the merged view still decides.
    const anyRuapi = clients.verdicts.some((v) => v.verdict !== 'not-ruapi');
    result.findings = mergeClientFindings(findings, clients.findings, anyRuapi ? clients.counted : undefined);
    ({ verdict, unverified, exitCode } = anyRuapi ? clients : judge(result.findings, live, judgeOptions));
    Object.assign(result, { verdict, unverified });
  }
  result.ok = exitCode === EXIT.ok;
  return { result, targets, files: resolved.files ?? [], secrets, models, exitCode };
}

/**
 * The live checks of every target with a base URL (without a key they still test DNS, TLS and the
 * HTTP answer). Side by side, each within the time limit; with `onStep`, one after the other so
 * that their steps read in order, each given an even share of the time still left.
 */
async function runLive(targets: TargetConfig[], offline: Array<{ findings: Finding[] }>, options: DiagnoseOptions, envs: Array<NodeJS.ProcessEnv | undefined> = []): Promise<Array<LiveResult | undefined>> {
  const wanted = targets.map((t) => !!t.baseUrl?.value.trim());
  if (!wanted.some(Boolean)) return targets.map(() => undefined);
  const { runLiveChecks } = await import('../live/index.js');
  const budget = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const check = (target: TargetConfig, i: number, timeoutMs: number) =>
    runLiveChecks(target, {
      timeoutMs,
      probe: options.probe !== false,
      stream: options.stream === true,
      allowHosts: options.allowHosts ?? [],
      interactive: options.interactive === true,
      ...(options.confirmHost ? { confirmHost: options.confirmHost } : {}),
      ...(options.onStep ? { onStep: (step: LiveStep) => options.onStep!(target.protocol, step) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      offlineFindings: offline[i]!.findings,
      ...(envs[i] ? { env: envs[i] } : {}),
    });

  if (!options.onStep) return Promise.all(targets.map((t, i) => (wanted[i] ? check(t, i, budget) : undefined)));
  const results: Array<LiveResult | undefined> = [];
  const deadline = performance.now() + budget;
  for (let i = 0; i < targets.length; i++) {
    if (!wanted[i] || options.signal?.aborted) {
      results.push(undefined);
      continue;
    }
    const left = wanted.slice(i).filter(Boolean).length;
    results.push(await check(targets[i]!, i, Math.max(1000, (deadline - performance.now()) / left)));
  }
  return results;
}

const PROMPT_LABEL: Record<PromptValue['how'], (field: Field, was?: Source) => string> = {
  typed: (field) => t(field === 'key' ? 'doctor.prompt.typed-key' : 'doctor.prompt.typed'),
  accepted: (_field, was) => (was ? t('doctor.prompt.corrected', { source: was.label }) : t('doctor.prompt.accepted')),
};

/** The variable a protocol's tools read a field from: how a prompted value is named in fix forms. */
function usualVariable(target: TargetConfig, field: Field): string {
  if (field === 'key') return target.protocol === 'anthropic' && target.auth === 'bearer' ? BEARER_KEY_VARIABLE : VARIABLES[target.protocol].key[0]!;
  return VARIABLES[target.protocol][field][0] ?? VARIABLES.ruapi[field][0]!;
}

/** The target with its prompted values in place; what they replace is kept as shadowed. */
function withPrompted(target: TargetConfig, prompted: Partial<Record<Field, PromptValue>> | undefined): TargetConfig {
  if (!prompted) return target;
  const out: TargetConfig = { ...target };
  for (const field of ['key', 'baseUrl', 'model'] as const) {
    const given = prompted[field];
    if (!given) continue;
    const was = target[field];
    const source = promptSource(was?.source.name ?? usualVariable(target, field), PROMPT_LABEL[given.how](field, was?.source));
    out[field] = { value: given.value, source, ...(was ? { shadowed: [{ value: was.value, source: was.source }, ...(was.shadowed ?? [])] } : {}) };
  }
  return out;
}

/** An apiKeyHelper runs with --allow-key-helper, or after a yes at the prompt (a function). */
function keyHelperConsent(options: DiagnoseOptions): { allowKeyHelper?: (command: string) => Promise<boolean> } {
  const allow = options.allowKeyHelper;
  if (!allow) return {};
  return { allowKeyHelper: typeof allow === 'function' ? allow : async () => true };
}

/**
 * The run's findings with the clients': a client's own finding joins once (its id, protocol and
 * source), and a finding of the merged view that no RuAPI client has (a stray OpenAI key beside a
 * Claude Code set-up, a variable no client checked reads) becomes information: it fails nothing.
 */
function mergeClientFindings(global: Finding[], fromClients: Finding[], counted: Finding[] | undefined): Finding[] {
  // Two clients' own findings (client/…) stay apart: each names its client.
  const same = (a: Finding, b: Finding) => a.id === b.id && a.protocol === b.protocol && a.source === b.source && (!a.id.startsWith('client/') || a.data?.client === b.data?.client);
  // An error stays one only where a client counts it as one (a key an apiKeyHelper holds is not missing).
  const demoted = global.map((f) => (counted && f.protocol && f.severity !== 'info' && !counted.some((c) => c.severity !== 'info' && same(c, f)) ? { ...f, severity: 'info' as const } : f));
  const added: Finding[] = [];
  // A client's own fix for the same finding (Codex's for a missing base URL) is shown beside the usual one.
  const sameFix = (a: Finding, b: Finding) => same(a, b) && a.fix === b.fix;
  for (const f of fromClients) if (!demoted.some((g) => sameFix(g, f)) && !added.some((g) => sameFix(g, f))) added.push(f);
  return [...demoted, ...added];
}

/** Configuration discovery as a check of its own: it fails when a file could not be read. */
function configCheck(found: Finding[]): CheckResult {
  const warn = found.some((f) => f.severity === 'warning' || f.severity === 'error');
  return { id: 'config', title: t('doctor.config-check'), status: warn ? 'warn' : 'pass', findings: [...new Set(found.map((f) => f.id))] };
}

function summarize(target: TargetConfig): ConfigSummary {
  const sources: Record<string, string> = {};
  if (target.protocolSource) sources.protocol = target.protocolSource;
  if (target.key) sources.key = target.key.source.label;
  if (target.baseUrl) sources.baseUrl = target.baseUrl.source.label;
  if (target.model) sources.model = target.model.source.label;
  return {
    protocol: target.protocol,
    baseUrl: target.baseUrl?.value ?? null,
    key: target.key ? `<redacted ${redactKey(target.key.value) || '(empty)'}>` : null,
    model: target.model?.value ?? null,
    sources,
  };
}
