import type { ClientId } from '../../core/clients.js';
import type { Protocol } from '../../core/finding.js';

/**
 * What one client (an SDK, a framework, a coding tool, curl) reads and sends, as data: one file per
 * client in ./profiles/, listed in ./index.ts. The doctor builds, from the values this client
 * would read, exactly the request it would send, and judges that (src/doctor/clients.ts). Every
 * fact has its source in the profile's `sources`, and in docs/clients.md or docs/clients-sdks.md.
 */

/** Where a client takes values from; `settings-env` is Claude Code's settings files' `env` block. */
export type ValuePlace = 'settings-env' | 'shell' | 'env-file' | 'tool-config';

export interface ClientProfile {
  /** `--client` takes this; scripts read it in `--json` `clients[].id`. */
  id: string;
  label: string;
  protocol: Protocol;
  /** The endpoint it calls: chat completions, the Responses API (Codex), or Anthropic's messages. */
  api: 'chat' | 'responses' | 'messages';
  /** The variables it reads, most specific first (empty: it reads none for that field). */
  env: { key: readonly string[]; baseUrl: readonly string[]; model: readonly string[] };
  /** Where it looks, highest precedence first. A place it never reads is left out. */
  places: readonly ValuePlace[];
  /** Which tool's config files are its own (src/config/tools/), for the tools. */
  tool?: ClientId;
  /** Where it sends requests when no base URL is set. */
  defaultBaseUrl: string;
  /**
   * What it appends to the base URL for `api` (`/chat/completions`, `/v1/messages`, `/messages`).
   * A coding tool has none here: its paths, per API, are CLIENT_REQUEST_PATH's (src/core/clients.ts).
   */
  path?: string;
  /** How it sends the key: Authorization: Bearer, or x-api-key (Anthropic SDKs; Bearer for ANTHROPIC_AUTH_TOKEN). */
  auth: 'bearer' | 'x-api-key';
  /** The variable that switches an Anthropic client to `Authorization: Bearer`. */
  bearerVariable?: string;
  /** It honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY from its environment. */
  proxy: boolean;
  /**
   * How `.env` reaches it: `app` (the program loads it, with the language's usual loader; the shell
   * wins), `itself` (the tool loads it), or `never`. `keepsBom`: that loader reads a UTF-8 BOM at
   * the start as part of the first name (python-dotenv), so the first variable is lost.
   */
  dotenv: { loads: 'app' | 'itself' | 'never'; keepsBom?: boolean; overridesShell?: boolean };
  /**
   * How the doctor tells the user has it: names only it reads, or a package in the project's
   * manifests (package.json, requirements.txt, pyproject.toml). Clients that read the common
   * OPENAI_* / ANTHROPIC_* variables with nothing of their own are checked with --client.
   */
  detect: { variables?: readonly string[]; npm?: readonly string[]; pypi?: readonly string[]; commonVariables?: boolean };
  /** Names users set for this client that it does not read, and the one it reads instead. */
  notRead?: Readonly<Record<string, string>>;
  /** The language of a library's callers: picks the SDK of the project's language, and the code in a fix. */
  language?: 'python' | 'node';
  /**
   * Its fixed set-up, written in its own format (per protocol, for the tools that speak both).
   * A client with none gets a curl request. See SetupTemplate.
   */
  setup?: Partial<Record<Protocol, SetupTemplate>>;
  /**
   * What to do about a missing key or base URL, for a client the usual variables do not reach
   * (Codex): replaces the fix of `key/missing` and `base-url/missing` for it.
   */
  missingFix?: { key?: string; baseUrl?: string };
  /** Where each fact above was read. */
  sources: readonly string[];
}

/**
 * A client's set-up for RuAPI as text in its own format. `{base}` (the base URL this client needs),
 * `{model}` and `{key}` (the name of the variable that holds the key) are filled in as the content
 * of a double-quoted string (escaped as JSON escapes it), and `{keyArg}` by `keyArg`. The key
 * itself is never filled in: the text reads it from `{key}`.
 */
export interface SetupTemplate {
  // A comment line's words are `{note:<client>}`, said in the run's language (src/lang/*/config.ts).
  /** Where it goes: the client's file (`~/.claude/settings.json`) or its code (`Python`). */
  where: string;
  format: 'json' | 'jsonc' | 'toml' | 'yaml' | 'python' | 'javascript';
  text: string;
  /** The argument that takes the key (the Anthropic SDKs): `bearer` for ANTHROPIC_AUTH_TOKEN, else `x-api-key`. */
  keyArg?: Record<'x-api-key' | 'bearer', string>;
}

export const defineClient = (p: ClientProfile): ClientProfile => p;

/** The set-up of a library's client: code in its language, for one protocol. */
export function codeSetup(protocol: Protocol, language: 'python' | 'node', lines: readonly string[], keyArg?: SetupTemplate['keyArg']): Partial<Record<Protocol, SetupTemplate>> {
  const [where, format] = language === 'python' ? (['Python', 'python'] as const) : (['JavaScript', 'javascript'] as const);
  return { [protocol]: { where, format, text: lines.join('\n'), ...(keyArg ? { keyArg } : {}) } };
}
