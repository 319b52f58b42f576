import type { Message } from '../t.js';
import type { DOCTOR as EN } from '../en/doctor.js';

/** The Russian messages of src/doctor/: every id of src/lang/en/doctor.ts. */
export const DOCTOR: Record<keyof typeof EN, Message> = {
};
