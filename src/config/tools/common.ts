import { existsSync } from 'node:fs';
import { path } from '../../core/path.js';
import type { ClientId } from '../../core/clients.js';
import { absolutePath, displayPath, readConfigText } from '../files.js';
import type { DataPath, Parsed } from '../formats/parsed.js';
import type { SettingValue, SourceFile } from '../sources/contract.js';
import type { DiscoverInput } from '../types.js';
import type { ToolRead, ToolSetting } from './contract.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

/** A file as the tool sources name it: shown relative to the working folder or with `~`. */
export const fileAt = (input: DiscoverInput, file: string): SourceFile => {
  const abs = absolutePath(input.cwd, file);
  return { path: abs, label: displayPath(abs, input.cwd, input.home) };
};

/** A system-wide file (`/etc/…`, `/Library/…`, `C:\ProgramData\…`), under `systemRoot` in tests. */
export function systemFile(input: DiscoverInput, paths: { linux: string; darwin: string; win32: string }): SourceFile {
  const platform = input.platform ?? process.platform;
  const at = platform === 'darwin' ? paths.darwin : platform === 'win32' ? paths.win32 : paths.linux;
  const file = input.systemRoot ? path.join(input.systemRoot, at.replace(/^[A-Za-z]:\\/, '').replace(/\\/g, '/')) : at;
  return { path: file, label: at };
}

/** The nearest folder at or above the working folder that holds `.git` (the git root), if any: looked for once per discovery. */
export function gitRoot(input: DiscoverInput): string | undefined {
  if (!gitRoots.has(input)) gitRoots.set(input, findGitRoot(path.resolve(input.cwd)));
  return gitRoots.get(input);
}
const gitRoots = new WeakMap<DiscoverInput, string | undefined>();

function findGitRoot(from: string): string | undefined {
  // `from` is in normal form, and so is each parent path.dirname gives: no join needed to append.
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(dir.endsWith(path.sep) ? `${dir}.git` : `${dir}${path.sep}.git`)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads a file and parses it. The parser is loaded only here, after the file was found: a run
 * without such files never loads it (see LAZY_PACKAGES in scripts/build.mjs).
 */
export function readParsed(file: SourceFile, parse: (text: string) => Parsed): { read: ToolRead } | { parsed: Extract<Parsed, { data: unknown }> } {
  const text = readConfigText(file.path);
  if (text.kind === 'absent') return { read: { status: 'absent' } };
  if (text.kind === 'unreadable') return { read: { status: 'unreadable', reason: text.reason } };
  const parsed = parse(text.text);
  if ('error' in parsed) return { read: { status: 'unreadable', reason: parsed.error } };
  return { parsed };
}

/** A scalar as text (TOML and YAML numbers and booleans included); undefined for anything else. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `a.b`, `models[0].apiBase`: a data path as users read it. */
export const dotted = (p: DataPath): string => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** Builds the settings of one file: each with its source (kind = the client), line and column. */
export function settingsOf(client: ClientId, file: SourceFile, parsed: Extract<Parsed, { data: unknown }>) {
  return (p: DataPath, value: SettingValue, role: ToolSetting['role'], more: Partial<Pick<ToolSetting, 'protocol' | 'slot' | 'header'>> & { name?: string } = {}): ToolSetting => {
    const { name = dotted(p), ...rest } = more;
    const at = parsed.at(p);
    return {
      name,
      value,
      role,
      ...rest,
      source: {
        kind: client,
        name,
        file: file.label,
        path: file.path,
        label: at ? t('config.label.file-line', { name, file: file.label, line: at.line }) : t('config.label.file', { name, file: file.label }),
        ...(at ? { line: at.line } : {}),
      },
      ...(at ? { column: at.column } : {}),
    };
  };
}
