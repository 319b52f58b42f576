import { plain } from '../core/color.js';
import type { Output } from '../core/output.js';
import type { DoctorResult } from '../core/result.js';
import { FORMATS, type Format, type RenderContext } from './formats.js';
import { renderGithubAnnotations } from './github.js';
import { renderMarkdownSummary } from './summary.js';

/**
 * A doctor result in `format`, through the output point: on stdout, or in `outputFile` with the
 * human report on the terminal; under GitHub Actions also the annotations (beside a human report)
 * and the step summary.
 */
export function writeResult(out: Output, raw: DoctorResult, opts: { format: Format; outputFile?: string; ctx: Omit<RenderContext, 'color'> }): void {
  const result = out.cleanDeep(raw);
  const color = out.session.color('stdout');
  if (opts.outputFile !== undefined) {
    out.file(opts.outputFile, FORMATS[opts.format](result, { ...opts.ctx, stepsShown: false, color: plain }));
    out.out(FORMATS.human(result, { ...opts.ctx, color }));
  } else {
    out.out(FORMATS[opts.format](result, { ...opts.ctx, color }));
  }
  if (out.session.env.GITHUB_ACTIONS === 'true') {
    if (opts.format === 'human' || opts.outputFile !== undefined) out.out(renderGithubAnnotations(result));
    out.stepSummary(renderMarkdownSummary(result));
  }
}
