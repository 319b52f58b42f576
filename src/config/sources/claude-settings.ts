import path from 'node:path';
import { KEY_PLACEHOLDER } from '../../core/ruapi.js';
import type { DiscoverInput } from '../types.js';
import { displayPath, readConfigText } from '../files.js';
import { readEnvBlock, setSettingsEnv } from '../formats/json-env.js';
import { fileAndLine, type ConfigSource, type SourceFile, type SourceKind, type SourceRead } from './contract.js';

const KIND = 'claude-settings';

const line = (name: string, value: string | undefined) => `${JSON.stringify(name)}: ${JSON.stringify(value ?? KEY_PLACEHOLDER)}`;

/**
 * The `env` block of Claude Code's settings, which Claude Code applies to itself: three files,
 * highest precedence first `.claude/settings.local.json` and `.claude/settings.json` in the working
 * folder, then the user's `~/.claude/settings.json` (`$CLAUDE_CONFIG_DIR/settings.json` when set).
 */
const claudeSettings: SourceKind = {
  kind: KIND,
  title: "Claude Code's settings",
  variables: true,
  suggest: { rank: 3, protocols: ['anthropic'] },
  line,
  assignment: (source, value) => `${line(source.name, value)}   (the "env" block of ${source.file})`,
  place: (source) => `${source.name} in ${fileAndLine(source)}`,
  holder: (source) => source.file ?? source.label,
  form: ({ variable, value }) =>
    variable === undefined
      ? undefined
      : {
          kind: KIND,
          label: `Claude Code settings.json, inside "env"${value === undefined ? ` (replace ${KEY_PLACEHOLDER} with your key)` : ''}`,
          text: `"env": {\n  ${line(variable, value)}\n}`,
        },
  edit: (text, source, value) => setSettingsEnv(text, source.name, value),
  repair: (label) => `Repair the JSON in ${label} (or remove the file if you do not use it), then run the doctor again.`,
  notes: {
    overridden: "The doctor checks the first value, as an SDK reading the environment would. Claude Code applies its settings' env block itself, so it may use the other one: make them agree.",
    modelAliases: {
      ids: ['sonnet', 'opus', 'haiku', 'opusplan', 'default'],
      note: 'Claude Code turns this alias into its own default id, which RuAPI may not list under that name. RuAPI accepts exact ids only.',
    },
  },
};

type Scope = 'local' | 'project' | 'user';

const userDir = ({ env, cwd, home }: DiscoverInput) => (env.CLAUDE_CONFIG_DIR ? path.resolve(cwd, env.CLAUDE_CONFIG_DIR) : path.join(home, '.claude'));

function settingsFile(scope: Scope, input: DiscoverInput): SourceFile {
  const user = path.join(userDir(input), 'settings.json');
  const file = scope === 'local' ? path.join(input.cwd, '.claude', 'settings.local.json') : scope === 'project' ? path.join(input.cwd, '.claude', 'settings.json') : user;
  return { path: file, label: file === user && !input.env.CLAUDE_CONFIG_DIR ? '~/.claude/settings.json' : displayPath(file, input.cwd, input.home) };
}

function readSettings(file: SourceFile): SourceRead {
  const read = readConfigText(file.path);
  if (read.kind !== 'text') return read.kind === 'absent' ? { status: 'absent' } : { status: 'unreadable', reason: read.reason, ...(read.fix ? { fix: read.fix } : {}) };
  const block = readEnvBlock(read.text);
  if ('error' in block) return { status: 'unreadable', reason: block.error };
  return {
    status: 'read',
    settings: block.entries.map((entry) => ({
      value: entry.value,
      source: {
        kind: KIND,
        name: entry.name,
        file: file.label,
        path: file.path,
        label: `${entry.name} in ${entry.line ? `${file.label}, line ${entry.line}` : file.label}`,
        ...(entry.line ? { line: entry.line } : {}),
      },
    })),
  };
}

const at = (scope: Scope): ConfigSource => ({ ...claudeSettings, file: (input) => settingsFile(scope, input), read: (_input, file) => readSettings(file!) });

export const claudeSettingsLocal = at('local');
export const claudeSettingsProject = at('project');
export const claudeSettingsUser = at('user');
