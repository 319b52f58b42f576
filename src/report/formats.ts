import type { ChalkInstance } from 'chalk';
import type { DoctorResult } from '../core/result.js';
import type { Format } from './format-names.js';
import { renderHuman, type HumanOptions } from './human.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdownSummary } from './summary.js';

/** What every renderer may use besides the result: the human report's options, and its colour. */
export type RenderContext = Omit<HumanOptions, 'color'> & { color: ChalkInstance };

/**
 * Every `--format`, by name: a renderer turns the (redacted) result into text and does nothing
 * else. Adding a format is one file in src/report/ plus its name in format-names.ts and a line
 * here (and its row in README).
 */
export const FORMATS = {
  human: (r: DoctorResult, ctx: RenderContext) => renderHuman(r, ctx),
  json: (r: DoctorResult) => renderJson(r),
  junit: (r: DoctorResult, ctx: RenderContext) => renderJunit(r, { strict: ctx.strict }),
  markdown: (r: DoctorResult) => renderMarkdownSummary(r),
} satisfies Record<Format, (result: DoctorResult, ctx: RenderContext) => string>;

export type { Format } from './format-names.js';
