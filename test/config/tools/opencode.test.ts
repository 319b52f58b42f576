import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { opencodeCustom, opencodeGlobal, opencodeManaged, opencodeProject } from '../../../src/config/tools/opencode.js';
import { brief, place, read, toolFixture } from './helpers.js';

const OPENCODE = [opencodeManaged, opencodeProject, opencodeCustom, opencodeGlobal];
const CONFIG = toolFixture('opencode', 'opencode.jsonc');

describe("opencode's opencode.json source", () => {
  it('reads a project opencode.jsonc, comments and trailing commas included, with the line of every value', () => {
    const [tool, ...more] = read(place({ cwd: { 'opencode.jsonc': CONFIG } }), OPENCODE);
    expect(more).toEqual([]);
    expect(tool).toMatchObject({ client: 'opencode', scope: 'project', status: 'read', file: { label: 'opencode.jsonc' } });
    expect(tool!.values.map(brief)).toEqual([
      { name: 'model', value: 'ruapi/gpt-5.4', line: 6, role: 'model' },
      { name: 'small_model', value: 'ruapi-claude/claude-haiku-4-5', line: 7, role: 'model' },
      { name: 'provider.ruapi.npm', value: '@ai-sdk/openai-compatible', line: 10, role: 'protocol' },
      { name: 'provider.ruapi.options.baseURL', value: 'https://www.ruapi.ai/v1', line: 13, role: 'baseUrl' },
      { name: 'provider.ruapi.options.apiKey', value: { fromEnv: 'RUAPI_API_KEY' }, line: 14, role: 'key' },
      { name: 'provider.ruapi.options.headers.X-Title', value: 'ruapi-test', line: 15, role: 'header' },
      { name: 'provider.ruapi-claude.npm', value: '@ai-sdk/anthropic', line: 21, role: 'protocol' },
      { name: 'provider.ruapi-claude.options.baseURL', value: 'https://www.ruapi.ai/v1', line: 23, role: 'baseUrl' },
      // {file:…} is the path of the file holding the key, kept as written.
      { name: 'provider.ruapi-claude.options.apiKey', value: '{file:~/.secrets/ruapi-key}', line: 24, role: 'key' },
      { name: 'provider.ruapi-claude.options.timeout', value: '600000', line: 25, role: 'timeout' },
    ]);
  });

  it("takes each provider's protocol from its npm package and the selected one from the model's prefix", () => {
    const [tool] = read(place({ cwd: { 'opencode.jsonc': CONFIG } }), OPENCODE);
    expect(tool!.endpoints.map((e) => ({ id: e.id, protocol: e.protocol, selected: e.selected, model: e.model?.value, baseUrl: e.baseUrl?.value }))).toEqual([
      { id: 'ruapi', protocol: 'openai', selected: true, model: 'gpt-5.4', baseUrl: 'https://www.ruapi.ai/v1' },
      { id: 'ruapi-claude', protocol: 'anthropic', selected: false, model: undefined, baseUrl: 'https://www.ruapi.ai/v1' },
    ]);
    // A built-in provider id without npm: anthropic is @ai-sdk/anthropic.
    const [builtIn] = read(place({ cwd: { 'opencode.json': '{"provider": {"anthropic": {"options": {"baseURL": "https://www.ruapi.ai/v1"}}}}' } }), OPENCODE);
    expect(builtIn!.endpoints[0]).toMatchObject({ id: 'anthropic', protocol: 'anthropic' });
  });

  it('reads the global ~/.config/opencode/opencode.json (under XDG_CONFIG_HOME when set), OPENCODE_CONFIG and the managed file', () => {
    const input = place({ home: { '.config/opencode/opencode.json': '{"model": "a/b"}' }, cwd: { 'custom.json': '{"model": "c/d"}' }, system: { 'etc/opencode/opencode.json': '{"model": "e/f"}' } });
    input.env = { OPENCODE_CONFIG: 'custom.json' };
    expect(read(input, OPENCODE).map((t) => [t.scope, t.file?.label, t.readOnly ?? false, t.values[0]?.value])).toEqual([
      ['managed', '/etc/opencode/opencode.json', true, 'e/f'],
      ['custom', 'custom.json', false, 'c/d'],
      ['global', '~/.config/opencode/opencode.json', false, 'a/b'],
    ]);
    const xdg = place({ cwd: { 'xdg/opencode/opencode.jsonc': '{"model": "x/y"}' } });
    xdg.env = { XDG_CONFIG_HOME: 'xdg' };
    expect(read(xdg, OPENCODE).map((t) => t.file?.label)).toEqual(['xdg/opencode/opencode.jsonc']);
  });

  it('finds the project config above the working folder, up to the git root and no further', () => {
    const input = place({ cwd: { '.git/HEAD': 'ref: refs/heads/main\n', 'opencode.json': '{"model": "root/m"}', 'pkg/src/.keep': '' } });
    const deep = { ...input, cwd: path.join(input.cwd, 'pkg', 'src') };
    expect(read(deep, OPENCODE).map((t) => [t.scope, t.file?.path])).toEqual([['project', path.join(input.cwd, 'opencode.json')]]);
    const outside = place({ cwd: { 'opencode.json': '{"model": "above/m"}', 'repo/.git/HEAD': '' } });
    expect(read({ ...outside, cwd: path.join(outside.cwd, 'repo') }, OPENCODE)).toEqual([]);
  });

  it("is unreadable with the parser's line and column, never quoting the file", () => {
    const [tool] = read(place({ cwd: { 'opencode.json': toolFixture('opencode', 'broken.json') } }), OPENCODE);
    expect(tool).toMatchObject({ status: 'unreadable', reason: 'it is not valid JSON (comments allowed): an unexpected character (a value without quotes, or a stray character) (line 4, column 39)' });
    expect(JSON.stringify(tool)).not.toContain('sk-opencode');
  });
});
