import type { Message } from '../t.js';
import type { LIVE as EN } from '../en/live.js';
import { LIVE_ANSWERS } from './live-answers.js';
import { LIVE_NETWORK } from './live-network.js';
import { LIVE_SAFETY } from './live-safety.js';
import { LIVE_STEPS } from './live-steps.js';

/** The Russian messages of src/live/: every id of src/lang/en/live.ts, one file per family as in English. */
export const LIVE: Record<keyof typeof EN, Message> = {
  ...LIVE_STEPS,
  ...LIVE_NETWORK,
  ...LIVE_ANSWERS,
  ...LIVE_SAFETY,
};
