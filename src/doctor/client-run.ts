import { execFile } from 'node:child_process';
import { runChecks } from '../checks/index.js';
import type { ClientSetup } from '../config/clients/resolve.js';
import type { TargetConfig } from '../config/types.js';
import { EXIT } from '../core/exit.js';
import type { Finding, Protocol } from '../core/finding.js';
import type { ClientVerdict, LiveReport, Unproven, Verdict } from '../core/result.js';
import type { LiveResult } from '../live/index.js';
import { BUNDLED_MODELS } from '../models/catalog.js';
import { clientFinding } from './client-findings.js';
import { judgeClient, planClient, requestKey, ruapiOnly, worstExit, worstVerdict, type ClientPlan } from './clients.js';
import type { FinishedTarget } from './target.js';
import type { JudgeOptions } from './verdict.js';

/** How long an apiKeyHelper may run before the doctor gives up on it. */
const KEY_HELPER_TIMEOUT_MS = 10_000;

export interface ClientsRun {
  verdicts: ClientVerdict[];
  /** The findings of every client, each tagged with `data.client`. */
  findings: Finding[];
  /** Live reports of requests no doctor target sent. */
  live: LiveReport[];
  verdict: Verdict;
  unverified: Unproven[];
  exitCode: number;
  /** Keys an apiKeyHelper printed: secrets of the run. */
  secrets: string[];
  /** The findings of the clients that count (set up for RuAPI). */
  counted: Finding[];
}

export interface ClientsContext {
  targets: TargetConfig[];
  finished: FinishedTarget[];
  env: NodeJS.ProcessEnv;
  judge: JudgeOptions;
  /** The run's day, for model retirement dates. */
  now: Date;
  /** Runs the live chain on these targets (none in --offline). */
  live?: (targets: TargetConfig[], offline: Array<{ findings: Finding[] }>, env: Array<NodeJS.ProcessEnv | undefined>) => Promise<Array<LiveResult | undefined>>;
  /** May the apiKeyHelper run? (--allow-key-helper, or a yes at the prompt.) */
  allowKeyHelper?: (command: string) => Promise<boolean>;
}

/**
 * Each client judged on the request it would send. A request a doctor target already sent is not
 * sent again, and clients that send the same request share one live run.
 */
export async function runClients(setups: ClientSetup[], ctx: ClientsContext): Promise<ClientsRun> {
  const secrets: string[] = [];
  const plans = setups.map(planClient);
  const extra = new Map<ClientPlan, Finding[]>(plans.map((p) => [p, []]));
  for (const plan of plans) {
    const only = ruapiOnly(plan, { shell: ctx.env });
    if (only) plan.findings.push(only);
    if (plan.otherProvider) extra.get(plan)!.push(clientFinding.otherProvider(plan.setup, plan.otherProvider));
    await runKeyHelper(plan, ctx, secrets, extra.get(plan)!);
  }

  const known = new Map(ctx.targets.map((t, i) => [requestKey(t), ctx.finished[i]!]));
  const toRun = new Map<string, ClientPlan>();
  for (const plan of plans) {
    const key = requestKey(plan.target, plan.setup.proxyFromDotenv);
    if (!plan.otherProvider && !known.has(key) && plan.target.baseUrl?.value.trim()) toRun.set(key, plan);
  }
  const runs = new Map<string, LiveResult | undefined>();
  if (ctx.live && toRun.size > 0) {
    const list = [...toRun.values()];
    const results = await ctx.live(
      list.map((p) => p.target),
      list.map((p) => runChecks(p.target, BUNDLED_MODELS, ctx.now)),
      list.map((p) => (p.setup.proxyFromDotenv ? { ...ctx.env, ...p.setup.proxyFromDotenv } : undefined)),
    );
    [...toRun.keys()].forEach((k, i) => runs.set(k, results[i]));
  }

  const judged = plans.map((plan) => {
    const key = requestKey(plan.target, plan.setup.proxyFromDotenv);
    const finished = known.get(key);
    return judgeClient(plan, finished ? { finished } : { ...(runs.get(key) ? { run: runs.get(key)! } : {}) }, ctx.judge, extra.get(plan)!, ctx.now);
  });
  const counted = judged.filter((j) => j.verdict.verdict !== 'not-ruapi');
  const live = [...new Set(judged.flatMap((j, i) => (j.report && !known.has(requestKey(plans[i]!.target, plans[i]!.setup.proxyFromDotenv)) ? [j.report] : [])))];
  return {
    verdicts: judged.map((j) => j.verdict),
    findings: judged.flatMap((j) => j.findings),
    live,
    verdict: counted.length > 0 ? worstVerdict(counted.map((j) => j.verdict.verdict)) : 'ready',
    unverified: counted.flatMap((j) => j.unverified),
    exitCode: counted.length > 0 ? worstExit(counted.map((j) => j.exitCode)) : EXIT.ok,
    secrets,
    counted: counted.flatMap((j) => j.findings),
  };
}

/**
 * Claude Code's apiKeyHelper, run only with consent, in /bin/sh as Claude Code runs it, with a time
 * limit; what it prints is the key (a secret of the run from then on). Without consent the key stays unchecked.
 */
async function runKeyHelper(plan: ClientPlan, ctx: ClientsContext, secrets: string[], findings: Finding[]): Promise<void> {
  const helper = plan.setup.keyCommand;
  if (!helper || plan.setup.key || !ctx.allowKeyHelper || !(await ctx.allowKeyHelper(helper.value))) return;
  const got = await new Promise<{ out?: string; why?: string }>((resolve) => {
    execFile('/bin/sh', ['-c', helper.value], { timeout: KEY_HELPER_TIMEOUT_MS, maxBuffer: 64 * 1024, windowsHide: true }, (err, stdout) => {
      if (err) resolve({ why: (err as { killed?: boolean }).killed ? `did not finish within ${KEY_HELPER_TIMEOUT_MS / 1000} s` : `exited with an error (${(err as { code?: unknown }).code ?? 'no code'})` });
      else resolve({ out: String(stdout).trim() });
    });
  });
  if (got.out) {
    secrets.push(got.out);
    const key = { value: got.out, source: { ...helper.source, label: `what ${helper.source.label} printed` } };
    plan.setup.key = key;
    plan.target.key = key;
    plan.findings = plan.findings.filter((f) => f.id !== 'client/key-helper');
  } else {
    findings.push(clientFinding.keyHelperFailed(plan.setup, helper, got.why ?? 'printed nothing'));
    plan.findings = plan.findings.filter((f) => f.id !== 'client/key-helper');
  }
}
