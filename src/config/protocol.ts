import type { Protocol } from '../core/finding.js';
import { withoutTrailing } from '../core/text.js';

/**
 * The protocol a base URL was most likely written for: `/v1` or an OpenAI path means the
 * OpenAI-compatible protocol, a bare host or a `/messages` path the Anthropic one. A guess, and
 * reported as one.
 */
export function guessProtocol(baseUrl: string): Protocol {
  let p: string;
  try {
    p = new URL(baseUrl.trim()).pathname;
  } catch {
    p = baseUrl.trim().replace(/^[a-z]+:\/\/[^/]*/i, '');
  }
  p = withoutTrailing(p.toLowerCase(), '/');
  if (/\/messages$/.test(p)) return 'anthropic';
  if (p === '' || p === '/') return 'anthropic';
  return 'openai';
}
