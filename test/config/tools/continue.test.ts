import { describe, expect, it } from 'vitest';
import { continueUser } from '../../../src/config/tools/continue.js';
import { brief, place, read, toolFixture } from './helpers.js';

describe("Continue's config.yaml source", () => {
  it('reads every model: provider, model, apiBase, apiKey (a secret reference as the variable), roles and request options, with lines', () => {
    const [tool] = read(place({ home: { '.continue/config.yaml': toolFixture('continue', 'config.yaml') } }), [continueUser]);
    expect(tool).toMatchObject({ client: 'continue', scope: 'user', status: 'read', file: { label: '~/.continue/config.yaml' } });
    expect(tool!.values.map(brief)).toEqual([
      { name: 'models[0].provider', value: 'openai', line: 9, role: 'protocol' },
      { name: 'models[0].model', value: 'gpt-5.4', line: 10, role: 'model' },
      { name: 'models[0].apiBase', value: 'https://www.ruapi.ai/v1', line: 11, role: 'baseUrl' },
      { name: 'models[0].apiKey', value: { fromEnv: 'RUAPI_API_KEY' }, line: 12, role: 'key' },
      { name: 'models[0].requestOptions.timeout', value: '600', line: 17, role: 'timeout' },
      { name: 'models[0].requestOptions.headers.X-Title', value: 'ruapi-test', line: 19, role: 'header' },
      { name: 'models[1].provider', value: 'anthropic', line: 21, role: 'protocol' },
      { name: 'models[1].model', value: 'claude-sonnet-4-6', line: 22, role: 'model' },
      { name: 'models[1].apiBase', value: 'https://www.ruapi.ai/v1/', line: 24, role: 'baseUrl' },
      { name: 'models[1].apiKey', value: 'sk-continue-literal-0123456789abcdef', line: 25, role: 'key' },
    ]);
    expect(tool!.endpoints.map((e) => [e.id, e.protocol, e.roles])).toEqual([
      ['RuAPI GPT-4o', 'openai', ['chat', 'edit']],
      ['RuAPI Claude', 'anthropic', ['chat']],
    ]);
  });

  it('follows CONTINUE_GLOBAL_DIR', () => {
    const input = place({ cwd: { 'cont/config.yaml': 'models:\n  - provider: openai\n    apiBase: https://www.ruapi.ai/v1\n' } });
    input.env = { CONTINUE_GLOBAL_DIR: 'cont' };
    expect(read(input, [continueUser]).map((t) => [t.file?.label, t.endpoints[0]?.baseUrl?.source.line])).toEqual([['cont/config.yaml', 3]]);
  });

  it("is unreadable with the parser's line and column, never quoting the file", () => {
    const [tool] = read(place({ home: { '.continue/config.yaml': toolFixture('continue', 'broken.yaml') } }), [continueUser]);
    expect(tool).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/^it is not valid YAML: .+ \(line \d+, column \d+\)$/) });
    expect(JSON.stringify(tool)).not.toContain('sk-continue');
  });
});
