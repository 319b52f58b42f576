import { execFile } from 'node:child_process';
import { runChecks } from '../checks/index.js';
import type { ClientSetup } from '../config/clients/resolve.js';
import type { TargetConfig } from '../config/types.js';
import { EXIT } from '../core/exit.js';
import type { Finding } from '../core/finding.js';
import type { ClientVerdict, LiveReport, Unproven, Verdict } from '../core/result.js';
import type { LiveResult } from '../live/index.js';
import { num } from '../lang/t.js';
import { BUNDLED_MODELS } from '../models/bundled.js';
import { clientFinding } from './client-findings.js';
import { judgeClient, planClient, requestKey, ruapiOnly, worstExit, worstVerdict, type ClientPlan } from './clients.js';
import type { FinishedTarget } from './target.js';
import type { JudgeOptions } from './verdict.js';
import { t } from './words.js';

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
  /** The findings of the clients that count (set up for RuAPI). */
  counted: Finding[];
}

export interface PrepareContext {
  targets: TargetConfig[];
  env: NodeJS.ProcessEnv;
  now: Date;
  /** May the apiKeyHelper run? (--allow-key-helper, or a yes at the prompt.) */
  allowKeyHelper?: (command: string) => Promise<boolean>;
}

/** The clients' requests, planned before any is sent, and those no doctor target sends already. */
export interface PreparedClients {
  plans: ClientPlan[];
  extra: Map<ClientPlan, Finding[]>;
  secrets: string[];
  /** One plan per distinct request that needs a live run of its own, with its offline findings and environment. */
  toRun: Array<{ key: string; target: TargetConfig; offline: { findings: Finding[] }; env?: NodeJS.ProcessEnv }>;
}

const keyOf = (plan: ClientPlan) => requestKey(plan.target, plan.setup.proxyFromDotenv);

/**
 * Plans each client's request (running an apiKeyHelper only with consent) and lists the requests
 * a live run must send besides the doctor targets': clients that send the same request share one.
 */
export async function prepareClients(setups: ClientSetup[], ctx: PrepareContext): Promise<PreparedClients> {
  const secrets: string[] = [];
  const plans = setups.map(planClient);
  const extra = new Map<ClientPlan, Finding[]>(plans.map((p) => [p, []]));
  for (const plan of plans) {
    const only = ruapiOnly(plan, ctx.env);
    if (only) plan.findings.push(only);
    if (plan.otherProvider) extra.get(plan)!.push(clientFinding.otherProvider(plan.setup, plan.otherProvider));
    await runKeyHelper(plan, ctx, secrets, extra.get(plan)!);
  }
  const known = new Set(ctx.targets.map((t) => requestKey(t)));
  const toRun = new Map<string, PreparedClients['toRun'][number]>();
  for (const plan of plans) {
    const key = keyOf(plan);
    if (plan.otherProvider || known.has(key) || toRun.has(key) || !plan.target.baseUrl?.value.trim()) continue;
    const env = plan.setup.proxyFromDotenv ? { ...ctx.env, ...plan.setup.proxyFromDotenv } : undefined;
    toRun.set(key, { key, target: plan.target, offline: runChecks(plan.target, BUNDLED_MODELS, ctx.now), ...(env ? { env } : {}) });
  }
  return { plans, extra, secrets, toRun: [...toRun.values()] };
}

/**
 * Each client judged on the request it would send, with the live run of that request: the doctor
 * target's when it sent the same one, else the client's own.
 */
export function finishClients(prepared: PreparedClients, ctx: { targets: TargetConfig[]; finished: FinishedTarget[]; runs: Map<string, LiveResult | undefined>; judge: JudgeOptions; now: Date }): ClientsRun {
  const known = new Map(ctx.targets.map((t, i) => [requestKey(t), ctx.finished[i]!]));
  const { plans, extra } = prepared;
  const judged = plans.map((plan) => {
    const finished = known.get(keyOf(plan));
    const run = ctx.runs.get(keyOf(plan));
    return judgeClient(plan, finished ? { finished } : run ? { run } : {}, ctx.judge, extra.get(plan)!, ctx.now);
  });
  const counted = judged.filter((j) => j.verdict.verdict !== 'not-ruapi');
  const live = [...new Set(judged.flatMap((j, i) => (j.report && !known.has(keyOf(plans[i]!)) ? [j.report] : [])))];
  return {
    verdicts: judged.map((j) => j.verdict),
    findings: judged.flatMap((j) => j.findings),
    live,
    verdict: counted.length > 0 ? worstVerdict(counted.map((j) => j.verdict.verdict)) : 'ready',
    unverified: counted.flatMap((j) => j.unverified),
    exitCode: counted.length > 0 ? worstExit(counted.map((j) => j.exitCode)) : EXIT.ok,
    counted: counted.flatMap((j) => j.findings),
  };
}

/**
 * Claude Code's apiKeyHelper, run only with consent, in /bin/sh as Claude Code runs it, with a time
 * limit; what it prints is the key (a secret of the run from then on). Without consent the key stays unchecked.
 */
async function runKeyHelper(plan: ClientPlan, ctx: PrepareContext, secrets: string[], findings: Finding[]): Promise<void> {
  const helper = plan.setup.keyCommand;
  if (!helper || plan.setup.key || !ctx.allowKeyHelper || !(await ctx.allowKeyHelper(helper.value))) return;
  const got = await new Promise<{ out?: string; why?: string }>((resolve) => {
    execFile('/bin/sh', ['-c', helper.value], { timeout: KEY_HELPER_TIMEOUT_MS, maxBuffer: 64 * 1024, windowsHide: true }, (err, stdout) => {
      if (err) resolve({ why: whyNoKey(err as { killed?: boolean; code?: unknown }) });
      else resolve({ out: String(stdout).trim() });
    });
  });
  if (got.out) {
    secrets.push(got.out);
    const key = { value: got.out, source: { ...helper.source, label: t('doctor.key-helper.printed', { source: helper.source.label }) } };
    plan.setup.key = key;
    plan.target.key = key;
    plan.findings = plan.findings.filter((f) => f.id !== 'client/key-helper');
  } else {
    findings.push(clientFinding.keyHelperFailed(plan.setup, helper, got.why ?? t('client/key-helper-failed.why.printed-nothing')));
    plan.findings = plan.findings.filter((f) => f.id !== 'client/key-helper');
  }
}

/** What an apiKeyHelper that failed did, as the finding says it: killed at the time limit, or its exit code. */
function whyNoKey(err: { killed?: boolean; code?: unknown }): string {
  if (err.killed) return t('client/key-helper-failed.why.timed-out', { s: num(KEY_HELPER_TIMEOUT_MS / 1000) });
  return err.code == null ? t('client/key-helper-failed.why.exited-no-code') : t('client/key-helper-failed.why.exited', { code: String(err.code) });
}
