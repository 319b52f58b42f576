/** One assignment in a .env file, with the line it starts on (for "OPENAI_BASE_URL in .env, line 3"). */
export interface DotenvEntry {
  name: string;
  value: string;
  line: number;
}

const ASSIGNMENT = /^\s*(?:export\s+)?([\w.-]+)\s*(?:=|:\s)\s*(.*)$/;

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
    const m = ASSIGNMENT.exec(lines[i]!);
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
