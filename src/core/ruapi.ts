import type { Protocol } from './finding.js';

/**
 * What RuAPI, its two protocols and the tools that talk to it are, as data: hosts, base URLs,
 * paths, the variables each tool reads, where to get help. No logic lives here; every layer reads
 * it, so a fact changes in one place. Sources: docs.ruapi.ai (API reference), the OpenAI and
 * Anthropic SDKs.
 */

/** The host RuAPI's docs give for the API. */
export const API_HOST = 'www.ruapi.ai';

/** RuAPI's domain: without `www.` it is not the documented API host, though it is RuAPI's. */
export const DOMAIN = 'ruapi.ai';

/** The documentation site: not the API. */
export const DOCS_HOST = 'docs.ruapi.ai';

/** Hosts that are RuAPI's own: the key may go there (over HTTPS) without asking. */
export const RUAPI_HOSTS: readonly string[] = [API_HOST, DOMAIN];


/** RuAPI's documented base URLs (docs.ruapi.ai API reference). */
export const RUAPI_BASE_URL: Record<Protocol, string> = {
  openai: 'https://www.ruapi.ai/v1',
  anthropic: 'https://www.ruapi.ai',
};

/** The path a base URL ends with on each protocol: `/v1` for OpenAI-compatible clients, none for Anthropic ones (they add `/v1/…`). */
export const DOCUMENTED_PATH: Record<Protocol, string> = { openai: '/v1', anthropic: '' };

/** Where each SDK sends requests when no base URL is set. */
export const SDK_DEFAULT_BASE_URL: Record<Protocol, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
};

/** The paths each protocol's SDKs add to the base URL. */
export const API_PATHS: Record<Protocol, { models: string; messages: string; embeddings: string }> = {
  openai: { models: '/models', messages: '/chat/completions', embeddings: '/embeddings' },
  anthropic: { models: '/v1/models', messages: '/v1/messages', embeddings: '/v1/embeddings' },
};

/**
 * The OpenAI Responses API's path, after a base URL with /v1 (Codex CLI, the AI SDK's OpenAI
 * provider). RuAPI's docs do not mention it: the probe there decides.
 */
export const RESPONSES_PATH = '/responses';

/** The `anthropic-version` header the Anthropic SDKs send. */
export const ANTHROPIC_VERSION = '2023-06-01';

/** The three things a client is configured with. */
export type Field = 'key' | 'baseUrl' | 'model';

/**
 * The variables each client reads, most specific first. `RUAPI_*` are ruapi's own: the key and
 * model serve both protocols (RuAPI takes one key for both), the base URL the protocol given by
 * --protocol or guessed from it. The OpenAI SDKs read no model variable.
 */
export const VARIABLES: Record<Protocol | 'ruapi', Record<Field, readonly string[]>> = {
  ruapi: { key: ['RUAPI_API_KEY'], baseUrl: ['RUAPI_BASE_URL'], model: ['RUAPI_MODEL'] },
  openai: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL', 'OPENAI_API_BASE'], model: [] },
  anthropic: { key: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN'], baseUrl: ['ANTHROPIC_BASE_URL'], model: ['ANTHROPIC_MODEL'] },
};

/** The Anthropic SDKs and Claude Code send this variable's key as `Authorization: Bearer`, ANTHROPIC_API_KEY's as `x-api-key`. */
export const BEARER_KEY_VARIABLE = 'ANTHROPIC_AUTH_TOKEN';

/** Variables only some tools still read, and which. */
export const LEGACY_VARIABLES: Readonly<Record<string, string>> = {
  OPENAI_API_BASE: 'still read by LangChain and aider but not by the OpenAI SDKs',
};

/** The variable ruapi's curl examples read the key from. */
export const CURL_KEY_VARIABLE = 'RUAPI_API_KEY';

/**
 * Model ids for examples when no model is configured: current ones (not retiring upstream, see
 * `ruapi models`). claude-opus-4-8 is named in RuAPI's docs; the OpenAI ids its docs name, gpt-5
 * and gpt-4o-mini, retire upstream on 2026-12-11 and 2027-01-14.
 */
export const EXAMPLE_MODEL: Record<Protocol, string> = { openai: 'gpt-5.4-mini', anthropic: 'claude-opus-4-8' };

/** What stands for the key in a line the user fills in: RuAPI keys start with `sk-`. */
export const KEY_PLACEHOLDER = 'sk-...';

/** Where a key comes from, in the console's words. */
export const CONSOLE_TOKENS = 'Console → Tokens';

export const SUPPORT_EMAIL = 'support@ruapi.ai';
