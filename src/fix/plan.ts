import { wouldLeakKey } from '../config/secrets.js';
import { kindOf } from '../config/sources/index.js';
import type { Source } from '../config/types.js';
import type { FilePatch } from './apply.js';
import { DOCTOR } from '../lang/en/doctor.js';
import { messages } from '../lang/t.js';

const t = messages(DOCTOR);

export type PlannedFix =
  /** Ready to show (renderDiff) and apply (applyFix). */
  | { kind: 'patch'; patch: FilePatch; line: number; action: 'replaced' | 'added' }
  /** The file already holds the value. */
  | { kind: 'unchanged' }
  /** The value came from a flag, the environment, a prompt or a file --fix does not write: show the fix forms instead. */
  | { kind: 'not-a-file' }
  /** The file cannot be edited safely; `message` says why, in a sentence about the file. */
  | { kind: 'refused'; message: string };

/**
 * The edit that sets the variable `source.name` to `value` in the one file the bad value came
 * from (`source.file`, read by the caller as `before`). Only files whose source kind can edit them
 * (`.env`, Claude Code settings) are edited; a key may only be cleaned in place, never carried
 * into a file.
 */
export function planFileFix(source: Source, value: string, before: string, secrets: readonly (string | undefined | null)[]): PlannedFix {
  const editor = kindOf(source).edit;
  if (!source.file || !editor) return { kind: 'not-a-file' };
  const edit = editor(before, source, value);
  if ('error' in edit) return { kind: 'refused', message: t('fix.cannot-edit', { file: source.file, error: edit.error }) };
  if (edit.action === 'unchanged') return { kind: 'unchanged' };
  if (wouldLeakKey(before, edit.after, secrets)) return { kind: 'refused', message: t('fix.no-new-key', { file: source.file }) };
  return { kind: 'patch', patch: { file: source.file, before, after: edit.after, secrets }, line: edit.line, action: edit.action };
}
