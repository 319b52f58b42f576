import type { Protocol } from '../core/finding.js';
import { VARIABLES, type Field } from '../core/ruapi.js';
import type { Meaning } from './sources/contract.js';

const FIELDS: readonly Field[] = ['key', 'baseUrl', 'model'];
const GROUPS = Object.keys(VARIABLES) as Array<Protocol | 'ruapi'>;

/** Every variable a client reads (VARIABLES), ruapi's own first: the names the sources look for. */
export const KNOWN_VARIABLES: readonly string[] = [...new Set(GROUPS.flatMap((g) => FIELDS.flatMap((f) => VARIABLES[g][f])))];

/** What a variable configures, or undefined when no client reads it. */
export function meaningOf(name: string): Meaning | undefined {
  for (const protocol of GROUPS) for (const field of FIELDS) if (VARIABLES[protocol][field].includes(name)) return { field, protocol };
  return undefined;
}

/** Where a name stands among the variables for the same thing: the more specific first (0), so OPENAI_BASE_URL before the legacy OPENAI_API_BASE. */
export function rankOf(meaning: Meaning, name: string): number {
  return Math.max(0, VARIABLES[meaning.protocol][meaning.field].indexOf(name));
}

/** The fields in the order they are listed: key, base URL, model. */
export const fieldOrder = (field: Field): number => FIELDS.indexOf(field);
