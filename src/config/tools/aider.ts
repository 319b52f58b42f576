import { path } from '../../core/path.js';
import type { Protocol } from '../../core/finding.js';
import { readConfigText } from '../files.js';
import { parseDotenv } from '../formats/dotenv.js';
import { parseYaml } from '../formats/yaml.js';
import type { SourceFile } from '../sources/contract.js';
import type { DiscoverInput } from '../types.js';
import { fileAt, gitRoot, isObject, readParsed, scalar, settingsOf } from './common.js';
import type { ModelSlot, ToolEndpoint, ToolRead, ToolRole, ToolSetting, ToolSource } from './contract.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

/** The options aider reads that reach a gateway, as they are named in .aider.conf.yml and, with AIDER_ and upper case, in a .env. */
const OPTIONS: Record<string, { role: ToolRole; protocol?: Protocol; slot?: ModelSlot }> = {
  model: { role: 'model', slot: 'main' },
  'weak-model': { role: 'model', slot: 'weak' },
  'editor-model': { role: 'model', slot: 'editor' },
  'openai-api-base': { role: 'baseUrl', protocol: 'openai' },
  'openai-api-key': { role: 'key', protocol: 'openai' },
  'anthropic-api-key': { role: 'key', protocol: 'anthropic' },
  timeout: { role: 'timeout' },
};

/** The variables aider's .env files set for the libraries it calls (litellm, the OpenAI SDK). */
const VARIABLES: Record<string, { role: ToolRole; protocol: Protocol }> = {
  OPENAI_API_BASE: { role: 'baseUrl', protocol: 'openai' },
  OPENAI_BASE_URL: { role: 'baseUrl', protocol: 'openai' },
  OPENAI_API_KEY: { role: 'key', protocol: 'openai' },
  ANTHROPIC_API_KEY: { role: 'key', protocol: 'anthropic' },
};

/** Groups the values into one endpoint per protocol; the model's `openai/` or `anthropic/` prefix selects one. */
function endpointsOf(values: ToolSetting[]): ToolEndpoint[] {
  const main = values.find((v) => v.role === 'model' && v.slot === 'main');
  const prefix = typeof main?.value === 'string' ? main.value.split('/')[0] : undefined;
  return (['openai', 'anthropic'] as const).flatMap((protocol) => {
    const mine = values.filter((v) => v.protocol === protocol);
    if (mine.length === 0) return [];
    const endpoint: ToolEndpoint = { id: protocol, protocol, selected: prefix === protocol };
    const baseUrl = mine.find((v) => v.role === 'baseUrl');
    const key = mine.find((v) => v.role === 'key');
    if (baseUrl) endpoint.baseUrl = baseUrl;
    if (key) endpoint.key = key;
    // aider (through LiteLLM) sends the id without its provider prefix.
    if (main && endpoint.selected) endpoint.model = typeof main.value === 'string' ? { ...main, value: main.value.slice(protocol.length + 1) } : main;
    return [endpoint];
  });
}

/**
 * aider's `.aider.conf.yml`: `model`, `weak-model`, `editor-model`, `openai-api-base`,
 * `openai-api-key`, `anthropic-api-key`, `timeout`, and `set-env` entries (`NAME=value`) for the
 * variables above.
 */
function readConf(file: SourceFile): ToolRead {
  const got = readParsed(file, parseYaml);
  if ('read' in got) return got.read;
  const data = isObject(got.parsed.data) ? got.parsed.data : {};
  const at = settingsOf('aider', file, got.parsed);
  const values: ToolSetting[] = [];
  for (const [name, raw] of Object.entries(data)) {
    const option = OPTIONS[name];
    if (option && scalar(raw) !== undefined) {
      values.push(at([name], scalar(raw)!, option.role, { ...(option.protocol ? { protocol: option.protocol } : {}), ...(option.slot ? { slot: option.slot } : {}) }));
    }
  }
  const setEnv = data['set-env'];
  (Array.isArray(setEnv) ? setEnv : setEnv === undefined ? [] : [setEnv]).forEach((entry, i) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(scalar(entry) ?? '');
    const variable = m ? VARIABLES[m[1]!] : undefined;
    if (!m || !variable) return;
    values.push(at(Array.isArray(setEnv) ? ['set-env', i] : ['set-env'], m[2]!, variable.role, { protocol: variable.protocol, name: `set-env ${m[1]}` }));
  });
  return { status: 'read', values, endpoints: endpointsOf(values) };
}

/** A .env aider loads (with override: its values beat the shell's), for the variables above and AIDER_* options. */
function readEnv(file: SourceFile): ToolRead {
  const read = readConfigText(file.path);
  if (read.kind !== 'text') return read.kind === 'absent' ? { status: 'absent' } : { status: 'unreadable', reason: read.reason };
  const values: ToolSetting[] = [];
  for (const entry of parseDotenv(read.text).reverse()) {
    if (values.some((v) => v.name === entry.name)) continue; // python-dotenv: the last assignment wins
    const option = entry.name.startsWith('AIDER_') ? OPTIONS[entry.name.slice(6).toLowerCase().replace(/_/g, '-')] : undefined;
    const meaning = option ?? VARIABLES[entry.name];
    if (!meaning) continue;
    values.push({
      name: entry.name,
      value: entry.value,
      role: meaning.role,
      ...(meaning.protocol ? { protocol: meaning.protocol } : {}),
      ...(option?.slot ? { slot: option.slot } : {}),
      source: { kind: 'aider', name: entry.name, file: file.label, path: file.path, line: entry.line, label: t('config.label.file-line', { name: entry.name, file: file.label, line: entry.line }) },
    });
  }
  return { status: 'read', values, endpoints: endpointsOf(values) };
}

type Place = 'cwd' | 'git-root' | 'home';

const dirOf = (place: Place, input: DiscoverInput): string | undefined =>
  place === 'cwd' ? input.cwd : place === 'home' ? input.home : gitRoot(input);

const sources = (name: string, read: (file: SourceFile) => ToolRead, scope: (place: Place) => string): ToolSource[] =>
  (['cwd', 'git-root', 'home'] as const).map((place) => ({
    client: 'aider',
    scope: scope(place),
    file: (input: DiscoverInput) => {
      const dir = dirOf(place, input);
      return dir === undefined ? undefined : fileAt(input, path.join(dir, name));
    },
    read: (_input: DiscoverInput, file: SourceFile | undefined) => read(file!),
  }));

/** `.aider.conf.yml` in the working folder, the git root and home: loaded home first, so the working folder's wins. */
export const aiderConf: readonly ToolSource[] = sources('.aider.conf.yml', readConf, (place) => place);
/** `.env` in the same three places, loaded in the same order, each overriding the environment. */
export const aiderEnv: readonly ToolSource[] = sources('.env', readEnv, (place) => `${place} .env`);
