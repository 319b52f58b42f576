import path from 'node:path';
import type { Finding } from '../core/finding.js';
import type { DoctorResult } from '../core/result.js';

/**
 * GitHub Actions workflow commands (`::error ...::` / `::warning ...::`), one per problem, so a
 * failing preflight shows its reasons on the run's summary page and, when the value came from a
 * file in the workspace, on that file's line. Info findings are left out.
 */
export function renderGithubAnnotations(result: DoctorResult): string {
  return result.findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `::${f.severity} ${properties(f)}::${escapeData(body(f))}\n`)
    .join('');
}

function properties(f: Finding): string {
  const props = [`title=${escapeProperty(`ruapi ${f.id}: ${f.title}`)}`];
  const data = f.data as { file?: unknown; line?: unknown } | undefined;
  // Only files inside the workspace can be annotated: not ~/.claude/… or an absolute path.
  if (typeof data?.file === 'string' && !data.file.startsWith('~') && !path.isAbsolute(data.file)) {
    props.unshift(`file=${escapeProperty(data.file)}`);
    if (typeof data.line === 'number') props.splice(1, 0, `line=${data.line}`);
  }
  return props.join(',');
}

function body(f: Finding): string {
  return [f.message, f.source ? `From: ${f.source}` : '', f.fix ? `Fix: ${f.fix}` : ''].filter(Boolean).join('\n');
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
