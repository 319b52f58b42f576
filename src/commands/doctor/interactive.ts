import { shorten } from '../../checks/text.js';
import { protocolName } from '../../core/text.js';
import { wrapText } from '../../core/wrap.js';
import type { Protocol } from '../../core/finding.js';
import { redactKey } from '../../core/redact.js';
import { proposedFixes, secretsOf, type ProposedFix } from '../../doctor/fixes.js';
import { runDoctor, type DiagnoseOptions, type DoctorRun, type Field, type PromptValue } from '../../doctor/index.js';
import { BUNDLED_MODELS } from '../../models/bundled.js';
import { isRetired } from '../../models/lifecycle.js';
import type { DoctorSession } from './types.js';
import { UI } from '../../lang/en/ui.js';
import { messages } from '../../lang/t.js';

const t = messages(UI);

/**
 * Runs the doctor; on a terminal with spinners for the live steps (on stderr), a heading per
 * protocol, and Ctrl-C ending it at once (Interrupted → exit 130).
 */
export async function runWithSpinners(s: DoctorSession, options: DiagnoseOptions): Promise<DoctorRun> {
  const ui = s.ui;
  if (!ui || options.offline) return learnt(s, await runDoctor(options));
  const spinner = ui.createStepSpinner({ noColor: s.io.noColor });
  const c = s.io.color('stderr');
  let shown: Protocol | undefined;
  try {
    const run = await Promise.race([
      runDoctor({
        ...options,
        signal: spinner.signal,
        onStep: (protocol, step) => {
          if (protocol !== shown) {
            shown = protocol;
            s.out.err(`${c.bold(t(protocol === 'openai' ? 'ui.live.heading.openai' : 'ui.live.heading.anthropic'))}\n`);
          }
          // Step details can quote the gateway: through the output point, redacted and without a control character of theirs.
          spinner.onStep(s.out.cleanDeep(step));
        },
      }),
      spinner.interrupted,
    ]);
    return learnt(s, run);
  } finally {
    spinner.stop();
  }
}

/** Every run's secrets reach the one output point before anything of the run is printed. */
function learnt(s: DoctorSession, run: DoctorRun): DoctorRun {
  s.out.learn(secretsOf(run, proposedFixes(run)));
  return run;
}

/** One question per host per run, however many times the live checks ask. */
export function rememberAnswers(ask: (host: string) => Promise<boolean>): (host: string) => Promise<boolean> {
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
export async function askMissing(s: DoctorSession, options: DiagnoseOptions): Promise<DiagnoseOptions> {
  const ui = s.ui!;
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
  // A key that a command prints (Claude Code's apiKeyHelper) is asked about as that command, not typed in.
  const fromCommand = found.result.findings.some((f) => f.id === 'client/key-helper');
  if (blank(target.key) && !fromCommand) {
    typed.key = { value: await ui.askKey(), how: 'typed' };
    s.out.learn([typed.key.value]);
  }
  if (blank(target.baseUrl)) typed.baseUrl = { value: await ui.askBaseUrl(protocol), how: 'typed' };
  if (blank(target.model)) {
    const ids = options.offline ? undefined : await gatewayModels(s, withTyped(), protocol);
    typed.model = { value: await ui.askModel(ids ? s.out.cleanDeep(ids) : BUNDLED_MODELS.ids.filter((id) => !isRetired(id, new Date()))), how: 'typed' };
  }
  return Object.keys(typed).length > 0 ? withTyped() : out;
}

/** The gateway's model ids (the free GET /models, no probe), shown as one spinner line. */
async function gatewayModels(s: DoctorSession, options: DiagnoseOptions, protocol: Protocol): Promise<string[] | undefined> {
  const spinner = s.ui!.createStepSpinner({ noColor: s.io.noColor });
  const step = { id: 'model', label: t('ui.models.label') } as const;
  spinner.onStep({ ...step, status: 'running', detail: t('ui.models.asking') });
  const started = performance.now();
  try {
    const listed = await Promise.race([runDoctor({ ...options, probe: false, stream: false, signal: spinner.signal }), spinner.interrupted]);
    const ids = listed.models[protocol];
    // Why there is no list: the gateway could not be reached (DNS, a refused connection...), or it sent none.
    const why = listed.result.findings.find((f) => f.protocol === protocol && f.severity === 'error' && f.id.startsWith('live/'))?.title;
    const detail = why ? t('ui.models.none.why', { why: s.out.clean(why) }) : t('ui.models.none');
    const ms = Math.round(performance.now() - started);
    spinner.onStep(ids ? { ...step, status: 'ok', detail: t('ui.models.count', { n: ids.length }), ms } : { ...step, status: 'warn', detail, ms });
    return ids;
  } finally {
    spinner.stop();
  }
}

const USE_AS = { key: 'ui.offer.as.key', baseUrl: 'ui.offer.as.baseUrl', model: 'ui.offer.as.model' } as const satisfies Record<Field, keyof typeof UI>;

/**
 * Offers each fix that has a corrected value ("Use gpt-5.4-mini instead of gpt54-mini?") and
 * checks again with the ones accepted, for this run only; up to three rounds, each field once.
 */
export async function offerFixes(s: DoctorSession, options: DiagnoseOptions, run: DoctorRun): Promise<{ run: DoctorRun; options: DiagnoseOptions }> {
  const ui = s.ui!;
  const c = s.io.color('stderr');
  const offered = new Set<string>();
  for (let round = 0; round < 3; round++) {
    const offers = proposedFixes(run).filter((f) => f.value !== undefined && !offered.has(`${f.protocol}:${f.field}`));
    if (offers.length === 0) break;
    const prompted = structuredClone(options.prompted ?? {});
    let accepted = 0;
    for (const fix of offers) {
      offered.add(`${fix.protocol}:${fix.field}`);
      const finding = run.result.findings.find((f) => f.id === fix.findings[0] && f.protocol === fix.protocol);
      const multi = run.targets.length > 1 ? `${protocolName(fix.protocol)}: ` : '';
      // The title and the value can quote the gateway (a model id from its list): through cleanDeep as the report is.
      // Wrapped to the terminal as the spinner lines above it are.
      const columns = (s.io.stderr as { columns?: number }).columns;
      if (finding) s.out.err(`${wrapText(`${fix.severity === 'error' ? c.red('✗') : c.yellow('!')} ${multi}${s.out.cleanDeep(finding.title)}`, s.io.stderr.isTTY ? columns : undefined)}\n`);
      if (!(await ui.confirmFix(s.out.cleanDeep(`${multi}${question(s, fix)}`)))) continue;
      const mine = (prompted[fix.protocol] ??= {});
      mine[fix.field] = { value: fix.value!, how: mine[fix.field]?.how ?? 'accepted' };
      accepted++;
    }
    if (accepted === 0) break;
    options = { ...options, prompted };
    s.out.err(c.dim(`${t('ui.offer.again', { n: accepted })}\n`));
    run = await runWithSpinners(s, options);
  }
  return { run, options };
}

/** Redacts before shortening: a shortened value no longer holds a whole key for the output to find. */
function question(s: DoctorSession, fix: ProposedFix): string {
  if (fix.field === 'key') return t('ui.offer.key', { key: redactKey(fix.value), n: fix.value!.length });
  const current = fix.current?.trim();
  return current ? t('ui.offer.instead', { value: fix.value!, current: shorten(s.out.clean(current), 80) }) : t(USE_AS[fix.field], { value: fix.value! });
}
