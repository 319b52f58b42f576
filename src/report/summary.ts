import { plural } from '../checks/text.js';
import type { Finding } from '../core/finding.js';
import type { CheckResult, DoctorResult } from '../core/result.js';
import { millis, verdictLine } from './summary-line.js';

const MARK: Record<CheckResult['status'], string> = { pass: '✓', fail: '✗', warn: '⚠', skip: '–' };

/**
 * A Markdown summary for `$GITHUB_STEP_SUMMARY`: the verdict, the configuration as checked, and a
 * table of checks with ✓ / ✗ and what to fix. The key itself is never shown, only where it came from.
 */
export function renderMarkdownSummary(result: DoctorResult): string {
  const failed = result.checks.filter((c) => c.status === 'fail').length;
  const warned = result.checks.filter((c) => c.status === 'warn').length;
  const verdict =
    result.verdict === 'ready'
      ? `✓ ready${warned > 0 ? ` (${plural(warned, 'warning')})` : ''}`
      : result.verdict === 'unverified'
        ? '! unverified'
        : `✗ ${failed > 0 ? plural(failed, 'failed check') : 'problems found'}`;
  const out: string[] = [`### ruapi doctor: ${verdict}`, ''];
  if (result.verdict === 'unverified') out.push(verdictLine(result, {}).text, '');

  const configs = result.configs.length > 0 ? result.configs : [result.config];
  for (const c of configs) {
    const parts = [
      `protocol ${inlineCode(c.protocol ?? 'unknown')}`,
      `base URL ${c.baseUrl ? inlineCode(c.baseUrl) : 'not set'}`,
      `model ${c.model ? inlineCode(c.model) : 'not set'}`,
      `key ${c.sources.key ? `from ${cell(c.sources.key)}` : c.key ? 'set' : 'not set'}`,
    ];
    out.push(`- ${parts.join(' · ')}`);
  }
  if (configs.length > 0) out.push('');

  // Problems first, where the eye lands; the long list of passing checks folds away.
  const rows = result.checks.map((check) => ({ check, line: row(check, result.findings) }));
  const open = rows.filter((r) => r.check.status !== 'pass');
  const passed = rows.filter((r) => r.check.status === 'pass');
  const header = ['| | Check | Result | Fix |', '|---|---|---|---|'];
  if (open.length > 0) out.push(...header, ...open.map((r) => r.line), '');
  if (passed.length > 0) {
    out.push(`<details${open.length === 0 ? ' open' : ''}><summary>${plural(passed.length, 'check')} passed</summary>`, '');
    out.push(...header, ...passed.map((r) => r.line), '', '</details>', '');
  }

  for (const l of result.live.filter((x) => x.timings.totalMs > 0 || x.requestIds.length > 0)) {
    const ids = l.requestIds.length > 0 ? ` · request id ${l.requestIds.map(inlineCode).join(', ')}` : '';
    out.push(`- live ${l.protocol}: ${millis(l.timings.totalMs)}${ids}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function row(check: CheckResult, all: readonly Finding[]): string {
  const findings = all.filter((f) => check.findings.includes(f.id) && (!check.protocol || !f.protocol || f.protocol === check.protocol));
  const shown = findings.filter((f) => f.severity !== 'info');
  const notes = findings.filter((f) => f.severity === 'info').map((f) => `_${cell(f.title)}_`);
  const what = shown.length > 0 ? shown.map(resultText).join('<br>') : [statusWord(check.status), ...notes].join(' · ');
  const fixes = shown.map((f) => cell(f.fix)).filter(Boolean).join('<br>');
  const name = check.protocol ? `${check.title} (${check.protocol})` : check.title;
  return `| ${MARK[check.status]} | ${cell(name)} | ${what} | ${fixes} |`;
}

const statusWord = (s: CheckResult['status']) => ({ pass: 'ok', fail: 'failed', warn: 'warning', skip: 'skipped' })[s];

function resultText(f: Finding): string {
  return `${cell(f.title)}${f.source ? ` (${cell(f.source)})` : ''}`;
}

/** Text for one table cell: no raw HTML, no pipe or line break that would end the cell or row. */
function cell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>')
    .trim();
}

/** Markdown inline code that survives backticks, pipes and line breaks in the value. */
export function inlineCode(s: string): string {
  const v = s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return v.includes('`') ? `\`\` ${v} \`\`` : `\`${v}\``;
}
