import { isDeepStrictEqual } from 'node:util';
import { lineAt } from '../files.js';
import { escapeRegExp } from '../../core/text.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';
import type { EditOutcome } from './text-edit.js';

const t = messages(CONFIG);

/**
 * A JSON settings file whose `env` object holds variables (`{"env": {"ANTHROPIC_BASE_URL": "…"}}`,
 * as Claude Code's settings.json): reading that block with the line of each variable, and setting
 * one variable by changing only that value's text.
 */

/** One variable of the `env` block, with the line its name is on. */
export interface EnvBlockEntry {
  name: string;
  value: string;
  line?: number;
}

/**
 * The `env` block of the file's text. Bad JSON or an `env` that is not an object is an `error`,
 * with a reason that never quotes the file's content (it may hold a key).
 */
export function readEnvBlock(text: string): { entries: EnvBlockEntry[] } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { error: describeJsonError(err, text) };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { error: t('config.parse.not-object') };
  const env = (data as { env?: unknown }).env;
  if (env === undefined) return { entries: [] };
  if (env === null || typeof env !== 'object' || Array.isArray(env)) return { error: t('config.parse.env-not-object') };
  const envAt = text.search(/"env"\s*:/);
  const entries: EnvBlockEntry[] = [];
  for (const [name, value] of Object.entries(env as Record<string, unknown>)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    entries.push({ name, value: String(value), line: lineOf(text, name, envAt) });
  }
  return { entries };
}

function lineOf(text: string, name: string, from: number): number | undefined {
  const re = new RegExp(`"${escapeRegExp(name)}"\\s*:`, 'g');
  re.lastIndex = Math.max(0, from);
  const m = re.exec(text);
  return m ? lineAt(text, m.index) : undefined;
}

/**
 * Why the JSON is invalid. V8's errors sometimes quote the text around the error, which could be a key: keep only the
 * kind of error and turn the position into a line and column.
 */
function describeJsonError(err: unknown, text: string): string {
  const message = err instanceof Error ? err.message : '';
  const at = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (at) return t('config.parse.json', { reason: v8Kind(at[1]!), at: where(text, Number(at[2])) });
  if (/Unexpected end of JSON input/.test(message)) return t('config.parse.json.nowhere', { reason: t('config.parse.ends-early') });
  const token = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (token) {
    // V8 quotes up to 10 characters either side of the bad one: find them in the file to place it.
    const [, char, cut, context] = token;
    const pos = cut ? text.indexOf(context!) + 10 : context!.indexOf(char!);
    const reason = t('config.parse.InvalidSymbol');
    return pos >= 0 && (!cut || text.indexOf(context!) >= 0) ? t('config.parse.json', { reason, at: where(text, pos) }) : t('config.parse.json.nowhere', { reason });
  }
  return t('config.parse.json.nowhere', { reason: t('config.parse.syntax') });
}

function where(text: string, pos: number): string {
  return t('config.parse.at', { line: lineAt(text, pos), column: pos - text.lastIndexOf('\n', pos - 1) });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** V8's kind of error in the language of the run: its own words, lower-cased, when no table has them. */
function v8Kind(kind: string): string {
  const said = lowerFirst(kind);
  const id = (Object.keys(CONFIG) as Array<keyof typeof CONFIG>).find((k) => k.startsWith('config.parse.v8.') && CONFIG[k] === said);
  return id ? t(id) : said;
}

// Editing. A missing key or `env` block is inserted after the last member, indented like its
// neighbours. JSON.parse cannot do this (it forgets the layout), so a small scanner records where
// each member sits.

interface JsonValue {
  start: number;
  end: number;
  members?: Member[];
}

interface Member {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonValue;
}

/** Positions of every object member; the text is known to be valid JSON (JSON.parse ran first). */
function scan(text: string, from: number): JsonValue {
  let i = from;
  const skipSpace = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const stringEnd = (start: number) => {
    let j = start + 1;
    while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  const value = (): JsonValue => {
    skipSpace();
    const start = i;
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      const members: Member[] = [];
      i++;
      skipSpace();
      while (text[i] !== close) {
        if (ch === '{') {
          skipSpace();
          const keyStart = i;
          i = stringEnd(i);
          const keyEnd = i;
          skipSpace();
          i++; // ':'
          members.push({ key: JSON.parse(text.slice(keyStart, keyEnd)) as string, keyStart, keyEnd, value: value() });
        } else value();
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
      return ch === '{' ? { start, end: i, members } : { start, end: i };
    }
    if (ch === '"') i = stringEnd(i);
    else while (i < text.length && !',}] \t\r\n'.includes(text[i]!)) i++;
    return { start, end: i };
  };
  return value();
}

/** The whitespace that starts the line holding `pos`. */
function indentAt(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

const mostCommon = (items: string[]) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
};

const isMultiline = (text: string, v: JsonValue) => text.slice(v.start, v.end).includes('\n');

/** Sets `env.NAME` to `value`, changing only that value's text (or adding the member, or the `env` block). */
export function setSettingsEnv(text: string, name: string, value: string): EditOutcome {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  let parsed: unknown;
  try {
    parsed = text.trim() ? JSON.parse(text.slice(bom)) : {};
  } catch (err) {
    return { error: t('config.edit.json-invalid', { detail: (err as Error).message }) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: t('config.edit.not-object') };
  const settings = parsed as Record<string, unknown>;
  if (settings.env !== undefined && (typeof settings.env !== 'object' || settings.env === null || Array.isArray(settings.env))) {
    return { error: t('config.edit.env-not-object') };
  }

  const envBlock = settings.env as Record<string, unknown> | undefined;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const keyText = JSON.stringify(name);
  const literal = JSON.stringify(value);
  let after: string;
  let action: 'replaced' | 'added';

  if (envBlock && Object.hasOwn(envBlock, name) && envBlock[name] === value) {
    return { after: text, line: 1 + (text.slice(0, text.lastIndexOf(keyText)).match(/\n/g)?.length ?? 0), action: 'unchanged' };
  }
  if (!text.trim()) {
    after = `{${eol}  "env": {${eol}    ${keyText}: ${literal}${eol}  }${eol}}${eol}`;
    action = 'added';
  } else {
    const root = scan(text, bom);
    const first = root.members?.[0];
    // The file's indent step: how far its first member sits in from the root's own line.
    const unit = first && isMultiline(text, root) ? indentAt(text, first.keyStart).slice(indentAt(text, root.start).length) || '  ' : '  ';
    const oneLine = !text.trim().includes('\n');
    // Spacing after ':' and ',' as the file writes them ("a": 1, "b" or compact "a":1,"b").
    const colonOf = (m: Member) => text.slice(m.keyEnd, m.value.start);
    const fileColon = first ? colonOf(first) : ': ';
    const second = root.members?.[1];
    const fileComma = first && second ? /^\s*,[ \t]*/.exec(text.slice(first.value.end, second.keyStart))?.[0] ?? ', ' : ', ';
    const env = root.members?.filter((m) => m.key === 'env').at(-1);
    const current = env?.value.members?.filter((m) => m.key === name).at(-1);

    /** Text that adds `"key": valueText` as the last member of `obj`, and where it goes. */
    const insertion = (obj: JsonValue, key: string, valueText: (indent: string) => string): { pos: number; end: number; text: string } => {
      const members = obj.members ?? [];
      const last = members.at(-1);
      const keyText = JSON.stringify(key);
      if (!last) {
        if (oneLine) return { pos: obj.start + 1, end: obj.end - 1, text: `${keyText}${fileColon}${valueText('')}` };
        const inner = indentAt(text, obj.start) + unit;
        const outer = indentAt(text, obj.start);
        return { pos: obj.start + 1, end: obj.end - 1, text: `${eol}${inner}${keyText}${fileColon}${valueText(inner)}${eol}${outer}` };
      }
      const colon = mostCommon(members.map(colonOf));
      if (isMultiline(text, obj)) {
        const indent = indentAt(text, last.keyStart);
        return { pos: last.value.end, end: last.value.end, text: `,${eol}${indent}${keyText}${colon}${valueText(indent)}` };
      }
      const prev = members.at(-2);
      const comma = prev ? /^\s*,\s*/.exec(text.slice(prev.value.end, last.keyStart))?.[0] ?? fileComma : fileComma;
      return { pos: last.value.end, end: last.value.end, text: `${comma}${keyText}${colon}${valueText('')}` };
    };

    let edit: { pos: number; end: number; text: string };
    if (current) edit = { pos: current.value.start, end: current.value.end, text: literal };
    else if (env) edit = insertion(env.value, name, () => literal);
    else {
      edit = insertion(root, 'env', (indent) =>
        oneLine || !isMultiline(text, root) ? `{${keyText}${fileColon}${literal}}` : `{${eol}${indent}${unit}${keyText}${fileColon}${literal}${eol}${indent}}`,
      );
    }
    after = text.slice(0, edit.pos) + edit.text + text.slice(edit.end);
    action = current ? 'replaced' : 'added';
  }

  // The edit must change exactly env.NAME: anything else means the scanner misread the file.
  const expected = { ...settings, env: { ...envBlock, [name]: value } };
  try {
    if (!isDeepStrictEqual(JSON.parse(after.slice(bom)), expected)) throw new Error('mismatch');
  } catch {
    return { error: t('config.edit.layout') };
  }
  // The line of the key that was set: the changed value follows its key, an added key follows the change.
  let changedAt = 0;
  while (changedAt < text.length && after[changedAt] === text[changedAt]) changedAt++;
  const keyAt = action === 'added' ? after.indexOf(keyText, changedAt) : after.lastIndexOf(keyText, changedAt);
  return { after, line: 1 + (after.slice(0, keyAt).match(/\n/g)?.length ?? 0), action };
}
