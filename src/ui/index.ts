/**
 * The `ui` chunk: prompts (@inquirer/core) and spinners (ora). Load it with `await import('../ui/index.js')`
 * only when `isInteractive()` (src/ui/interactive.ts) says so: a TTY, and neither --ci nor --json.
 */
export { Interrupted, isInterrupted, isInteractive } from './interactive.js';
export { askProtocol, askKey, askBaseUrl, askModel, configurePrompts, confirmFix, confirmHost } from './prompts.js';
export { createStepSpinner, type RunningStep, type StepUpdate, type StepSpinner } from './spinner.js';
