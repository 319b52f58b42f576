import type { Message } from '../t.js';
import type { CONFIG as EN } from '../en/config.js';

/** The Russian messages of src/config/: every id of src/lang/en/config.ts. */
export const CONFIG: Record<keyof typeof EN, Message> = {
};
