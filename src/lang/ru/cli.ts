import type { Message } from '../t.js';
import type { CLI as EN } from '../en/cli.js';

/** The Russian messages of src/cli/: every id of src/lang/en/cli.ts. */
export const CLI: Record<keyof typeof EN, Message> = {
};
