import type { Message } from '../t.js';
import type { REPORT as EN } from '../en/report.js';

/** The Russian messages of src/report/: every id of src/lang/en/report.ts. */
export const REPORT: Record<keyof typeof EN, Message> = {
};
