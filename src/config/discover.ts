import type { Finding, Protocol } from '../core/finding.js';
import { BEARER_KEY_VARIABLE, type Field } from '../core/ruapi.js';
import { protocolName } from '../core/text.js';
import { CONFIG } from '../lang/en/config.js';
import { messages } from '../lang/t.js';
import { keyOnCommandLine, protocolGuessed, shadowed, unreadable } from './findings.js';
import { guessProtocol } from './protocol.js';
import { looksLikeKey } from '../core/keys.js';
import { urlSecrets } from '../core/urls.js';
import { referencedVariable } from './sources/environment.js';
import { kindOf, PRECEDENCE, type ConfigSource, type Setting } from './sources/index.js';
import { readTools, type ToolConfig, type ToolSource } from './tools/index.js';
import type { ConfigFile, ConfigFlags, DiscoverInput, Source, Sourced, TargetConfig } from './types.js';
import { fieldOrder, meaningOf, rankOf } from './variables.js';

export type { ConfigFlags, DiscoverInput } from './types.js';

const t = messages(CONFIG);

// Here rather than in ./types.ts: the API's shipped types reach ./types.ts, and the tools' types
// need not ship with them while no API result holds them.

/** Everything discovery found: one target per protocol configured, plus notes (unreadable files, shadowing). */
export interface ResolvedConfig {
  targets: TargetConfig[];
  /**
   * What each coding tool's own config files say (Codex, opencode, Qwen Code, Continue, aider,
   * Claude Code), one entry per file found: reported, not yet judged. They change no target,
   * finding or verdict.
   */
  tools?: ToolConfig[];
  findings: Finding[];
  /** Files looked at, in precedence order. */
  files?: ConfigFile[];
  /** Every key value seen in any source (including shadowed ones), for redaction. Never output. */
  secrets?: string[];
  /** What each source read, by its kind (`flag`, `env`, `dotenv` …), highest first: the clients' profiles pick from these. */
  raw?: Array<{ kind: string; settings: Setting[] }>;
}

/** A value one source gives, with what it configures: `rank` orders the names for one thing (OPENAI_BASE_URL before OPENAI_API_BASE). */
interface Candidate {
  value: string;
  source: Source;
  field: Field;
  protocol: Protocol | 'ruapi';
  rank: number;
}

/** The values of one source, in the order it gives them. */
type Layer = Candidate[];

/**
 * Finds every configuration value and where it came from, reading the sources in precedence order
 * (src/config/sources/index.ts): flags, the environment, the .env file, Claude Code's settings
 * (local, project, user). Reads files only; never prints, never writes. Throws UsageError only for
 * an --env-file that does not exist. `sources` replaces the table (for tests).
 *
 * It also reads the coding tools' own config files (src/config/tools/) and reports them as
 * `tools`, without letting them change a target, a finding or the verdict; their keys join
 * `secrets`. `toolSources` replaces that list (for tests).
 */
export function discoverConfig(input: DiscoverInput & { sources?: readonly ConfigSource[]; toolSources?: readonly ToolSource[] }): ResolvedConfig {
  const findings: Finding[] = [];
  const files: ConfigFile[] = [];
  const raw: NonNullable<ResolvedConfig['raw']> = [];
  const layers = readSources(input, input.sources ?? PRECEDENCE, files, findings, raw);
  const all = layers.flat();

  // The names set for a protocol, key first, then base URL, then model: "set by OPENAI_API_KEY, OPENAI_BASE_URL".
  const present = (p: Protocol) =>
    unique(
      all
        .filter((c) => c.protocol === p && c.value.trim() !== '')
        .sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field) || a.rank - b.rank)
        .map((c) => c.source.name),
    );

  const ruapiBase = all.find((c) => c.protocol === 'ruapi' && c.field === 'baseUrl');
  const plan = planTargets(input.flags, ruapiBase, { openai: present('openai'), anthropic: present('anthropic') });

  const targets: TargetConfig[] = plan.map(({ protocol, guessed, why }) => {
    const pick = (field: Field): Sourced | undefined => {
      const serves = (c: Candidate) =>
        c.field === field && (c.protocol === protocol || (c.protocol === 'ruapi' && (field !== 'baseUrl' || protocol === plan.ruapiBaseProtocol)));
      // Within one source, ruapi's own variable first, then the protocol's in the order listed.
      const ruapiFirst = (c: Candidate) => (c.protocol === 'ruapi' ? 0 : 1);
      const [first, ...rest] = layers.flatMap((layer) => layer.filter(serves).sort((a, b) => ruapiFirst(a) - ruapiFirst(b) || a.rank - b.rank)).map(sourced);
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
      auth: protocol === 'anthropic' && key?.source.name !== BEARER_KEY_VARIABLE ? 'x-api-key' : 'bearer',
    };
    if (key) target.key = key;
    const baseUrl = pick('baseUrl');
    if (baseUrl) target.baseUrl = baseUrl;
    const model = pick('model');
    if (model) target.model = model;
    if (guessed) findings.push(protocolGuessed(protocol, why, protocolName(protocol)));
    return target;
  });

  if (input.flags.key !== undefined && input.flags.keyFrom !== 'stdin') findings.push(keyOnCommandLine());

  const tools = input.readFiles === false ? [] : readTools(input, input.toolSources);
  // Key values are secret whatever they hold; a key pasted into another variable is too, and so
  // are a base URL's user info, query values, fragment and token-like path segments.
  const candidates = layers.flatMap((layer) => byName(layer));
  const secrets = unique([
    ...candidates.filter((c) => c.field === 'key' || looksLikeKey(c.value)).map((c) => c.value),
    ...candidates.filter((c) => c.field === 'baseUrl').flatMap((c) => urlSecrets(c.value)),
    ...toolSecrets(tools, input.env),
  ]);
  return { targets, findings: dedupe(findings), files, secrets, tools, raw };
}

/**
 * Reads each source, recording the files looked at and those that could not be read. A file two
 * sources name (the project's Claude Code settings when the working folder is home) is read once,
 * by the later, more general source. `readFiles: false` skips every source that reads a file.
 */
function readSources(input: DiscoverInput, sources: readonly ConfigSource[], files: ConfigFile[], findings: Finding[], raw: NonNullable<ResolvedConfig['raw']>): Layer[] {
  const active = input.readFiles === false ? sources.filter((s) => !s.file) : sources;
  const at = active.map((s) => s.file?.(input));
  return active.map((source, i) => {
    const file = at[i];
    if (file && at.slice(i + 1).some((later) => later?.path === file.path)) return [];
    const read = source.read(input, file);
    if (file) files.push({ label: file.label, path: file.path, status: read.status });
    if (read.status === 'unreadable') {
      const label = file?.label ?? source.title ?? source.kind;
      findings.push(unreadable(label, read.reason, read.fix ?? source.repair?.(label) ?? t('config.repair', { label })));
    }
    if (read.status !== 'read') return [];
    raw.push({ kind: source.kind, settings: read.settings });
    return read.settings.flatMap((s) => candidate(s, input.env));
  });
}

/** A setting as a value for a field; a name no client reads, or a variable named but not set, gives none. */
function candidate(setting: Setting, env: NodeJS.ProcessEnv): Candidate[] {
  const meaning = setting.means ?? meaningOf(setting.source.name);
  if (!meaning) return [];
  const held = typeof setting.value === 'string' ? { value: setting.value, source: setting.source } : referencedVariable(setting.value.fromEnv, env, setting.source);
  return held ? [{ ...held, ...meaning, rank: rankOf(meaning, setting.source.name) }] : [];
}

const sourced = (c: Candidate): Sourced => ({ value: c.value, source: c.source });

/** The keys the tools' files hold, or name a variable for, and key-shaped values anywhere in them. */
function toolSecrets(tools: ToolConfig[], env: NodeJS.ProcessEnv): string[] {
  return tools.flatMap((t) =>
    t.values.flatMap((v) => {
      const text = typeof v.value === 'string' ? v.value : env[v.value.fromEnv];
      return text !== undefined && text !== '' && (v.role === 'key' || looksLikeKey(text)) ? [text] : [];
    }),
  );
}

/** A layer's values grouped by name, in the order the names first appear. */
const byName = (layer: Layer): Layer => {
  const names = unique(layer.map((c) => c.source.name));
  return names.flatMap((n) => layer.filter((c) => c.source.name === n));
};

const unique = <T>(items: T[]): T[] => [...new Set(items)];

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
  ruapiBase: { value: string; source: Source } | undefined,
  present: Record<Protocol, string[]>,
): PlannedTarget[] & { ruapiBaseProtocol?: Protocol } {
  const setBy = (p: Protocol) => t('config.protocol.set-by', { names: present[p].filter((n, i, a) => a.indexOf(n) === i).join(', ') });
  let plan: PlannedTarget[];
  let ruapiBaseProtocol: Protocol | undefined;
  if (flags.protocol) {
    plan = [{ protocol: flags.protocol, guessed: false, why: flags.protocolFrom === 'prompt' ? t('config.protocol.prompt') : t('config.protocol.flag') }];
    ruapiBaseProtocol = flags.protocol;
  } else if (ruapiBase && ruapiBase.value.trim() !== '') {
    const p = guessProtocol(ruapiBase.value);
    ruapiBaseProtocol = p;
    const guess = () => t(p === 'openai' ? 'config.protocol.guessed.openai' : 'config.protocol.guessed.anthropic', { label: ruapiBase.source.label });
    const guessed = { protocol: p, guessed: present[p].length === 0, why: present[p].length > 0 ? setBy(p) : guess() };
    const others = kindOf(ruapiBase.source).narrows ? [] : (['openai', 'anthropic'] as const).filter((q) => q !== p && present[q].length > 0);
    plan = [guessed, ...others.map((q) => ({ protocol: q, guessed: false, why: setBy(q) }))];
    plan.sort((a, b) => order(a.protocol) - order(b.protocol));
  } else {
    plan = (['openai', 'anthropic'] as const).filter((p) => present[p].length > 0).map((p) => ({ protocol: p, guessed: false, why: setBy(p) }));
    if (plan.length === 0) plan = [{ protocol: 'openai', guessed: true, why: t('config.protocol.nothing') }];
  }
  return Object.assign(plan, { ruapiBaseProtocol });
}

const order = (p: Protocol) => (p === 'openai' ? 0 : 1);

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
