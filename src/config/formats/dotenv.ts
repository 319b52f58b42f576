import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';
import type { EditOutcome } from './text-edit.js';

const t = messages(CONFIG);

/**
 * The `.env` format as the `dotenv` package reads it: parsing with line numbers, and editing one
 * variable while leaving every other byte alone (comments, order, blank lines, quote style,
 * `export ` prefixes, spacing around `=`, CRLF endings, a missing final newline).
 */

/** One assignment in a .env file, with the line it starts on (for "OPENAI_BASE_URL in .env, line 3"). */
export interface DotenvEntry {
  name: string;
  value: string;
  line: number;
}

const DOTENV_ASSIGNMENT = /^\s*(?:export\s+)?([\w.-]+)\s*(?:=|:\s)\s*(.*)$/;

/**
 * Parses .env text the way the `dotenv` package reads it, keeping line numbers (which neither
 * dotenv nor Node's util.parseEnv report): `export` allowed, `#` starts a comment in unquoted
 * values, unquoted values are trimmed, '…' "…" `…` quotes are removed (and may span lines), "\n"
 * is expanded in double quotes. An opening quote that never closes is kept, as dotenv keeps it.
 * Later assignments of the same name come later in the list (dotenv: the last one wins).
 */
export function parseDotenv(text: string): DotenvEntry[] {
  const lines = text.split(/\r?\n/);
  const out: DotenvEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = DOTENV_ASSIGNMENT.exec(lines[i]!);
    if (!m) continue;
    const name = m[1]!;
    const rest = m[2]!;
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const closed = findClosing(lines, i, rest, quote);
      if (closed) {
        const value = quote === '"' ? closed.inner.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : closed.inner;
        out.push({ name, value, line: i + 1 });
        i = closed.endLine;
        continue;
      }
    }
    out.push({ name, value: rest.split('#')[0]!.trim(), line: i + 1 });
  }
  return out;
}

function findClosing(lines: string[], start: number, rest: string, quote: string): { inner: string; endLine: number } | undefined {
  let text = rest.slice(1);
  let k = 0;
  for (let j = start; j < lines.length; j++) {
    if (j > start) text += `\n${lines[j]}`;
    for (; k < text.length; k++) {
      if (text[k] === '\\') {
        k++;
        continue;
      }
      if (text[k] === quote) {
        const after = text.slice(k + 1).trim();
        if (after === '' || after.startsWith('#')) return { inner: text.slice(0, k), endLine: j };
        return undefined;
      }
    }
  }
  return undefined;
}

// Editing: one variable at a time, every other byte kept.

type Quote = '' | '"' | "'" | '`';

interface Line {
  text: string;
  eol: string;
}

interface Assignment {
  /** Everything before the value: BOM, indent, `export `, name, `=` and its spacing. */
  head: string;
  name: string;
  quote: Quote;
  value: string;
  /** Everything after the value: closing quote, spaces, a `# comment`. */
  tail: string;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  return text.split(/(?<=\n)/).map((piece) => {
    const eol = piece.endsWith('\r\n') ? '\r\n' : piece.endsWith('\n') ? '\n' : '';
    return { text: piece.slice(0, piece.length - eol.length), eol };
  });
}

/** An assignment on one line that can be edited in place (stricter than what dotenv reads). */
const EDITABLE_ASSIGNMENT = /^(\uFEFF?[ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.-]*)([ \t]*=[ \t]*)(.*)$/;

/**
 * Parses `NAME=value` the way dotenv and python-dotenv do for one-line values; `multiline` for a
 * quoted value that does not close on its line; undefined for anything else.
 */
function parseAssignment(text: string): Assignment | { name: string; multiline: true } | undefined {
  const m = EDITABLE_ASSIGNMENT.exec(text);
  if (!m) return undefined;
  const [, lead, name, equals, rest] = m as unknown as [string, string, string, string, string];
  const head = lead + name + equals;
  const q = rest[0];
  if (q === '"' || q === "'" || q === '`') {
    let end = 1;
    while (end < rest.length && rest[end] !== q) end += q === '"' && rest[end] === '\\' ? 2 : 1;
    if (end >= rest.length) return { name, multiline: true };
    return { head, name, quote: q, value: rest.slice(1, end), tail: rest.slice(end) };
  }
  const unquoted = /^(.*?)([ \t]+#.*|[ \t]*)$/.exec(rest)!;
  return { head, name, quote: '', value: unquoted[1]!, tail: unquoted[2]! };
}

/** Whether a quote style can hold the value without escapes that parsers disagree on. */
const FITS: Record<Quote, RegExp> = {
  '': /^[^\s#'"`\\$]*$/,
  '"': /^[^"\\$\r\n]*$/,
  "'": /^[^'\r\n]*$/,
  '`': /^[^`\r\n]*$/,
};

function quoteFor(value: string, preferred: Quote): Quote | undefined {
  return ([preferred, '', '"', "'"] as Quote[]).find((q) => FITS[q].test(value));
}

/** A `.env` line that sets `name` to `value`, quoted only when it must be; undefined when no quoting is safe. */
export function dotenvLine(name: string, value: string): string | undefined {
  const quote = quoteFor(value, '');
  return quote === undefined ? undefined : `${name}=${quote}${value}${quote}`;
}

/** `tail` starts with the closing quote when the value was quoted. */
function withValue(a: Assignment, value: string, quote: Quote): string {
  const tail = a.quote ? a.tail.slice(1) : a.tail;
  return `${a.head}${quote}${value}${quote}${tail}`;
}

/**
 * Sets `name` to `value`. With `line` (where discovery read it), that line is edited; otherwise
 * the last assignment (the one dotenv uses), or a new line is added at the end when there is none.
 */
export function setDotenvVar(text: string, name: string, value: string, opts: { line?: number } = {}): EditOutcome {
  const lines = splitLines(text);
  const assigns = lines.map((l) => parseAssignment(l.text));
  let index = opts.line !== undefined && assigns[opts.line - 1]?.name === name ? opts.line - 1 : -1;
  if (index < 0) index = assigns.map((a) => a?.name).lastIndexOf(name);
  if (index < 0 && opts.line !== undefined) {
    return { error: t('config.edit.moved', { name, line: opts.line }) };
  }

  if (index >= 0) {
    const a = assigns[index]!;
    if ('multiline' in a) return { error: t('config.edit.multiline', { name }) };
    const quote = quoteFor(value, a.quote);
    if (quote === undefined) return { error: t('config.edit.unsafe', { name }) };
    const line = lines[index]!;
    const edited = withValue(a, value, quote);
    if (edited === line.text) return { after: text, line: index + 1, action: 'unchanged' };
    lines[index] = { text: edited, eol: line.eol };
    return { after: lines.map((l) => l.text + l.eol).join(''), line: index + 1, action: 'replaced' };
  }

  const line = dotenvLine(name, value);
  if (line === undefined) return { error: t('config.edit.unsafe', { name }) };
  const existing = assigns.filter((a): a is Assignment => a !== undefined && !('multiline' in a));
  const exported = existing.length > 0 && existing.every((a) => /^\uFEFF?[ \t]*export[ \t]/.test(a.head));
  const added = `${exported ? 'export ' : ''}${line}`;
  const eol = lines.find((l) => l.eol)?.eol ?? '\n';
  const last = lines.at(-1);
  // A file without a final newline keeps that shape: the new line goes after a separator instead.
  const after = !last ? `${added}${eol}` : last.eol ? `${text}${added}${eol}` : `${text}${eol}${added}`;
  return { after, line: lines.length + 1, action: 'added' };
}
