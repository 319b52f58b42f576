import { kindOf } from '../../config/sources/index.js';
import type { Source, TargetConfig } from '../../config/types.js';
import type { Protocol, SuggestedFix } from '../../core/finding.js';
import { API_PATHS, VARIABLES } from '../../core/ruapi.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';
import { assignment } from '../fix.js';
import { shorten } from '../text.js';
import type { CheckContext } from '../types.js';

/** The variable a fix sets the base URL in when the value came from nowhere. */
export const BASE_URL_VARIABLE: Record<Protocol, string> = { openai: VARIABLES.openai.baseUrl[0]!, anthropic: VARIABLES.anthropic.baseUrl[0]! };

/** The URL a client would call with this base, joined as the Node SDKs join it. */
export function requestUrl(base: string, protocol: Protocol): string {
  return shorten(base.replace(/\/$/, '') + API_PATHS[protocol].messages);
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

/** With no base URL at all, propose it where the key is set (same file, same kind of place), when that is a place the user's tools read. */
export function sourceNextToKey(target: TargetConfig): Source | undefined {
  const s = target.key?.source;
  if (!s || !kindOf(s).variables) return undefined;
  const name = BASE_URL_VARIABLE[target.protocol];
  // Labelled as the config sources label a value in a file.
  return s.file ? { kind: s.kind, name, file: s.file, label: messages(CONFIG)('config.label.file', { name, file: s.file }) } : { kind: s.kind, name, label: name };
}
