import type { TargetConfig } from '../config/types.js';
import type { Finding, Protocol, Severity } from '../core/finding.js';
import type { ModelList } from '../models/catalog.js';
import type { KeyAnalysis } from './key/analyze.js';
import type { UrlAnalysis } from './base-url/analyze.js';

export type Area = 'key' | 'base-url' | 'model';

/**
 * What every check reads: one protocol's configuration, collected once, plus analyses shared by
 * the checks of an area (computed once per target). Checks are pure functions of this.
 */
export interface CheckContext {
  target: TargetConfig;
  models: ModelList;
  /** The run's date: retirement dates are compared with it (given by the caller, never read here). */
  now: Date;
  /** Present when the target has a non-blank key. */
  key?: KeyAnalysis;
  /** Present when the target has a non-blank base URL. */
  url?: UrlAnalysis;
}

/** A finding as a check returns it: the runner adds the id, protocol and (by default) the source. */
export type Draft = Omit<Finding, 'id' | 'protocol'>;

/**
 * One check: a stable id (also the id of the finding it produces), what passing means, and a
 * `run` that returns findings and does nothing else (no printing, prompting or exiting).
 */
export interface Check {
  id: string;
  area: Area;
  /**
   * What passing means, e.g. "no stray whitespace in the key", in the language in use: a getter
   * over the check's `.check` message, since the language is chosen after the checks load.
   */
  title: string;
  /** The severities its finding can have (README's findings table lists them). */
  severities: readonly Severity[];
  /** Only for these protocols (default: both). */
  protocols?: readonly Protocol[];
  /** The check is skipped, not failed, when this value is absent. */
  needs?: 'key' | 'url' | 'model';
  run(ctx: CheckContext): Draft[];
}

export const defineCheck = (c: Check): Check => c;
