import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientVerdict } from '../../src/core/result.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { doctor, KEY, type DoctorCase } from '../helpers/doctor.js';

/**
 * What the real Codex CLI and Claude Code showed when they judged the doctor (test/judges/, which
 * needs them installed by .ci/clients), checked here without them: each case is one where the
 * doctor once disagreed with the real client.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const provider = (more: string[]) => ['model = "gpt-5.4-mini"', 'model_provider = "ruapi"', '', '[model_providers.ruapi]', 'name = "RuAPI"', 'base_url = "https://www.ruapi.ai/v1"', ...more, ''].join('\n');
const builtIn = ['model = "gpt-5.4-mini"', 'openai_base_url = "https://www.ruapi.ai/v1"', ''].join('\n');

async function codex(c: DoctorCase): Promise<{ verdict: ClientVerdict; fixes: Record<string, string>; ids: string[] }> {
  const r = await doctor(['doctor', '--json', '--offline', '--client', 'codex'], c);
  const verdict = r.json!.clients!.find((v) => v.id === 'codex')!;
  const fixes = Object.fromEntries(r.json!.findings.filter((f) => f.data?.client === 'codex').map((f) => [`${f.id} ${f.data?.set ?? ''}`.trim(), f.fix]));
  return { verdict, fixes, ids: r.ids };
}

describe('Codex CLI, as the real codex exec 0.171.0 behaves', () => {
  it('wire_api = "chat" in any provider table stops Codex at loading config.toml: problems, with the line to change', async () => {
    const r = await codex({ env: { RUAPI_API_KEY: KEY }, home: { '.codex/config.toml': provider(['env_key = "RUAPI_API_KEY"', 'wire_api = "chat"']) } });
    expect(r.verdict.verdict).toBe('problems');
    expect(r.verdict.findings).toEqual(['client/config-refused']);
    expect(r.fixes['client/config-refused']).toBe('Set wire_api = "responses" in [model_providers.ruapi] (~/.codex/config.toml).');
  });

  it('the built-in provider does not send OPENAI_API_KEY: problems, and the fixed set-up names that variable as env_key', async () => {
    const r = await codex({ env: { OPENAI_API_KEY: KEY }, home: { '.codex/config.toml': builtIn } });
    expect(r.verdict.verdict).toBe('problems');
    expect(r.fixes['client/variable-not-read OPENAI_API_KEY']).toMatch(/^Set CODEX_API_KEY instead/);
    expect(r.verdict.setup).toMatchObject({ keyVariable: 'OPENAI_API_KEY' });
    expect(r.verdict.setup!.text).toContain('env_key = "OPENAI_API_KEY"');
  });

  it('the built-in provider with CODEX_API_KEY, or with the key codex login keeps in auth.json: ready', async () => {
    expect((await codex({ env: { CODEX_API_KEY: KEY }, home: { '.codex/config.toml': builtIn } })).verdict.verdict).toBe('ready');
    const auth = JSON.stringify({ auth_mode: 'apikey', OPENAI_API_KEY: KEY });
    const r = await codex({ home: { '.codex/config.toml': builtIn, '.codex/auth.json': auth } });
    expect(r.verdict.verdict).toBe('ready');
    expect(r.verdict.sources).toContain('~/.codex/auth.json');
  });

  it('a provider table without env_key sends no key, whatever CODEX_API_KEY holds: problems', async () => {
    const r = await codex({ env: { CODEX_API_KEY: KEY }, home: { '.codex/config.toml': provider([]) } });
    expect(r.verdict.verdict).toBe('problems');
    expect(r.ids).toContain('key/missing');
  });

  it('env_key = "OPENAI_API_KEY" is read: ready, and OPENAI_API_KEY is not called unread', async () => {
    const r = await codex({ env: { OPENAI_API_KEY: KEY }, home: { '.codex/config.toml': provider(['env_key = "OPENAI_API_KEY"']) } });
    expect(r.verdict.verdict).toBe('ready');
    expect(r.ids).not.toContain('client/variable-not-read');
  });

  it("provider settings in a project's .codex/config.toml are ignored: problems, with where to move them, and the usual variables are not what the fix asks for", async () => {
    const r = await codex({ env: { RUAPI_API_KEY: KEY }, project: { '.codex/config.toml': provider(['env_key = "RUAPI_API_KEY"']) } });
    expect(r.verdict).toMatchObject({ verdict: 'problems', requestUrl: 'https://api.openai.com/v1/responses' });
    expect(r.ids).toContain('client/config-ignored');
    expect(r.fixes['client/config-ignored']).toMatch(/^Move them to ~\/\.codex\/config\.toml/);
    expect(r.fixes['base-url/missing']).toMatch(/^Set base_url in a \[model_providers\] table/);
    expect(r.fixes['key/missing']).toMatch(/never OPENAI_API_KEY/);
  });

  it('OPENAI_BASE_URL is ignored: Codex goes to api.openai.com, and the fix is openai_base_url in config.toml', async () => {
    const r = await codex({ env: { OPENAI_BASE_URL: 'https://www.ruapi.ai/v1', CODEX_API_KEY: KEY }, home: { '.codex/config.toml': 'model = "gpt-5.4-mini"\n' } });
    expect(r.verdict).toMatchObject({ verdict: 'problems', requestUrl: 'https://api.openai.com/v1/responses' });
    expect(r.fixes['client/variable-not-read OPENAI_BASE_URL']).toBe('Set openai_base_url in ~/.codex/config.toml instead: openai_base_url = "https://www.ruapi.ai/v1"');
  });
});

describe('Claude Code, as the real claude -p 2.1.332 behaves', () => {
  it("a key only in apiKeyHelper's output is unknown, not missing: unverified without consent (no error), ready with --allow-key-helper", async () => {
    const c: DoctorCase = {
      home: { '.claude/settings.json': JSON.stringify({ apiKeyHelper: 'cat "$HOME/.key"', env: { ANTHROPIC_BASE_URL: sim.anthropicBaseUrl, ANTHROPIC_MODEL: 'claude-sonnet-4-6' } }), '.key': `${sim.key}\n` },
      secrets: [sim.key],
    };
    const without = await doctor(['doctor', '--json', '--client', 'claude-code'], c);
    expect(without.json!.clients![0]).toMatchObject({ verdict: 'unverified', summary: 'unverified: the key is what apiKeyHelper prints, and it was not run' });
    expect(without.json!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(without.code).toBe(0);
    const allowed = await doctor(['doctor', '--json', '--client', 'claude-code', '--allow-key-helper'], c);
    expect(allowed.json!.clients![0]!.verdict).toBe('ready');
  });
});
