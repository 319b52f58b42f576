import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeSettingsUser } from '../../../src/config/sources/claude-settings.js';
import { claudeEnvironment, claudeLocal, claudeManaged, claudeProject, claudeUser } from '../../../src/config/tools/claude-code.js';
import { CLIENT_PRECEDENCE } from '../../../src/core/clients.js';
import { brief, place, read, toolFixture } from './helpers.js';

const CLAUDE = [claudeManaged, claudeLocal, claudeProject, claudeUser, claudeEnvironment];
const SETTINGS = toolFixture('claude-code', 'settings.json');

describe("Claude Code's settings, whole", () => {
  it('reads every model variable, the base URL, the key, API_TIMEOUT_MS, model and apiKeyHelper, with lines', () => {
    const [tool] = read(place({ home: { '.claude/settings.json': SETTINGS } }), CLAUDE);
    expect(tool).toMatchObject({ client: 'claude-code', scope: 'user', status: 'read', file: { label: '~/.claude/settings.json' } });
    expect(tool!.values.map((v) => ({ ...brief(v), slot: v.slot }))).toEqual([
      { name: 'model', value: 'opus', line: 2, role: 'model', slot: 'main' },
      { name: 'apiKeyHelper', value: '~/bin/print-ruapi-key.sh', line: 3, role: 'keyCommand', slot: undefined },
      { name: 'env.ANTHROPIC_BASE_URL', value: 'https://www.ruapi.ai', line: 5, role: 'baseUrl', slot: undefined },
      { name: 'env.ANTHROPIC_AUTH_TOKEN', value: 'sk-claude-settings-0123456789abcdef', line: 6, role: 'key', slot: undefined },
      { name: 'env.ANTHROPIC_MODEL', value: 'claude-opus-4-8', line: 7, role: 'model', slot: 'main' },
      { name: 'env.ANTHROPIC_DEFAULT_OPUS_MODEL', value: 'claude-opus-4-8', line: 8, role: 'model', slot: 'opus' },
      { name: 'env.ANTHROPIC_DEFAULT_SONNET_MODEL', value: 'claude-sonnet-4-6', line: 9, role: 'model', slot: 'sonnet' },
      { name: 'env.ANTHROPIC_DEFAULT_HAIKU_MODEL', value: 'claude-haiku-4-5', line: 10, role: 'model', slot: 'haiku' },
      { name: 'env.ANTHROPIC_SMALL_FAST_MODEL', value: 'claude-haiku-4-5', line: 11, role: 'model', slot: 'small-fast' },
      { name: 'env.CLAUDE_CODE_SUBAGENT_MODEL', value: 'claude-sonnet-4-6', line: 12, role: 'model', slot: 'subagent' },
      { name: 'env.API_TIMEOUT_MS', value: '3000000', line: 13, role: 'timeout', slot: undefined },
    ]);
    // ANTHROPIC_MODEL in env is what the session uses over the `model` setting.
    expect(tool!.endpoints).toMatchObject([
      { id: 'anthropic', protocol: 'anthropic', selected: true, model: { name: 'env.ANTHROPIC_MODEL' }, keyCommand: { value: '~/bin/print-ruapi-key.sh' }, key: { name: 'env.ANTHROPIC_AUTH_TOKEN' }, timeout: { value: '3000000' } },
    ]);
  });

  it('records apiKeyHelper but never runs it', () => {
    const home = place().home;
    const marker = path.join(home, 'helper-ran');
    read(place({ home: { '.claude/settings.json': JSON.stringify({ apiKeyHelper: `touch ${marker}; echo sk-x` }) } }), CLAUDE);
    expect(existsSync(marker)).toBe(false);
  });

  it('reads the managed settings read-only, then local, project and user settings, then the shell: the client’s own precedence', () => {
    const input = place(
      {
        system: { 'etc/claude-code/managed-settings.json': toolFixture('claude-code', 'managed-settings.json') },
        cwd: { '.claude/settings.local.json': '{"env": {"ANTHROPIC_MODEL": "local"}}', '.claude/settings.json': '{"env": {"ANTHROPIC_MODEL": "project"}}' },
        home: { '.claude/settings.json': '{"env": {"ANTHROPIC_MODEL": "user"}}' },
      },
      { ANTHROPIC_MODEL: 'shell', ANTHROPIC_DEFAULT_HAIKU_MODEL: 'shell-haiku', PATH: '/bin' },
    );
    const tools = read(input, CLAUDE);
    expect(tools.map((t) => [t.scope, t.file?.label, t.readOnly ?? false])).toEqual([
      ['managed', '/etc/claude-code/managed-settings.json', true],
      ['local', '.claude/settings.local.json', false],
      ['project', '.claude/settings.json', false],
      ['user', '~/.claude/settings.json', false],
      ['environment', undefined, false],
    ]);
    expect(tools.map((t) => t.scope)).toEqual(CLIENT_PRECEDENCE['claude-code']);
    expect(tools[4]!.values.map((v) => [v.name, v.value, v.source.label])).toEqual([
      ['ANTHROPIC_MODEL', 'shell', 'ANTHROPIC_MODEL in the environment'],
      ['ANTHROPIC_DEFAULT_HAIKU_MODEL', 'shell-haiku', 'ANTHROPIC_DEFAULT_HAIKU_MODEL in the environment'],
    ]);
  });

  it('reads the managed file where each platform keeps it', () => {
    const input = place();
    expect(['linux', 'darwin', 'win32'].map((platform) => claudeManaged.file!({ ...input, platform: platform as NodeJS.Platform })?.label)).toEqual([
      '/etc/claude-code/managed-settings.json',
      '/Library/Application Support/ClaudeCode/managed-settings.json',
      'C:\\ProgramData\\ClaudeCode\\managed-settings.json',
    ]);
  });

  it("says what the doctor's settings source says of a broken file", () => {
    const input = place({ home: { '.claude/settings.json': '{"env": {"ANTHROPIC_API_KEY": sk-secret-value}}' } });
    const [tool] = read(input, CLAUDE);
    const doctorSays = claudeSettingsUser.read(input, claudeSettingsUser.file!(input));
    expect(tool).toMatchObject({ status: 'unreadable', reason: (doctorSays as { reason: string }).reason });
    expect(JSON.stringify(tool)).not.toContain('secret');
  });
});
