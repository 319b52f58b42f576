import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { path } from '../core/path.js';
import { CONFIG } from '../lang/en/config.js';
import { messages, num } from '../lang/t.js';

const t = messages(CONFIG);

/** Configuration files are small; anything bigger is not one, and is not read into memory. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** `bom`: the file started with a UTF-8 byte order mark, which `text` no longer holds. */
/** `fix`, on an unreadable file, when what to do depends on what the file is rather than on who reads it. */
export type ReadText = { kind: 'text'; text: string; bom?: true } | { kind: 'absent' } | { kind: 'unreadable'; reason: string; fix?: string };

/**
 * Reads a configuration file as UTF-8 text. A missing file is `absent`; a folder, a file that is
 * too big, not text (UTF-16, NUL bytes, invalid UTF-8) or not permitted is `unreadable` with a reason a
 * user can act on. Never throws.
 */
export function readConfigText(file: string): ReadText {
  let size: number;
  try {
    // No exception for a file that is not there, the common case (20-odd places a run looks at):
    // each one thrown costs a stack trace, and the first loads Node's error formatting.
    const st = statSync(file, { throwIfNoEntry: false });
    if (!st) return { kind: 'absent' };
    if (st.isDirectory()) return { kind: 'unreadable', reason: t('config.read.folder') };
    size = st.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent' };
    return { kind: 'unreadable', reason: ioReason(code) };
  }
  if (size > MAX_CONFIG_BYTES) return { kind: 'unreadable', reason: t('config.read.too-big', { size: num(size / 1024 / 1024, 1) }) };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { kind: 'unreadable', reason: ioReason((err as NodeJS.ErrnoException).code) };
  }
  const utf16 = utf16Order(bytes);
  if (utf16) {
    const name = path.basename(file);
    return {
      kind: 'unreadable',
      reason: t('config.read.utf16', { order: utf16 }),
      fix: t('config.read.utf16.fix', { name }),
    };
  }
  if (bytes.includes(0)) return { kind: 'unreadable', reason: t('config.read.binary') };
  if (!isUtf8(bytes)) return { kind: 'unreadable', reason: t('config.read.not-utf8') };
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? { kind: 'text', text: text.slice(1), bom: true } : { kind: 'text', text };
}

/**
 * `little-endian` or `big-endian` when the bytes are UTF-16 text: a byte order mark, or, without
 * one, the NUL of every other byte that ASCII text has in UTF-16 (a NAME=value file is mostly ASCII).
 */
function utf16Order(bytes: Buffer): 'little-endian' | 'big-endian' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = bytes.length / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'little-endian';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'big-endian';
  return undefined;
}

function ioReason(code: string | undefined): string {
  if (code === 'EACCES' || code === 'EPERM') return t('config.read.denied');
  return t('config.read.failed', { code: code ?? t('config.read.unknown-error') });
}

/** A path as users recognise it: relative to the working folder when inside it, else `~/…` under home. */
export function displayPath(file: string, cwd: string, home: string): string {
  const abs = absolutePath(cwd, file);
  const rel = below(cwd, abs);
  if (rel !== undefined) return rel;
  const fromHome = below(home, abs);
  return fromHome !== undefined ? `~/${fromHome}` : abs;
}

/** A POSIX folder path already in normal form: absolute, no `//`, `.` or `..` step, no trailing `/`. */
const PLAIN_FOLDER = /^\/(?:[^/]+\/)*[^/]+$/;
const DOT_STEP = /\/\.\.?(?:\/|$)/;
const isPlain = (p: string) => path.sep === '/' && PLAIN_FOLDER.test(p) && !DOT_STEP.test(p);

/**
 * path.resolve(cwd, file), without normalising again a path that is already absolute and in
 * normal form (most are: path.join made them). A run resolves a few dozen paths, and Node's
 * normalising loop, run that often, was hot enough for V8 to compile it with TurboFan on Node 22
 * in every offline run.
 */
export const absolutePath = (cwd: string, file: string): string => (isPlain(file) ? file : path.resolve(cwd, file));

/**
 * `abs` (absolute and normal, as path.resolve gives it) relative to `dir` when it lies inside it,
 * as path.relative says it; undefined when it does not. The doctor shows twenty paths or so in
 * each run, and path.relative normalises both paths again each time: a plain folder on POSIX is
 * answered by comparing the text, anything else by path.relative.
 */
function below(dir: string, abs: string): string | undefined {
  let rel: string;
  if (isPlain(dir)) {
    if (!abs.startsWith(dir) || abs.charCodeAt(dir.length) !== 0x2f) return undefined;
    rel = abs.slice(dir.length + 1);
  } else rel = path.relative(dir, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : undefined;
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
