import { plain } from '../core/color.js';
import type { Output } from '../core/output.js';
import type { DoctorResult } from '../core/result.js';
import { FORMATS, type Format, type RenderContext } from './formats.js';
import { renderGithubAnnotations } from './github.js';
import { renderMarkdownSummary } from './summary.js';

/**
 * A doctor result in `format`, through the output point: on stdout, or in `outputFile` with the
 * human report on the terminal; under GitHub Actions the human report between stop-commands
 * markers, ruapi's annotations after it, and the step summary.
 */
export function writeResult(out: Output, raw: DoctorResult, opts: { format: Format; outputFile?: string; ctx: Omit<RenderContext, 'color'>; cleaned?: boolean }): void {
  // Cleaned once: the caller may hand over the result as the output point already cleaned it.
  const result = opts.cleaned ? raw : out.cleanDeep(raw);
  // The fixed set-up quotes values too (a model id from the gateway's list): cleaned as the result is.
  const ctx = out.cleanDeep(opts.ctx);
  const color = out.session.color('stdout');
  const github = out.session.env.GITHUB_ACTIONS === 'true';
  const human = opts.format === 'human' || opts.outputFile !== undefined;
  if (opts.outputFile !== undefined) out.file(opts.outputFile, FORMATS[opts.format](result, { ...ctx, stepsShown: false, color: plain, width: undefined }));
  const text = human ? FORMATS.human(result, { ...ctx, color }) : FORMATS[opts.format](result, { ...ctx, color });
  if (github && human) {
    // The runner ignores workflow commands between these markers, whatever the report quotes;
    // ruapi's own annotations follow outside them.
    const token = (require('node:crypto') as typeof import('node:crypto')).randomBytes(16).toString('hex');
    out.workflowCommands(`::stop-commands::${token}\n`);
    out.out(text);
    out.workflowCommands(`::${token}::\n${renderGithubAnnotations(result)}`);
  } else {
    out.out(text);
    // JSON, JUnit or Markdown on stdout stays whole: the runner reads workflow commands on stderr too.
    if (github) out.workflowCommands(renderGithubAnnotations(result), 'stderr');
  }
  if (github) out.stepSummary(renderMarkdownSummary(result));
}
