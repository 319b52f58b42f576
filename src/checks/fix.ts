import type { Source } from '../config/types.js';

/**
 * A corrected value written the way the place it came from takes it, ready to copy:
 * `OPENAI_BASE_URL=…` for .env, `export …` for the environment, a JSON entry for Claude Code
 * settings, the flag for a flag. Only for values that are not secrets.
 */
export function assignment(source: Source | undefined, fallbackName: string, value: string): string {
  if (!source) return `${fallbackName}=${value}`;
  switch (source.kind) {
    case 'flag':
      return `${source.name} ${value}`;
    case 'env':
      return `export ${source.name}=${value}`;
    case 'dotenv':
      return `${source.name}=${value}   (${source.file}${source.line ? `, line ${source.line}` : ''})`;
    case 'claude-settings':
      return `"${source.name}": "${value}"   (the "env" block of ${source.file})`;
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
