/**
 * Human output wrapped to a terminal's width, at spaces. A continued line hangs under the text that
 * follows its indent and marker (`1. `, `- `, `✗ `, `fix:  `), so lists and findings keep their
 * shape. A word longer than the width (a URL, a command) is never split: the terminal shows the
 * overflow, and what is copied stays whole. ANSI colour codes take no width; East Asian wide
 * characters take two.
 */

const ANSI = /\x1b\[[0-9;]*m/g;
/** What a continued line hangs under: the indent, then one list or finding marker. */
const HANG = /^( *)((?:\d+\.|[-•✓✗!i–?]|fix:|from:|Fix:|From:) +)?/;

/** Columns a string takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.includes('\x1b') ? text.replace(ANSI, '') : text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** CJK, Hangul, full-width forms and the like: two columns each. */
function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

/** One line as several that each fit `width` columns (the line itself when it fits, or when width is not a sensible terminal's). */
export function wrapLine(line: string, width: number): string[] {
  if (!(width >= 20) || displayWidth(line) <= width) return [line];
  const plain = line.replace(ANSI, '');
  const hang = HANG.exec(plain)![0].length;
  // A hanging indent wider than half the width would leave too little room: indent as the line does.
  const pad = ' '.repeat(hang <= width / 2 ? hang : (/^ */.exec(plain)![0].length));
  const lead = /^(?:\x1b\[[0-9;]*m)* */.exec(line)![0];
  const words = line.slice(lead.length).split(' ');
  const out: string[] = [];
  let current = lead;
  let used = displayWidth(lead);
  let fresh = true;
  for (const word of words) {
    const w = displayWidth(word);
    if (!fresh && used + 1 + w > width) {
      out.push(current);
      current = pad + word;
      used = pad.length + w;
      // Runs of spaces at a break vanish: the next line starts at its hanging indent.
      fresh = word === '';
      continue;
    } else {
      current += fresh ? word : ` ${word}`;
      used += fresh ? w : w + 1;
    }
    fresh = false;
  }
  out.push(current);
  return out;
}

/** Every line of a text wrapped (see wrapLine); with no width, the text as it is. */
export function wrapText(text: string, width: number | undefined): string {
  if (!width) return text;
  return text
    .split('\n')
    .flatMap((l) => wrapLine(l, width))
    .join('\n');
}
