import { LIVE_ANSWERS } from './live-answers.js';
import { LIVE_NETWORK } from './live-network.js';
import { LIVE_SAFETY } from './live-safety.js';
import { LIVE_STEPS } from './live-steps.js';

/** The English messages of src/live/ (see src/lang/t.ts), one file per family of findings. */
export const LIVE = {
  ...LIVE_STEPS,
  ...LIVE_NETWORK,
  ...LIVE_ANSWERS,
  ...LIVE_SAFETY,
} as const;
