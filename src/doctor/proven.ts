import { assignment, place } from '../checks/fix.js';
import { andList } from '../checks/text.js';
import { isPrompted, kindOf } from '../config/sources/index.js';
import type { Source, TargetConfig } from '../config/types.js';
import { VARIABLES } from '../core/ruapi.js';
import type { Finding } from '../core/finding.js';
import type { CheckResult, LiveReport } from '../core/result.js';
import type { ModelList } from '../models/catalog.js';

/**
 * What the live probe proved, and what only this run had. The verdict speaks for the user's own
 * tools: a model that answered is not "unknown", whatever a list says; a value typed or accepted
 * at a prompt is not in any file those tools read.
 */

const MODEL_UNKNOWN = 'model/unknown';
const MODEL_RETIRED = 'model/retired';

/**
 * A model the probe got an answer from works, list or no list: `model/unknown` gives way to a note
 * (`model/not-listed`) when the list lacks it, and to nothing when it is listed. One retired
 * upstream that RuAPI still serves is a warning, not an error: it works today and may stop any day.
 */
export function probeWins(target: TargetConfig, report: LiveReport, list: ModelList, found: { findings: Finding[]; checks: CheckResult[] }) {
  const model = target.model?.value.trim();
  const proved = report.steps.some((s) => s.id === 'probe' && s.status === 'ok');
  if (!model || !proved) return found;
  const findings = found.findings.filter((f) => f.id !== MODEL_UNKNOWN).map((f) => (f.id === MODEL_RETIRED && f.protocol === target.protocol ? stillServed(f, model) : f));
  // A retired id the probe reached has its own warning, which says why the list may lack it.
  const listed = list.ids.includes(model) || findings.some((f) => f.id === MODEL_RETIRED && f.protocol === target.protocol);
  if (!listed) {
    findings.push({
      id: 'model/not-listed',
      severity: 'info',
      title: `${model} works, though the ${list.source === 'gateway' ? "gateway's model list" : 'bundled model list'} lacks it`,
      message: `The probe request to ${model} got an answer, so the gateway serves it. The ${list.source === 'gateway' ? 'list from GET /models' : 'bundled list (`ruapi models`)'} does not name it; the answer is what counts.`,
      fix: '',
      source: target.model!.source.label,
      protocol: target.protocol,
    });
  }
  const checks = found.checks.map((c): CheckResult =>
    c.id === MODEL_UNKNOWN ? { ...c, status: 'pass', findings: listed ? [] : ['model/not-listed'] } : c.id === MODEL_RETIRED && c.status === 'fail' ? { ...c, status: 'warn' } : c,
  );
  return { findings, checks };
}

function stillServed(f: Finding, model: string): Finding {
  const life = f.data?.lifecycle as { retires?: string | null } | undefined;
  const when = life?.retires ? ` on ${life.retires}` : '';
  const instead = (f.data?.fix as { value?: string } | undefined)?.value;
  return {
    ...f,
    severity: 'warning',
    title: `RuAPI still serves ${model}, though it was retired upstream${when}`,
    message: `The probe request to ${model} got an answer, so RuAPI serves it today; its provider retired it${when}, so it may stop at any time.${instead ? ` Move to ${instead} before it does.` : ''}`,
    data: { ...f.data, served: true },
  };
}

const FIELDS = [
  ['key', 'key'],
  ['baseUrl', 'base URL'],
  ['model', 'model'],
] as const;

/** The old value is in a file `--fix` can write. */
const inFile = (s: Source) => !!kindOf(s).edit;

/**
 * Values given at a prompt live in this run only: the user's SDK and tools still read what the
 * files and the environment say. One finding per protocol, naming each such value and where to
 * put it; `ruapi doctor --fix` writes the ones that replace a value in a file.
 */
export function promptOnly(target: TargetConfig): Finding[] {
  const lines: string[] = [];
  const elsewhere: string[] = [];
  const names: string[] = [];
  let fixable = false;
  for (const [field, name] of FIELDS) {
    const value = target[field];
    if (!value || !isPrompted(value.source)) continue;
    names.push(name);
    const was = value.shadowed?.[0]?.source;
    const variable = value.source.name || VARIABLES[target.protocol][field][0]!;
    if (was && inFile(was)) {
      fixable = true;
      lines.push(`The ${name}: ${place(was)} still holds the old value.`);
    } else if (was) {
      elsewhere.push(`The ${name}: change ${place(was)}${field === 'key' ? '' : `: ${assignment(was, variable, value.value)}`}.`);
    } else {
      elsewhere.push(`The ${name}: set ${variable}${field === 'key' ? ' to your key (in .env or your shell, never in code)' : `: ${variable}=${value.value}`}.`);
    }
  }
  if (names.length === 0) return [];
  const what = andList(names);
  return [
    {
      id: 'config/prompt-only',
      severity: 'error',
      title: `The ${what} given at the prompt ${names.length === 1 ? 'was' : 'were'} used for this run only`,
      message: `Your SDK and tools read your files and environment, not this prompt, so they would still fail. ${[...lines, ...elsewhere].join(' ')}`,
      fix: [fixable ? 'Run `ruapi doctor --fix` to write it to the file, after seeing the change.' : '', ...elsewhere].filter(Boolean).join('\n'),
      protocol: target.protocol,
    },
  ];
}
