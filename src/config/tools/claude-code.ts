import { path } from '../../core/path.js';
import { readConfigText } from '../files.js';
import { parseJsonc } from '../formats/jsonc.js';
import { readEnvBlock } from '../formats/json-env.js';
import type { SourceFile } from '../sources/contract.js';
import type { DiscoverInput } from '../types.js';
import { fileAt, isObject, scalar, settingsOf, systemFile } from './common.js';
import type { ModelSlot, ToolEndpoint, ToolRead, ToolRole, ToolSetting, ToolSource } from './contract.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

/** Every variable Claude Code reads that decides where a request goes, with what, for which model, and how long it may take. */
const VARIABLES: Record<string, { role: ToolRole; slot?: ModelSlot }> = {
  ANTHROPIC_BASE_URL: { role: 'baseUrl' },
  ANTHROPIC_API_KEY: { role: 'key' },
  ANTHROPIC_AUTH_TOKEN: { role: 'key' },
  ANTHROPIC_MODEL: { role: 'model', slot: 'main' },
  ANTHROPIC_DEFAULT_OPUS_MODEL: { role: 'model', slot: 'opus' },
  ANTHROPIC_DEFAULT_SONNET_MODEL: { role: 'model', slot: 'sonnet' },
  ANTHROPIC_DEFAULT_HAIKU_MODEL: { role: 'model', slot: 'haiku' },
  ANTHROPIC_SMALL_FAST_MODEL: { role: 'model', slot: 'small-fast' },
  CLAUDE_CODE_SUBAGENT_MODEL: { role: 'model', slot: 'subagent' },
  API_TIMEOUT_MS: { role: 'timeout' },
  ANTHROPIC_CUSTOM_HEADERS: { role: 'header' },
};

/** The one endpoint Claude Code has: the Anthropic protocol, configured by these values. */
function endpointOf(values: ToolSetting[]): ToolEndpoint[] {
  if (values.length === 0) return [];
  const find = (pred: (v: ToolSetting) => boolean) => values.find(pred);
  const endpoint: ToolEndpoint = { id: 'anthropic', protocol: 'anthropic', selected: true };
  const baseUrl = find((v) => v.role === 'baseUrl');
  // Both key variables are sent when both are set (as x-api-key and Bearer); the first is listed.
  const named = (variable: string) => (v: ToolSetting) => v.name === variable || v.name === `env.${variable}`;
  const key = find(named('ANTHROPIC_API_KEY')) ?? find((v) => v.role === 'key');
  const keyCommand = find((v) => v.role === 'keyCommand');
  // In a file, ANTHROPIC_MODEL in env beats the `model` setting (its env is applied to the session).
  const model = find(named('ANTHROPIC_MODEL')) ?? find((v) => v.name === 'model');
  const timeout = find((v) => v.role === 'timeout');
  const headers = values.filter((v) => v.role === 'header');
  if (baseUrl) endpoint.baseUrl = baseUrl;
  if (key) endpoint.key = key;
  if (keyCommand) endpoint.keyCommand = keyCommand;
  if (model) endpoint.model = model;
  if (timeout) endpoint.timeout = timeout;
  if (headers.length > 0) endpoint.headers = headers;
  return [endpoint];
}

/**
 * One Claude Code settings file, whole: its `env` block (every variable above), `model` and
 * `apiKeyHelper` (the command that prints the key: recorded here, never run). Strict JSON, read as
 * the doctor's own settings source reads it, so both say the same of a broken file.
 */
function readSettings(file: SourceFile): ToolRead {
  const text = readConfigText(file.path);
  if (text.kind !== 'text') return text.kind === 'absent' ? { status: 'absent' } : { status: 'unreadable', reason: text.reason };
  const block = readEnvBlock(text.text);
  if ('error' in block) return { status: 'unreadable', reason: block.error };
  const parsed = parseJsonc(text.text, { strict: true });
  if ('error' in parsed) return { status: 'unreadable', reason: parsed.error };
  const data = isObject(parsed.data) ? parsed.data : {};
  const at = settingsOf('claude-code', file, parsed);
  const values: ToolSetting[] = [];
  if (scalar(data.apiKeyHelper) !== undefined) values.push(at(['apiKeyHelper'], scalar(data.apiKeyHelper)!, 'keyCommand', { protocol: 'anthropic' }));
  if (scalar(data.model) !== undefined) values.push(at(['model'], scalar(data.model)!, 'model', { protocol: 'anthropic', slot: 'main', name: 'model' }));
  for (const entry of block.entries) {
    const meaning = VARIABLES[entry.name];
    if (!meaning) continue;
    values.push(at(['env', entry.name], entry.value, meaning.role, { protocol: 'anthropic', ...(meaning.slot ? { slot: meaning.slot } : {}), name: `env.${entry.name}` }));
  }
  return { status: 'read', values, endpoints: endpointOf(values) };
}

/** The same variables in the shell, lowest in Claude Code's precedence: every settings file's env block beats them. */
function readEnvironment(input: DiscoverInput): ToolRead {
  const values: ToolSetting[] = Object.keys(VARIABLES)
    .filter((name) => input.env[name] !== undefined)
    .map((name) => ({
      name,
      value: input.env[name]!,
      role: VARIABLES[name]!.role,
      protocol: 'anthropic' as const,
      ...(VARIABLES[name]!.slot ? { slot: VARIABLES[name]!.slot } : {}),
      source: { kind: 'claude-code', name, label: t('config.label.env', { name }) },
    }));
  return values.length === 0 ? { status: 'absent' } : { status: 'read', values, endpoints: endpointOf(values) };
}

const userDir = ({ env, cwd, home }: DiscoverInput) => (env.CLAUDE_CONFIG_DIR ? path.resolve(cwd, env.CLAUDE_CONFIG_DIR) : path.join(home, '.claude'));

const settings = (scope: string, file: (input: DiscoverInput) => SourceFile, readOnly = false): ToolSource => ({
  client: 'claude-code',
  scope,
  ...(readOnly ? { readOnly } : {}),
  file,
  read: (_input, f) => readSettings(f!),
});

/** Managed settings, which nothing overrides; the administrator's file, read only (code.claude.com/docs/en/settings). */
export const claudeManaged = settings(
  'managed',
  (input) =>
    systemFile(input, {
      linux: '/etc/claude-code/managed-settings.json',
      darwin: '/Library/Application Support/ClaudeCode/managed-settings.json',
      win32: 'C:\\ProgramData\\ClaudeCode\\managed-settings.json',
    }),
  true,
);
export const claudeLocal = settings('local', (input) => fileAt(input, path.join(input.cwd, '.claude', 'settings.local.json')));
export const claudeProject = settings('project', (input) => fileAt(input, path.join(input.cwd, '.claude', 'settings.json')));
export const claudeUser = settings('user', (input) => {
  const f = fileAt(input, path.join(userDir(input), 'settings.json'));
  return input.env.CLAUDE_CONFIG_DIR ? f : { ...f, label: '~/.claude/settings.json' };
});
export const claudeEnvironment: ToolSource = { client: 'claude-code', scope: 'environment', read: (input) => readEnvironment(input) };
