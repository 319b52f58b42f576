import { path } from '../../core/path.js';
import { KEY_PLACEHOLDER } from '../../core/ruapi.js';
import type { DiscoverInput } from '../types.js';
import { displayPath, readConfigText } from '../files.js';
import { readEnvBlock, setSettingsEnv } from '../formats/json-env.js';
import { fileAndLine, type ConfigSource, type SourceFile, type SourceKind, type SourceRead } from './contract.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

const KIND = 'claude-settings';

const line = (name: string, value: string | undefined) => `${JSON.stringify(name)}: ${JSON.stringify(value ?? KEY_PLACEHOLDER)}`;

/**
 * The `env` block of Claude Code's settings, which Claude Code applies to itself: three files,
 * highest precedence first `.claude/settings.local.json` and `.claude/settings.json` in the working
 * folder, then the user's `~/.claude/settings.json` (`$CLAUDE_CONFIG_DIR/settings.json` when set).
 */
/** Claude Code's own model aliases, which it expands itself. */
const MODEL_ALIASES: readonly string[] = ['sonnet', 'opus', 'haiku', 'opusplan', 'default'];

const claudeSettings: SourceKind = {
  kind: KIND,
  get title() {
    return t('config.title.claude-settings');
  },
  variables: true,
  suggest: { rank: 3, protocols: ['anthropic'] },
  line,
  assignment: (source, value) => t('config.claude.assignment', { line: line(source.name, value), file: `${source.file}` }),
  place: (source) => t('config.label.file', { name: source.name, file: fileAndLine(source) }),
  holder: (source) => source.file ?? source.label,
  form: ({ variable, value }) =>
    variable === undefined
      ? undefined
      : {
          kind: KIND,
          label: value === undefined ? t('config.claude.form.key', { placeholder: KEY_PLACEHOLDER }) : t('config.claude.form'),
          text: `"env": {\n  ${line(variable, value)}\n}`,
        },
  edit: (text, source, value) => setSettingsEnv(text, source.name, value),
  repair: (label) => t('config.claude.repair', { label }),
  get notes() {
    return {
      overridden: t('config.claude.overridden'),
      modelAliases: { ids: MODEL_ALIASES, note: t('config.claude.model-alias') },
    };
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
        label: entry.line ? t('config.label.file-line', { name: entry.name, file: file.label, line: entry.line }) : t('config.label.file', { name: entry.name, file: file.label }),
        ...(entry.line ? { line: entry.line } : {}),
      },
    })),
  };
}

/**
 * One scope's file, with the kind's description: built on it as a prototype, not spread from it, so
 * that its words (getters) are said in the language of the run, not the one of module load.
 */
const at = (scope: Scope): ConfigSource =>
  Object.assign(Object.create(claudeSettings) as SourceKind, { file: (input: DiscoverInput) => settingsFile(scope, input), read: (_input: DiscoverInput, file: SourceFile | undefined) => readSettings(file!) });

export const claudeSettingsLocal = at('local');
export const claudeSettingsProject = at('project');
export const claudeSettingsUser = at('user');
