import type { Message } from '../t.js';
import type { LIVE as EN } from '../en/live.js';

/** The Russian messages of src/live/: every id of src/lang/en/live.ts. */
export const LIVE: Record<keyof typeof EN, Message> = {
};
