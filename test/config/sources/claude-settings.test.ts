import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeSettingsLocal, claudeSettingsProject, claudeSettingsUser } from '../../../src/config/sources/claude-settings.js';
import type { ConfigSource } from '../../../src/config/sources/index.js';
import type { DiscoverInput } from '../../../src/config/types.js';
import { tempDir } from '../../helpers/cli.js';

const SETTINGS = '{\n  "model": "opus",\n  "env": {\n    "ANTHROPIC_BASE_URL": "https://www.ruapi.ai",\n    "ANTHROPIC_AUTH_TOKEN": "sk-abc",\n    "MAX_THINKING_TOKENS": 1024\n  }\n}\n';
const read = (source: ConfigSource, i: DiscoverInput) => source.read(i, source.file!(i));

describe("Claude Code's settings source", () => {
  it('names the local, project and user files, the user one as ~/.claude/settings.json or under CLAUDE_CONFIG_DIR', () => {
    const cwd = tempDir();
    const home = tempDir();
    const i: DiscoverInput = { flags: {}, env: {}, cwd, home };
    expect([claudeSettingsLocal, claudeSettingsProject, claudeSettingsUser].map((s) => s.file!(i))).toEqual([
      { path: path.join(cwd, '.claude', 'settings.local.json'), label: '.claude/settings.local.json' },
      { path: path.join(cwd, '.claude', 'settings.json'), label: '.claude/settings.json' },
      { path: path.join(home, '.claude', 'settings.json'), label: '~/.claude/settings.json' },
    ]);
    expect(claudeSettingsUser.file!({ ...i, env: { CLAUDE_CONFIG_DIR: `${home}/cfg` } })).toEqual({ path: path.join(home, 'cfg', 'settings.json'), label: '~/cfg/settings.json' });
  });

  it('reads the env block with the line of each variable', () => {
    const home = tempDir({ '.claude/settings.json': SETTINGS });
    const r = read(claudeSettingsUser, { flags: {}, env: {}, cwd: tempDir(), home });
    if (r.status !== 'read') throw new Error(JSON.stringify(r));
    expect(r.settings.map((s) => [s.value, s.source])).toEqual([
      ['https://www.ruapi.ai', { kind: 'claude-settings', name: 'ANTHROPIC_BASE_URL', file: '~/.claude/settings.json', path: path.join(home, '.claude/settings.json'), label: 'ANTHROPIC_BASE_URL in ~/.claude/settings.json, line 4', line: 4 }],
      ['sk-abc', { kind: 'claude-settings', name: 'ANTHROPIC_AUTH_TOKEN', file: '~/.claude/settings.json', path: path.join(home, '.claude/settings.json'), label: 'ANTHROPIC_AUTH_TOKEN in ~/.claude/settings.json, line 5', line: 5 }],
      ['1024', expect.objectContaining({ name: 'MAX_THINKING_TOKENS', line: 6 })],
    ]);
  });

  it('is absent without the file, and unreadable, without quoting it, when the JSON is broken', () => {
    const cwd = tempDir({ '.claude/settings.json': '{"env": {"ANTHROPIC_API_KEY": sk-secret-value}}' });
    const i: DiscoverInput = { flags: {}, env: {}, cwd, home: tempDir() };
    expect(read(claudeSettingsLocal, i)).toEqual({ status: 'absent' });
    const r = read(claudeSettingsProject, i);
    expect(r).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/^it is not valid JSON: .*\(line 1, column \d+\)$/) });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(claudeSettingsProject.repair!('.claude/settings.json')).toBe('Repair the JSON in .claude/settings.json (or remove the file if you do not use it), then run the doctor again.');
  });

  it('writes an env entry, suggests it for the Anthropic protocol, and edits only that value', () => {
    const source = { kind: 'claude-settings', name: 'ANTHROPIC_BASE_URL', file: '.claude/settings.json', line: 4, label: 'x' };
    expect(claudeSettingsUser.assignment(source, 'https://www.ruapi.ai')).toBe('"ANTHROPIC_BASE_URL": "https://www.ruapi.ai"   (the "env" block of .claude/settings.json)');
    expect(claudeSettingsUser.place(source)).toBe('ANTHROPIC_BASE_URL in .claude/settings.json, line 4');
    expect(claudeSettingsUser.suggest).toEqual({ rank: 3, protocols: ['anthropic'] });
    expect(claudeSettingsUser.form!({ field: 'key', value: undefined, variable: 'ANTHROPIC_AUTH_TOKEN' }, { protocol: 'anthropic', shell: 'posix' })).toEqual({
      kind: 'claude-settings',
      label: 'Claude Code settings.json, inside "env" (replace sk-... with your key)',
      text: '"env": {\n  "ANTHROPIC_AUTH_TOKEN": "sk-..."\n}',
    });
    expect(claudeSettingsUser.edit!(SETTINGS, source, 'https://www.ruapi.ai/x')).toEqual({ after: SETTINGS.replace('"https://www.ruapi.ai"', '"https://www.ruapi.ai/x"'), line: 4, action: 'replaced' });
  });

  it("knows Claude Code's model aliases and that Claude Code applies its env block itself", () => {
    expect(claudeSettingsUser.notes?.modelAliases?.ids).toContain('opus');
    expect(claudeSettingsUser.notes?.overridden).toMatch(/Claude Code applies its settings' env block itself/);
  });
});
