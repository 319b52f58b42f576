import type { TargetConfig } from '../../config/types.js';
import type { Protocol } from '../../core/finding.js';
import type { SuggestedFix } from '../../fix/forms.js';
import { assignment } from '../fix.js';
import { shorten } from '../text.js';
import type { CheckContext } from '../types.js';

export const BASE_URL_VARIABLE: Record<Protocol, string> = { openai: 'OPENAI_BASE_URL', anthropic: 'ANTHROPIC_BASE_URL' };

/** The path each protocol's SDKs add to the base URL for a request. */
export const REQUEST_PATH: Record<Protocol, string> = { openai: '/chat/completions', anthropic: '/v1/messages' };

/** The URL a client would call with this base, joined as the Node SDKs join it. */
export function requestUrl(base: string, protocol: Protocol): string {
  return shorten(base.replace(/\/$/, '') + REQUEST_PATH[protocol]);
}

/**
 * The corrected base URL, written for the place the bad one came from (`fix`), and as data the
 * doctor can offer at a prompt or write with --fix (`data.fix`).
 */
export function urlFix(ctx: CheckContext): { fix: string; data: { fix: SuggestedFix } } {
  const corrected = ctx.url?.corrected ?? '';
  return {
    fix: assignment(ctx.target.baseUrl?.source ?? sourceNextToKey(ctx.target), BASE_URL_VARIABLE[ctx.target.protocol], corrected),
    data: { fix: { field: 'baseUrl', value: corrected } },
  };
}

/** With no base URL at all, propose it where the key is set (same file, same kind of place). */
export function sourceNextToKey(target: TargetConfig) {
  const s = target.key?.source;
  if (!s || s.kind === 'flag' || s.kind === 'stdin' || s.kind === 'prompt' || s.kind === 'default') return undefined;
  const name = BASE_URL_VARIABLE[target.protocol];
  return s.file ? { kind: s.kind, name, file: s.file, label: `${name} in ${s.file}` } : { kind: s.kind, name, label: `${name}` };
}
