/** The English usage errors and prompt of `ruapi explain` (src/commands/explain.ts), part of CLI (./cli.ts). */
export const CLI_EXPLAIN = {
  // Two short lines: one of 121 characters left its full stop alone on a line of a 120-column terminal.
  'cli.explain.nothing': 'nothing to explain.\nGive a code (ruapi explain 401), the error text in quotes, or pipe it in.',
  'cli.explain.paste': 'Paste the error, then press Ctrl-D (Ctrl-Z then Enter on Windows).',
  'cli.explain.stdin-empty': 'standard input was empty: pipe in the error text, or give a code (ruapi explain 401).',
  'cli.explain.blank': 'nothing to explain: give a code (ruapi explain 401) or the error text.',
} as const;
