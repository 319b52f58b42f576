import type { Source } from '../config/types.js';
import { placeLine } from '../fix/forms.js';

/**
 * A corrected value written the way the place it came from takes it, ready to copy, on one line:
 * `OPENAI_BASE_URL=…   (.env, line 3)`, `export …` for the environment, a JSON entry for Claude
 * Code settings, the flag for a flag. Only for values that are not secrets. The lines themselves
 * come from the fix forms' writer (src/fix/forms.ts), so both say the same thing the same way.
 */
export function assignment(source: Source | undefined, fallbackName: string, value: string): string {
  const plain = `${fallbackName}=${value}`;
  if (!source) return plain;
  const at = source.line ? `, line ${source.line}` : '';
  switch (source.kind) {
    case 'flag':
      return placeLine('flag', source.name, value)!;
    case 'env':
      return placeLine('shell', source.name, value)!;
    case 'dotenv':
      return `${placeLine('dotenv', source.name, value) ?? `${source.name}=${value}`}   (${source.file}${at})`;
    case 'claude-settings':
      return `${placeLine('claude-settings', source.name, value)}   (the "env" block of ${source.file})`;
    default:
      return `${source.name}=${value}`;
  }
}

/** Where to edit a value, in words: ".env, line 3", "OPENAI_API_KEY in your environment …". */
export function place(source: Source | undefined): string {
  if (!source) return '';
  switch (source.kind) {
    case 'flag':
      return `the ${source.name} argument`;
    case 'stdin':
      return 'what you pipe to --key-stdin';
    case 'env':
      return `${source.name} in your environment (shell profile or CI variables)`;
    case 'dotenv':
    case 'claude-settings':
      return `${source.name} in ${source.file}${source.line ? `, line ${source.line}` : ''}`;
    default:
      return source.label;
  }
}

/** "Keep only the key, sk-…abcd, without the quotes: edit .env, line 3." */
export function keepOnlyKey(redacted: string, what: string, source: Source | undefined): string {
  const where = place(source);
  return `Keep only the key, ${redacted}, ${what}${where ? `: edit ${where}` : ''}.`;
}
