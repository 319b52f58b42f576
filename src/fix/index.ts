/**
 * Fixes the doctor can show or apply. Pure text functions (no prompts, no output); only applyFix
 * touches the disk. Statically importable: nothing here loads a heavy module.
 */
export { setDotenvVar, type TextEdit, type EditOutcome } from './dotenv.js';
export { setSettingsEnv } from './settings.js';
export { renderDiff } from './diff.js';
export { applyFix, type FilePatch, type ApplyResult } from './apply.js';
export { planFileFix, type PlannedFix } from './plan.js';
export { fixForms, detectShell, suggestedFix, type FixChange, type FixContext, type FixForm, type Shell, type SuggestedFix } from './forms.js';
export { wouldLeakKey } from './secrets.js';
