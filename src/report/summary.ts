import type { Finding } from '../core/finding.js';
import type { CheckResult, DoctorResult } from '../core/result.js';
import { REPORT } from '../lang/en/report.js';
import { messages } from '../lang/t.js';
import { millis, verdictLine } from './summary-line.js';

const t = messages(REPORT);

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
      ? `✓ ${warned > 0 ? t('report.md.ready.warnings', { n: warned }) : t('report.md.ready')}`
      : result.verdict === 'unverified'
        ? `! ${t('report.md.unverified')}`
        : `✗ ${failed > 0 ? t('report.md.failed', { n: failed }) : t('report.md.problems')}`;
  const out: string[] = [`### ${t('report.md.heading', { verdict })}`, ''];
  if (result.verdict === 'unverified') out.push(verdictLine(result, {}).text, '');

  const configs = result.configs.length > 0 ? result.configs : [result.config];
  for (const c of configs) {
    const parts = [
      c.protocol ? t('report.md.protocol', { protocol: inlineCode(c.protocol) }) : t('report.md.protocol.unknown'),
      c.baseUrl ? t('report.md.base-url', { url: inlineCode(c.baseUrl) }) : t('report.md.base-url.not-set'),
      c.model ? t('report.md.model', { model: inlineCode(c.model) }) : t('report.md.model.not-set'),
      c.sources.key ? t('report.md.key.from', { source: cell(c.sources.key) }) : t(c.key ? 'report.md.key.set' : 'report.md.key.not-set'),
    ];
    out.push(`- ${parts.join(' · ')}`);
  }
  if (configs.length > 0) out.push('');

  // Problems first, where the eye lands; the long list of passing checks folds away.
  const rows = result.checks.map((check) => ({ check, line: row(check, result.findings) }));
  const open = rows.filter((r) => r.check.status !== 'pass');
  const passed = rows.filter((r) => r.check.status === 'pass');
  const header = [`| | ${t('report.md.column.check')} | ${t('report.md.column.result')} | ${t('report.md.column.fix')} |`, '|---|---|---|---|'];
  if (open.length > 0) out.push(...header, ...open.map((r) => r.line), '');
  if (passed.length > 0) {
    out.push(`<details${open.length === 0 ? ' open' : ''}><summary>${t('report.md.passed', { n: passed.length })}</summary>`, '');
    out.push(...header, ...passed.map((r) => r.line), '', '</details>', '');
  }

  for (const l of result.live.filter((x) => x.timings.totalMs > 0 || x.requestIds.length > 0)) {
    const time = millis(l.timings.totalMs);
    out.push(`- ${l.requestIds.length > 0 ? t('report.md.live.ids', { protocol: l.protocol, time, ids: l.requestIds.map(inlineCode).join(', ') }) : t('report.md.live', { protocol: l.protocol, time })}`);
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

const statusWord = (s: CheckResult['status']) => t(`report.md.status.${s}`);

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
