import { DOCTOR } from '../lang/en/doctor.js';
import { messages } from '../lang/t.js';

/** The words of src/doctor/ and src/fix/, in the language of the run (src/lang/en/doctor.ts). */
export const t = messages(DOCTOR);
