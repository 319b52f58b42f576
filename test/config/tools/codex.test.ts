import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codexLogin, codexProject, codexSystem, codexUser } from '../../../src/config/tools/codex.js';
import { brief, place, read, toolFixture } from './helpers.js';

const CODEX = [codexProject, codexUser, codexSystem];
const CONFIG = toolFixture('codex', 'config.toml');

describe("Codex CLI's config.toml source", () => {
  it('reads ~/.codex/config.toml: model, model_provider and each provider table, every value with its line', () => {
    const input = place({ home: { '.codex/config.toml': CONFIG } });
    const [tool, ...more] = read(input, CODEX);
    expect(more).toEqual([]);
    expect(tool).toMatchObject({ client: 'codex', scope: 'user', status: 'read', file: { label: '~/.codex/config.toml', path: path.join(input.home, '.codex/config.toml') } });
    expect(tool!.values.map(brief)).toEqual([
      { name: 'model', value: 'gpt-5.4', line: 5, role: 'model' },
      { name: 'model_provider', value: 'ruapi', line: 6, role: 'provider' },
      { name: 'model_providers.ruapi.base_url', value: 'https://www.ruapi.ai/v1', line: 12, role: 'baseUrl' },
      { name: 'model_providers.ruapi.env_key', value: { fromEnv: 'RUAPI_API_KEY' }, line: 14, role: 'key' },
      { name: 'model_providers.ruapi.wire_api', value: 'responses', line: 15, role: 'protocol' },
      { name: 'model_providers.ruapi.http_headers.X-Example-Header', value: 'example-value', line: 16, role: 'header' },
      { name: 'model_providers.ruapi.env_http_headers.X-Example-Features', value: { fromEnv: 'EXAMPLE_FEATURES' }, line: 17, role: 'header' },
      { name: 'model_providers.ruapi.stream_idle_timeout_ms', value: '300000', line: 19, role: 'timeout' },
      { name: 'model_providers.openai.base_url', value: 'http://localhost:8080/v1', line: 24, role: 'baseUrl' },
      { name: 'model_providers.openai.wire_api', value: 'responses', line: 25, role: 'protocol' },
    ]);
    expect(tool!.values[3]!.source.label).toBe('model_providers.ruapi.env_key in ~/.codex/config.toml, line 14');
  });

  it('gives one endpoint per provider: the selected one with the model, a built-in id marked ignored', () => {
    const [tool] = read(place({ home: { '.codex/config.toml': CONFIG } }), CODEX);
    const [ruapi, openai] = tool!.endpoints;
    expect(ruapi).toMatchObject({ id: 'ruapi', protocol: 'openai', wireApi: 'responses', selected: true });
    expect([ruapi!.baseUrl?.value, ruapi!.key?.value, ruapi!.model?.value, ruapi!.timeout?.value]).toEqual(['https://www.ruapi.ai/v1', { fromEnv: 'RUAPI_API_KEY' }, 'gpt-5.4', '300000']);
    expect(ruapi!.headers?.map((h) => [h.header, h.value])).toEqual([
      ['X-Example-Header', 'example-value'],
      ['X-Example-Features', { fromEnv: 'EXAMPLE_FEATURES' }],
    ]);
    expect(openai).toMatchObject({ id: 'openai', selected: false, ignored: expect.stringMatching(/built-in providers/) });
  });

  it("reads the built-in provider's openai_base_url, wire_api = \"chat\" as written, and an experimental_bearer_token as the key", () => {
    const toml = 'openai_base_url = "https://www.ruapi.ai/v1"\n[model_providers.old]\nbase_url = "https://www.ruapi.ai/v1"\nwire_api = "chat"\nexperimental_bearer_token = "sk-bearer-0123456789abcdef"\n';
    const [tool] = read(place({ home: { '.codex/config.toml': toml } }), CODEX);
    expect(tool!.endpoints).toMatchObject([
      { id: 'openai', protocol: 'openai', wireApi: 'responses', selected: true, baseUrl: { value: 'https://www.ruapi.ai/v1', source: { line: 1 } } },
      { id: 'old', wireApi: 'chat', selected: false, key: { value: 'sk-bearer-0123456789abcdef', source: { line: 5 } } },
    ]);
  });

  it('finds dotted keys and keys of a table given as a dotted header', () => {
    const toml = 'model_providers.a.base_url = "https://x/v1"\n\n[model_providers."b.c"]\nenv_key = \'B_KEY\'\n';
    const [tool] = read(place({ home: { '.codex/config.toml': toml } }), CODEX);
    expect(tool!.values.map(brief)).toEqual([
      { name: 'model_providers.a.base_url', value: 'https://x/v1', line: 1, role: 'baseUrl' },
      { name: 'model_providers.b.c.env_key', value: { fromEnv: 'B_KEY' }, line: 4, role: 'key' },
    ]);
  });

  it('follows CODEX_HOME, reads the project .codex/config.toml and /etc/codex/config.toml, and reads a file named twice once', () => {
    const input = place({ cwd: { '.codex/config.toml': 'model = "p"\n', 'codex-home/config.toml': 'model = "u"\n' }, system: { 'etc/codex/config.toml': 'model = "s"\n' } }, {});
    input.env = { CODEX_HOME: 'codex-home' };
    expect(read(input, CODEX).map((t) => [t.scope, t.file?.label, t.readOnly ?? false, t.values[0]?.value])).toEqual([
      ['project', '.codex/config.toml', false, 'p'],
      ['user', 'codex-home/config.toml', false, 'u'],
      ['system', '/etc/codex/config.toml', true, 's'],
    ]);
    const home = place({ home: { '.codex/config.toml': 'model = "u"\n' } });
    expect(read({ ...home, cwd: home.home }, CODEX).map((t) => t.scope)).toEqual(['user']);
    expect(codexSystem.file!({ ...home, platform: 'win32' })).toBeUndefined();
  });

  it("is unreadable with the parser's line and column, never quoting the file", () => {
    const [tool] = read(place({ home: { '.codex/config.toml': toolFixture('codex', 'broken.toml') } }), CODEX);
    expect(tool).toMatchObject({ status: 'unreadable', values: [], endpoints: [], reason: expect.stringMatching(/^it is not valid TOML: .+ \(line 5, column \d+\)$/) });
    expect(JSON.stringify(tool)).not.toContain('sk-codex');
  });

  it('refuses the file when any provider has a wire_api other than "responses", as Codex stops at loading it', () => {
    const [tool] = read(place({ home: { '.codex/config.toml': 'model_provider = "a"\n[model_providers.a]\nbase_url = "https://x/v1"\n[model_providers.old]\nwire_api = "chat"\n' } }), CODEX);
    expect(tool!.refused).toMatchObject({ why: 'wire_api = "chat" is not supported (only "responses" is)', fix: 'Set wire_api = "responses" in [model_providers.old] (~/.codex/config.toml).', setting: { source: { line: 5 } } });
  });

  it("marks every provider of a project's file ignored, and names the first provider setting there as unused", () => {
    const [tool] = read(place({ cwd: { '.codex/config.toml': 'model = "m"\nmodel_provider = "a"\n[model_providers.a]\nbase_url = "https://x/v1"\n' } }), CODEX);
    expect(tool!.scope).toBe('project');
    expect(tool!.endpoints.every((e) => e.ignored)).toBe(true);
    expect(tool!.unused).toMatchObject({ setting: { name: 'model_provider', source: { line: 2 } }, fix: expect.stringMatching(/^Move them to ~\/\.codex\/config\.toml/) });
  });

  it('adds the built-in provider, selected, with the model, when the file names no other', () => {
    const [tool] = read(place({ home: { '.codex/config.toml': 'model = "gpt-5.4"\n[model_providers.a]\nbase_url = "https://x/v1"\n' } }), CODEX);
    expect(tool!.endpoints).toMatchObject([
      { id: 'openai', selected: true, model: { value: 'gpt-5.4' } },
      { id: 'a', selected: false, ownKeyOnly: true },
    ]);
    expect(tool!.endpoints[0]!.baseUrl).toBeUndefined();
  });

  it('reads the key codex login --with-api-key keeps in auth.json, and nothing from a ChatGPT sign-in', () => {
    const key = 'sk-Rf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7rS4t';
    const [tool] = read(place({ home: { '.codex/auth.json': JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: key }) } }), [codexLogin]);
    expect(tool).toMatchObject({ scope: 'login', readOnly: true, file: { label: '~/.codex/auth.json' } });
    expect(tool!.endpoints).toMatchObject([{ id: 'openai', key: { value: key, source: { label: 'OPENAI_API_KEY in ~/.codex/auth.json, line 1' } } }]);
    const chatgpt = read(place({ home: { '.codex/auth.json': JSON.stringify({ auth_mode: 'chatgpt', OPENAI_API_KEY: null, tokens: { access_token: 'x' } }) } }), [codexLogin]);
    expect(chatgpt[0]).toMatchObject({ status: 'read', values: [], endpoints: [] });
  });

  it('reports nothing when there is no config.toml', () => {
    expect(read(place(), CODEX)).toEqual([]);
  });
});
