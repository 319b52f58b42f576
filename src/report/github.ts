import { path } from '../core/path.js';
import type { Finding } from '../core/finding.js';
import type { DoctorResult } from '../core/result.js';
import { REPORT } from '../lang/en/report.js';
import { messages } from '../lang/t.js';

const t = messages(REPORT);

/**
 * GitHub Actions workflow commands (`::error ...::` / `::warning ...::`), one per problem, so a
 * failing preflight shows its reasons on the run's summary page and, when the value came from a
 * file in the workspace, on that file's line. Info findings are left out.
 */
export function renderGithubAnnotations(result: DoctorResult): string {
  const problems = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of problems) {
    // The live check confirming an offline finding is the same cause: one annotation names both.
    if (confirms(f, problems)) continue;
    const confirmed = problems.find((l) => confirms(l, [f]));
    const key = `${f.protocol}|${f.id}|${f.title}|${f.source}`;
    if (seen.has(key)) continue; // the same finding, once per client that has it
    seen.add(key);
    const ids = confirmed ? `${f.id} + ${confirmed.id}` : f.id;
    const text = confirmed ? `${f.message}\n${t('report.github.live-confirms', { id: confirmed.id, title: confirmed.title })}` : f.message;
    out.push(`::${f.severity} ${properties(f, `ruapi ${ids}: ${f.title}`)}::${escapeData(body({ ...f, message: text }))}\n`);
  }
  return out.join('');
}

/** Live findings that confirm an offline one of the same cause, by the area it checks. */
const SAME_CAUSE: Record<string, string> = { 'live/404-url': 'base-url/', 'live/401': 'key/', 'live/404-model': 'model/' };

/** True when `live` is a live finding that confirms an offline error among `others` (same protocol, same cause). */
const confirms = (live: Finding, others: readonly Finding[]): boolean => {
  const area = SAME_CAUSE[live.id];
  return area !== undefined && others.some((o) => o.protocol === live.protocol && o.severity === 'error' && o.id.startsWith(area));
};

function properties(f: Finding, title: string): string {
  const props = [`title=${escapeProperty(title)}`];
  const data = f.data as { file?: unknown; line?: unknown } | undefined;
  // Only files inside the workspace can be annotated: not ~/.claude/… or an absolute path.
  if (typeof data?.file === 'string' && !data.file.startsWith('~') && !path.isAbsolute(data.file)) {
    props.unshift(`file=${escapeProperty(data.file)}`);
    if (typeof data.line === 'number') props.splice(1, 0, `line=${data.line}`);
  }
  return props.join(',');
}

function body(f: Finding): string {
  return [f.message, f.source ? t('report.from', { source: f.source }) : '', f.fix ? t('report.fix', { fix: f.fix }) : ''].filter(Boolean).join('\n');
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
