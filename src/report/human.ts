import { renderClientSetups, renderClientSummary } from './clients.js';
import type { ChalkInstance } from 'chalk';
import { RUAPI_BASE_URL } from '../core/ruapi.js';
import { REPORT } from '../lang/en/report.js';
import { messages } from '../lang/t.js';
import type { ConfigFile } from '../config/types.js';
import type { Finding, Severity } from '../core/finding.js';
import type { CheckResult, ConfigSummary, DoctorResult, LiveReport, LiveStep } from '../core/result.js';
import { CATALOG_DATE } from '../models/bundled.js';
import type { SetupForms } from '../fix/forms.js';
import { millis, verdictLine } from './summary-line.js';
import { wrapLine } from '../core/wrap.js';

const t = messages(REPORT);

export interface HumanOptions {
  color: ChalkInstance;
  /** Show passing checks and the files looked at. */
  verbose?: boolean;
  /** The live checks were not run because of --offline. */
  offline?: boolean;
  strict?: boolean;
  files?: ConfigFile[];
  /** The corrected set-up per protocol, in the forms of the places its values live (src/doctor/fixes.ts). */
  setup?: SetupForms[];
  /** The live steps were just shown on this terminal as spinner lines: list none again (the Live row and its findings stay). */
  stepsShown?: boolean;
  /** The terminal's width: prose is wrapped to it at spaces (code never is). None on a pipe. */
  width?: number;
}

type Mark = 'pass' | Severity | 'skip';

/** The rows of a protocol's block, each with the live step that tests its value. */
const AREAS = [
  { id: 'key', label: 'report.human.label.key', step: 'auth' },
  { id: 'base-url', label: 'report.human.label.base-url', step: 'http' },
  { id: 'model', label: 'report.human.label.model', step: 'model' },
] as const;

/** The rows' labels are padded to the longest of them in the language in use, plus one space. */
const labelWidth = (): number => Math.max(...[...AREAS.map((a) => a.label), 'report.human.label.live' as const].map((id) => t(id).length)) + 1;

/**
 * The terminal report: configuration notes first, then one block per protocol with its key,
 * base URL, model and live link, each marked ✓ / ! / ✗ with the problems, where the value came
 * from and the fix; a one-line summary at the end. Values are the result's (keys redacted).
 */
export function renderHuman(result: DoctorResult, opts: HumanOptions): string {
  const c = opts.color;
  // Prose goes in through `out.push`, wrapped to the terminal; the set-up's code through `code`, as it is.
  const lines: string[] = [];
  const prose = (l: string) => (opts.width ? l.split('\n').flatMap((one) => wrapLine(one, opts.width!)) : [l]);
  const out = { push: (...more: string[]) => lines.push(...more.flatMap(prose)) };
  const code = (...more: string[]) => lines.push(...more);
  const marks: Record<Mark, string> = { pass: c.green('✓'), error: c.red('✗'), warning: c.yellow('!'), info: c.cyan('i'), skip: c.dim('–') };

  out.push(...renderClientSummary(result, c, marks));

  const general = result.findings.filter((f) => !f.protocol || areaOf(f) === 'config');
  if (general.length > 0 || opts.verbose) {
    out.push(c.bold(t('report.human.configuration')));
    if (opts.verbose && opts.files) {
      for (const f of opts.files) out.push(`  ${f.status === 'read' ? marks.pass : f.status === 'absent' ? marks.skip : marks.warning} ${f.label}${c.dim(f.status === 'read' ? '' : `  (${t(f.status === 'absent' ? 'report.human.file.absent' : 'report.human.file.unreadable')})`)}`);
    }
    for (const f of general) out.push(...findingBlock(f, marks, c, '  '));
    out.push('');
  }

  const configs = result.configs.length > 0 ? result.configs : [result.config];
  for (const config of configs) {
    const protocol = config.protocol ?? 'openai';
    out.push(`${c.bold(t(protocol === 'anthropic' ? 'report.human.protocol.anthropic' : 'report.human.protocol.openai'))}${config.sources.protocol ? c.dim(`  (${config.sources.protocol})`) : ''}`);
    const mine = result.findings.filter((f) => f.protocol === protocol && areaOf(f) !== 'config');
    const live = result.live.find((l) => l.protocol === protocol);
    for (const area of AREAS) {
      const found = mine.filter((f) => areaOf(f) === area.id);
      const checks = result.checks.filter((ch) => ch.protocol === protocol && ch.id.startsWith(`${area.id}/`));
      // The row's mark also answers to the live step that tests the same value, and its findings.
      const step = live?.steps.find((s) => s.id === area.step);
      const tied = mine.filter((f) => areaOf(f) === 'live' && f.data?.step === area.step);
      // Nothing set and nothing wrong (a model the code names itself): nothing was checked, so no ✓.
      const unset = (area.id === 'key' ? config.key : area.id === 'base-url' ? config.baseUrl : config.model) === null;
      const mark = worse(worstOf([...found, ...tied]), step ? stepMark(step.status) : unset ? 'skip' : 'pass');
      out.push(...areaBlock(t(area.label), mark, valueLine(area.id, config, [...found, ...tied], live, mark), found, checks, marks, c, opts));
    }
    const other = mine.filter((f) => !['key', 'base-url', 'model', 'live'].includes(areaOf(f)));
    for (const f of other) out.push(...findingBlock(f, marks, c, '  '));
    out.push(...liveBlock(live, mine.filter((f) => areaOf(f) === 'live'), marks, c, opts));
    const setup = opts.setup?.find((s) => s.protocol === protocol);
    // A client's own fixed set-up (below) replaces the SDKs' code for its protocol.
    const ownCode = result.clients?.some((v) => v.protocol === protocol && v.setup);
    if (setup) code(...setupBlock(ownCode ? { ...setup, code: [] } : setup, c, prose));
    out.push('');
  }
  code(...renderClientSetups(result, c, prose));

  const verdict = verdictLine(result, opts);
  let line = `${marks[verdict.mark]} ${verdict.text}`;
  if (opts.offline) line += c.dim(` ${t(result.verdict === 'problems' ? 'report.human.offline.problems' : 'report.human.offline.other')}`);
  out.push(line);
  return `${lines.join('\n')}\n`;
}

function areaBlock(label: string, mark: Mark, value: string, found: Finding[], checks: CheckResult[], marks: Record<Mark, string>, c: ChalkInstance, opts: HumanOptions): string[] {
  const out = [`  ${marks[mark]} ${label.padEnd(labelWidth())} ${value}`];
  for (const f of found) out.push(...findingBlock(f, marks, c, '      '));
  if (opts.verbose) {
    for (const ch of checks) {
      if (ch.findings.length > 0) continue;
      out.push(c.dim(`      ${ch.status === 'skip' ? '–' : '✓'} ${ch.status === 'skip' ? t('report.human.check.skipped', { title: ch.title }) : ch.title}`));
    }
  }
  return out;
}

function findingBlock(f: Finding, marks: Record<Mark, string>, c: ChalkInstance, indent: string): string[] {
  const out = [`${indent}${marks[f.severity]} ${f.title}  ${c.dim(`[${f.id}]`)}`];
  const pad = `${indent}  `;
  if (f.message) out.push(...f.message.split('\n').map((l) => `${pad}${l}`));
  if (f.source) out.push(`${pad}${c.dim(t('report.human.from'))} ${f.source}`);
  // The fix's later lines line up under its first, after the label and two spaces.
  const fix = t('report.human.fix');
  if (f.fix) out.push(`${pad}${c.bold(fix)}  ${f.fix.split('\n').join(`\n${pad}${' '.repeat(fix.length + 2)}`)}`);
  return out;
}

function liveBlock(report: LiveReport | undefined, found: Finding[], marks: Record<Mark, string>, c: ChalkInstance, opts: HumanOptions): string[] {
  if (!report) {
    const why = t(opts.offline ? 'report.human.live.offline' : 'report.human.live.needs');
    return [`  ${marks.skip} ${t('report.human.label.live').padEnd(labelWidth())} ${c.dim(why)}`];
  }
  // Never ✓ over a step that did not pass: the worst of the findings and of every step.
  const head = marks[report.steps.reduce((m, s) => worse(m, stepMark(s.status)), worstOf(found))];
  const total = report.timings.totalMs > 0 ? millis(report.timings.totalMs) : '';
  const out = [`  ${head} ${t('report.human.label.live').padEnd(labelWidth())} ${report.baseUrl}${total ? c.dim(`  ${total}`) : ''}${report.proxy ? c.dim(`  ${t('report.human.live.via', { proxy: report.proxy })}`) : ''}`];
  const steps = opts.stepsShown ? [] : report.steps;
  const width = Math.max(0, ...steps.map((s) => s.label.length));
  for (const s of steps) {
    const mark = s.status === 'ok' ? marks.pass : s.status === 'fail' ? marks.error : s.status === 'warn' ? marks.warning : marks.skip;
    const ms = (s.ms !== undefined ? millis(s.ms) : '').padStart(8);
    const detail = s.status === 'skipped' ? t('report.human.step.skipped', { detail: s.detail ?? t('report.human.step.not-reached') }) : (s.detail ?? '');
    out.push(`      ${mark} ${s.label.padEnd(width)} ${c.dim(ms)}  ${s.status === 'skipped' ? c.dim(detail) : detail}`);
  }
  if (report.requestIds.length > 0) out.push(c.dim(`      ${t('report.human.request-ids', { ids: report.requestIds.join(', ') })}`));
  for (const f of found) out.push(...findingBlock(f, marks, c, '      '));
  return out;
}

/** The fixes written for the places the values live, then the whole corrected set-up as code. */
function setupBlock(setup: SetupForms, c: ChalkInstance, prose: (line: string) => string[]): string[] {
  const out: string[] = [];
  const form = (label: string, text: string) => [...prose(`      ${c.dim(`${label}:`)}`), ...text.split('\n').map((l) => (l ? `        ${l}` : ''))];
  const places = setup.places.filter((p) => p.form.text.trim() !== '');
  if (places.length > 0) {
    out.push(...prose(`  ${c.bold(t('report.human.setup.places'))}`));
    for (const p of places) out.push(...form(p.where, p.form.text));
  }
  if (setup.code.length > 0) {
    out.push(...prose(`  ${c.bold(t('report.human.setup.code'))}${c.dim(t('report.human.setup.code.note'))}`));
    for (const f of setup.code) out.push(...form(f.label, f.text));
  }
  return out;
}

/** The value an area checked and where it came from, or why there is none. */
function valueLine(area: (typeof AREAS)[number]['id'], config: ConfigSummary, found: Finding[], live: LiveReport | undefined, mark: Mark): string {
  const protocol = config.protocol ?? 'openai';
  const problems = mark !== 'pass' || found.some((f) => f.severity !== 'info');
  const from = (field: string) => (config.sources[field] ? `  (${config.sources[field]})` : '');
  switch (area) {
    case 'key': {
      if (config.key === null) return t('report.human.value.not-set');
      const shown = config.key.replace(/^<redacted (.*)>$/, '$1');
      const accepted = live?.steps.some((s) => s.id === 'auth' && s.status === 'ok');
      return `${shown}${from('key')}${problems ? '' : `  ${t(accepted ? 'report.human.value.key.accepted' : 'report.human.value.key.shaped')}`}`;
    }
    case 'base-url':
      if (config.baseUrl === null) return t('report.human.value.not-set');
      if (config.baseUrl.trim() === '') return `${t('report.human.value.empty')}${from('baseUrl')}`;
      return `${oneLine(config.baseUrl)}${from('baseUrl')}${!problems && config.baseUrl.trim().replace(/\/$/, '') === RUAPI_BASE_URL[protocol] ? `  ${t(protocol === 'anthropic' ? 'report.human.value.address.anthropic' : 'report.human.value.address.openai')}` : ''}`;
    case 'model':
      if (config.model === null) return t('report.human.value.model.not-set');
      if (config.model.trim() === '') return `${t('report.human.value.model.empty')}${from('model')}`;
      if (problems) return `${oneLine(config.model)}${from('model')}`;
      if (found.some((f) => f.id === 'model/not-listed')) return `${oneLine(config.model)}${from('model')}  ${t('report.human.value.model.probe')}`;
      return `${oneLine(config.model)}${from('model')}  ${live?.modelList?.source === 'gateway' ? t('report.human.value.model.gateway') : t('report.human.value.model.bundled', { date: CATALOG_DATE })}`;
  }
}

/** A value shown on one line, whatever it holds (newlines, a 100 KB paste). */
function oneLine(value: string): string {
  const v = JSON.stringify(value).slice(1, -1);
  return v.length > 120 ? `${v.slice(0, 58)}…${v.slice(-58)}` : v;
}

const RANK: Record<Mark, number> = { pass: 0, info: 0, skip: 1, warning: 2, error: 3 };
const worse = (a: Mark, b: Mark): Mark => (RANK[b] > RANK[a] ? b : a);
const stepMark = (status: LiveStep['status']): Mark => (status === 'ok' ? 'pass' : status === 'fail' ? 'error' : status === 'warn' ? 'warning' : 'skip');

function worstOf(found: Finding[]): Mark {
  if (found.some((f) => f.severity === 'error')) return 'error';
  if (found.some((f) => f.severity === 'warning')) return 'warning';
  return 'pass';
}

const areaOf = (f: Finding) => f.id.split('/')[0]!;
