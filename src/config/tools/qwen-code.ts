import { path } from '../../core/path.js';
import type { Protocol } from '../../core/finding.js';
import { parseJsonc } from '../formats/jsonc.js';
import type { SettingValue, SourceFile } from '../sources/contract.js';
import type { DiscoverInput } from '../types.js';
import { fileAt, isObject, readParsed, scalar, settingsOf, systemFile } from './common.js';
import type { ToolEndpoint, ToolRead, ToolSetting, ToolSource } from './contract.js';

/** The auth types that are a protocol ruapi checks (Qwen Code's `modelProviders` keys, `providerProtocol` values). */
const PROTOCOL: Record<string, Protocol> = { openai: 'openai', anthropic: 'anthropic' };

/** The variables of the older, environment-based set-up, read from the settings' `env` block. */
const ENV_SETUP: Record<string, { role: 'key' | 'baseUrl' | 'model'; protocol: Protocol }> = {
  OPENAI_API_KEY: { role: 'key', protocol: 'openai' },
  OPENAI_BASE_URL: { role: 'baseUrl', protocol: 'openai' },
  OPENAI_MODEL: { role: 'model', protocol: 'openai' },
  ANTHROPIC_API_KEY: { role: 'key', protocol: 'anthropic' },
  ANTHROPIC_BASE_URL: { role: 'baseUrl', protocol: 'anthropic' },
  ANTHROPIC_MODEL: { role: 'model', protocol: 'anthropic' },
};

/** `$VAR` or `${VAR}` as the whole string is that variable (Qwen Code resolves them on load). */
const value = (text: string): SettingValue => {
  const ref = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(text.trim());
  return ref ? { fromEnv: (ref[1] ?? ref[2])! } : text;
};

/**
 * Qwen Code's settings.json (JSON with comments): `modelProviders.<authType>[]` entries (`id`, the
 * model sent; `baseUrl`; `envKey`, the variable holding the key; `generationConfig.timeout` and
 * `.customHeaders`), `providerProtocol` for custom provider ids, `model.name` and
 * `security.auth.selectedType` (which entry is in use), the deprecated `security.auth.apiKey` and
 * `.baseUrl`, and the `env` block's OPENAI_* / ANTHROPIC_* variables (the older set-up).
 */
function readQwen(file: SourceFile): ToolRead {
  const got = readParsed(file, (text) => parseJsonc(text));
  if ('read' in got) return got.read;
  const data = isObject(got.parsed.data) ? got.parsed.data : {};
  const at = settingsOf('qwen-code', file, got.parsed);
  const values: ToolSetting[] = [];
  const add = (s: ToolSetting) => (values.push(s), s);

  const modelName = isObject(data.model) ? scalar(data.model.name) : undefined;
  if (modelName !== undefined) add(at(['model', 'name'], value(modelName), 'model', { slot: 'main' }));
  const auth = isObject(data.security) && isObject(data.security.auth) ? data.security.auth : {};
  const authType = scalar(auth.selectedType);
  if (authType !== undefined) add(at(['security', 'auth', 'selectedType'], authType, 'provider'));
  const mapped = isObject(data.providerProtocol) ? data.providerProtocol : {};
  const protocolOf = (id: string): Protocol | undefined => PROTOCOL[id] ?? PROTOCOL[scalar(mapped[id]) ?? ''];

  const endpoints: ToolEndpoint[] = [];
  for (const [type, list] of Object.entries(isObject(data.modelProviders) ? data.modelProviders : {})) {
    if (!Array.isArray(list)) continue;
    const protocol = protocolOf(type);
    list.forEach((entry, i) => {
      if (!isObject(entry) || scalar(entry.id) === undefined) return;
      const p = ['modelProviders', type, i];
      const id = scalar(entry.id)!;
      const endpoint: ToolEndpoint = { id: `${type}/${id}`, selected: modelName === id && (authType === undefined || authType === type) };
      if (protocol) endpoint.protocol = protocol;
      const pr = protocol ? { protocol } : {};
      endpoint.model = add(at([...p, 'id'], id, 'model', { ...pr, slot: 'main' }));
      if (scalar(entry.baseUrl) !== undefined) endpoint.baseUrl = add(at([...p, 'baseUrl'], value(scalar(entry.baseUrl)!), 'baseUrl', pr));
      if (scalar(entry.envKey) !== undefined) endpoint.key = add(at([...p, 'envKey'], { fromEnv: scalar(entry.envKey)! }, 'key', pr));
      const gen = isObject(entry.generationConfig) ? entry.generationConfig : {};
      if (scalar(gen.timeout) !== undefined) endpoint.timeout = add(at([...p, 'generationConfig', 'timeout'], scalar(gen.timeout)!, 'timeout'));
      const headers = Object.entries(isObject(gen.customHeaders) ? gen.customHeaders : {}).flatMap(([header, v]) =>
        scalar(v) === undefined ? [] : [add(at([...p, 'generationConfig', 'customHeaders', header], value(scalar(v)!), 'header', { header }))],
      );
      if (headers.length > 0) endpoint.headers = headers;
      endpoints.push(endpoint);
    });
  }

  // The older set-up: credentials in security.auth (deprecated) or OPENAI_* variables in `env`.
  const legacy: ToolEndpoint = { id: 'env' };
  const authProtocol = authType !== undefined ? protocolOf(authType) : undefined;
  if (scalar(auth.apiKey) !== undefined) legacy.key = add(at(['security', 'auth', 'apiKey'], value(scalar(auth.apiKey)!), 'key', authProtocol ? { protocol: authProtocol } : {}));
  if (scalar(auth.baseUrl) !== undefined) legacy.baseUrl = add(at(['security', 'auth', 'baseUrl'], value(scalar(auth.baseUrl)!), 'baseUrl', authProtocol ? { protocol: authProtocol } : {}));
  for (const [name, raw] of Object.entries(isObject(data.env) ? data.env : {})) {
    const meaning = ENV_SETUP[name];
    if (!meaning || scalar(raw) === undefined) continue;
    const s = add(at(['env', name], value(scalar(raw)!), meaning.role, { protocol: meaning.protocol }));
    if (meaning.protocol === (authProtocol ?? 'openai') && !legacy[meaning.role]) legacy[meaning.role] = s;
  }
  if (legacy.key || legacy.baseUrl || legacy.model) {
    legacy.protocol = authProtocol ?? 'openai';
    legacy.selected = !endpoints.some((e) => e.selected);
    endpoints.push(legacy);
  }
  return { status: 'read', values, endpoints };
}

const source = (scope: string, file: ToolSource['file'], readOnly = false): ToolSource => ({
  client: 'qwen-code',
  scope,
  ...(readOnly ? { readOnly } : {}),
  file,
  read: (_input, f) => readQwen(f!),
});

const system = (input: DiscoverInput): SourceFile =>
  input.env.QWEN_CODE_SYSTEM_SETTINGS_PATH
    ? fileAt(input, input.env.QWEN_CODE_SYSTEM_SETTINGS_PATH)
    : systemFile(input, { linux: '/etc/qwen-code/settings.json', darwin: '/Library/Application Support/QwenCode/settings.json', win32: 'C:\\ProgramData\\qwen-code\\settings.json' });

export const qwenSystem = source('system', system, true);
export const qwenProject = source('project', (input) => fileAt(input, path.join(input.cwd, '.qwen', 'settings.json')));
export const qwenUser = source('user', (input) => ({ ...fileAt(input, path.join(input.home, '.qwen', 'settings.json')), label: '~/.qwen/settings.json' }));
