import type { Protocol } from '../core/finding.js';
import { withoutTrailing } from '../core/text.js';

export const PROTOCOL_NAME: Record<Protocol, string> = {
  openai: 'OpenAI-compatible',
  anthropic: 'Anthropic',
};

/** RuAPI's documented base URLs (docs.ruapi.ai API reference). */
export const RUAPI_BASE_URL: Record<Protocol, string> = {
  openai: 'https://www.ruapi.ai/v1',
  anthropic: 'https://www.ruapi.ai',
};

/** Where each SDK sends requests when no base URL is set. */
export const SDK_DEFAULT_BASE_URL: Record<Protocol, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
};

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
