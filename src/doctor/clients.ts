import { providerOfHost } from '../checks/base-url/analyze.js';
import { runChecks } from '../checks/index.js';
import type { ClientSetup } from '../config/clients/resolve.js';
import type { Sourced, TargetConfig } from '../config/types.js';
import { EXIT } from '../core/exit.js';
import type { Finding } from '../core/finding.js';
import type { ClientSetupSnippet, ClientVerdict, LiveReport, Unproven } from '../core/result.js';
import { API_PATHS, EXAMPLE_MODEL, RESPONSES_PATH, RUAPI_BASE_URL } from '../core/ruapi.js';
import { environment } from '../config/sources/environment.js';
import { kindOf } from '../config/sources/index.js';
import { suggestedFix } from '../core/finding.js';
import { clientSnippet, writable } from '../fix/client-setup.js';
import type { LiveResult } from '../live/index.js';
import { BUNDLED_MODELS } from '../models/bundled.js';
import { clientFinding, isSettingName } from './client-findings.js';
import { finishTarget, type FinishedTarget } from './target.js';
import { judge, type JudgeOptions } from './verdict.js';
import { t } from './words.js';

/** One client's request as the doctor checks it: the SDK-style target that sends the same request. */
export interface ClientPlan {
  setup: ClientSetup;
  target: TargetConfig;
  /** The URL the client would post to. */
  requestUrl: string;
  /** Findings from how the client reads its values (not from checking them). */
  findings: Finding[];
  /** The values point at another provider altogether: not a RuAPI set-up. */
  otherProvider?: string;
  /** The client's own path convention differs from the SDKs': base-url findings are its own. */
  ownBaseUrl: boolean;
}

/** The request a client would send, as a target the offline checks and the live chain understand. */
export function planClient(setup: ClientSetup): ClientPlan {
  const p = setup.profile;
  const base = setup.baseUrl?.value.trim() || p.defaultBaseUrl;
  const requestUrl = joinPath(base, setup.path);
  const sdkPath = sdkPathOf(setup);
  const standard = standardPath(setup);
  const target: TargetConfig = { protocol: setup.protocol, protocolGuessed: false, auth: setup.auth };
  if (setup.key) target.key = setup.key;
  if (setup.model) target.model = setup.model;
  if (p.api === 'responses') target.api = 'responses';
  const findings = resolutionFindings(setup);
  const ownBaseUrl = setup.path !== sdkPath;
  if (setup.baseUrl) {
    // The base an SDK would need to send this same request: the checks and the live chain read that.
    const equivalent = requestUrl.endsWith(sdkPath) ? requestUrl.slice(0, -sdkPath.length) : setup.baseUrl.value;
    target.baseUrl = { value: ownBaseUrl ? equivalent : setup.baseUrl.value, source: setup.baseUrl.source };
    if (ownBaseUrl && !pathOf(requestUrl).endsWith(standard)) findings.push(clientFinding.requestUrl(setup, requestUrl, rightBase(setup, standard)));
  }
  const otherProvider = providerOf(setup, base);
  return { setup, target, requestUrl, findings, ownBaseUrl, ...(otherProvider ? { otherProvider } : {}) };
}

/** What an SDK appends for the client's endpoint. */
const sdkPathOf = (setup: ClientSetup): string => (setup.profile.api === 'responses' ? RESPONSES_PATH : API_PATHS[setup.protocol].messages);

/** The path the client's request must end with on RuAPI (OpenAI bases carry /v1). */
const standardPath = (setup: ClientSetup): string => (setup.protocol === 'anthropic' ? sdkPathOf(setup) : `/v1${sdkPathOf(setup)}`);

/** The base URL that makes this client post to RuAPI's endpoint. */
function rightBase(setup: ClientSetup, standard: string): string {
  // RuAPI's Anthropic base URL is its bare origin: what comes before the endpoint's path.
  const origin = RUAPI_BASE_URL.anthropic;
  const rel = setup.path.replace(/^\//, '');
  return standard.endsWith(rel) ? `${origin}${standard.slice(0, standard.length - rel.length).replace(/\/$/, '')}` : origin;
}

function joinPath(base: string, path: string): string {
  if (!path.startsWith('/')) {
    try {
      return new URL(path, base.endsWith('/') ? base : `${base}/`).href;
    } catch {
      return `${base.replace(/\/+$/, '')}/${path}`;
    }
  }
  return `${base.replace(/\/+$/, '')}${path}`;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Another provider's API: its host (a base URL set to it, or the default) with that provider's own key. A RuAPI-shaped key there is a RuAPI set-up gone wrong. */
function providerOf(setup: ClientSetup, base: string): string | undefined {
  let host = '';
  try {
    host = new URL(base).hostname;
  } catch {
    return undefined;
  }
  const byHost = providerOfHost(host);
  if (!byHost) return undefined;
  // A RuAPI key sent to the default host is a RuAPI set-up that forgot its base URL; another provider's own key is not.
  const key = setup.key?.value.trim() ?? '';
  const official = /^sk-(?:proj|svcacct|admin)-|T3BlbkFJ/.test(key) || key.startsWith('sk-ant-');
  return official ? byHost : undefined;
}

/** What reading the client's values found: names it does not read, a .env it cannot read, ruapi-only variables, its time limit. */
function resolutionFindings(setup: ClientSetup): Finding[] {
  const out: Finding[] = [];
  for (const u of setup.unread) out.push(clientFinding.notRead(setup, u.set, u.reads, fieldHas(setup, u.reads)));
  if (setup.lostToBom) out.push(clientFinding.bom(setup, setup.lostToBom));
  if (setup.refused) out.push(clientFinding.configRefused(setup, setup.refused));
  if (setup.unused) out.push(clientFinding.configIgnored(setup, setup.unused));
  if (setup.timeout) {
    const ms = Number(setup.timeout.value);
    if (Number.isFinite(ms) && ms > 0 && ms < 60_000) out.push(clientFinding.shortTimeout(setup, setup.timeout, ms));
  }
  if (setup.keyCommand && !setup.key) out.push(clientFinding.keyHelper(setup, setup.keyCommand));
  if (setup.profile.api === 'responses') out.push(clientFinding.responsesApi(setup));
  return out;
}

/** True when the client has a value for the field the name `reads` is for. */
const fieldHas = (setup: ClientSetup, reads: string): boolean => {
  const p = setup.profile.env;
  // A setting of the client's own file (Codex's openai_base_url) says its field in its name.
  const setting = isSettingName(reads);
  const field: Sourced | undefined =
    p.key.includes(reads) || (setting && /key|token/.test(reads)) ? setup.key : p.baseUrl.includes(reads) || (setting && /url/.test(reads)) ? setup.baseUrl : setup.model;
  return field !== undefined && field.value.trim() !== '';
};

/** Ruapi's own variables, set where no SDK looks: what an SDK client lacks when only they hold the values. */
export function ruapiOnly(plan: ClientPlan, shell: NodeJS.ProcessEnv): Finding | undefined {
  const p = plan.setup.profile;
  if (p.id === 'curl' || p.places.includes('tool-config')) return undefined;
  const held = ['RUAPI_API_KEY', 'RUAPI_BASE_URL'].filter((n) => shell[n]?.trim());
  if (held.length === 0 || (plan.setup.key && plan.setup.baseUrl)) return undefined;
  return clientFinding.ruapiOnly(plan.setup, held);
}

/** A request's identity: clients that would send the same request are probed once. */
export const requestKey = (t: TargetConfig, env?: Record<string, string>): string =>
  JSON.stringify([t.protocol, t.api ?? 'chat', t.auth, t.baseUrl?.value.trim() ?? '', t.key?.value ?? '', t.model?.value.trim() ?? '', env ?? {}]);

export interface ClientJudgement {
  verdict: ClientVerdict;
  findings: Finding[];
  report?: LiveReport;
  unverified: Unproven[];
  exitCode: number;
}

/**
 * Judges one client on its own request: its resolution findings, the offline checks of its values
 * (every model id it names), and the live run of the same request (shared with every client that
 * sends it). A client set up for another provider is reported, never failed.
 */
export function judgeClient(plan: ClientPlan, live: { run?: LiveResult; finished?: FinishedTarget }, opts: JudgeOptions, extra: Finding[], now: Date): ClientJudgement {
  const { setup } = plan;
  // A tool with its own path convention gets its own base-URL finding: the SDK-style ones would propose the wrong value.
  const ownUrl = plan.ownBaseUrl && plan.findings.some((f) => f.id === 'client/request-url');
  const sdkStyle = (found: Finding[]) => (ownUrl ? found.filter((f) => !f.id.startsWith('base-url/')) : found);
  // The doctor's own check of the same request, when it sent one; else this client's.
  const done = live.finished ?? finishTarget(plan.target, runChecks(plan.target, BUNDLED_MODELS, now), live.run, now);
  const main = sdkStyle(done.findings);
  // Every other model id the client names (Claude Code's slots) is checked too, whoever checked the request.
  const more: Finding[] = [];
  for (const m of setup.models.slice(1)) {
    for (const f of runChecks({ ...plan.target, model: m }, BUNDLED_MODELS, now).findings) {
      if (f.id.startsWith('model/') && f.id !== 'model/missing' && ![...main, ...more].some((o) => o.id === f.id && o.source === f.source)) more.push(f);
    }
  }
  const tag = (f: Finding): Finding => ({ ...f, data: { ...f.data, client: setup.profile.id } });
  let findings = [...plan.findings, ...extra, ...main, ...more].map(tag);
  if (plan.otherProvider) findings = findings.map((f) => (f.severity === 'info' ? f : { ...f, severity: 'info' as const }));
  // The usual variables' fix does not reach a client that reads none of them (Codex): its own words do.
  const own = setup.profile.missingFix;
  if (own) findings = findings.map((f) => (f.id === 'key/missing' && own.key ? { ...f, fix: own.key } : f.id === 'base-url/missing' && own.baseUrl ? { ...f, fix: own.baseUrl } : f));
  // The key is whatever an apiKeyHelper not run would print: unknown, not missing (the real Claude Code gets it).
  const helperNotRun = setup.keyCommand !== undefined && !setup.key;
  if (helperNotRun) findings = findings.map((f) => (f.id === 'key/missing' ? { ...f, severity: 'info' as const } : f));
  const reports = done.report ? [done.report] : [];
  let judged = judge(findings, reports, opts);
  if (helperNotRun && judged.verdict !== 'problems' && !opts.offline) {
    const unproven: Unproven = { step: 'auth', protocol: setup.protocol, reason: t('doctor.client.key-helper-not-run'), kind: 'chosen' };
    judged = { ...judged, verdict: 'unverified', unverified: [unproven, ...judged.unverified] };
  }
  const verdict: ClientVerdict = {
    id: setup.profile.id,
    label: setup.profile.label,
    protocol: setup.protocol,
    verdict: plan.otherProvider ? 'not-ruapi' : judged.verdict,
    foundBy: setup.foundBy,
    sources: setup.places,
    requestUrl: plan.requestUrl,
    findings: [...new Set(findings.filter((f) => f.severity !== 'info' || plan.otherProvider).map((f) => f.id))],
    summary: summaryOf(plan, judged, findings, opts.offline),
  };
  if (plan.otherProvider) verdict.provider = plan.otherProvider;
  if (verdict.verdict === 'problems') {
    const fixed = fixedSetup(plan, findings);
    if (fixed) verdict.setup = fixed;
  }
  return { verdict, findings, ...(done.report ? { report: done.report } : {}), unverified: plan.otherProvider ? [] : judged.unverified, exitCode: plan.otherProvider ? EXIT.ok : judged.exitCode };
}

/**
 * The client's set-up that works with RuAPI, in its own format: the values its findings propose,
 * else its own where nothing is wrong with them, else RuAPI's base URL for this client and the
 * example model. The key stays where it is: the text names the variable that holds it. None when
 * it would change no value the client reads.
 */
function fixedSetup(plan: ClientPlan, findings: Finding[]): ClientSetupSnippet | undefined {
  const { setup } = plan;
  const errors = findings.filter((f) => f.severity === 'error');
  // Findings about the values the template writes: the main model's, not another slot's (Claude Code's opus model).
  const slots = new Set(setup.models.slice(1).map((m) => m.source.label));
  const about = (f: Finding, field: 'baseUrl' | 'model') => field === 'baseUrl' || !f.source || !slots.has(f.source);
  const proposed = (field: 'baseUrl' | 'model') => {
    for (const f of findings) {
      const fix = suggestedFix(f.data);
      if (fix && fix.field !== 'key' && fix.field === field && about(f, field)) return fix.value;
    }
    return undefined;
  };
  const wrong = (field: 'baseUrl' | 'model') => {
    const [area, step] = field === 'baseUrl' ? ['base-url', 'http'] : ['model', 'model'];
    return errors.some((f) => about(f, field) && (f.id.startsWith(`${area}/`) || f.data?.step === step || (field === 'baseUrl' && f.id === 'client/request-url')));
  };
  const own = (value: Sourced | undefined, bad: boolean) => (bad ? undefined : writable(value?.value.trim()));
  const base = proposed('baseUrl') ?? own(setup.baseUrl, wrong('baseUrl')) ?? rightBase(setup, standardPath(setup));
  const model = proposed('model') ?? own(setup.model, wrong('model')) ?? EXAMPLE_MODEL[setup.protocol];
  const keySource = setup.key?.source;
  // With no key it reads, a shell variable that holds one but is not read (OPENAI_API_KEY for Codex) can be named instead.
  const heldKey = setup.unread.find((u) => /KEY|TOKEN/.test(u.reads) && u.set.source.kind === environment.kind && setup.profile.setup?.[setup.protocol]?.text.includes('{key}'));
  // Values the client already reads as they are, and no key to wire up: the problem is elsewhere (the key itself, the network), and a set-up would change nothing.
  if (!heldKey && base === setup.baseUrl?.value.trim() && model === (setup.model?.value.trim() ?? model)) return undefined;
  const keyVariable = keySource && kindOf(keySource).variables ? keySource.name : (heldKey?.set.source.name ?? setup.profile.env.key[0] ?? 'RUAPI_API_KEY');
  const file = setup.baseUrl?.source.file ?? setup.model?.source.file;
  return clientSnippet(setup.profile, { protocol: setup.protocol, baseUrl: base, model, keyVariable, auth: setup.auth, ...(file ? { file } : {}) });
}

/** The client's line in the summary: ready, the first problem, what stayed unproven, or whose set-up it is. */
function summaryOf(plan: ClientPlan, judged: ReturnType<typeof judge>, findings: Finding[], offline: boolean): string {
  if (plan.otherProvider) return t('doctor.client.other-provider', { provider: plan.otherProvider });
  if (judged.verdict === 'problems') return (findings.find((f) => f.severity === 'error') ?? findings.find((f) => f.severity === 'warning'))?.title ?? t('doctor.client.problems');
  if (judged.verdict === 'unverified') return t('doctor.client.unverified', { reason: judged.unverified[0]?.reason ?? t('doctor.client.not-proven') });
  return t(offline ? 'doctor.client.offline' : 'doctor.client.ready');
}

/** The exit code of several clients: a problem over a try-again-later over ready. */
export function worstExit(codes: readonly number[]): number {
  for (const code of [EXIT.problem, EXIT.tempfail]) if (codes.includes(code)) return code;
  return EXIT.ok;
}

/** The verdict of several clients: problems over unverified over ready. */
export function worstVerdict(verdicts: ReadonlyArray<ClientVerdict['verdict']>): 'ready' | 'problems' | 'unverified' {
  if (verdicts.includes('problems')) return 'problems';
  return verdicts.includes('unverified') ? 'unverified' : 'ready';
}
