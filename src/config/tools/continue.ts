import { path } from '../../core/path.js';
import type { Protocol } from '../../core/finding.js';
import { parseYaml } from '../formats/yaml.js';
import type { SettingValue, SourceFile } from '../sources/contract.js';
import { fileAt, isObject, readParsed, scalar, settingsOf } from './common.js';
import type { ToolEndpoint, ToolRead, ToolSetting, ToolSource } from './contract.js';

/** Continue's `provider` values that speak a protocol ruapi checks. */
const PROTOCOL: Record<string, Protocol> = { openai: 'openai', anthropic: 'anthropic' };

/**
 * `${{ secrets.NAME }}` as the whole value names the secret NAME, which Continue looks up in
 * ~/.continue/.env, <workspace>/.continue/.env and <workspace>/.env, then in the process
 * environment (core/config/yaml/LocalPlatformClient.ts); anything else is text.
 */
const value = (text: string): SettingValue => {
  const ref = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(text.trim());
  return ref ? { fromEnv: ref[1]! } : text;
};

/**
 * Continue's config.yaml: each `models[]` entry's `name`, `provider`, `model`, `apiBase`, `apiKey`,
 * `roles`, and `requestOptions.headers` / `.timeout`.
 */
function readContinue(file: SourceFile): ToolRead {
  const got = readParsed(file, parseYaml);
  if ('read' in got) return got.read;
  const data = isObject(got.parsed.data) ? got.parsed.data : {};
  const at = settingsOf('continue', file, got.parsed);
  const values: ToolSetting[] = [];
  const add = (s: ToolSetting) => (values.push(s), s);
  const endpoints: ToolEndpoint[] = [];
  (Array.isArray(data.models) ? data.models : []).forEach((entry, i) => {
    if (!isObject(entry)) return;
    const p = ['models', i];
    const name = `models[${i}]`;
    const provider = scalar(entry.provider);
    const protocol = provider !== undefined ? PROTOCOL[provider] : undefined;
    const pr = protocol ? { protocol } : {};
    const endpoint: ToolEndpoint = { id: scalar(entry.name) ?? name };
    if (protocol) endpoint.protocol = protocol;
    if (provider !== undefined) add(at([...p, 'provider'], provider, 'protocol', { name: `${name}.provider` }));
    if (scalar(entry.model) !== undefined) endpoint.model = add(at([...p, 'model'], value(scalar(entry.model)!), 'model', { ...pr, name: `${name}.model` }));
    if (scalar(entry.apiBase) !== undefined) endpoint.baseUrl = add(at([...p, 'apiBase'], value(scalar(entry.apiBase)!), 'baseUrl', { ...pr, name: `${name}.apiBase` }));
    if (scalar(entry.apiKey) !== undefined) endpoint.key = add(at([...p, 'apiKey'], value(scalar(entry.apiKey)!), 'key', { ...pr, name: `${name}.apiKey` }));
    if (Array.isArray(entry.roles)) endpoint.roles = entry.roles.flatMap((r) => (typeof r === 'string' ? [r] : []));
    const options = isObject(entry.requestOptions) ? entry.requestOptions : {};
    if (scalar(options.timeout) !== undefined) endpoint.timeout = add(at([...p, 'requestOptions', 'timeout'], scalar(options.timeout)!, 'timeout', { name: `${name}.requestOptions.timeout` }));
    const headers = Object.entries(isObject(options.headers) ? options.headers : {}).flatMap(([header, v]) =>
      scalar(v) === undefined ? [] : [add(at([...p, 'requestOptions', 'headers', header], value(scalar(v)!), 'header', { header, name: `${name}.requestOptions.headers.${header}` }))],
    );
    if (headers.length > 0) endpoint.headers = headers;
    endpoints.push(endpoint);
  });
  return { status: 'read', values, endpoints };
}

/** `~/.continue/config.yaml`, or `$CONTINUE_GLOBAL_DIR/config.yaml` when set (core/util/paths.ts). */
export const continueUser: ToolSource = {
  client: 'continue',
  scope: 'user',
  file: (input) => {
    const dir = input.env.CONTINUE_GLOBAL_DIR;
    const f = fileAt(input, path.join(dir ? path.resolve(input.cwd, dir) : path.join(input.home, '.continue'), 'config.yaml'));
    return dir ? f : { ...f, label: '~/.continue/config.yaml' };
  },
  read: (_input, file) => readContinue(file!),
};
