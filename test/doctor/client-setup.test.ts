import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ClientVerdict } from '../../src/core/result.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { doctor, KEY, type DoctorCase } from '../helpers/doctor.js';

/**
 * The fixed set-up of a client with problems is written in that client's own format (#14). Each
 * is proven by use: written back where the client reads it, the doctor finds that client ready;
 * the SDK code runs, with the real SDK, against the test gateway.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const client = (r: { json?: { clients?: ClientVerdict[] } }, id: string): ClientVerdict => {
  const found = r.json?.clients?.find((c) => c.id === id);
  if (!found) throw new Error(`no verdict for ${id}`);
  return found;
};

/** A client's fixed set-up from a broken case, then the same case with that text written where the client reads it. */
async function roundTrip(id: string, broken: DoctorCase, file: { in: 'home' | 'project'; path: string }) {
  const before = await doctor(['doctor', '--json', '--offline', '--client', id], broken);
  const v = client(before, id);
  expect(v.verdict).toBe('problems');
  const setup = v.setup!;
  expect(setup.text).not.toContain(KEY);
  const fixed = { ...broken, [file.in]: { ...broken[file.in], [file.path]: setup.text } };
  const after = await doctor(['doctor', '--json', '--offline', '--client', id], fixed);
  expect(client(after, id)).toMatchObject({ verdict: 'ready', findings: [] });
  expect(client(after, id).setup).toBeUndefined();
  return setup;
}

describe('the fixed set-up of each coding tool, in its own file format', () => {
  it("Claude Code: its settings file's env block, with the base URL it needs (no /v1) and the key left in the shell", async () => {
    const broken = { env: { ANTHROPIC_AUTH_TOKEN: KEY }, home: { '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://www.ruapi.ai/v1', ANTHROPIC_MODEL: 'claude-sonet-4-6' } }) } };
    const setup = await roundTrip('claude-code', broken, { in: 'home', path: '.claude/settings.json' });
    expect(setup).toMatchObject({ where: '~/.claude/settings.json', format: 'json', keyVariable: 'ANTHROPIC_AUTH_TOKEN' });
    expect(JSON.parse(setup.text)).toEqual({ env: { ANTHROPIC_BASE_URL: 'https://www.ruapi.ai', ANTHROPIC_MODEL: 'claude-sonnet-4-6' } });
  });

  it("Codex CLI: a [model_providers] table in config.toml, whose env_key names the user's own variable", async () => {
    const toml = ['model = "gpt-5.4"', 'model_provider = "ruapi"', '', '[model_providers.ruapi]', 'name = "RuAPI"', 'base_url = "https://www.ruapi.ai"', 'env_key = "MY_RUAPI_KEY"', 'wire_api = "responses"', ''].join('\n');
    const setup = await roundTrip('codex', { env: { MY_RUAPI_KEY: KEY }, home: { '.codex/config.toml': toml } }, { in: 'home', path: '.codex/config.toml' });
    expect(setup).toMatchObject({ where: '~/.codex/config.toml', format: 'toml', keyVariable: 'MY_RUAPI_KEY' });
    expect(parseToml(setup.text)).toMatchObject({ model: 'gpt-5.4', model_provider: 'ruapi', model_providers: { ruapi: { base_url: 'https://www.ruapi.ai/v1', env_key: 'MY_RUAPI_KEY', wire_api: 'responses' } } });
  });

  it('opencode over the Anthropic protocol: @ai-sdk/anthropic wants the base with /v1, the key as {env:VAR}', async () => {
    const config = { provider: { ruapi: { npm: '@ai-sdk/anthropic', options: { baseURL: 'https://www.ruapi.ai', apiKey: '{env:RUAPI_API_KEY}' }, models: { 'claude-sonnet-4-6': {} } } }, model: 'ruapi/claude-sonnet-4-6' };
    const setup = await roundTrip('opencode', { env: { RUAPI_API_KEY: KEY }, project: { 'opencode.json': JSON.stringify(config) } }, { in: 'project', path: 'opencode.json' });
    expect(setup).toMatchObject({ where: 'opencode.json', format: 'jsonc' });
    expect(parseJsonc(setup.text)).toMatchObject({ model: 'ruapi/claude-sonnet-4-6', provider: { ruapi: { npm: '@ai-sdk/anthropic', options: { baseURL: 'https://www.ruapi.ai/v1', apiKey: '{env:RUAPI_API_KEY}' } } } });
  });

  it('Qwen Code: a modelProviders entry, selected, with envKey naming the variable', async () => {
    const settings = { modelProviders: { openai: [{ id: 'gpt-5.4', baseUrl: 'https://www.ruapi.ai', envKey: 'RUAPI_API_KEY' }] }, security: { auth: { selectedType: 'openai' } }, model: { name: 'gpt-5.4' } };
    const setup = await roundTrip('qwen-code', { env: { RUAPI_API_KEY: KEY }, home: { '.qwen/settings.json': JSON.stringify(settings) } }, { in: 'home', path: '.qwen/settings.json' });
    expect(parseJsonc(setup.text)).toMatchObject({ modelProviders: { openai: [{ id: 'gpt-5.4', baseUrl: 'https://www.ruapi.ai/v1', envKey: 'RUAPI_API_KEY' }] } });
  });

  it('Continue: a models entry in config.yaml, its key a ${{ secrets.NAME }}', async () => {
    const yaml = ['name: Mine', 'version: 1.0.0', 'schema: v1', 'models:', '  - name: Claude', '    provider: anthropic', '    model: claude-sonnet-4-6', '    apiBase: https://www.ruapi.ai', '    apiKey: ${{ secrets.RUAPI_API_KEY }}', ''].join('\n');
    const setup = await roundTrip('continue', { env: { RUAPI_API_KEY: KEY }, home: { '.continue/config.yaml': yaml } }, { in: 'home', path: '.continue/config.yaml' });
    expect(setup).toMatchObject({ where: '~/.continue/config.yaml', format: 'yaml', keyVariable: 'RUAPI_API_KEY' });
    expect(parseYaml(setup.text)).toEqual({ models: [{ name: 'RuAPI', provider: 'anthropic', model: 'claude-sonnet-4-6', apiBase: 'https://www.ruapi.ai/v1', apiKey: '${{ secrets.RUAPI_API_KEY }}' }] });
  });

  it('aider: .aider.conf.yml lines, the key left in OPENAI_API_KEY', async () => {
    const conf = 'model: openai/gpt-5.4\nopenai-api-base: https://www.ruapi.ai\n';
    const setup = await roundTrip('aider', { env: { OPENAI_API_KEY: KEY }, project: { '.aider.conf.yml': conf } }, { in: 'project', path: '.aider.conf.yml' });
    expect(parseYaml(setup.text)).toEqual({ model: 'openai/gpt-5.4', 'openai-api-base': 'https://www.ruapi.ai/v1' });
  });
});

/** Runs a JavaScript snippet with the real SDK (its import made absolute), in this environment; true when its request came back. */
async function runs(text: string, pkg: string, entry: string, env: Record<string, string>): Promise<boolean> {
  const script = path.join(tempDir(), 'snippet.mjs');
  writeFileSync(script, text.replace(`from '${pkg}'`, `from ${JSON.stringify(path.join(ROOT, 'node_modules', pkg, entry))}`));
  const child = spawn(process.execPath, [script], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore', timeout: 15_000 });
  return new Promise((resolve) => child.on('close', (code) => resolve(code === 0)));
}

describe("an SDK's fixed set-up is code in its language, and the real SDK runs it", () => {
  it('OpenAI Node SDK with a model id typo: the code names the right model and works against the gateway', async () => {
    const env = { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl, RUAPI_MODEL: 'gpt-5.4-mnii' };
    // Live: offline, an id missing from the bundled list is only a warning (the list may be behind the gateway's).
    const r = await doctor(['doctor', '--json', '--client', 'openai-node'], { env });
    expect(client(r, 'openai-node').verdict).toBe('problems');
    const setup = client(r, 'openai-node').setup!;
    expect(setup).toMatchObject({ where: 'JavaScript', format: 'javascript', keyVariable: 'OPENAI_API_KEY' });
    expect(setup.text).toContain('model: "gpt-5.4-mini"');
    expect(setup.text).not.toContain(sim.key);
    expect(await runs(setup.text, 'openai', 'index.mjs', env)).toBe(true);
    // The same code with the typo the user had fails: the test can tell.
    expect(await runs(setup.text.replace('gpt-5.4-mini', 'gpt-5.4-mnii'), 'openai', 'index.mjs', env)).toBe(false);
  });

  it('Anthropic TypeScript SDK with ANTHROPIC_AUTH_TOKEN: the code passes it as authToken', async () => {
    const env = { ANTHROPIC_AUTH_TOKEN: sim.key, ANTHROPIC_BASE_URL: `${sim.anthropicBaseUrl}/v1` };
    const r = await doctor(['doctor', '--json', '--offline', '--client', 'anthropic-typescript'], { env });
    const setup = client(r, 'anthropic-typescript').setup!;
    expect(setup.text).toContain(`baseURL: "${sim.anthropicBaseUrl}"`);
    expect(setup.text).toContain('authToken: process.env.ANTHROPIC_AUTH_TOKEN');
    expect(await runs(setup.text, '@anthropic-ai/sdk', 'index.mjs', env)).toBe(true);
  });

  it('Anthropic TypeScript SDK with ANTHROPIC_API_KEY: the code passes it as apiKey, and it works', async () => {
    const env = { ANTHROPIC_API_KEY: sim.key, ANTHROPIC_BASE_URL: `${sim.anthropicBaseUrl}/v1` };
    const setup = client(await doctor(['doctor', '--json', '--offline', '--client', 'anthropic-typescript'], { env }), 'anthropic-typescript').setup!;
    expect(setup.text).toContain('apiKey: process.env.ANTHROPIC_API_KEY');
    expect(await runs(setup.text, '@anthropic-ai/sdk', 'index.mjs', env)).toBe(true);
  });

  it('curl, which has no file of its own: the curl request', async () => {
    const r = await doctor(['doctor', '--json', '--offline', '--client', 'curl'], { env: { RUAPI_API_KEY: KEY, RUAPI_BASE_URL: 'https://www.ruapi.ai' } });
    expect(client(r, 'curl').setup).toMatchObject({ where: 'curl', format: 'shell' });
    expect(client(r, 'curl').setup!.text).toMatch(/^curl https:\/\/www\.ruapi\.ai\/v1\/chat\/completions \\\n {2}-H "Authorization: Bearer \$RUAPI_API_KEY"/);
  });

  it('the human report shows it under the details, and no SDK code twice', async () => {
    const r = await doctor(['doctor', '--offline', '--client', 'openai-python'], { env: { OPENAI_API_KEY: KEY, OPENAI_API_BASE: 'https://www.ruapi.ai/v1' } });
    expect(r.stdout).toContain('The fixed set-up, per client');
    expect(r.stdout).toMatch(/OpenAI Python SDK {2}Python, key from OPENAI_API_KEY\n {4}import os\n/);
    expect(r.stdout).not.toContain('The fixed set-up in code');
  });
});
