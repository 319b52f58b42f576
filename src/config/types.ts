import type { Finding, Protocol } from '../core/finding.js';

/** Where a configuration value came from. */
export interface Source {
  kind: 'flag' | 'env' | 'dotenv' | 'claude-settings' | 'tool-config' | 'stdin' | 'prompt' | 'default';
  /** The variable or flag name: `OPENAI_BASE_URL`, `--base-url`. */
  name: string;
  /** The file as shown to the user: relative to the working folder, or with `~` for home. */
  file?: string;
  /** The file's absolute path, for reading and editing it (`--fix`); never shown. */
  path?: string;
  line?: number;
  /** Human form, e.g. "OPENAI_BASE_URL in .env, line 3". */
  label: string;
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
}

/** Everything discovery found: one target per protocol configured, plus notes (unreadable files, shadowing). */
export interface ResolvedConfig {
  targets: TargetConfig[];
  findings: Finding[];
  /** Files looked at, in precedence order. */
  files?: ConfigFile[];
  /** Every key value seen in any source (including shadowed ones), for redaction. Never output. */
  secrets?: string[];
}

/** A file the doctor looked at, and what became of it (shown with --verbose). */
export interface ConfigFile {
  /** Display path: relative to the working folder when inside it, else with `~` for home. */
  label: string;
  path: string;
  status: 'read' | 'absent' | 'unreadable';
}
