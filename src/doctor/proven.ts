import { assignment, place } from '../checks/fix.js';
import { isPrompted, kindOf } from '../config/sources/index.js';
import type { Source, TargetConfig } from '../config/types.js';
import { VARIABLES } from '../core/ruapi.js';
import type { Finding } from '../core/finding.js';
import type { CheckResult, LiveReport } from '../core/result.js';
import type { ModelList } from '../models/catalog.js';
import { andList } from '../core/text.js';
import { t } from './words.js';

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
      title: t(list.source === 'gateway' ? 'model/not-listed.title.gateway' : 'model/not-listed.title.bundled', { model }),
      message: t(list.source === 'gateway' ? 'model/not-listed.message.gateway' : 'model/not-listed.message.bundled', { model }),
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
  const date = life?.retires;
  const instead = (f.data?.fix as { value?: string } | undefined)?.value;
  const message = t(date ? 'model/retired.message.still-served-dated' : 'model/retired.message.still-served', { model, date: date ?? '' });
  return {
    ...f,
    severity: 'warning',
    title: t(date ? 'model/retired.title.still-served-dated' : 'model/retired.title.still-served', { model, date: date ?? '' }),
    message: instead ? `${message} ${t('model/retired.message.move', { instead })}` : message,
    data: { ...f.data, served: true },
  };
}

const FIELDS = ['key', 'baseUrl', 'model'] as const;

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
  for (const field of FIELDS) {
    const value = target[field];
    if (!value || !isPrompted(value.source)) continue;
    names.push(t(`config/prompt-only.name.${field}`));
    const was = value.shadowed?.[0]?.source;
    const variable = value.source.name || VARIABLES[target.protocol][field][0]!;
    const words = { field: t(`config/prompt-only.field.${field}`), variable, value: value.value };
    if (was && inFile(was)) {
      fixable = true;
      lines.push(t('config/prompt-only.line.in-file', { ...words, place: place(was) }));
    } else if (was) {
      const change = field === 'key' ? 'config/prompt-only.line.change' : 'config/prompt-only.line.change-to';
      elsewhere.push(t(change, { ...words, place: place(was), assignment: field === 'key' ? '' : assignment(was, variable, value.value) }));
    } else {
      elsewhere.push(t(field === 'key' ? 'config/prompt-only.line.set-key' : 'config/prompt-only.line.set', words));
    }
  }
  if (names.length === 0) return [];
  return [
    {
      id: 'config/prompt-only',
      severity: 'error',
      title: t('config/prompt-only.title', { n: names.length, what: andList(names) }),
      message: t('config/prompt-only.message', { details: [...lines, ...elsewhere].join(' ') }),
      fix: [fixable ? t('config/prompt-only.fix') : '', ...elsewhere].filter(Boolean).join('\n'),
      protocol: target.protocol,
    },
  ];
}
