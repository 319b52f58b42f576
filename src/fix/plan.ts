import type { Source } from '../config/types.js';
import type { FilePatch } from './apply.js';
import { setDotenvVar } from './dotenv.js';
import { wouldLeakKey } from './secrets.js';
import { setSettingsEnv } from './settings.js';

export type PlannedFix =
  /** Ready to show (renderDiff) and apply (applyFix). */
  | { kind: 'patch'; patch: FilePatch; line: number; action: 'replaced' | 'added' }
  /** The file already holds the value. */
  | { kind: 'unchanged' }
  /** The value came from a flag, the environment or a prompt: show the fix forms instead. */
  | { kind: 'not-a-file' }
  /** The file cannot be edited safely; `message` says why, in a sentence about the file. */
  | { kind: 'refused'; message: string };

/**
 * The edit that sets the variable `source.name` to `value` in the one file the bad value came
 * from (`source.file`, read by the caller as `before`). Only `.env` files and Claude Code settings
 * are edited; a key may only be cleaned in place, never carried into a file.
 */
export function planFileFix(source: Source, value: string, before: string, secrets: readonly (string | undefined | null)[]): PlannedFix {
  if (!source.file || (source.kind !== 'dotenv' && source.kind !== 'claude-settings')) return { kind: 'not-a-file' };
  const edit = source.kind === 'dotenv' ? setDotenvVar(before, source.name, value, { line: source.line }) : setSettingsEnv(before, source.name, value);
  if ('error' in edit) return { kind: 'refused', message: `Cannot edit ${source.file}: ${edit.error}.` };
  if (edit.action === 'unchanged') return { kind: 'unchanged' };
  if (wouldLeakKey(before, edit.after, secrets)) return { kind: 'refused', message: `Not writing a key into ${source.file}: it did not hold that key before.` };
  return { kind: 'patch', patch: { file: source.file, before, after: edit.after, secrets }, line: edit.line, action: edit.action };
}
