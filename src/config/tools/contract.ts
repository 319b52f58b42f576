import type { ClientId } from '../../core/clients.js';
import type { Protocol } from '../../core/finding.js';
import type { SettingValue, SourceFile } from '../sources/contract.js';
import type { DiscoverInput, Source } from '../types.js';

/**
 * The contract of a tool's config source: one file per tool in this folder, listed in TOOL_SOURCES
 * (./index.ts). Unlike the doctor's sources (../sources/), these feed no protocol target and no
 * verdict: discovery reports what they read as `ResolvedConfig.tools`, for the per-client verdicts
 * to judge. A source reads its files as absent, unreadable (why, never quoting the file) or the
 * values it holds, each with its line, and never runs anything the file names.
 */

/** What a tool's setting configures. */
export type ToolRole =
  /** The key, a base URL or a model id: the doctor's three fields. */
  | 'key'
  | 'baseUrl'
  | 'model'
  /** A command whose output is the key (Claude Code's apiKeyHelper): recorded, never run. */
  | 'keyCommand'
  /** Which provider entry the tool uses (Codex's model_provider, Qwen Code's selectedType). */
  | 'provider'
  /** What the provider speaks: Codex's wire_api, opencode's npm package, Continue's provider. */
  | 'protocol'
  /** One extra request header, named by `header`. */
  | 'header'
  /** A request time limit, in milliseconds unless the name says otherwise. */
  | 'timeout';

/** Which model a model setting picks, where a tool has several (Claude Code's aliases, aider's weak model). */
export type ModelSlot = 'main' | 'opus' | 'sonnet' | 'haiku' | 'small-fast' | 'subagent' | 'small' | 'weak' | 'editor';

/** One value a tool's file holds, where it is, and what it configures. */
export interface ToolSetting {
  /** As the tool's file spells it: `model_providers.ruapi.base_url`, `env.ANTHROPIC_MODEL`, `models[0].apiBase`. */
  name: string;
  /** The text, or the variable that holds it (`env_key`, `{env:VAR}`, `${{ secrets.VAR }}`, `envKey`). */
  value: SettingValue;
  role: ToolRole;
  /** The protocol it is for, where the setting itself says (aider's `anthropic-api-key`). */
  protocol?: Protocol;
  slot?: ModelSlot;
  /** For a header: its name. */
  header?: string;
  /** Where it is: `kind` is the client id, `name` the setting, with file, line and label. */
  source: Source;
  column?: number;
}

/** One provider or model entry a file defines: the values a request to it would use. */
export interface ToolEndpoint {
  /** The entry's id in the file: `ruapi` of `[model_providers.ruapi]`, `openai/gpt-4o` of Qwen Code's list, a Continue model's name. */
  id: string;
  /** What the client speaks to it, when the file says (or the tool's built-in id implies). */
  protocol?: Protocol;
  /** Codex's wire_api as written (`responses`; `chat` is refused by current Codex). */
  wireApi?: string;
  /** The file itself selects this entry (Codex's model_provider, opencode's `model` prefix, Qwen Code's model.name). */
  selected?: boolean;
  /** Why the tool ignores this entry, when it does (a Codex provider reusing a built-in id). */
  ignored?: string;
  /** The key comes from this entry only (Codex's env_key): never from the variables or login the tool otherwise reads. */
  ownKeyOnly?: boolean;
  /** Continue's roles for the model (`chat`, `edit`, `autocomplete`, …). */
  roles?: string[];
  baseUrl?: ToolSetting;
  key?: ToolSetting;
  keyCommand?: ToolSetting;
  model?: ToolSetting;
  headers?: ToolSetting[];
  timeout?: ToolSetting;
}

/** A setting that makes the tool refuse the whole file and stop (Codex's `wire_api = "chat"`), or that it ignores where it is. */
export interface ToolRefusal {
  setting: ToolSetting;
  /** What the tool says is wrong, short. */
  why: string;
  fix: string;
}

/** What reading one file of a tool gives. */
export type ToolRead =
  | { status: 'absent' }
  | { status: 'unreadable'; reason: string }
  | { status: 'read'; values: ToolSetting[]; endpoints: ToolEndpoint[]; refused?: ToolRefusal; unused?: ToolRefusal };

/** One place a tool reads, as found: reported in `ResolvedConfig.tools`. */
export interface ToolConfig {
  client: ClientId;
  /** Where it stands in the client's own precedence (CLIENT_PRECEDENCE in src/core/clients.ts). */
  scope: string;
  /** The file; absent for the environment (Claude Code's model variables set in the shell). */
  file?: SourceFile;
  /** The file is the administrator's: never offered for --fix. */
  readOnly?: boolean;
  status: 'read' | 'unreadable';
  /** Why it could not be read, with the parser's line and column; never quotes the file. */
  reason?: string;
  /** Every value read that bears on reaching a gateway, in file order. */
  values: ToolSetting[];
  endpoints: ToolEndpoint[];
  /** The tool refuses to start with this file. */
  refused?: ToolRefusal;
  /** Settings the tool ignores in this place (Codex's provider settings in a project's file): the first, and why. */
  unused?: ToolRefusal;
}

/** One place a tool reads (one scope of one tool): its file, if any, and how to read it. */
export interface ToolSource {
  client: ClientId;
  scope: string;
  readOnly?: boolean;
  /** The file, or undefined when this place does not exist for this input (no git root, no variable). */
  file?(input: DiscoverInput): SourceFile | undefined;
  /** Reads it; never throws. */
  read(input: DiscoverInput, file: SourceFile | undefined): ToolRead;
}
