import { INVISIBLE_CLASS } from '../core/keys.js';
import { redactKey, redactText } from '../core/redact.js';
import { escapeRegExp } from '../core/text.js';
import { keyCore } from '../config/secrets.js';
import { DOCTOR } from '../lang/en/doctor.js';
import { language, messages, num } from '../lang/t.js';

const t = messages(DOCTOR);

/** The styles a diff uses; a ChalkInstance is one. Without colour each is the identity, and chalk is not loaded. */
type Paint = Record<'bold' | 'cyan' | 'red' | 'green' | 'dim', (text: string) => string>;
const PLAIN: Paint = { bold: String, cyan: String, red: String, green: String, dim: String };

interface Line {
  text: string;
  eol: string;
}

const lines = (text: string): Line[] =>
  text === ''
    ? []
    : text.split(/(?<=\n)/).map((piece) => {
        const eol = piece.endsWith('\r\n') ? '\r\n' : piece.endsWith('\n') ? '\n' : '';
        return { text: piece.slice(0, piece.length - eol.length), eol };
      });

const same = (a: Line | undefined, b: Line | undefined) => !!a && !!b && a.text === b.text && a.eol === b.eol;

/** Unseen characters that matter in a key or URL, shown by name; tab included. */
const UNSEEN = new RegExp(`[\\t${INVISIBLE_CLASS}]`, 'g');
const NOISE = `[\\s${INVISIBLE_CLASS}]*`;
const NOT_NOISE = new RegExp(`[^\\s${INVISIBLE_CLASS}]`, 'g');

/** Longer lines are shown cut in the middle: a megabyte pasted into one value is not worth a screenful per kilobyte. */
const MAX_SHOWN = 400;

/**
 * A line as the diff shows it: each key redacted (`sk-…abcd`) even when pasted noise splits it,
 * the noise that was inside it kept visible, unseen characters named, trailing spaces marked `·`,
 * and cut in the middle when it is longer than MAX_SHOWN (after redaction, so no piece of a key
 * is left for the redaction to miss).
 */
function display(text: string, secrets: readonly (string | undefined | null)[]): string {
  let out = text;
  for (const secret of secrets) {
    const core = secret ? keyCore(secret) : '';
    if (core.length < 8) continue;
    const spread = new RegExp([...core].map(escapeRegExp).join(NOISE), 'g');
    out = out.replace(spread, (match) => redactKey(core) + match.replace(NOT_NOISE, ''));
  }
  out = out
    .replace(UNSEEN, (ch) => (ch === '\t' ? '⟨tab⟩' : `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`))
    .replace(/ +$/, (spaces) => '·'.repeat(spaces.length));
  // Last guard, with the one redaction every output uses.
  out = redactText(out, secrets);
  if (out.length <= MAX_SHOWN) return out;
  const half = MAX_SHOWN / 2 - 10;
  // Never half of a surrogate pair at a cut.
  // English has always grouped the count (1,234); num() writes it as the other languages do.
  const count = language() === 'en' ? out.length.toLocaleString('en-US') : num(out.length);
  return `${out.slice(0, half).replace(/[\uD800-\uDBFF]$/, '')}…${out.slice(-half).replace(/^[\uDC00-\uDFFF]/, '')} ${t('fix.diff.cut', { n: out.length, count })}`;
}

/**
 * A unified diff of one edit, for a human to approve: `--- file` / `+++ file`, one hunk with two
 * lines of context. The edits --fix makes change one place, so the changed region is everything
 * between the common first and last lines; no general diff algorithm is needed. Keys are redacted.
 */
export function renderDiff(
  before: string,
  after: string,
  fileLabel: string,
  opts: { secrets: readonly (string | undefined | null)[]; color?: Paint; context?: number },
): string {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  if (head === a.length && head === b.length) return '';

  const context = opts.context ?? 2;
  const from = Math.max(0, head - context);
  const aEnd = Math.min(a.length, a.length - tail + context);
  const bEnd = Math.min(b.length, b.length - tail + context);
  const paint = opts.color ?? PLAIN;
  const range = (start: number, end: number) => `${end - start === 0 ? start : start + 1},${end - start}`;
  const out = [paint.bold(`--- ${fileLabel}`), paint.bold(`+++ ${t('fix.diff.fixed', { file: fileLabel })}`), paint.cyan(`@@ -${range(from, aEnd)} +${range(from, bEnd)} @@`)];
  const show = (mark: string, line: Line, isLast: boolean, colour: (s: string) => string) => {
    out.push(colour(`${mark}${display(line.text, opts.secrets)}`));
    if (isLast && !line.eol) out.push(paint.dim(t('fix.diff.no-newline')));
  };
  for (let i = from; i < head; i++) show(' ', a[i]!, i === a.length - 1, String);
  for (let i = head; i < a.length - tail; i++) show('-', a[i]!, i === a.length - 1, paint.red);
  for (let i = head; i < b.length - tail; i++) show('+', b[i]!, i === b.length - 1, paint.green);
  for (let i = a.length - tail; i < aEnd; i++) show(' ', a[i]!, i === a.length - 1, String);
  return `${out.join('\n')}\n`;
}
