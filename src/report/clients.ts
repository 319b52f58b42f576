import type { ChalkInstance } from 'chalk';
import type { ClientVerdict, DoctorResult } from '../core/result.js';
import { REPORT } from '../lang/en/report.js';
import { messages } from '../lang/t.js';

const t = messages(REPORT);

type Marks = Record<'pass' | 'error' | 'warning' | 'info' | 'skip', string>;

const MARK: Record<ClientVerdict['verdict'], keyof Marks> = { ready: 'pass', problems: 'error', unverified: 'warning', 'not-ruapi': 'info' };

/** The longest label or place a column is padded to; longer ones push their line out instead. */
const MAX_COLUMN = 34;

/**
 * The clients' summary, one line each, before the details: which of the user's tools will work.
 *
 *     ✓ Claude Code        ~/.claude/settings.json   ready
 *     ✗ OpenAI Python SDK  .env                      OPENAI_API_BASE is not read by this SDK: set OPENAI_BASE_URL
 */
export function renderClientSummary(result: DoctorResult, c: ChalkInstance, marks: Marks): string[] {
  const clients = result.clients ?? [];
  if (clients.length === 0) return [];
  const place = (v: ClientVerdict) => v.sources.join(', ') || v.foundBy;
  const width = (f: (v: ClientVerdict) => string) => Math.min(MAX_COLUMN, Math.max(...clients.map((v) => f(v).length)));
  const labelWidth = width((v) => v.label);
  const placeWidth = width(place);
  const lines = clients.map((v) => {
    const text = v.verdict === 'ready' ? c.green(v.summary) : v.verdict === 'not-ruapi' ? c.dim(v.summary) : v.summary;
    return `${marks[MARK[v.verdict]]} ${c.bold(v.label.padEnd(labelWidth))}  ${c.dim(place(v).padEnd(placeWidth))}  ${text}`;
  });
  return [c.bold(t('report.clients.heading')), ...lines.map((l) => `  ${l}`), ''];
}

/**
 * The set-up that works with RuAPI for each client with problems, in that client's own format
 * (its settings file, its TOML or YAML config, or its code), under the details. The code is
 * never wrapped; the headings go through `prose`.
 */
export function renderClientSetups(result: DoctorResult, c: ChalkInstance, prose: (line: string) => string[] = (l) => [l]): string[] {
  const fixed = (result.clients ?? []).filter((v) => v.setup);
  if (fixed.length === 0) return [];
  const out = prose(`${c.bold(t('report.clients.setup'))}${c.dim(t('report.clients.setup.note'))}`);
  for (const v of fixed) {
    const s = v.setup!;
    out.push(...prose(`  ${c.bold(v.label)}  ${c.dim(t('report.clients.setup.where', { where: s.where, variable: s.keyVariable }))}`));
    out.push(...s.text.split('\n').map((l) => (l ? `    ${l}` : '')));
  }
  out.push('');
  return out;
}
