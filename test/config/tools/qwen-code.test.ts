import { describe, expect, it } from 'vitest';
import { qwenProject, qwenSystem, qwenUser } from '../../../src/config/tools/qwen-code.js';
import { brief, place, read, toolFixture } from './helpers.js';

const QWEN = [qwenSystem, qwenProject, qwenUser];

describe("Qwen Code's settings.json source", () => {
  it('reads modelProviders entries (id, baseUrl, envKey as the variable, generationConfig), model.name and selectedType, with lines', () => {
    const [tool, ...more] = read(place({ home: { '.qwen/settings.json': toolFixture('qwen-code', 'settings.json') } }), QWEN);
    expect(more).toEqual([]);
    expect(tool).toMatchObject({ client: 'qwen-code', scope: 'user', status: 'read', file: { label: '~/.qwen/settings.json' } });
    expect(tool!.values.map(brief)).toEqual([
      { name: 'modelProviders.openai[0].id', value: 'gpt-5.4', line: 10, role: 'model' },
      { name: 'modelProviders.openai[0].envKey', value: { fromEnv: 'RUAPI_API_KEY' }, line: 12, role: 'key' },
      { name: 'modelProviders.openai[0].baseUrl', value: 'https://www.ruapi.ai/v1', line: 13, role: 'baseUrl' },
      { name: 'modelProviders.openai[0].generationConfig.timeout', value: '60000', line: 15, role: 'timeout' },
      { name: 'modelProviders.openai[0].generationConfig.customHeaders.X-Client-Request-ID', value: 'req-123', line: 16, role: 'header' },
      { name: 'modelProviders.anthropic[0].id', value: 'claude-sonnet-4-6', line: 21, role: 'model' },
      { name: 'modelProviders.anthropic[0].envKey', value: { fromEnv: 'RUAPI_API_KEY' }, line: 21, role: 'key' },
      { name: 'modelProviders.anthropic[0].baseUrl', value: 'https://www.ruapi.ai', line: 21, role: 'baseUrl' },
      { name: 'security.auth.selectedType', value: 'openai', line: 24, role: 'provider' },
      { name: 'model.name', value: 'gpt-5.4', line: 25, role: 'model' },
    ]);
    expect(tool!.endpoints.map((e) => [e.id, e.protocol, e.selected, e.baseUrl?.value])).toEqual([
      ['openai/gpt-5.4', 'openai', true, 'https://www.ruapi.ai/v1'],
      ['anthropic/claude-sonnet-4-6', 'anthropic', false, 'https://www.ruapi.ai'],
    ]);
  });

  it('reads the older OPENAI_* set-up from the env block, $VAR references included, as the selected endpoint', () => {
    const [tool] = read(place({ cwd: { '.qwen/settings.json': toolFixture('qwen-code', 'env-settings.json') } }), QWEN);
    expect(tool).toMatchObject({ scope: 'project', file: { label: '.qwen/settings.json' } });
    expect(tool!.endpoints).toMatchObject([
      { id: 'env', protocol: 'openai', selected: true, key: { value: { fromEnv: 'RUAPI_API_KEY' }, source: { line: 5 } }, baseUrl: { value: 'https://www.ruapi.ai/v1' }, model: { value: 'gpt-5.4-mini' } },
    ]);
  });

  it('maps a custom provider id through providerProtocol, and reads the system settings file read-only', () => {
    const settings = '{"modelProviders": {"ruapi": [{"id": "m", "baseUrl": "https://www.ruapi.ai/v1", "envKey": "K"}]}, "providerProtocol": {"ruapi": "openai"}}';
    const [system] = read(place({ system: { 'etc/qwen-code/settings.json': settings } }), QWEN);
    expect(system).toMatchObject({ scope: 'system', readOnly: true, file: { label: '/etc/qwen-code/settings.json' }, endpoints: [{ id: 'ruapi/m', protocol: 'openai' }] });
  });

  it("is unreadable with the parser's line and column", () => {
    const [tool] = read(place({ home: { '.qwen/settings.json': '{\n  "env": {\n    "OPENAI_API_KEY": "sk-x"\n    "OPENAI_BASE_URL": "y"\n  }\n}\n' } }), QWEN);
    expect(tool).toMatchObject({ status: 'unreadable', reason: 'it is not valid JSON (comments allowed): a comma is missing (line 4, column 5)' });
  });
});
