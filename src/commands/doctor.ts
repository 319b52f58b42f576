import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isatty } from 'node:tty';
import type { ChalkInstance } from 'chalk';
import { shorten } from '../checks/text.js';
import { displayPath } from '../config/files.js';
import { PROTOCOL_NAME } from '../core/ruapi.js';
import { colorFor, plain } from '../core/color.js';
import { EXIT, UsageError } from '../core/exit.js';
import type { Protocol } from '../core/finding.js';
import { redactDeep, redactKey, redactText } from '../core/redact.js';
import type { DoctorResult } from '../core/result.js';
import { VERSION } from '../core/version.js';
import { planFileFixes, proposedFixes, secretsOf, setupForms, type ProposedFix } from '../doctor/fixes.js';
import { DEFAULT_TIMEOUT_MS, runDoctor, type DiagnoseOptions, type DoctorRun, type Field, type PromptValue } from '../doctor/index.js';
import { applyFix, detectShell, renderDiff } from '../fix/index.js';
import { BUNDLED_MODELS } from '../models/catalog.js';
import { renderGithubAnnotations } from '../report/github.js';
import { renderHuman } from '../report/human.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdownSummary } from '../report/summary.js';
import { keyFingerprint, renderSupportReport, SUPPORT_EMAIL, supportReportJson } from '../report/support.js';
import { isInteractive } from '../ui/interactive.js';
import type { CommandContext } from './register.js';

type Ui = typeof import('../ui/index.js');

/** The options commander hands over (see register.ts). */
export interface DoctorFlags {
  protocol?: Protocol;
  baseUrl?: string;
  key?: string;
  keyStdin?: boolean;
  model?: string;
  envFile?: string;
  offline?: boolean;
  probe?: boolean;
  stream?: boolean;
  /** Seconds, already validated by commander. */
  timeout?: number;
  allowHost?: string[];
  ci?: boolean;
  json?: boolean;
  strict?: boolean;
  verbose?: boolean;
  fix?: boolean;
  yes?: boolean;
  report?: boolean;
  format?: Format;
  output?: string;
  demo?: boolean;
  color?: boolean;
}

type Format = 'human' | 'json' | 'junit' | 'markdown';

/** How this run talks to the user: set once from the flags and the terminal. */
interface Session {
  opts: DoctorFlags;
  format: Format;
  noColor: boolean;
  /** Loaded only on a terminal (stdin and stderr), without --ci and --json: prompts and spinners. */
  ui?: Ui;
}

type RenderContext = Omit<Parameters<typeof renderHuman>[1], 'color'>;

/** One renderer per --format; each turns the (redacted) result into text and nothing else. */
const RENDERERS: Record<Format, (result: DoctorResult, ctx: RenderContext, color: ChalkInstance) => string> = {
  human: (r, ctx, color) => renderHuman(r, { ...ctx, color }),
  json: (r) => renderJson(r),
  junit: (r, ctx) => renderJunit(r, { strict: ctx.strict }),
  markdown: (r) => renderMarkdownSummary(r),
};

/** Whatever is piped with --key-stdin: a key is short, so more than this is not one. */
const MAX_STDIN_BYTES = 1024 * 1024;
const STDIN_WAIT_MS = 10_000;

export async function run(opts: DoctorFlags, _ctx: CommandContext): Promise<number> {
  const format = chooseFormat(opts);
  if (opts.key !== undefined && opts.keyStdin) throw new UsageError('--key and --key-stdin both give a key: use one of them');
  if (opts.yes && !opts.fix) throw new UsageError('--yes goes with --fix (apply the fixes without asking)');
  if (opts.fix && (opts.report || opts.demo)) throw new UsageError(`--fix and ${opts.report ? '--report' : '--demo'} do different things: use one`);
  if (opts.report && (format === 'junit' || format === 'markdown')) throw new UsageError('the support report is Markdown, or JSON with --json: drop --format');
  if (opts.demo) refuseDemoFlags(opts, format);

  const key = opts.keyStdin ? await readKeyFromStdin() : opts.key;
  // The ui chunk (prompts, ora) is loaded only when a person is at the terminal.
  const ui = isInteractive({ ci: opts.ci === true, json: format !== 'human' }) ? await import('../ui/index.js') : undefined;
  ui?.configurePrompts({ noColor: opts.color === false });
  const session: Session = { opts, format, noColor: opts.color === false, ...(ui ? { ui } : {}) };
  if (opts.demo) return runDemo(session);

  let options: DiagnoseOptions = {
    ...(opts.protocol ? { protocol: opts.protocol } : {}),
    ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
    ...(key !== undefined ? { key, keyFrom: opts.keyStdin ? ('stdin' as const) : ('flag' as const) } : {}),
    ...(opts.model !== undefined ? { model: opts.model } : {}),
    ...(opts.envFile !== undefined ? { envFile: opts.envFile } : {}),
    offline: opts.offline === true,
    probe: opts.probe !== false,
    stream: opts.stream === true,
    timeoutMs: timeoutMs(opts),
    allowHosts: opts.allowHost ?? [],
    interactive: session.ui !== undefined,
    strict: opts.strict === true,
  };
  if (session.ui) options = { ...options, confirmHost: rememberAnswers(session.ui.confirmHost) };
  if (session.ui) options = await askMissing(session, options);

  let doctorRun = await runWithSpinners(session, options);
  if (opts.report) return printSupportReport(session, doctorRun);
  if (opts.fix) return fixFiles(session, options, doctorRun);
  if (session.ui) ({ run: doctorRun, options } = await offerFixes(session, options, doctorRun));
  return printResult(session, doctorRun);
}

/** --timeout is in seconds; the doctor counts milliseconds. */
const timeoutMs = (opts: DoctorFlags) => (opts.timeout !== undefined ? Math.round(opts.timeout * 1000) : DEFAULT_TIMEOUT_MS);

function chooseFormat(opts: DoctorFlags): Format {
  if (opts.json && opts.format && opts.format !== 'json') throw new UsageError(`--json and --format ${opts.format} ask for different outputs: use one`);
  return opts.json ? 'json' : (opts.format ?? 'human');
}

// ------------------------------------------------------------------ running the checks

/**
 * Runs the doctor; on a terminal with spinners for the live steps (on stderr), a heading per
 * protocol, and Ctrl-C ending it at once (Interrupted → exit 130).
 */
async function runWithSpinners(session: Session, options: DiagnoseOptions): Promise<DoctorRun> {
  const ui = session.ui;
  if (!ui || options.offline) return runDoctor(options);
  const spinner = ui.createStepSpinner({ noColor: session.noColor });
  const c = colorFor(process.stderr, { noColor: session.noColor });
  let shown: Protocol | undefined;
  try {
    return await Promise.race([
      runDoctor({
        ...options,
        signal: spinner.signal,
        onStep: (protocol, step) => {
          if (protocol !== shown) {
            shown = protocol;
            process.stderr.write(`${c.bold(`Live checks, ${PROTOCOL_NAME[protocol]} protocol`)}\n`);
          }
          spinner.onStep(step);
        },
      }),
      spinner.interrupted,
    ]);
  } finally {
    spinner.stop();
  }
}

/** One question per host per run, however many times the live checks ask. */
function rememberAnswers(ask: (host: string) => Promise<boolean>): (host: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  return (host) => {
    if (!answers.has(host)) answers.set(host, ask(host));
    return answers.get(host)!;
  };
}

const blank = (v: { value: string } | undefined) => !v || v.value.trim() === '';

/**
 * On a terminal, asks for what a first set-up lacks: the protocol (when nothing at all is
 * configured), the key (hidden), the base URL and the model (from the gateway's list when the key
 * works). With both protocols configured nothing is asked: their findings say what is missing.
 */
async function askMissing(session: Session, options: DiagnoseOptions): Promise<DiagnoseOptions> {
  const ui = session.ui!;
  const found = await runDoctor({ ...options, offline: true });
  if (found.targets.length !== 1) return options;
  const target = found.targets[0]!;
  let protocol = target.protocol;
  let out = options;
  if (!options.protocol && target.protocolGuessed && blank(target.key) && blank(target.baseUrl)) {
    protocol = await ui.askProtocol();
    out = { ...out, protocol, protocolFrom: 'prompt' };
  }
  const typed: Partial<Record<Field, PromptValue>> = {};
  const withTyped = () => ({ ...out, prompted: { [protocol]: { ...typed } } });
  if (blank(target.key)) typed.key = { value: await ui.askKey(), how: 'typed' };
  if (blank(target.baseUrl)) typed.baseUrl = { value: await ui.askBaseUrl(protocol), how: 'typed' };
  if (blank(target.model)) {
    const ids = options.offline ? undefined : await gatewayModels(session, withTyped(), protocol);
    typed.model = { value: await ui.askModel(ids ?? BUNDLED_MODELS.ids), how: 'typed' };
  }
  return Object.keys(typed).length > 0 ? withTyped() : out;
}

/** The gateway's model ids (the free GET /models, no probe), shown as one spinner line. */
async function gatewayModels(session: Session, options: DiagnoseOptions, protocol: Protocol): Promise<string[] | undefined> {
  const spinner = session.ui!.createStepSpinner({ noColor: session.noColor });
  const step = { id: 'model', label: 'Model list' } as const;
  spinner.onStep({ ...step, status: 'running', detail: 'asking the gateway which models it has' });
  try {
    const listed = await Promise.race([runDoctor({ ...options, probe: false, stream: false, signal: spinner.signal }), spinner.interrupted]);
    const ids = listed.models[protocol];
    spinner.onStep(ids ? { ...step, status: 'ok', detail: `${ids.length} ids from the gateway` } : { ...step, status: 'warn', detail: 'the gateway gave none, so the bundled list is offered' });
    return ids;
  } finally {
    spinner.stop();
  }
}

// ------------------------------------------------------------------ obvious fixes, offered on a terminal

const FIELD_NAME: Record<Field, string> = { key: 'key', baseUrl: 'base URL', model: 'model' };

/**
 * Offers each fix that has a corrected value ("Use gpt-4o-mini instead of gpt4o-mini?") and
 * checks again with the ones accepted, for this run only; up to three rounds, each field once.
 */
async function offerFixes(session: Session, options: DiagnoseOptions, run: DoctorRun): Promise<{ run: DoctorRun; options: DiagnoseOptions }> {
  const ui = session.ui!;
  const c = colorFor(process.stderr, { noColor: session.noColor });
  const offered = new Set<string>();
  for (let round = 0; round < 3; round++) {
    const offers = proposedFixes(run).filter((f) => f.value !== undefined && !offered.has(`${f.protocol}:${f.field}`));
    if (offers.length === 0) break;
    const secrets = secretsOf(run, offers);
    const prompted = structuredClone(options.prompted ?? {});
    let accepted = 0;
    for (const fix of offers) {
      offered.add(`${fix.protocol}:${fix.field}`);
      const finding = run.result.findings.find((f) => f.id === fix.findings[0] && f.protocol === fix.protocol);
      const multi = run.targets.length > 1 ? `${PROTOCOL_NAME[fix.protocol]}: ` : '';
      if (finding) process.stderr.write(`${fix.severity === 'error' ? c.red('✗') : c.yellow('!')} ${multi}${redactText(finding.title, secrets)}\n`);
      if (!(await ui.confirmFix(redactText(`${multi}${question(fix, secrets)}`, secrets)))) continue;
      const mine = (prompted[fix.protocol] ??= {});
      mine[fix.field] = { value: fix.value!, how: mine[fix.field]?.how ?? 'accepted' };
      accepted++;
    }
    if (accepted === 0) break;
    options = { ...options, prompted };
    process.stderr.write(c.dim(`Checking again with the ${accepted === 1 ? 'fix' : 'fixes'}…\n`));
    run = await runWithSpinners(session, options);
  }
  return { run, options };
}

/** Redacts before shortening: a shortened value no longer holds a whole key for redactText to find. */
function question(fix: ProposedFix, secrets: readonly string[]): string {
  if (fix.field === 'key') return `Use the key without what was pasted with it (${redactKey(fix.value)}, ${fix.value!.length} characters)?`;
  const current = fix.current?.trim();
  return current ? `Use ${fix.value} instead of ${shorten(redactText(current, secrets), 80)}?` : `Use ${fix.value} as the ${FIELD_NAME[fix.field]}?`;
}

// ------------------------------------------------------------------ output

/** Prints the result in the chosen format (and --output, annotations, step summary); returns the exit code. */
function printResult(session: Session, run: DoctorRun, out: NodeJS.WriteStream = process.stdout): number {
  const { opts, format } = session;
  const fixes = proposedFixes(run);
  const secrets = secretsOf(run, fixes);
  // Everything printed or written goes through the redaction of every key seen, whatever its source.
  const clean = (text: string) => redactText(text, secrets);
  const result = redactDeep(run.result, secrets);
  const ctx: RenderContext = {
    verbose: opts.verbose === true,
    offline: opts.offline === true,
    strict: opts.strict === true,
    files: run.files,
    setup: setupForms(run, fixes, detectShell()),
    // On one terminal the spinners (stderr) already listed every step: the report does not repeat them.
    stepsShown: session.ui !== undefined && opts.offline !== true && out.isTTY === true,
  };
  const color = colorFor(out, { noColor: session.noColor });

  if (opts.output !== undefined) {
    writeOutput(opts.output, clean(RENDERERS[format](result, { ...ctx, stepsShown: false }, plain)));
    out.write(clean(RENDERERS.human(result, ctx, color)));
  } else {
    out.write(clean(RENDERERS[format](result, ctx, color)));
  }

  const outIsHuman = format === 'human' || opts.output !== undefined;
  if (process.env.GITHUB_ACTIONS === 'true') {
    if (outIsHuman) out.write(clean(renderGithubAnnotations(result)));
    appendStepSummary(clean(renderMarkdownSummary(result)));
  }
  return run.exitCode;
}

/** `ruapi report` / `doctor --report`: Markdown (or JSON) for support, no key in it. Exit 0 once it is written. */
function printSupportReport(session: Session, run: DoctorRun): number {
  const secrets = secretsOf(run);
  const result = redactDeep(run.result, secrets);
  const fingerprints: Partial<Record<Protocol, string>> = {};
  for (const t of run.targets) if (t.key?.value.trim()) fingerprints[t.protocol] = keyFingerprint(t.key.value);
  const meta = { ruapiVersion: VERSION, node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}`, keyFingerprint: fingerprints, secrets };
  const text = session.format === 'json' ? `${JSON.stringify(supportReportJson(result, meta), null, 2)}\n` : renderSupportReport(result, meta);
  if (session.opts.output !== undefined) {
    writeOutput(session.opts.output, text);
    process.stdout.write(`Support report written to ${session.opts.output}: attach it to your email to ${SUPPORT_EMAIL}.\n`);
  } else process.stdout.write(text);
  return EXIT.ok;
}

// ------------------------------------------------------------------ --fix

/**
 * `--fix`: shows the report, then for each file a bad value came from a diff of the edit; applies
 * it once confirmed (or with --yes), with a backup, and checks again. Without a terminal and
 * without --yes it changes nothing and says so (exit 1).
 */
async function fixFiles(session: Session, options: DiagnoseOptions, run: DoctorRun): Promise<number> {
  const { opts, ui } = session;
  const human = session.format === 'human';
  // JSON, JUnit or Markdown go to stdout once, for the last run; what --fix says goes to stderr then.
  const code = human ? printResult(session, run) : run.exitCode;
  const done = (exit: number, last = run) => (human ? exit : Math.max(exit, printResult(session, last)));
  const say = human ? process.stdout : process.stderr;
  const c = colorFor(say, { noColor: session.noColor });
  const fixes = proposedFixes(run);
  const secrets = secretsOf(run, fixes);
  const plans = planFileFixes(fixes, secrets, (file) => readFileSync(file, 'utf8'));
  const write = (line = '') => say.write(`${redactText(line, secrets)}\n`);

  const pending = plans.filter((p) => p.patch && p.patch.after !== p.patch.before);
  write();
  if (plans.length === 0) {
    write(
      fixes.length === 0
        ? 'Nothing for --fix to change.'
        : 'Nothing for --fix to change in a file: no value with a problem came from a .env file or Claude Code settings. The fixes above say where to change each one.',
    );
    return done(code);
  }
  for (const plan of plans) for (const why of plan.refused) write(`${c.yellow('!')} ${why}`);
  if (pending.length === 0) return done(EXIT.problem);
  for (const plan of pending) say.write(renderDiff(plan.patch!.before, plan.patch!.after, plan.label, { secrets, color: c }));

  if (!opts.yes && !ui) {
    write('Not applied: --fix changes files only after you confirm on a terminal, or with --yes (ruapi doctor --fix --yes).');
    return done(EXIT.problem);
  }
  const home = options.home ?? os.homedir();
  let declined = 0;
  for (const plan of pending) {
    if (!opts.yes && !(await ui!.confirmFix(`Apply this change to ${plan.label}?`))) {
      write(`Not applied: ${plan.label} is unchanged.`);
      declined++;
      continue;
    }
    const applied = await applyFix(plan.patch!);
    if (!applied.ok) {
      write(`${c.red('✗')} ${applied.message}`);
      declined++;
      continue;
    }
    write(`${c.green('✓')} Fixed ${plan.label}: ${plan.changes.join(', ')}. Backup: ${displayPath(applied.backup, process.cwd(), home)}`);
    if (plan.holdsKey) write('  The backup holds your key, as the file does: delete it once you are happy with the change, and never commit it.');
  }
  if (declined === pending.length) return done(EXIT.problem);

  write();
  write(c.bold('Checking again after the fix:'));
  const again = await runWithSpinners(session, options);
  const after = human ? printResult(session, again) : done(EXIT.ok, again);
  return declined > 0 ? EXIT.problem : after;
}

// ------------------------------------------------------------------ --demo

/** Flags that would bring the user's own set-up into the demo, which must never see it. */
const NOT_WITH_DEMO: Array<[keyof DoctorFlags, string]> = [
  ['protocol', '--protocol'],
  ['baseUrl', '--base-url'],
  ['key', '--key'],
  ['keyStdin', '--key-stdin'],
  ['model', '--model'],
  ['envFile', '--env-file'],
  ['offline', '--offline'],
  ['report', '--report'],
  ['output', '--output'],
];

function refuseDemoFlags(opts: DoctorFlags, format: Format): void {
  for (const [flag, name] of NOT_WITH_DEMO) {
    if (opts[flag] !== undefined && opts[flag] !== false) throw new UsageError(`--demo brings its own set-up and a local simulator: drop ${name}`);
  }
  if (format !== 'human' && format !== 'json') throw new UsageError('--demo prints the human report, or JSON with --json');
}

interface DemoCase {
  title: string;
  why: string;
  dotenv: string;
  /** Undefined when the run went as the demo means it to, else what went differently. */
  check: (result: DoctorResult) => string | undefined;
}

function demoCases(sim: { openaiBaseUrl: string; anthropicBaseUrl: string; key: string }): DemoCase[] {
  return [
    {
      title: 'a correct set-up',
      why: 'An OpenAI-compatible set-up as it should be: every check passes, the probe and the stream get answers.',
      dotenv: ['# OpenAI SDK, LangChain, Cursor …', `OPENAI_API_KEY=${sim.key}`, `OPENAI_BASE_URL=${sim.openaiBaseUrl}`, 'RUAPI_MODEL=gpt-4o-mini', ''].join('\n'),
      check: (r) => {
        const steps = r.live[0]?.steps ?? [];
        if (!r.ok) return `it found problems: ${r.findings.filter((f) => f.severity === 'error').map((f) => f.id).join(', ')}`;
        return steps.length > 0 && steps.every((s) => s.status === 'ok') ? undefined : 'not every live step passed';
      },
    },
    {
      title: 'a typical broken set-up',
      why: 'Claude Code or the Anthropic SDK with two classic mistakes: /v1 at the end of the base URL, and a model id written with a dot.',
      dotenv: ['# Claude Code, Anthropic SDK', `ANTHROPIC_API_KEY=${sim.key}`, `ANTHROPIC_BASE_URL=${sim.anthropicBaseUrl}/v1`, 'ANTHROPIC_MODEL=claude-opus-4.8', ''].join('\n'),
      check: (r) => {
        const ids = r.findings.map((f) => f.id);
        const missing = ['base-url/extra-v1', 'model/unknown', 'live/404-url'].filter((id) => !ids.includes(id));
        if (r.ok) return 'it found no problem';
        return missing.length > 0 ? `it did not report ${missing.join(', ')}` : undefined;
      },
    },
  ];
}

/**
 * `--demo`: starts the simulator in this process (on 127.0.0.1 only) and runs the whole doctor
 * (offline, live, streaming) on two set-ups written to a temporary folder: one right, one broken.
 * The user's environment and files are never read; nothing goes beyond 127.0.0.1 (proxy variables
 * are dropped for this process). Exit 0 when both runs came out as the demo means them to.
 */
async function runDemo(session: Session): Promise<number> {
  for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY']) delete process.env[name];
  const { startSimulator } = await import('../simulate/server.js');
  const sim = await startSimulator({ streamDelayMs: 5 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ruapi-demo-'));
  const out = process.stdout;
  const c = colorFor(out, { noColor: session.noColor });
  const human = session.format === 'human';
  const json: Array<{ title: string; asExpected: boolean; problem?: string; result: DoctorResult }> = [];
  const problems: string[] = [];
  try {
    const cases = demoCases(sim);
    for (const [i, demo] of cases.entries()) {
      const folder = path.join(dir, String(i + 1));
      mkdirSync(folder);
      writeFileSync(path.join(folder, '.env'), demo.dotenv);
      const secrets = [sim.key];
      if (human) {
        out.write(`${i > 0 ? '\n' : ''}${c.bold(`━━ Demo ${i + 1} of ${cases.length}: ${demo.title} ━━`)}\n${demo.why}\n`);
        out.write(c.dim(`The doctor reads this .env (your own set-up is not read) and talks to a local stand-in for RuAPI on ${new URL(sim.url).host}:\n`));
        out.write(`${redactText(demo.dotenv, secrets).replace(/^(?=.)/gm, '    ')}\n`);
      }
      const options: DiagnoseOptions = {
        env: {},
        cwd: folder,
        home: folder,
        stream: true,
        timeoutMs: timeoutMs(session.opts),
        strict: session.opts.strict === true,
      };
      const demoRun = await runWithSpinners(session, options);
      const problem = demo.check(demoRun.result);
      if (problem) problems.push(`demo ${i + 1} (${demo.title}): ${problem}`);
      if (human) printResult(session, demoRun);
      else json.push({ title: demo.title, asExpected: !problem, ...(problem ? { problem } : {}), result: redactDeep(demoRun.result, secretsOf(demoRun)) });
    }
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!human) out.write(`${JSON.stringify({ demo: json, asExpected: problems.length === 0 }, null, 2)}\n`);
  else if (problems.length === 0) {
    out.write(`\n${c.green('✓')} The demo ran as expected: the first set-up works, the second shows what the doctor reports and how to fix it.\n`);
    out.write('Next: run `ruapi doctor` in your project (on a terminal it asks for anything missing).\n');
  } else out.write(`\n${c.red('✗')} The demo did not run as expected: ${problems.join('; ')}. Please report it.\n`);
  return problems.length === 0 ? EXIT.ok : EXIT.problem;
}

// ------------------------------------------------------------------ input and files

/**
 * The key from standard input: all of it, less one final line break (what `echo` adds); anything
 * else, spaces included, is kept for the whitespace check to report. Refuses a terminal (the key
 * would be echoed as typed) and gives up on a pipe that stays silent.
 */
async function readKeyFromStdin(): Promise<string> {
  if (isatty(0)) {
    throw new UsageError('--key-stdin reads a pipe, but standard input is a terminal: printf %s "$RUAPI_API_KEY" | ruapi doctor --key-stdin');
  }
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err?: Error) => {
      clearTimeout(timer);
      stdin.removeAllListeners('data').removeAllListeners('end');
      stdin.pause();
      if (err) {
        stdin.destroy();
        reject(err);
      } else {
        resolve(Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, ''));
      }
    };
    const timer = setTimeout(() => {
      const what = size === 0 ? 'nothing arrived on standard input' : 'standard input did not close';
      stop(new UsageError(`--key-stdin: ${what} within ${STDIN_WAIT_MS / 1000} s: pipe the key and nothing else, e.g. printf %s "$RUAPI_API_KEY" | ruapi doctor --key-stdin`));
    }, STDIN_WAIT_MS);
    stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_STDIN_BYTES) stop(new UsageError('--key-stdin: more than 1 MB arrived on standard input, which is not a key'));
      else chunks.push(chunk);
    });
    stdin.on('end', () => stop());
    stdin.on('error', (err) => stop(new UsageError(`--key-stdin: cannot read standard input (${err.message})`)));
  });
}

function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw new UsageError(`--output ${file}: cannot write it (${(err as NodeJS.ErrnoException).code ?? 'error'}): check that its folder exists and is writable`);
  }
}

/** GitHub Actions shows this Markdown on the run's summary page. */
function appendStepSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, markdown);
  } catch {
    process.stderr.write(`ruapi: could not append to GITHUB_STEP_SUMMARY (${file})\n`);
  }
}
