import { lineAt, readConfigText } from './files.js';

export interface SettingsEnvEntry {
  name: string;
  value: string;
  line?: number;
}

export type SettingsRead = { kind: 'absent' } | { kind: 'unreadable'; reason: string } | { kind: 'read'; env: SettingsEnvEntry[] };

/**
 * The `env` block of one Claude Code settings file (`{"env": {"ANTHROPIC_BASE_URL": "…"}}`), with
 * the line each variable is on. Bad JSON or an `env` that is not an object is `unreadable`, with a
 * reason that never quotes the file's content (it may hold a key).
 */
export function readClaudeSettings(file: string): SettingsRead {
  const read = readConfigText(file);
  if (read.kind !== 'text') return read;
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (err) {
    return { kind: 'unreadable', reason: `it is not valid JSON: ${describeJsonError(err, read.text)}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { kind: 'unreadable', reason: 'it is not a JSON object' };
  const env = (data as { env?: unknown }).env;
  if (env === undefined) return { kind: 'read', env: [] };
  if (env === null || typeof env !== 'object' || Array.isArray(env)) return { kind: 'unreadable', reason: '"env" is not an object of variables' };
  const envAt = read.text.search(/"env"\s*:/);
  const entries: SettingsEnvEntry[] = [];
  for (const [name, value] of Object.entries(env as Record<string, unknown>)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    entries.push({ name, value: String(value), line: lineOf(read.text, name, envAt) });
  }
  return { kind: 'read', env: entries };
}

function lineOf(text: string, name: string, from: number): number | undefined {
  const re = new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`, 'g');
  re.lastIndex = Math.max(0, from);
  const m = re.exec(text);
  return m ? lineAt(text, m.index) : undefined;
}

/**
 * V8's JSON errors sometimes quote the text around the error, which could be a key: keep only the
 * kind of error and turn the position into a line and column.
 */
function describeJsonError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : '';
  const at = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (at) return `${lowerFirst(at[1]!)} ${where(text, Number(at[2]))}`;
  if (/Unexpected end of JSON input/.test(message)) return 'it ends too early (a closing bracket or quote is missing)';
  const token = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (token) {
    // V8 quotes up to 10 characters either side of the bad one: find them in the file to place it.
    const [, char, cut, context] = token;
    const pos = cut ? text.indexOf(context!) + 10 : context!.indexOf(char!);
    const kind = 'an unexpected character (a value without quotes, or a stray character)';
    return pos >= 0 && (!cut || text.indexOf(context!) >= 0) ? `${kind} ${where(text, pos)}` : kind;
  }
  return 'a syntax error';
}

function where(text: string, pos: number): string {
  return `(line ${lineAt(text, pos)}, column ${pos - text.lastIndexOf('\n', pos - 1)})`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
