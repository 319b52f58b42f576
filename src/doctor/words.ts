import { DOCTOR } from '../lang/en/doctor.js';
import { messages } from '../lang/t.js';

/** The words of src/doctor/ and src/fix/, in the language of the run (src/lang/en/doctor.ts). */
export const t = messages(DOCTOR);

const joined = (items: readonly string[], id: 'doctor.list.and' | 'doctor.list.or'): string =>
  items.length > 1 ? t(id, { first: items.slice(0, -1).join(', '), last: items.at(-1)! }) : (items[0] ?? '');

/** "a, b and c", in the language of the run. */
export const andList = (items: readonly string[]): string => joined(items, 'doctor.list.and');

/** "a, b or c", in the language of the run. */
export const orList = (items: readonly string[]): string => joined(items, 'doctor.list.or');
