/**
 * Fixes the doctor can show or apply. Pure text functions (no prompts, no output); only applyFix
 * touches the disk. Statically importable: nothing here loads a heavy module. The in-place edits
 * belong to the source kinds that can make them (src/config/sources/); the two formats are
 * exported here too.
 */
export { setDotenvVar } from '../config/formats/dotenv.js';
export { setSettingsEnv } from '../config/formats/json-env.js';
export type { TextEdit, EditOutcome } from '../config/formats/text-edit.js';
export { renderDiff } from './diff.js';
export { applyFix, type FilePatch, type ApplyResult } from './apply.js';
export { planFileFix, type PlannedFix } from './plan.js';
export { resolveTarget, writableFolders, type FixPlaces, type FixTarget } from './target.js';
export {
  fixForms,
  detectShell,
  isCodeForm,
  suggestedFix,
  type FixChange,
  type FixContext,
  type FixForm,
  type SetupForms,
  type Shell,
  type SuggestedFix,
} from './forms.js';
export { wouldLeakKey } from '../config/secrets.js';
