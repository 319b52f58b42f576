/**
 * The `ui` chunk: prompts (@inquirer/core) and spinners (ora). Load it with `await import('../ui/index.js')`
 * only when the session can prompt (`isInteractive()`, src/core/session.ts): a TTY, and neither --ci nor --json.
 */
export { Interrupted, isInterrupted } from './interactive.js';
export { askProtocol, askKey, askBaseUrl, askModel, configurePrompts, confirmFix, confirmHost } from './prompts.js';
export { createStepSpinner, type RunningStep, type StepUpdate, type StepSpinner } from './spinner.js';
