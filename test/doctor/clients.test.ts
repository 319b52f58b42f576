import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientVerdict } from '../../src/core/result.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { doctor } from '../helpers/doctor.js';

/**
 * Per-client verdicts (#14): each case of the issue, with the verdict each client gets. Where the
 * client is on npm (`openai`, `@anthropic-ai/sdk`), the real SDK is the judge: it is built from the
 * same environment and .env (loaded as the profile says an app loads it) and sends its request to
 * the simulator, and the doctor's verdict for it must equal whether that request worked.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const MODEL = 'gpt-5.4-mini';
const CLAUDE = 'claude-sonnet-4-6';

const verdicts = (clients: ClientVerdict[] | undefined) => Object.fromEntries((clients ?? []).map((c) => [c.id, c.verdict]));

/**
 * Runs the real SDK in a child process with this environment, from this folder, after loading its
 * .env as an app does (Node's own loader leaves set variables alone, as dotenv does). True when a
 * request reached the simulator and came back.
 */
async function sdkWorks(sdk: 'openai' | 'anthropic', env: Record<string, string>, cwd: string, model: string): Promise<boolean> {
  const script = path.join(tempDir(), 'sdk.mjs');
  const code =
    sdk === 'openai'
      ? `const { default: OpenAI } = await import(${JSON.stringify(path.join(ROOT, 'node_modules/openai/index.mjs'))});
         const c = new OpenAI({ maxRetries: 0, timeout: 5000 });
         if (!c.baseURL.startsWith(${JSON.stringify(sim.openaiBaseUrl)})) { console.log('elsewhere ' + c.baseURL); process.exit(1); }
         await c.chat.completions.create({ model: ${JSON.stringify(model)}, max_completion_tokens: 1, messages: [{ role: 'user', content: 'hi' }] });`
      : `const { default: Anthropic } = await import(${JSON.stringify(path.join(ROOT, 'node_modules/@anthropic-ai/sdk/index.mjs'))});
         const c = new Anthropic({ maxRetries: 0, timeout: 5000 });
         if (!c.baseURL.startsWith(${JSON.stringify(sim.anthropicBaseUrl)})) { console.log('elsewhere ' + c.baseURL); process.exit(1); }
         await c.messages.create({ model: ${JSON.stringify(model)}, max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] });`;
  writeFileSync(script, `try { process.loadEnvFile('.env'); } catch {}\n${code}\n`);
  // Not spawnSync: the simulator answers from this process, whose event loop must keep running.
  const child = spawn(process.execPath, [script], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore', timeout: 15_000 });
  return new Promise((resolve) => child.on('close', (code) => resolve(code === 0)));
}

describe('per-client verdicts, judged by the real SDKs where they are on npm', () => {
  it('OPENAI_API_BASE alone: the OpenAI SDKs read OPENAI_BASE_URL only, so their request goes elsewhere', async () => {
    const env = { OPENAI_API_KEY: sim.key, OPENAI_API_BASE: sim.openaiBaseUrl, RUAPI_MODEL: MODEL };
    const r = await doctor(['doctor', '--json'], { env });
    expect(verdicts(r.json!.clients)).toMatchObject({ 'openai-python': 'problems', 'openai-node': 'problems' });
    expect(r.ids).toContain('client/variable-not-read');
    expect(r.json!.findings.find((f) => f.id === 'client/variable-not-read')!.fix).toContain(`OPENAI_BASE_URL=${sim.openaiBaseUrl}`);
    expect(await sdkWorks('openai', env, r.cwd, MODEL)).toBe(false);
    expect(r.code).toBe(1);
    // LangChain does read it: checked on its own, it is ready.
    const lc = await doctor(['doctor', '--json', '--client', 'langchain-python'], { env });
    expect(verdicts(lc.json!.clients)).toEqual({ 'langchain-python': 'ready' });
    expect(lc.code).toBe(0);
  });

  it('the right variables: the doctor says ready, and the SDK request works', async () => {
    const env = { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl, RUAPI_MODEL: MODEL };
    const r = await doctor(['doctor', '--json'], { env });
    expect(verdicts(r.json!.clients)).toEqual({ 'openai-python': 'ready', 'openai-node': 'ready' });
    expect(await sdkWorks('openai', env, r.cwd, MODEL)).toBe(true);
    expect(r.code).toBe(0);
  });

  it('only RUAPI_* variables: no SDK reads them, so their request has no key; the fix is code that passes them', async () => {
    const env = { RUAPI_API_KEY: sim.key, RUAPI_BASE_URL: sim.openaiBaseUrl, RUAPI_MODEL: MODEL };
    const r = await doctor(['doctor', '--json', '--offline'], { env });
    expect(verdicts(r.json!.clients)['openai-node']).toBe('problems');
    const found = r.json!.findings.filter((x) => x.id === 'client/ruapi-variables');
    expect(found[0]!.message).toMatch(/only when your code hands them over/);
    // Each SDK gets the snippet of its own language.
    expect(found.map((f) => f.fix.includes('process.env.RUAPI_API_KEY') || f.fix.includes('os.environ["RUAPI_API_KEY"]'))).not.toContain(false);
    expect(found.some((f) => f.fix.includes('process.env.RUAPI_API_KEY'))).toBe(true);
    expect(await sdkWorks('openai', env, r.cwd, MODEL)).toBe(false);
    expect(r.code).toBe(1);
  });

  it("Claude Code: its settings' env beats the shell, so a /v1 there breaks it while the SDKs (shell) work", async () => {
    const env = { ANTHROPIC_API_KEY: sim.key, ANTHROPIC_BASE_URL: sim.anthropicBaseUrl, RUAPI_MODEL: CLAUDE };
    const home = { '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_BASE_URL: `${sim.anthropicBaseUrl}/v1`, ANTHROPIC_MODEL: CLAUDE } }) };
    const r = await doctor(['doctor', '--json'], { env, home });
    const v = verdicts(r.json!.clients);
    expect(v['claude-code']).toBe('problems');
    expect(r.json!.clients!.find((c) => c.id === 'claude-code')!.requestUrl).toBe(`${sim.anthropicBaseUrl}/v1/v1/messages`);
    expect(v['anthropic-typescript']).toBe('ready');
    expect(await sdkWorks('anthropic', env, r.cwd, CLAUDE)).toBe(true);
    expect(r.code).toBe(1);
  });

  it('a working Claude Code set-up is not failed by an unrelated OpenAI key in the shell: that is another provider, as info', async () => {
    const home = { '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: sim.key, ANTHROPIC_BASE_URL: sim.anthropicBaseUrl, ANTHROPIC_MODEL: CLAUDE } }) };
    const openaiKey = `sk-proj-${'A1b2C3d4E5'.repeat(4)}T3BlbkFJ${'x9Y8'.repeat(5)}`;
    const r = await doctor(['doctor', '--json'], { env: { OPENAI_API_KEY: openaiKey }, home, secrets: [openaiKey] });
    const v = verdicts(r.json!.clients);
    expect(v['claude-code']).toBe('ready');
    expect(v['openai-node']).toBe('not-ruapi');
    expect(r.json!.clients!.find((c) => c.id === 'openai-node')!.summary).toBe('set up for OpenAI, not RuAPI');
    expect(r.json!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a .env saved with a BOM: python-dotenv loses the first name, the Node loaders do not', async () => {
    const project = { '.env': `\uFEFFOPENAI_API_KEY=${sim.key}\nOPENAI_BASE_URL=${sim.openaiBaseUrl}\nRUAPI_MODEL=${MODEL}\n` };
    const r = await doctor(['doctor', '--json', '--offline'], { project });
    expect(verdicts(r.json!.clients)).toEqual({ 'openai-python': 'problems', 'openai-node': 'ready' });
    expect(r.json!.findings.find((f) => f.id === 'client/dotenv-bom')!.fix).toMatch(/without BOM/);
  });

  it('HTTPS_PROXY in .env: a client that loads .env and honours proxies goes through it, and the doctor does too', async () => {
    // A proxy that is not there: the Python SDK (httpx honours it) goes through it and fails; the Node SDK (fetch ignores it) goes direct.
    const project = { '.env': `OPENAI_API_KEY=${sim.key}\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\nRUAPI_MODEL=${MODEL}\nHTTPS_PROXY=http://127.0.0.1:9\n` };
    const r = await doctor(['doctor', '--json', '--timeout', '4'], { project });
    expect(r.json!.live.map((l) => l.proxy ?? 'direct')).toEqual(['direct', 'http://127.0.0.1:9']);
    expect(verdicts(r.json!.clients)['openai-python']).toBe('problems');
    expect(r.json!.findings.some((f) => f.data?.client === 'openai-python' && f.id.startsWith('live/proxy'))).toBe(true);
  });

  it("the Vercel AI SDK's Anthropic provider wants /v1 in its base: the value right for Claude Code is wrong for it", async () => {
    const r = await doctor(['doctor', '--json', '--offline', '--client', 'ai-sdk-anthropic'], { env: { ANTHROPIC_API_KEY: sim.key, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai' } });
    const f = r.json!.findings.find((x) => x.id === 'client/request-url')!;
    expect(f.title).toContain('https://www.ruapi.ai/messages');
    expect(f.fix).toContain('https://www.ruapi.ai/v1');
    expect(r.code).toBe(1);
    const right = await doctor(['doctor', '--json', '--offline', '--client', 'ai-sdk-anthropic'], { env: { ANTHROPIC_API_KEY: sim.key, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai/v1' } });
    // The merged view reads the same variable the Anthropic SDKs' way (its /v1 is wrong for them): information here, since no SDK of those was checked.
    expect(right.json!.findings.filter((f) => f.severity !== 'info' && (f.id.startsWith('base-url/') || f.id === 'client/request-url'))).toEqual([]);
    expect(right.code).toBe(0);
  });

  it('a misspelt variable gets a did-you-mean to the name the client reads; a near miss does not', async () => {
    const r = await doctor(['doctor', '--json', '--offline'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URI: 'https://www.ruapi.ai/v1' } });
    expect(r.json!.findings.find((f) => f.id === 'client/variable-not-read')!.title).toBe('OPENAI_BASE_URI is not read by OpenAI Python SDK: set OPENAI_BASE_URL');
    const fine = await doctor(['doctor', '--json', '--offline'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1', OPENAI_ORG_ID: 'org-1' } });
    expect(fine.ids).not.toContain('client/variable-not-read');
  });

  it('Codex CLI: the key named by env_key, and the probe on /v1/responses', async () => {
    const home = { '.codex/config.toml': `model = "${MODEL}"\nmodel_provider = "ruapi"\n\n[model_providers.ruapi]\nname = "RuAPI"\nbase_url = "${sim.openaiBaseUrl}"\nenv_key = "RUAPI_CODEX_KEY"\n` };
    const r = await doctor(['doctor', '--json'], { env: { RUAPI_CODEX_KEY: sim.key }, home });
    const codex = r.json!.clients!.find((c) => c.id === 'codex')!;
    expect(codex.requestUrl).toBe(`${sim.openaiBaseUrl}/responses`);
    expect(codex.verdict).toBe('ready');
    expect(r.ids).toContain('client/responses-api');
    const unset = await doctor(['doctor', '--json', '--offline', '--client', 'codex'], { home });
    expect(unset.json!.clients![0]!.verdict).toBe('problems');
  });

  it("Claude Code's API_TIMEOUT_MS below the sheet's advice is a warning; apiKeyHelper runs only with consent", async () => {
    const settings = { apiKeyHelper: `echo ${sim.key}`, env: { ANTHROPIC_BASE_URL: sim.anthropicBaseUrl, ANTHROPIC_MODEL: CLAUDE, API_TIMEOUT_MS: '30000' } };
    const home = { '.claude/settings.json': JSON.stringify(settings) };
    const without = await doctor(['doctor', '--json', '--client', 'claude-code'], { home });
    expect(without.ids).toContain('client/key-helper');
    expect(without.ids).toContain('client/timeout');
    const allowed = await doctor(['doctor', '--json', '--client', 'claude-code', '--allow-key-helper'], { home });
    expect(allowed.ids).not.toContain('client/key-helper');
    // The key the command printed was checked (and is never shown): the gateway took it.
    expect(allowed.json!.live.some((l) => l.steps.some((s) => s.id === 'auth' && s.status === 'ok'))).toBe(true);
    expect(allowed.json!.clients![0]!.verdict).toBe('ready');
    expect(allowed.code).toBe(0);
  });

  it('--client with an unknown id is a usage error with the closest id', async () => {
    const r = await doctor(['doctor', '--client', 'claud-code']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean claude-code\?/);
  });

  it('probes once per distinct request: two SDKs with the same values share one live run', async () => {
    const r = await doctor(['doctor', '--json'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl, RUAPI_MODEL: MODEL } });
    expect(r.json!.clients!.map((c) => c.id)).toEqual(['openai-python', 'openai-node']);
    expect(r.json!.live).toHaveLength(1);
  });

  it("Claude Code: a misspelt model slot fails it even when its main request is the doctor's own", async () => {
    const settings = JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://www.ruapi.ai', ANTHROPIC_MODEL: CLAUDE, ANTHROPIC_DEFAULT_OPUS_MODEL: 'claude-opus-4.8' } });
    const r = await doctor(['doctor', '--json', '--offline', '--client', 'claude-code'], { env: { ANTHROPIC_AUTH_TOKEN: sim.key }, home: { '.claude/settings.json': settings } });
    const v = r.json!.clients![0]!;
    expect(v).toMatchObject({ verdict: 'problems', findings: ['model/unknown'] });
    expect(r.json!.findings.find((f) => f.id === 'model/unknown')!.source).toBe('env.ANTHROPIC_DEFAULT_OPUS_MODEL in ~/.claude/settings.json, line 1');
    // The slot's own fix says what to change; the main model and base URL stay, so no whole set-up is offered.
    expect(v.setup).toBeUndefined();
    expect(r.code).toBe(1);
  });
});
