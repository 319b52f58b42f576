import os from 'node:os';
import { runChecks } from '../checks/index.js';
import modelUnknown from '../checks/model/unknown.js';
import { discoverConfig, type ConfigFlags } from '../config/discover.js';
import type { ConfigFile, TargetConfig } from '../config/types.js';
import { failsRun, type Finding, type Protocol } from '../core/finding.js';
import { redactDeep, redactKey } from '../core/redact.js';
import type { CheckResult, ConfigSummary, DoctorResult, LiveReport, LiveStep } from '../core/result.js';
import { BUNDLED_MODELS, type ModelList } from '../models/catalog.js';

/** Everything `ruapi doctor` can be asked, as data: the CLI and the programmatic API both build this. */
export interface DiagnoseOptions {
  protocol?: Protocol;
  baseUrl?: string;
  key?: string;
  /** `stdin` when the key was read with --key-stdin (then it is not reported as leaking into history). */
  keyFrom?: 'flag' | 'stdin';
  model?: string;
  /** A .env file to read instead of ./.env; it must exist. */
  envFile?: string;
  /** No network at all. */
  offline?: boolean;
  /** Send the 1-token probe request (default true). */
  probe?: boolean;
  stream?: boolean;
  /** Time limit for the live checks of one protocol (default 25 s). */
  timeoutMs?: number;
  allowHosts?: string[];
  /** A person is at the terminal (a TTY, no --ci, no --json): live checks may ask before sending the key elsewhere. */
  interactive?: boolean;
  confirmHost?: (host: string) => Promise<boolean>;
  onStep?: (protocol: Protocol, step: LiveStep) => void;
  /** Warnings fail the run too. */
  strict?: boolean;
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
  /** Every key value seen. Never output: only passed to the redaction functions. */
  secrets: string[];
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
  if (options.protocol) flags.protocol = options.protocol;
  if (options.baseUrl !== undefined) flags.baseUrl = options.baseUrl;
  if (options.key !== undefined) {
    flags.key = options.key;
    flags.keyFrom = options.keyFrom ?? 'flag';
  }
  if (options.model !== undefined) flags.model = options.model;
  const cwd = options.cwd ?? process.cwd();
  const resolved = discoverConfig({
    flags,
    env: options.env ?? process.env,
    cwd,
    home: options.home ?? os.homedir(),
    ...(options.envFile !== undefined ? { envFile: options.envFile } : {}),
  });
  const secrets = [...(resolved.secrets ?? [])];

  const findings: Finding[] = [...resolved.findings];
  const checks: CheckResult[] = [configCheck(resolved.findings)];
  const live: LiveReport[] = [];

  for (const target of resolved.targets) {
    const offline = runChecks(target, BUNDLED_MODELS);
    let targetFindings = offline.findings;
    let targetChecks = offline.checks;

    if (!options.offline && target.key?.value.trim() && target.baseUrl?.value.trim()) {
      const { runLiveChecks } = await import('../live/index.js');
      const liveRun = await runLiveChecks(target, {
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        probe: options.probe !== false,
        stream: options.stream === true,
        allowHosts: options.allowHosts ?? [],
        interactive: options.interactive === true,
        ...(options.confirmHost ? { confirmHost: options.confirmHost } : {}),
        ...(options.onStep ? { onStep: (step: LiveStep) => options.onStep!(target.protocol, step) } : {}),
        offlineFindings: targetFindings,
      });
      if (liveRun.models && liveRun.models.length > 0) {
        // The gateway's own list replaces the bundled snapshot for the model check.
        ({ findings: targetFindings, checks: targetChecks } = recheckModel(target, { ids: liveRun.models, source: 'gateway' }, offline));
      }
      targetFindings = [...targetFindings, ...liveRun.findings];
      targetChecks = [...targetChecks, ...liveChecks(target.protocol, liveRun.report, liveRun.findings)];
      live.push(liveRun.report);
    }
    findings.push(...targetFindings);
    checks.push(...targetChecks);
  }

  const configs = resolved.targets.map(summarize);
  const result: DoctorResult = {
    ok: !failsRun(findings, options.strict === true),
    findings,
    config: configs[0]!,
    configs,
    checks,
    live,
  };
  return { result, targets: resolved.targets, files: resolved.files ?? [], secrets };
}

/** Re-runs the model check against another list, keeping every other check's result. */
function recheckModel(target: TargetConfig, models: ModelList, offline: { findings: Finding[]; checks: CheckResult[] }) {
  const again = runChecks(target, models, [modelUnknown]);
  return {
    findings: [...offline.findings.filter((f) => f.id !== modelUnknown.id), ...again.findings],
    checks: offline.checks.map((c) => (c.id === modelUnknown.id ? again.checks[0]! : c)),
  };
}

/** One check per live step, so JUnit and step summaries show the chain. */
function liveChecks(protocol: Protocol, report: LiveReport, findings: Finding[]): CheckResult[] {
  return report.steps.map((step) => {
    const status = step.status === 'ok' ? 'pass' : step.status === 'fail' ? 'fail' : step.status === 'warn' ? 'warn' : 'skip';
    // A failing link's detail is the title of the finding that failed it.
    const related = step.status === 'fail' || step.status === 'warn' ? findings.filter((f) => f.title === step.detail).map((f) => f.id) : [];
    const check: CheckResult = { id: `live/${step.id}`, protocol, title: step.label, status, findings: [...new Set(related)] };
    if (step.ms !== undefined) check.ms = step.ms;
    return check;
  });
}

/** Configuration discovery as a check of its own: it fails when a file could not be read. */
function configCheck(found: Finding[]): CheckResult {
  const warn = found.some((f) => f.severity === 'warning' || f.severity === 'error');
  return { id: 'config', title: 'configuration files are readable', status: warn ? 'warn' : 'pass', findings: [...new Set(found.map((f) => f.id))] };
}

export function summarize(target: TargetConfig): ConfigSummary {
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

