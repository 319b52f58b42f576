import type { Message } from '../t.js';
import type { UI as EN } from '../en/ui.js';

/** The Russian messages of src/ui/: every id of src/lang/en/ui.ts. */
export const UI: Record<keyof typeof EN, Message> = {
};
