import { path } from '../../core/path.js';
import { parseJsonc } from '../formats/jsonc.js';
import { parseToml } from '../formats/toml.js';
import type { SourceFile } from '../sources/contract.js';
import type { DiscoverInput } from '../types.js';
import { fileAt, isObject, readParsed, scalar, settingsOf, systemFile } from './common.js';
import type { ToolEndpoint, ToolRead, ToolRefusal, ToolSetting, ToolSource } from './contract.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

/** Provider ids Codex defines itself: an entry of the same id in config.toml is not used (codex-rs/model-provider-info). */
const BUILT_IN = ['openai', 'ollama', 'lmstudio', 'amazon-bedrock'];

/**
 * Codex CLI's config.toml: `$CODEX_HOME/config.toml` (default `~/.codex/config.toml`), a project's
 * `.codex/config.toml` (used in trusted projects only) and `/etc/codex/config.toml`. It reads `model`,
 * `model_provider` (default `openai`), `openai_base_url` (the built-in provider's base URL) and each
 * `[model_providers.<id>]`: `base_url`, `env_key` (the name of the variable holding the key),
 * `experimental_bearer_token`, `wire_api`, `http_headers`, `env_http_headers` and the time limits.
 */
function readCodex(file: SourceFile, scope: 'project' | 'user' | 'system'): ToolRead {
  const got = readParsed(file, parseToml);
  if ('read' in got) return got.read;
  const data = isObject(got.parsed.data) ? got.parsed.data : {};
  const at = settingsOf('codex', file, got.parsed);
  const values: ToolSetting[] = [];
  const add = (s: ToolSetting) => (values.push(s), s);
  const text = (v: unknown) => scalar(v);

  const model = text(data.model) !== undefined ? add(at(['model'], text(data.model)!, 'model', { slot: 'main' })) : undefined;
  const chosen = text(data.model_provider);
  if (chosen !== undefined) add(at(['model_provider'], chosen, 'provider'));
  const selectedId = chosen ?? 'openai';
  const endpoints: ToolEndpoint[] = [];

  // The built-in openai provider, in use unless model_provider names another: it is there even when
  // the file does not name it (its base URL is then the default), and it takes the file's model.
  if (text(data.openai_base_url) !== undefined || selectedId === 'openai') {
    const baseUrl = text(data.openai_base_url) !== undefined ? add(at(['openai_base_url'], text(data.openai_base_url)!, 'baseUrl', { protocol: 'openai' })) : undefined;
    endpoints.push({ id: 'openai', protocol: 'openai', wireApi: 'responses', selected: selectedId === 'openai', ...(baseUrl ? { baseUrl } : {}), ...(model && selectedId === 'openai' ? { model } : {}) });
  }
  let refused: ToolRefusal | undefined;

  const providers = isObject(data.model_providers) ? data.model_providers : {};
  for (const [id, raw] of Object.entries(providers)) {
    if (!isObject(raw)) continue;
    const p = ['model_providers', id];
    // Its key comes from env_key (or experimental_bearer_token) only: never CODEX_API_KEY or a login (ran, Codex 0.171.0).
    const endpoint: ToolEndpoint = { id, protocol: 'openai', selected: id === selectedId, ownKeyOnly: true };
    if (BUILT_IN.includes(id)) endpoint.ignored = t('config.codex.built-in', { id });
    if (text(raw.base_url) !== undefined) endpoint.baseUrl = add(at([...p, 'base_url'], text(raw.base_url)!, 'baseUrl', { protocol: 'openai' }));
    if (text(raw.env_key) !== undefined) endpoint.key = add(at([...p, 'env_key'], { fromEnv: text(raw.env_key)! }, 'key', { protocol: 'openai' }));
    else if (text(raw.experimental_bearer_token) !== undefined) {
      endpoint.key = add(at([...p, 'experimental_bearer_token'], text(raw.experimental_bearer_token)!, 'key', { protocol: 'openai' }));
    }
    if (text(raw.wire_api) !== undefined) {
      endpoint.wireApi = text(raw.wire_api)!;
      const setting = add(at([...p, 'wire_api'], endpoint.wireApi, 'protocol'));
      // Any provider's, selected or not: Codex stops at loading the file ("Error loading config.toml").
      if (endpoint.wireApi !== 'responses') refused ??= { setting, why: t('config.codex.wire-api', { wire: endpoint.wireApi }), fix: t('config.codex.wire-api.fix', { table: p.join('.'), file: file.label }) };
    } else endpoint.wireApi = 'responses';
    const headers: ToolSetting[] = [];
    for (const [table, fromEnv] of [
      ['http_headers', false],
      ['env_http_headers', true],
    ] as const) {
      const block = raw[table];
      if (!isObject(block)) continue;
      for (const [header, v] of Object.entries(block)) {
        if (text(v) === undefined) continue;
        headers.push(add(at([...p, table, header], fromEnv ? { fromEnv: text(v)! } : text(v)!, 'header', { header })));
      }
    }
    if (headers.length > 0) endpoint.headers = headers;
    if (text(raw.stream_idle_timeout_ms) !== undefined) endpoint.timeout = add(at([...p, 'stream_idle_timeout_ms'], text(raw.stream_idle_timeout_ms)!, 'timeout'));
    if (endpoint.selected && model) endpoint.model = model;
    endpoints.push(endpoint);
  }
  // A project's file never picks or defines the provider, trusted or not (ran: Codex 0.171.0 kept the
  // built-in openai provider, and "Model provider `ruapi` not found" when only the project defined it).
  const providerSetting = values.find((v) => v.name === 'model_provider' || v.name === 'openai_base_url' || v.name.startsWith('model_providers.'));
  const unused: ToolRefusal | undefined =
    scope === 'project' && providerSetting
      ? { setting: providerSetting, why: t('config.codex.project', { file: file.label }), fix: t('config.codex.project.fix') }
      : undefined;
  if (scope === 'project') for (const e of endpoints) e.ignored = unused?.why ?? t('config.codex.project.ignored');
  return { status: 'read', values, endpoints, ...(refused ? { refused } : {}), ...(unused ? { unused } : {}) };
}

const codexHome = (input: DiscoverInput) => (input.env.CODEX_HOME ? path.resolve(input.cwd, input.env.CODEX_HOME) : path.join(input.home, '.codex'));

export const codexProject: ToolSource = {
  client: 'codex',
  scope: 'project',
  file: (input) => fileAt(input, path.join(input.cwd, '.codex', 'config.toml')),
  read: (_input, file) => readCodex(file!, 'project'),
};

export const codexUser: ToolSource = {
  client: 'codex',
  scope: 'user',
  file: (input) => {
    const f = fileAt(input, path.join(codexHome(input), 'config.toml'));
    return input.env.CODEX_HOME ? f : { ...f, label: '~/.codex/config.toml' };
  },
  read: (_input, file) => readCodex(file!, 'user'),
};

export const codexSystem: ToolSource = {
  client: 'codex',
  scope: 'system',
  readOnly: true,
  // Unix only ("/etc/codex/config.toml on Unix", developers.openai.com/codex/config-basic).
  file: (input) => ((input.platform ?? process.platform) === 'win32' ? undefined : systemFile(input, { linux: '/etc/codex/config.toml', darwin: '/etc/codex/config.toml', win32: '' })),
  read: (_input, file) => readCodex(file!, 'system'),
};

/**
 * `$CODEX_HOME/auth.json`, where `codex login --with-api-key` keeps the key
 * (`{"auth_mode": "apikey", "OPENAI_API_KEY": "…"}`): the built-in openai provider's key when
 * CODEX_API_KEY is not set. A ChatGPT sign-in keeps tokens there instead, which RuAPI does not take.
 */
function readAuth(file: SourceFile): ToolRead {
  const got = readParsed(file, (t) => parseJsonc(t, { strict: true }));
  if ('read' in got) return got.read;
  const data = isObject(got.parsed.data) ? got.parsed.data : {};
  const key = scalar(data.OPENAI_API_KEY);
  if (key === undefined || key.trim() === '') return { status: 'read', values: [], endpoints: [] };
  const setting = settingsOf('codex', file, got.parsed)(['OPENAI_API_KEY'], key, 'key', { protocol: 'openai' });
  return { status: 'read', values: [setting], endpoints: [{ id: 'openai', protocol: 'openai', wireApi: 'responses', key: setting }] };
}

export const codexLogin: ToolSource = {
  client: 'codex',
  scope: 'login',
  // Written by `codex login`, not by hand: never a place for --fix.
  readOnly: true,
  file: (input) => {
    const f = fileAt(input, path.join(codexHome(input), 'auth.json'));
    return input.env.CODEX_HOME ? f : { ...f, label: '~/.codex/auth.json' };
  },
  read: (_input, file) => readAuth(file!),
};
