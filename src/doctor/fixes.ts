import { analyzeKey } from '../checks/key/analyze.js';
import { emptyHides } from '../checks/fix.js';
import { fileAndLine, kindOf } from '../config/sources/index.js';
import type { Source } from '../config/types.js';
import type { Protocol } from '../core/finding.js';
import { fixForms, isCodeForm, planFileFix, suggestedFix, wouldLeakKey, type FixForm, type PlannedFix, type SetupForms, type Shell } from '../fix/index.js';
import type { FilePatch } from '../fix/apply.js';
import { writable } from '../fix/client-setup.js';
import type { DoctorRun, Field } from './index.js';
import { t } from './words.js';

/**
 * What the doctor proposes to change, worked out from the findings' `data.fix`: one change per
 * field per protocol, with the place the current value came from. Pure: no prompts, no output,
 * no writes (reading the files to edit is the caller's, through `read`).
 */

export interface ProposedFix {
  protocol: Protocol;
  field: Field;
  /**
   * The corrected value. For the key, the configured key cleaned of what was pasted around it, or
   * undefined when cleaning changes nothing (a missing or rejected key: only a new one helps).
   * A key is a secret: pass it only to redaction-aware code, never print it.
   */
  value: string | undefined;
  /** Where the current value came from, if it is set. */
  source?: Source;
  /** The value in use now. */
  current?: string;
  /** The findings that propose it, most severe first. */
  findings: string[];
  severity: 'error' | 'warning' | 'info';
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The changes the findings of a run propose, errors first; info findings propose nothing. */
export function proposedFixes(run: Pick<DoctorRun, 'result' | 'targets'>): ProposedFix[] {
  const byKey = new Map<string, ProposedFix>();
  const findings = [...run.result.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  for (const f of findings) {
    const fix = suggestedFix(f.data);
    const target = run.targets.find((t) => t.protocol === f.protocol);
    if (!fix || !target || f.severity === 'info') continue;
    const id = `${target.protocol}:${fix.field}`;
    const known = byKey.get(id);
    if (known) {
      if (!known.findings.includes(f.id)) known.findings.push(f.id);
      continue;
    }
    const sourced = target[fix.field];
    const value = fix.field === 'key' ? cleanedKey(sourced?.value) : fix.value;
    if (fix.field !== 'key' && value === sourced?.value) continue;
    byKey.set(id, {
      protocol: target.protocol,
      field: fix.field,
      value,
      ...(sourced ? { source: sourced.source, current: sourced.value } : {}),
      findings: [f.id],
      severity: f.severity,
    });
  }
  return [...byKey.values()];
}

/** The key as meant: what the key checks see once quotes, "Bearer" and stray whitespace are gone. */
function cleanedKey(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const core = analyzeKey(raw).core;
  return core && core !== raw ? core : undefined;
}

/** Every key in play, as configured and as cleaned: what no file may newly receive. */
export function secretsOf(run: Pick<DoctorRun, 'secrets' | 'result' | 'targets'>, fixes: readonly ProposedFix[] = proposedFixes(run)): string[] {
  return [...run.secrets, ...fixes.flatMap((f) => (f.field === 'key' && f.value ? [f.value] : []))];
}

/**
 * The corrected set-up of each protocol with a proposed change, written for where each value
 * lives, then as SDK code and a curl request: what the human report shows under the findings.
 */
export function setupForms(run: Pick<DoctorRun, 'targets' | 'result'>, fixes: readonly ProposedFix[], shell: Shell): SetupForms[] {
  const out: SetupForms[] = [];
  for (const target of run.targets) {
    const mine = fixes.filter((f) => f.protocol === target.protocol);
    if (mine.length === 0) continue;
    // A value with no fix proposed goes into the code as it is, if it can be written there at all.
    const fixed = (field: 'baseUrl' | 'model') => mine.find((f) => f.field === field)?.value ?? writable(target[field]?.value.trim());
    const baseUrl = fixed('baseUrl');
    const model = fixed('model');
    const keySource = target.key?.source;
    const ctx = {
      protocol: target.protocol,
      auth: target.auth,
      shell,
      ...(baseUrl ? { baseUrl } : {}),
      ...(model ? { model } : {}),
      ...(keySource && isVariable(keySource) ? { keyVariable: keySource.name } : {}),
    };
    const places: SetupForms['places'] = [];
    let code: FixForm[] = [];
    for (const fix of mine) {
      const variable = fix.source && isVariable(fix.source) ? fix.source.name : undefined;
      const change = fix.field === 'key' ? { field: 'key' as const, ...(variable ? { variable } : {}) } : { field: fix.field, value: fix.value!, ...(variable ? { variable } : {}) };
      const forms = fixForms(change, { ...ctx, ...(fix.source ? { source: fix.source.kind } : {}) });
      code = forms.filter(isCodeForm);
      // An empty variable that hides a real value is removed, not set (checks/fix.ts).
      const hides = emptyHides(target[fix.field]);
      const place = hides ? { kind: 'shell', label: t('fix.place.shell-session'), text: hides.unset } : forms.find((f) => !isCodeForm(f));
      // A line the finding's own fix already gives (a .env line, a flag) is not repeated.
      const given = run.result.findings.some((f) => f.protocol === fix.protocol && fix.findings.includes(f.id) && place && f.fix.includes(place.text));
      if (place && !given) places.push({ field: fix.field, where: whereLabel(fix.source, place), form: place });
    }
    out.push({ protocol: target.protocol, places, code });
  }
  return out;
}


/** A source whose name is a variable the user's tools read (not a flag, a prompt or stdin). */
const isVariable = (s: Source) => kindOf(s).variables;

/** The file and line for a value from a file; otherwise the form says where it goes. */
const whereLabel = (source: Source | undefined, form: FixForm): string => (source?.file ? fileAndLine(source) : form.label);

/** The edits --fix would make to one file: every proposed change whose value came from it. */
export interface FilePlan {
  /** As shown (relative to the working folder, or with ~). */
  label: string;
  /** Absolute, for reading and writing. */
  path: string;
  /** Undefined when nothing in this file can be changed (see `refused`). */
  patch?: FilePatch;
  /** What is changed, in words: "OPENAI_BASE_URL (line 4)". */
  changes: string[];
  /** Changes that cannot be made safely in this file, one sentence each. */
  refused: string[];
  /** The file held a key before the edit: its backup holds it too. */
  holdsKey: boolean;
}

/**
 * Plans the edits of --fix: only values that came from a file their source kind can edit (`.env`,
 * Claude Code settings), only in that file, one patch per file with all of its changes. A change
 * to a value prompted, passed as a flag or set in the environment has no file to edit: its forms
 * say how.
 */
export function planFileFixes(fixes: readonly ProposedFix[], secrets: readonly string[], read: (path: string) => string): FilePlan[] {
  const plans = new Map<string, FilePlan>();
  const seen = new Set<string>();
  for (const fix of fixes) {
    const source = fix.source;
    if (!source?.path || !kindOf(source).edit || fix.value === undefined) continue;
    // RUAPI_* values serve both protocols: one edit per variable per file.
    const id = `${source.path}\0${source.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    let plan = plans.get(source.path);
    if (!plan) {
      let text: string;
      try {
        text = read(source.path);
      } catch (err) {
        plans.set(source.path, { label: source.file ?? source.path, path: source.path, changes: [], refused: [t('fix.cannot-read', { file: source.file ?? source.path, error: (err as Error).message })], holdsKey: false });
        continue;
      }
      plan = { label: source.file ?? source.path, path: source.path, patch: { file: source.path, before: text, after: text, secrets }, changes: [], refused: [], holdsKey: holdsKey(text, secrets) };
      plans.set(source.path, plan);
    }
    if (!plan.patch) continue;
    const planned: PlannedFix = planFileFix({ ...source, file: source.path }, fix.value, plan.patch.after, secrets);
    if (planned.kind === 'patch') {
      plan.patch.after = planned.patch.after;
      plan.changes.push(t(planned.action === 'added' ? 'fix.change.added' : 'fix.change', { name: source.name, line: planned.line }));
    } else if (planned.kind === 'refused') plan.refused.push(planned.message.replaceAll(source.path, plan.label));
  }
  return [...plans.values()];
}

/** Whether the text holds one of the keys: it would "leak" one if it were written over an empty file. */
const holdsKey = (text: string, secrets: readonly string[]) => wouldLeakKey('', text, secrets);
