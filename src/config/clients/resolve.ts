import type { Protocol } from '../../core/finding.js';
import { CLIENT_REQUEST_PATH } from '../../core/clients.js';
import type { ResolvedConfig } from '../discover.js';
import type { Setting } from '../sources/contract.js';
import { dotenv as dotenvSource } from '../sources/dotenv.js';
import { environment } from '../sources/environment.js';
import { flags as flagSource } from '../sources/flags.js';
import { kindOf } from '../sources/index.js';
import type { ToolConfig, ToolEndpoint, ToolRefusal, ToolSetting } from '../tools/index.js';
import type { DiscoverInput, Source, Sourced } from '../types.js';
import { editDistance } from '../../core/edit-distance.js';
import type { ClientProfile } from './contract.js';
import { CLIENT_PROFILES } from './index.js';
import { projectPackages } from './manifests.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

/**
 * What one client would send, worked out from the values that client reads, in its own order:
 * the doctor judges this, not its merged view of the set-up (src/doctor/clients.ts).
 */
export interface ClientSetup {
  profile: ClientProfile;
  protocol: Protocol;
  /** What the client appends to its base URL (per protocol for the tools that speak both). */
  path: string;
  key?: Sourced;
  baseUrl?: Sourced;
  /** The main model, then every other model id the client names (Claude Code's slots). */
  model?: Sourced;
  models: Sourced[];
  auth: 'bearer' | 'x-api-key';
  /** A command whose output is the key (Claude Code's apiKeyHelper). */
  keyCommand?: Sourced;
  /** A request time limit in milliseconds (Claude Code's API_TIMEOUT_MS). */
  timeout?: Sourced;
  /** Why the doctor checks this client: its file, a variable only it reads, the project's packages, or --client. */
  foundBy: string;
  /** The files and places its values came from, as shown. */
  places: string[];
  /** Names the client does not read that were set for it, as [what was set, what it reads]. */
  unread: Array<{ set: Sourced; reads: string }>;
  /** A setting that makes the client refuse its config file and stop (Codex's `wire_api = "chat"`). */
  refused?: { setting: Sourced; why: string; fix: string };
  /** Settings the client ignores where they are (Codex's provider settings in a project's file). */
  unused?: { setting: Sourced; why: string; fix: string };
  /** A variable the client's .env loader loses to the file's byte order mark. */
  lostToBom?: Sourced;
  /** The proxy variables a client that loads .env and honours them would take from it. */
  proxyFromDotenv?: Record<string, string>;
}

type Pool = Map<string, Sourced & { afterBom?: true }>;

export interface ClientsInput {
  resolved: ResolvedConfig;
  input: DiscoverInput;
  /** --client: check this one, found or not. */
  only?: string;
}

/** The clients the user has set up (or the one --client names), each with the values it reads. */
export function resolveClients({ resolved, input, only }: ClientsInput): ClientSetup[] {
  const shell = poolOf(settingsOf(resolved, environment));
  for (const [name, value] of Object.entries(input.env)) if (value !== undefined && !shell.has(name)) shell.set(name, { value, source: envSource(name) });
  const dotenv = poolOf(settingsOf(resolved, dotenvSource));
  const flags = settingsOf(resolved, flagSource);
  const tools = resolved.tools ?? [];
  const packages = input.readFiles === false ? { npm: new Set<string>(), pypi: new Set<string>() } : projectPackages(input.cwd);
  const ctx = { shell, dotenv, flags, tools, packages };
  const profiles = only ? CLIENT_PROFILES.filter((p) => p.id === only) : CLIENT_PROFILES;
  return profiles.flatMap((profile) => {
    const foundBy = only ? `--client ${only}` : detect(profile, ctx);
    return foundBy === undefined ? [] : [setupOf(profile, ctx, foundBy)];
  });
}

interface Ctx {
  shell: Pool;
  dotenv: Pool;
  flags: Setting[];
  tools: ToolConfig[];
  packages: { npm: Set<string>; pypi: Set<string> };
}

const envSource = (name: string): Source => ({ kind: environment.kind, name, label: t('config.label.env', { name }) });
const settingsOf = (resolved: ResolvedConfig, of: { kind: string }) => (resolved.raw ?? []).filter((r) => r.kind === of.kind).flatMap((r) => r.settings);

/** Settings by name; a source lists its winning assignment of a name first. */
function poolOf(settings: Setting[]): Pool {
  const pool: Pool = new Map();
  for (const s of settings) {
    if (typeof s.value !== 'string' || pool.has(s.source.name)) continue;
    pool.set(s.source.name, { value: s.value, source: s.source, ...(s.afterBom ? { afterBom: true as const } : {}) });
  }
  return pool;
}

/** Why this client counts as set up, or undefined when nothing says the user has it. */
function detect(p: ClientProfile, ctx: Ctx): string | undefined {
  // A tool's own files: a .env aider also loads is everybody's, not a sign of aider.
  const own = ctx.tools.find((t) => t.client === p.tool && t.file && !t.scope.endsWith('.env') && (t.status === 'unreadable' || t.values.length > 0));
  if (own?.file) return own.file.label;
  // Only where the client looks: Claude Code reads no .env.
  const variable = p.detect.variables?.find((v) => ctx.shell.has(v) || (p.dotenv.loads !== 'never' && ctx.dotenv.has(v)));
  if (variable) return t('config.found-by.variable', { variable, client: p.label });
  const pkg = p.detect.npm?.find((n) => ctx.packages.npm.has(n)) ?? p.detect.pypi?.find((n) => ctx.packages.pypi.has(n));
  if (pkg) return t('config.found-by.package', { package: pkg });
  if (!p.detect.commonVariables) return undefined;
  // The SDKs read the common variables; with the project's language known, only that language's.
  const language = p.language === 'python' ? 'pypi' : 'npm';
  const other = language === 'pypi' ? 'npm' : 'pypi';
  if (ctx.packages[other].size > 0 && ctx.packages[language].size === 0) return undefined;
  // ruapi's own variables count, unless a tool's file names them as where its key is (Codex's env_key).
  const named = new Set(ctx.tools.flatMap((t) => t.values.flatMap((v) => (typeof v.value === 'string' ? [] : [v.value.fromEnv]))));
  const names = [...p.env.key, ...p.env.baseUrl, ...Object.keys(p.notRead ?? {}), ...['RUAPI_API_KEY', 'RUAPI_BASE_URL'].filter((n) => !named.has(n))];
  const set = names.find((n) => ctx.shell.get(n)?.value.trim() || ctx.dotenv.get(n)?.value.trim());
  return set ? (ctx.dotenv.has(set) && !ctx.shell.has(set) ? ctx.dotenv.get(set)!.source.file ?? '.env' : t('config.title.env')) : undefined;
}

function setupOf(p: ClientProfile, ctx: Ctx, foundBy: string): ClientSetup {
  const fromTool = p.tool && p.tool !== 'claude-code' ? toolEndpoint(p, ctx) : undefined;
  const protocol = fromTool?.endpoint?.protocol ?? p.protocol;
  const setup: ClientSetup = { profile: p, protocol, path: pathFor(p, protocol), models: [], auth: p.auth, foundBy, places: [], unread: [] };
  const read = (names: readonly string[]) => pickVariable(p, ctx, names, setup);
  const flag = (name: string) => ctx.flags.find((s) => s.source.name === name && typeof s.value === 'string');
  const asSourced = (s: Setting | undefined): Sourced | undefined => (s ? { value: s.value as string, source: s.source } : undefined);

  if (fromTool) {
    const { endpoint, config } = fromTool;
    if (config?.file) setup.places.push(config.file.label);
    setup.baseUrl = fromEnvOrValue(endpoint?.baseUrl, ctx) ?? read(p.env.baseUrl);
    // An entry with a key of its own (Codex's env_key) takes no other; else the variables, then a login's stored key.
    setup.key = fromEnvOrValue(endpoint?.key, ctx) ?? (endpoint?.ownKeyOnly ? undefined : (read(p.env.key) ?? storedKey(p, ctx, endpoint)));
    const asNotice = (n: ToolRefusal) => ({ setting: { value: String(n.setting.value), source: n.setting.source }, why: n.why, fix: n.fix });
    const refused = ctx.tools.find((t) => t.client === p.tool && t.refused)?.refused;
    if (refused) setup.refused = asNotice(refused);
    const unused = ctx.tools.find((t) => t.client === p.tool && t.unused)?.unused;
    if (unused) setup.unused = asNotice(unused);
    setup.model = fromEnvOrValue(endpoint?.model, ctx) ?? read(p.env.model);
  } else {
    setup.baseUrl = read(p.env.baseUrl);
    setup.key = read(p.env.key);
    for (const name of p.env.model) {
      const m = read([name]);
      if (m) setup.models.push(m);
    }
    setup.model = setup.models[0];
    if (p.tool === 'claude-code') claudeExtras(setup, ctx);
    // A library takes the model from the code that calls it: RUAPI_MODEL is how the user tells the doctor which.
    if (p.env.model.length === 0) setup.model = pickVariable({ ...p, dotenv: { loads: 'app' } }, ctx, ['RUAPI_MODEL'], setup);
  }
  // ruapi's own flags stand for what the user wants this client to use.
  setup.baseUrl = asSourced(flag('--base-url')) ?? setup.baseUrl;
  setup.key = asSourced(flag('--key')) ?? asSourced(flag('--key-stdin')) ?? setup.key;
  setup.model = asSourced(flag('--model')) ?? setup.model;
  if (setup.model && !setup.models.includes(setup.model)) setup.models.unshift(setup.model);
  if (p.bearerVariable && setup.key?.source.name.endsWith(p.bearerVariable)) setup.auth = 'bearer';
  for (const v of [setup.key, setup.baseUrl, setup.model]) {
    const where = v && (v.source.file ?? kindOf(v.source).title ?? kindOf(v.source).holder(v.source));
    if (where && !setup.places.includes(where)) setup.places.push(where);
  }
  setup.unread = unreadNames(p, ctx);
  if (p.proxy && p.dotenv.loads !== 'never') {
    const proxies = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'NO_PROXY', 'no_proxy'].filter((n) => ctx.dotenv.has(n) && !ctx.shell.has(n));
    if (proxies.length > 0) setup.proxyFromDotenv = Object.fromEntries(proxies.map((n) => [n, ctx.dotenv.get(n)!.value]));
  }
  return setup;
}

/**
 * The path a client appends: a library's own, a tool's from CLIENT_REQUEST_PATH for the API its
 * protocol takes (without Claude Code's `?beta=true`, which the probe does not send).
 */
function pathFor(p: ClientProfile, protocol: Protocol): string {
  if (!p.tool) return p.path!;
  const api = protocol === 'anthropic' ? 'messages' : p.api;
  return CLIENT_REQUEST_PATH[p.tool][api]!.path.replace(/\?.*$/, '');
}

/**
 * The first of `names` the client finds, in its own order of places: Claude Code's settings
 * before the shell, the shell before .env for an app's loader (python-dotenv and dotenv leave a
 * set variable alone), .env before the shell for aider (it loads with override).
 */
function pickVariable(p: ClientProfile, ctx: Ctx, names: readonly string[], setup: ClientSetup): Sourced | undefined {
  const settingsEnv = claudeSettingsEnv(ctx);
  for (const name of names) {
    for (const place of placesOf(p)) {
      const got = place === 'settings-env' ? settingsEnv.get(name) : place === 'shell' ? ctx.shell.get(name) : place === 'env-file' && p.dotenv.loads !== 'never' ? ctx.dotenv.get(name) : undefined;
      if (!got) continue;
      if (place === 'env-file' && got.afterBom && p.dotenv.keepsBom) {
        setup.lostToBom ??= got;
        continue;
      }
      return { value: got.value, source: got.source };
    }
  }
  return undefined;
}

const placesOf = (p: ClientProfile) => (p.dotenv.overridesShell ? p.places.map((x) => (x === 'shell' ? 'env-file' : x === 'env-file' ? 'shell' : x)) : p.places);

/** Claude Code's settings files' env blocks, highest first (managed, local, project, user). */
function claudeSettingsEnv(ctx: Ctx): Pool {
  const pool: Pool = new Map();
  for (const t of ctx.tools) {
    if (t.client !== 'claude-code' || !t.file || t.status !== 'read') continue;
    for (const v of t.values) {
      const name = v.name.startsWith('env.') ? v.name.slice(4) : undefined;
      if (name && typeof v.value === 'string' && !pool.has(name)) pool.set(name, { value: v.value, source: v.source });
    }
  }
  return pool;
}

/** Claude Code's apiKeyHelper, its `model` setting and API_TIMEOUT_MS, as it takes them. */
function claudeExtras(setup: ClientSetup, ctx: Ctx): void {
  const files = ctx.tools.filter((t) => t.client === 'claude-code' && t.status === 'read');
  const first = (pred: (v: ToolSetting) => boolean) => {
    for (const t of files) for (const v of t.values) if (pred(v) && typeof v.value === 'string') return { value: v.value, source: v.source };
    return undefined;
  };
  const helper = first((v) => v.role === 'keyCommand');
  if (helper) setup.keyCommand = helper;
  const timeout = first((v) => v.role === 'timeout');
  if (timeout) setup.timeout = timeout;
  const modelSetting = first((v) => v.name === 'model');
  if (modelSetting && !setup.models.some((m) => m.source.name === 'ANTHROPIC_MODEL' || m.source.name === 'env.ANTHROPIC_MODEL')) setup.models.unshift(modelSetting);
  setup.model = setup.models[0];
}

/** A tool's endpoint in use: the one its files select, in its own precedence, else the first with a base URL. */
function toolEndpoint(p: ClientProfile, ctx: Ctx): { endpoint?: ToolEndpoint; config?: ToolConfig } {
  const configs = ctx.tools.filter((t) => t.client === p.tool && t.status === 'read');
  for (const pick of [(e: ToolEndpoint) => e.selected === true && !e.ignored, (e: ToolEndpoint) => !e.ignored && e.baseUrl !== undefined]) {
    for (const config of configs) {
      const endpoint = config.endpoints.find(pick);
      if (endpoint) return { endpoint, config };
    }
  }
  return configs[0] ? { config: configs[0] } : {};
}

/**
 * The key another file of the tool keeps for the entry in use (with none chosen, the tool's default
 * one): Codex's auth.json, written by `codex login`, for its built-in provider.
 */
function storedKey(p: ClientProfile, ctx: Ctx, endpoint: ToolEndpoint | undefined): Sourced | undefined {
  for (const t of ctx.tools) {
    if (t.client !== p.tool || t.status !== 'read') continue;
    const held = t.endpoints.find((e) => e !== endpoint && e.id === (endpoint?.id ?? e.id) && e.key && !e.baseUrl);
    if (held) return fromEnvOrValue(held.key, ctx);
  }
  return undefined;
}

/** A tool's setting as the value it stands for: `env_key = "RUAPI_KEY"` is the variable's value, reached via the setting. */
function fromEnvOrValue(setting: ToolSetting | undefined, ctx: Ctx): Sourced | undefined {
  if (!setting) return undefined;
  if (typeof setting.value === 'string') return { value: setting.value, source: setting.source };
  const name = setting.value.fromEnv;
  const held = ctx.shell.get(name);
  if (!held) return { value: '', source: { ...envSource(name), label: t('config.label.env-named-unset', { name, via: setting.source.label }), via: setting.source } };
  return { value: held.value, source: { ...held.source, label: t('config.label.env-named', { name, via: setting.source.label }), via: setting.source } };
}

/** Names set for this client that it does not read: its own table, and near misses of the names it reads. */
function unreadNames(p: ClientProfile, ctx: Ctx): ClientSetup['unread'] {
  // Its files can name more (Codex's env_key = "OPENAI_API_KEY"): those it reads too.
  const named = ctx.tools.filter((t) => t.client === p.tool).flatMap((t) => t.values.flatMap((v) => (typeof v.value === 'string' ? [] : [v.value.fromEnv])));
  const reads = [...p.env.key, ...p.env.baseUrl, ...p.env.model, ...named];
  const out: ClientSetup['unread'] = [];
  for (const pool of [ctx.shell, ctx.dotenv]) {
    for (const [name, got] of pool) {
      if (reads.includes(name) || out.some((u) => u.set.source.name === name)) continue;
      const instead = p.notRead?.[name] ?? nearMiss(name, reads);
      if (instead && got.value.trim() !== '') out.push({ set: { value: got.value, source: got.source }, reads: instead });
    }
  }
  return out;
}

/**
 * Common misspellings of the variables, and any name one or two edits away from one a client reads.
 * Names other clients really read (OPENAI_API_BASE, ANTHROPIC_API_URL) are each profile's `notRead`.
 */
const MISSPELT: Readonly<Record<string, string>> = {
  OPENAI_KEY: 'OPENAI_API_KEY',
  OPENAI_TOKEN: 'OPENAI_API_KEY',
  OPENAI_BASE_URI: 'OPENAI_BASE_URL',
  OPENAI_API_URL: 'OPENAI_BASE_URL',
  OPENAI_URL: 'OPENAI_BASE_URL',
  OPENAI_ENDPOINT: 'OPENAI_BASE_URL',
  ANTHROPIC_KEY: 'ANTHROPIC_API_KEY',
  ANTHROPIC_TOKEN: 'ANTHROPIC_AUTH_TOKEN',
  ANTHROPIC_URL: 'ANTHROPIC_BASE_URL',
  ANTHROPIC_BASE_URI: 'ANTHROPIC_BASE_URL',
};

function nearMiss(name: string, reads: readonly string[]): string | undefined {
  const mapped = MISSPELT[name];
  if (mapped) return reads.includes(mapped) ? mapped : undefined;
  if (!/^(OPENAI|ANTHROPIC|CLAUDE)_/.test(name) || name.length > 64) return undefined;
  return reads.find((r) => r !== name && editDistance(r, name, 2) <= 2);
}
