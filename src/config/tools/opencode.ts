import { existsSync } from 'node:fs';
import { path } from '../../core/path.js';
import type { Protocol } from '../../core/finding.js';
import { parseJsonc } from '../formats/jsonc.js';
import type { SettingValue, SourceFile } from '../sources/contract.js';
import type { DiscoverInput } from '../types.js';
import { fileAt, gitRoot, isObject, readParsed, scalar, settingsOf, systemFile } from './common.js';
import type { ToolEndpoint, ToolRead, ToolSetting, ToolSource } from './contract.js';

/** The AI SDK package a provider is built on, and the protocol it speaks (opencode's `npm` key). */
const PACKAGE_PROTOCOL: Record<string, Protocol> = {
  '@ai-sdk/openai-compatible': 'openai',
  '@ai-sdk/openai': 'openai',
  '@ai-sdk/anthropic': 'anthropic',
};

/** opencode's own provider ids that come with a package (from models.dev) when `npm` is not given. */
const BUILT_IN_PROTOCOL: Record<string, Protocol> = { openai: 'openai', anthropic: 'anthropic' };

/** `{env:VAR}` as the whole value is the variable; anything else is text (`{file:…}` included). */
const value = (text: string): SettingValue => {
  const ref = /^\{env:([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(text.trim());
  return ref ? { fromEnv: ref[1]! } : text;
};

/**
 * opencode's JSON (or JSONC) config: `model` ("provider/model"), `small_model`, and each
 * `provider.<id>`: `npm` (the AI SDK package, hence the protocol), `options.baseURL`,
 * `options.apiKey`, `options.headers`, `options.timeout`; `{env:VAR}` names a variable.
 */
function readOpencode(file: SourceFile): ToolRead {
  const got = readParsed(file, (text) => parseJsonc(text));
  if ('read' in got) return got.read;
  const data = isObject(got.parsed.data) ? got.parsed.data : {};
  const at = settingsOf('opencode', file, got.parsed);
  const values: ToolSetting[] = [];
  const add = (s: ToolSetting) => (values.push(s), s);

  const modelText = scalar(data.model);
  const model = modelText !== undefined ? add(at(['model'], value(modelText), 'model', { slot: 'main' })) : undefined;
  if (scalar(data.small_model) !== undefined) add(at(['small_model'], value(scalar(data.small_model)!), 'model', { slot: 'small' }));
  const selectedId = modelText?.includes('/') ? modelText.slice(0, modelText.indexOf('/')) : undefined;

  const endpoints: ToolEndpoint[] = [];
  for (const [id, raw] of Object.entries(isObject(data.provider) ? data.provider : {})) {
    if (!isObject(raw)) continue;
    const p = ['provider', id];
    const endpoint: ToolEndpoint = { id, selected: id === selectedId };
    const npm = scalar(raw.npm);
    if (npm !== undefined) add(at([...p, 'npm'], npm, 'protocol'));
    const protocol = npm !== undefined ? PACKAGE_PROTOCOL[npm] : BUILT_IN_PROTOCOL[id];
    if (protocol) endpoint.protocol = protocol;
    const options = isObject(raw.options) ? raw.options : {};
    const o = [...p, 'options'];
    if (scalar(options.baseURL) !== undefined) endpoint.baseUrl = add(at([...o, 'baseURL'], value(scalar(options.baseURL)!), 'baseUrl', protocol ? { protocol } : {}));
    if (scalar(options.apiKey) !== undefined) endpoint.key = add(at([...o, 'apiKey'], value(scalar(options.apiKey)!), 'key', protocol ? { protocol } : {}));
    if (scalar(options.timeout) !== undefined) endpoint.timeout = add(at([...o, 'timeout'], scalar(options.timeout)!, 'timeout'));
    const headers = Object.entries(isObject(options.headers) ? options.headers : {}).flatMap(([header, v]) =>
      scalar(v) === undefined ? [] : [add(at([...o, 'headers', header], value(scalar(v)!), 'header', { header }))],
    );
    if (headers.length > 0) endpoint.headers = headers;
    // "provider/model": the request names the model without its provider.
    if (endpoint.selected && model) endpoint.model = typeof model.value === 'string' ? { ...model, value: model.value.slice(id.length + 1) } : model;
    endpoints.push(endpoint);
  }
  return { status: 'read', values, endpoints };
}

/** `opencode.jsonc` or `opencode.json` in `dir`, the first that exists. */
const configIn = (input: DiscoverInput, dir: string): SourceFile | undefined => {
  for (const name of ['opencode.jsonc', 'opencode.json']) if (existsSync(path.join(dir, name))) return fileAt(input, path.join(dir, name));
  return undefined;
};

/** The project's config: the working folder's, or the nearest one above it up to the git root. */
function projectConfig(input: DiscoverInput): SourceFile | undefined {
  const stop = gitRoot(input) ?? path.resolve(input.cwd);
  for (let dir = path.resolve(input.cwd); ; dir = path.dirname(dir)) {
    const found = configIn(input, dir);
    if (found || dir === stop || path.dirname(dir) === dir) return found ?? fileAt(input, path.join(input.cwd, 'opencode.json'));
  }
}

const globalDir = (input: DiscoverInput) => path.join(input.env.XDG_CONFIG_HOME ? path.resolve(input.cwd, input.env.XDG_CONFIG_HOME) : path.join(input.home, '.config'), 'opencode');

const at = (scope: string, file: ToolSource['file'], readOnly = false): ToolSource => ({
  client: 'opencode',
  scope,
  ...(readOnly ? { readOnly } : {}),
  file,
  read: (_input, f) => readOpencode(f!),
});

export const opencodeManaged = at(
  'managed',
  (input) => {
    const file = (name: string) => systemFile(input, { linux: `/etc/opencode/${name}`, darwin: `/Library/Application Support/opencode/${name}`, win32: `C:\\ProgramData\\opencode\\${name}` });
    const jsonc = file('opencode.jsonc');
    return existsSync(jsonc.path) ? jsonc : file('opencode.json');
  },
  true,
);
export const opencodeProject = at('project', projectConfig);
export const opencodeCustom = at('custom', (input) => (input.env.OPENCODE_CONFIG ? fileAt(input, input.env.OPENCODE_CONFIG) : undefined));
export const opencodeGlobal = at('global', (input) => configIn(input, globalDir(input)) ?? fileAt(input, path.join(globalDir(input), 'opencode.json')));
