import path from 'node:path';
import { UsageError } from '../core/exit.js';
import type { Finding, Protocol } from '../core/finding.js';
import { readClaudeSettings } from './claude-settings.js';
import { parseDotenv } from './dotenv.js';
import { displayPath, readConfigText } from './files.js';
import { keyOnCommandLine, protocolGuessed, shadowed, unreadable } from './findings.js';
import { guessProtocol, PROTOCOL_NAME } from './protocol.js';
import { looksLikeKey } from '../core/keys.js';
import type { ConfigFile, ResolvedConfig, Source, Sourced, TargetConfig } from './types.js';

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

export interface DiscoverInput {
  flags: ConfigFlags;
  env: NodeJS.ProcessEnv;
  cwd: string;
  home: string;
  /** --env-file: a path that must exist. Without it, ./.env is read when present. */
  envFile?: string;
  /** False: read no file at all, only flags and `env` (the demo, which must not see the user's set-up). */
  readFiles?: boolean;
}

type Field = 'key' | 'baseUrl' | 'model';

/**
 * The variables each client reads, most specific first. `RUAPI_*` are ruapi's own: the key and
 * model serve both protocols (RuAPI takes one key for both), the base URL the protocol given by
 * --protocol or guessed from it.
 */
export const VARIABLES: Record<Protocol | 'ruapi', Record<Field, readonly string[]>> = {
  ruapi: { key: ['RUAPI_API_KEY'], baseUrl: ['RUAPI_BASE_URL'], model: ['RUAPI_MODEL'] },
  openai: { key: ['OPENAI_API_KEY'], baseUrl: ['OPENAI_BASE_URL', 'OPENAI_API_BASE'], model: [] },
  anthropic: { key: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN'], baseUrl: ['ANTHROPIC_BASE_URL'], model: ['ANTHROPIC_MODEL'] },
};

const FLAG_NAMES: Record<Field, string> = { key: '--key', baseUrl: '--base-url', model: '--model' };
const ALL_NAMES = new Set(Object.values(VARIABLES).flatMap((f) => Object.values(f).flat()));

interface Candidate {
  value: string;
  source: Source;
}

/** One place values come from; `get` returns the value in force first, then any it overrides. */
type Layer = Map<string, Candidate[]>;

/**
 * Finds every configuration value and where it came from. Sources, highest first: flags, the
 * environment, the .env file, Claude Code's settings (local, project, user). Reads files only;
 * never prints, never writes. Throws UsageError only for an --env-file that does not exist.
 */
export function discoverConfig(input: DiscoverInput): ResolvedConfig {
  const findings: Finding[] = [];
  const files: ConfigFile[] = [];
  const fileLayers = input.readFiles === false ? [] : [dotenvLayer(input, files, findings), ...claudeLayers(input, files, findings)];
  const layers: Layer[] = [flagLayer(input.flags), envLayer(input.env), ...fileLayers];

  const candidates = (name: string) => layers.flatMap((layer) => layer.get(name) ?? []);
  const present = (p: Protocol) => Object.values(VARIABLES[p]).flat().filter((n) => candidates(n).some((c) => c.value.trim() !== ''));

  const ruapiBase = candidates('RUAPI_BASE_URL')[0];
  const plan = planTargets(input.flags, ruapiBase, { openai: present('openai'), anthropic: present('anthropic') });

  const targets: TargetConfig[] = plan.map(({ protocol, guessed, why }) => {
    const pick = (field: Field): Sourced | undefined => {
      const generic = field === 'baseUrl' && protocol !== plan.ruapiBaseProtocol ? [] : VARIABLES.ruapi[field];
      const names = [...generic, ...VARIABLES[protocol][field]];
      const all = layers.flatMap((layer) => names.flatMap((n) => layer.get(n) ?? []));
      const [first, ...rest] = all;
      if (!first) return undefined;
      for (const loser of rest) {
        if (loser.value.trim() !== first.value.trim()) findings.push(shadowed(field, loser, first, protocol));
      }
      return rest.length > 0 ? { ...first, shadowed: rest } : { ...first };
    };
    const key = pick('key');
    const target: TargetConfig = {
      protocol,
      protocolGuessed: guessed,
      protocolSource: why,
      auth: protocol === 'anthropic' && key?.source.name !== 'ANTHROPIC_AUTH_TOKEN' ? 'x-api-key' : 'bearer',
    };
    if (key) target.key = key;
    const baseUrl = pick('baseUrl');
    if (baseUrl) target.baseUrl = baseUrl;
    const model = pick('model');
    if (model) target.model = model;
    if (guessed) findings.push(protocolGuessed(protocol, why, PROTOCOL_NAME[protocol]));
    return target;
  });

  if (input.flags.key !== undefined && input.flags.keyFrom !== 'stdin') findings.push(keyOnCommandLine());

  // Key variables are secret whatever they hold; a key pasted into another variable is too.
  const secrets = [
    ...new Set(layers.flatMap((layer) => [...layer.entries()].flatMap(([n, cs]) => cs.map((c) => c.value).filter((v) => isKeyName(n) || looksLikeKey(v))))),
  ];
  return { targets, findings: dedupe(findings), files, secrets };
}

const isKeyName = (name: string) => VARIABLES.ruapi.key.includes(name) || VARIABLES.openai.key.includes(name) || VARIABLES.anthropic.key.includes(name);

interface PlannedTarget {
  protocol: Protocol;
  guessed: boolean;
  why: string;
}

/**
 * Which protocols to check: the --protocol flag alone; else every protocol whose variables are set,
 * plus the one RUAPI_BASE_URL (or --base-url, which narrows the check to it) points at; else the
 * OpenAI-compatible one, said to be a guess.
 */
function planTargets(
  flags: ConfigFlags,
  ruapiBase: Candidate | undefined,
  present: Record<Protocol, string[]>,
): PlannedTarget[] & { ruapiBaseProtocol?: Protocol } {
  const setBy = (p: Protocol) => `set by ${present[p].filter((n, i, a) => a.indexOf(n) === i).join(', ')}`;
  let plan: PlannedTarget[];
  let ruapiBaseProtocol: Protocol | undefined;
  if (flags.protocol) {
    plan = [{ protocol: flags.protocol, guessed: false, why: flags.protocolFrom === 'prompt' ? 'chosen at the prompt' : '--protocol on the command line' }];
    ruapiBaseProtocol = flags.protocol;
  } else if (ruapiBase && ruapiBase.value.trim() !== '') {
    const p = guessProtocol(ruapiBase.value);
    ruapiBaseProtocol = p;
    const hint = p === 'openai' ? 'it has a path such as /v1' : 'it has no /v1';
    const guessed = { protocol: p, guessed: present[p].length === 0, why: present[p].length > 0 ? setBy(p) : `guessed from ${ruapiBase.source.label}: ${hint}` };
    const others = ruapiBase.source.kind === 'flag' ? [] : (['openai', 'anthropic'] as const).filter((q) => q !== p && present[q].length > 0);
    plan = [guessed, ...others.map((q) => ({ protocol: q, guessed: false, why: setBy(q) }))];
    plan.sort((a, b) => order(a.protocol) - order(b.protocol));
  } else {
    plan = (['openai', 'anthropic'] as const).filter((p) => present[p].length > 0).map((p) => ({ protocol: p, guessed: false, why: setBy(p) }));
    if (plan.length === 0) plan = [{ protocol: 'openai', guessed: true, why: 'nothing is configured, so the doctor checks the OpenAI-compatible set-up' }];
  }
  return Object.assign(plan, { ruapiBaseProtocol });
}

const order = (p: Protocol) => (p === 'openai' ? 0 : 1);

function flagLayer(flags: ConfigFlags): Layer {
  const layer: Layer = new Map();
  const add = (field: Field, value: string | undefined) => {
    if (value === undefined) return;
    const stdin = field === 'key' && flags.keyFrom === 'stdin';
    const name = stdin ? '--key-stdin' : FLAG_NAMES[field];
    const label = stdin ? 'standard input (--key-stdin)' : `${name} on the command line`;
    layer.set(VARIABLES.ruapi[field][0]!, [{ value, source: { kind: stdin ? 'stdin' : 'flag', name, label } }]);
  };
  add('key', flags.key);
  add('baseUrl', flags.baseUrl);
  add('model', flags.model);
  return layer;
}

function envLayer(env: NodeJS.ProcessEnv): Layer {
  const layer: Layer = new Map();
  for (const name of ALL_NAMES) {
    const value = env[name];
    if (value !== undefined) layer.set(name, [{ value, source: { kind: 'env', name, label: `${name} in the environment` } }]);
  }
  return layer;
}

function dotenvLayer(input: DiscoverInput, files: ConfigFile[], findings: Finding[]): Layer {
  const layer: Layer = new Map();
  const file = path.resolve(input.cwd, input.envFile ?? '.env');
  const label = displayPath(file, input.cwd, input.home);
  const read = readConfigText(file);
  if (read.kind === 'absent') {
    if (input.envFile !== undefined) throw new UsageError(`--env-file ${input.envFile}: no such file`);
    files.push({ label, path: file, status: 'absent' });
    return layer;
  }
  if (read.kind === 'unreadable') {
    files.push({ label, path: file, status: 'unreadable' });
    findings.push(unreadable(label, read.reason, 'dotenv'));
    return layer;
  }
  files.push({ label, path: file, status: 'read' });
  // dotenv keeps the last assignment of a name: list it first, the earlier ones as overridden.
  for (const entry of parseDotenv(read.text).reverse()) {
    if (!ALL_NAMES.has(entry.name)) continue;
    const source: Source = { kind: 'dotenv', name: entry.name, file: label, path: file, line: entry.line, label: `${entry.name} in ${label}, line ${entry.line}` };
    layer.set(entry.name, [...(layer.get(entry.name) ?? []), { value: entry.value, source }]);
  }
  return layer;
}

/** Claude Code's settings files, highest precedence first: local, project, user. */
function claudeLayers(input: DiscoverInput, files: ConfigFile[], findings: Finding[]): Layer[] {
  const userDir = input.env.CLAUDE_CONFIG_DIR ? path.resolve(input.cwd, input.env.CLAUDE_CONFIG_DIR) : path.join(input.home, '.claude');
  const candidates = [path.join(input.cwd, '.claude', 'settings.local.json'), path.join(input.cwd, '.claude', 'settings.json'), path.join(userDir, 'settings.json')];
  // When the working folder is home, the project and user files are the same file: read it once, as the user's.
  const unique = candidates.filter((f, i) => candidates.lastIndexOf(f) === i);
  return unique.map((file) => {
    const layer: Layer = new Map();
    const label = file === path.join(userDir, 'settings.json') && !input.env.CLAUDE_CONFIG_DIR ? '~/.claude/settings.json' : displayPath(file, input.cwd, input.home);
    const read = readClaudeSettings(file);
    if (read.kind === 'absent') {
      files.push({ label, path: file, status: 'absent' });
      return layer;
    }
    if (read.kind === 'unreadable') {
      files.push({ label, path: file, status: 'unreadable' });
      findings.push(unreadable(label, read.reason, 'claude-settings'));
      return layer;
    }
    files.push({ label, path: file, status: 'read' });
    for (const entry of read.env) {
      if (!ALL_NAMES.has(entry.name)) continue;
      const where = entry.line ? `${label}, line ${entry.line}` : label;
      const source: Source = { kind: 'claude-settings', name: entry.name, file: label, path: file, label: `${entry.name} in ${where}` };
      if (entry.line) source.line = entry.line;
      layer.set(entry.name, [{ value: entry.value, source }]);
    }
    return layer;
  });
}

/** The same shadowing seen from two protocols (a RUAPI_* value) is reported once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.id}\0${f.title}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
