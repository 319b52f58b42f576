import type { Protocol } from '../core/finding.js';
import type { Field } from '../core/ruapi.js';

export type { Field };

/**
 * Where a configuration value came from. Code outside src/config/sources/ does not test `kind`:
 * it asks the kind itself (`kindOf(source)` in src/config/sources/index.ts) how to describe,
 * write or edit the value.
 */
export interface Source {
  /** The id of the source kind that read it (`dotenv`, `env`, `flag` …): one file in src/config/sources/. */
  kind: string;
  /** The variable, setting or flag name: `OPENAI_BASE_URL`, `env_key`, `--base-url`. */
  name: string;
  /** The file as shown to the user: relative to the working folder, or with `~` for home. */
  file?: string;
  /** The file's absolute path, for reading and editing it (`--fix`); never shown. */
  path?: string;
  line?: number;
  /** Human form, e.g. "OPENAI_BASE_URL in .env, line 3". */
  label: string;
  /**
   * The setting that named this variable, when the value was reached through it (a tool's config
   * that says which variable holds the key, as Codex's `env_key` does): the value itself is the
   * variable's, so the fix goes there.
   */
  via?: Source;
}

/** What the user passed on the command line. */
export interface ConfigFlags {
  protocol?: Protocol;
  baseUrl?: string;
  key?: string;
  /** `stdin` when the key was read with --key-stdin. */
  keyFrom?: 'flag' | 'stdin';
  model?: string;
  /** `prompt` when the protocol was picked at a prompt, not given with --protocol. */
  protocolFrom?: 'flag' | 'prompt';
}

/** Where discovery looks: what every source reads from. */
export interface DiscoverInput {
  flags: ConfigFlags;
  env: NodeJS.ProcessEnv;
  cwd: string;
  home: string;
  /** --env-file: a path that must exist. Without it, ./.env is read when present. */
  envFile?: string;
  /** False: read no file at all, only flags and `env` (the demo, which must not see the user's set-up). */
  readFiles?: boolean;
  /** The platform whose system-wide paths the tool sources read (default: this one's). */
  platform?: NodeJS.Platform;
  /** A folder that stands for the file system's root in system-wide paths (`/etc/…`), for tests. */
  systemRoot?: string;
}

/** A value and where it came from; `shadowed` lists lower sources that set it too. */
export interface Sourced<T = string> {
  value: T;
  source: Source;
  shadowed?: Array<{ value: T; source: Source }>;
}

/** What one protocol's client would use: the thing the doctor checks. */
export interface TargetConfig {
  protocol: Protocol;
  /** True when the protocol was guessed (from the base URL), not set by a flag or variable. */
  protocolGuessed: boolean;
  /** Why this protocol: "--protocol flag", "set by OPENAI_API_KEY", "guessed from the base URL …". */
  protocolSource?: string;
  key?: Sourced;
  /** How the key is sent: Bearer (OpenAI, ANTHROPIC_AUTH_TOKEN) or x-api-key (ANTHROPIC_API_KEY). */
  auth: 'bearer' | 'x-api-key';
  baseUrl?: Sourced;
  model?: Sourced;
  /**
   * The OpenAI-protocol endpoint the client calls: chat completions (the default), or the
   * Responses API (`/responses`, Codex CLI), which RuAPI's docs do not mention.
   */
  api?: 'chat' | 'responses';
}

/** A file the doctor looked at, and what became of it (shown with --verbose). */
export interface ConfigFile {
  /** Display path: relative to the working folder when inside it, else with `~` for home. */
  label: string;
  path: string;
  status: 'read' | 'absent' | 'unreadable';
}
