import { describe, expect, it } from 'vitest';
import { aiderConf, aiderEnv } from '../../../src/config/tools/aider.js';
import { brief, place, read, toolFixture } from './helpers.js';

const AIDER = [...aiderConf, ...aiderEnv];

describe("aider's .aider.conf.yml and .env sources", () => {
  it('reads .aider.conf.yml: model, weak-model, the OpenAI base and keys, timeout and set-env, with lines', () => {
    const [tool] = read(place({ home: { '.aider.conf.yml': toolFixture('aider', 'aider.conf.yml') } }), AIDER);
    expect(tool).toMatchObject({ client: 'aider', scope: 'home', status: 'read', file: { label: '~/.aider.conf.yml' } });
    expect(tool!.values.map(brief)).toEqual([
      { name: 'model', value: 'openai/gpt-5.4', line: 8, role: 'model' },
      { name: 'weak-model', value: 'openai/gpt-5.4-mini', line: 11, role: 'model' },
      { name: 'openai-api-key', value: 'sk-aider-literal-0123456789abcdef', line: 14, role: 'key' },
      { name: 'anthropic-api-key', value: 'sk-aider-anthropic-0123456789abcd', line: 17, role: 'key' },
      { name: 'openai-api-base', value: 'https://www.ruapi.ai/v1', line: 20, role: 'baseUrl' },
      { name: 'timeout', value: '600', line: 23, role: 'timeout' },
      { name: 'set-env OPENAI_API_BASE', value: 'https://www.ruapi.ai/v1', line: 27, role: 'baseUrl' },
    ]);
    // The model's openai/ prefix selects the OpenAI-compatible endpoint; the request names the id without it.
    expect(tool!.endpoints.map((e) => [e.id, e.selected, e.baseUrl?.name, e.key?.name, e.model?.value])).toEqual([
      ['openai', true, 'openai-api-base', 'openai-api-key', 'gpt-5.4'],
      ['anthropic', false, undefined, 'anthropic-api-key', undefined],
    ]);
  });

  it('reads the working folder, git root and home files in that precedence (aider loads home first, so the working folder wins)', () => {
    const input = place({ cwd: { '.git/HEAD': '', 'sub/.aider.conf.yml': toolFixture('aider', 'cwd.aider.conf.yml'), '.aider.conf.yml': 'model: openai/root\n' }, home: { '.aider.conf.yml': 'model: openai/home\n' } });
    const deep = { ...input, cwd: `${input.cwd}/sub` };
    expect(read(deep, AIDER).map((t) => [t.scope, t.values[0]?.value])).toEqual([
      ['cwd', 'anthropic/claude-sonnet-4-6'],
      ['git-root', 'openai/root'],
      ['home', 'openai/home'],
    ]);
    expect(read(deep, AIDER)[0]!.endpoints).toEqual([]);
  });

  it('reads the .env files aider loads: the OpenAI variables and AIDER_* options, the last assignment of a name', () => {
    const env = `${toolFixture('aider', 'aider.env')}OPENAI_API_KEY=sk-aider-dotenv-later-0123456789ab\nUNRELATED=1\n`;
    const [tool] = read(place({ cwd: { '.env': env } }), AIDER);
    expect(tool).toMatchObject({ scope: 'cwd .env', file: { label: '.env' } });
    expect(tool!.values.map(brief)).toEqual([
      { name: 'AIDER_MODEL', value: 'openai/gpt-5.4-mini', line: 7, role: 'model' },
      { name: 'OPENAI_API_BASE', value: 'https://www.ruapi.ai', line: 10, role: 'baseUrl' },
      { name: 'OPENAI_API_KEY', value: 'sk-aider-dotenv-later-0123456789ab', line: 12, role: 'key' },
    ]);
    expect(tool!.endpoints[0]).toMatchObject({ id: 'openai', selected: true, baseUrl: { value: 'https://www.ruapi.ai' } });
  });

  it("is unreadable with the parser's line and column", () => {
    const [tool] = read(place({ cwd: { '.aider.conf.yml': 'model: openai/gpt-5.4\n  openai-api-key: [sk-x\n' } }), AIDER);
    expect(tool).toMatchObject({ status: 'unreadable', reason: 'it is not valid YAML: nested mappings are not allowed in compact mappings (line 1, column 8)' });
    expect(JSON.stringify(tool)).not.toContain('sk-x');
  });
});
