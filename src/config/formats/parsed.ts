/**
 * What the parsers of tools' config files (TOML, JSONC, YAML) give: the data, and the line and
 * column of any value by its path; or an error that says where, never quoting the file (it may hold
 * a key). Each parser is a bundled package in a chunk of its own (scripts/build.mjs, LAZY_PACKAGES),
 * required only when a file of its format exists, so that a run without such files never loads it.
 */

import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

/** A path into the data: object keys and array indexes, `['model_providers', 'ruapi', 'base_url']`. */
export type DataPath = ReadonlyArray<string | number>;

export interface Position {
  line: number;
  column: number;
}

export type Parsed = { data: unknown; at(path: DataPath): Position | undefined } | { error: string };

/** "(line 3, column 5)": where a parse error is, as the JSON settings reader says it. */
export const where = (p: Position): string => t('config.parse.at', { line: p.line, column: p.column });

/** A parser's message without anything it quotes from the file: only the kind of error is kept. */
export function kindOfError(message: string): string {
  const first = message.split('\n')[0]!.trim();
  const text = first
    .replace(/ at line \d+, column \d+.*$/, '')
    .replace(/(["'`]).*?\1/g, '…')
    .replace(/:\s.*$/, '')
    .trim();
  return text ? text.charAt(0).toLowerCase() + text.slice(1) : t('config.parse.syntax');
}

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
