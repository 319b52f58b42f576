import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';
import { kindOfError, where, type DataPath, type Parsed, type Position } from './parsed.js';

const t = messages(CONFIG);

/**
 * TOML (Codex's config.toml), parsed by smol-toml. smol-toml gives values, not positions, so a small
 * scanner finds the line of each key: table headers (`[model_providers.ruapi]`) set the current
 * table, `key = …` lines (dotted or quoted keys too) name a path under it, and a key inside an inline
 * table (`http_headers = { "X-A" = "b" }`) is placed on its table's line.
 */
export function parseToml(text: string): Parsed {
  const toml = require('smol-toml') as typeof import('smol-toml');
  let data: unknown;
  try {
    data = toml.parse(text);
  } catch (err) {
    const e = err as { message?: string; line?: number; column?: number };
    const reason = kindOfError(String(e.message ?? '').replace(/^Invalid TOML document:\s*/, ''));
    return { error: e.line ? t('config.parse.toml', { reason, at: where({ line: e.line, column: e.column ?? 1 }) }) : t('config.parse.toml.nowhere', { reason }) };
  }
  const lines = keyLines(text);
  return {
    data,
    at: (path: DataPath) => {
      // The key itself, or the nearest enclosing one that is written out (an inline table, a header).
      for (let n = path.length; n > 0; n--) {
        const found = lines.get(pathKey(path.slice(0, n)));
        if (found) return found;
      }
      return undefined;
    },
  };
}

const pathKey = (path: DataPath) => path.map(String).join('\u0000');

/** The parts of a dotted TOML key, quotes removed: `a."b.c".d` → a, b.c, d. */
function splitKey(key: string): string[] {
  const parts: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(?:\.|$)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < key.length && (m = re.exec(key))) parts.push(m[1] !== undefined ? JSON.parse(`"${m[1]}"`) : (m[2] ?? m[3]!));
  return parts;
}

/** Every key written in the file, by its full path, with where it is (the first time). */
function keyLines(text: string): Map<string, Position> {
  const found = new Map<string, Position>();
  const arrays = new Map<string, number>();
  let table: Array<string | number> = [];
  let inMultiline: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (inMultiline) {
      if (raw.includes(inMultiline)) inMultiline = undefined;
      return;
    }
    const header = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(raw);
    if (header) {
      const parts = splitKey(header[2]!);
      if (header[1] === '[[') {
        const k = pathKey(parts);
        const index = arrays.get(k) ?? 0;
        arrays.set(k, index + 1);
        table = [...parts, index];
      } else table = parts;
      if (!found.has(pathKey(table))) found.set(pathKey(table), { line, column: raw.indexOf('[') + 1 });
      return;
    }
    const assign = /^(\s*)((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_.\s-])+?)\s*=\s*(.*)$/.exec(raw);
    if (!assign) return;
    const full = [...table, ...splitKey(assign[2]!)];
    if (!found.has(pathKey(full))) found.set(pathKey(full), { line, column: assign[1]!.length + 1 });
    const rest = assign[3]!;
    for (const quote of ['"""', "'''"]) {
      if (rest.startsWith(quote) && !rest.slice(3).includes(quote)) inMultiline = quote;
    }
  });
  return found;
}
