import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { runCli, type RunResult } from '../helpers/cli.js';
import { startProxy } from '../helpers/proxy.js';

let sim: Simulator;
const simLog: string[] = [];
beforeAll(async () => {
  sim = await startSimulator({ slowMs: 8000, log: (l) => simLog.push(l) });
});
afterAll(async () => {
  await sim?.close();
});

/** `ruapi doctor` with the key on stdin; checks that the key shows in no output. */
async function doctor(key: string, args: string[], env: Record<string, string> = {}): Promise<RunResult & { json?: DoctorResult }> {
  const r = await runCli(['doctor', '--key-stdin', ...args], { input: key, env, timeoutMs: 20_000 });
  expect(r.stdout + r.stderr).not.toContain(key);
  return args.includes('--json') ? { ...r, json: JSON.parse(r.stdout) as DoctorResult } : r;
}

const openaiArgs = () => ['--protocol', 'openai', '--base-url', sim.openaiBaseUrl, '--model', 'gpt-5.4-mini'];
const anthropicArgs = () => ['--protocol', 'anthropic', '--base-url', sim.anthropicBaseUrl, '--model', 'claude-opus-4-8'];

describe('ruapi doctor runs the live chain', () => {
  it('names, in the check of the link that broke, the finding that broke it', async () => {
    const r = await doctor(sim.faultKeys['401']!, ['--json', ...openaiArgs()]);
    expect(r.code).toBe(1);
    const failed = r.json!.checks.filter((c) => c.status === 'fail');
    expect(failed.map((c) => c.id)).toEqual(['live/auth']);
    expect(failed[0]!.findings).toEqual(['live/401']);
  });

  it.each([
    ['OpenAI', openaiArgs],
    ['Anthropic', anthropicArgs],
  ])('over the %s protocol: exit 0, every link ok, timings in the JSON', async (_name, args) => {
    const r = await doctor(sim.key, ['--json', '--stream', ...args()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const live = r.json!.live[0]!;
    expect(live.steps.every((s) => s.status === 'ok')).toBe(true);
    expect(live.timings.totalMs).toBeGreaterThan(0);
    expect(live.timings.firstByteMs).toBeTypeOf('number');
    expect(live.requestIds.length).toBeGreaterThan(0);
    expect(r.json!.findings.map((f) => f.id)).toContain('live/ok');
  });

  it('shows the chain with its timings in the human output', async () => {
    const r = await doctor(sim.key, ['--ci', ...openaiArgs()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/TCP connect/);
    expect(r.stdout).toMatch(/Probe request/);
    expect(r.stdout).toMatch(/\d+(\.\d+)? ms/);
  });

  it('exits 1 with live/401 when the gateway rejects the key', async () => {
    const r = await doctor(sim.faultKeys['401']!, ['--json', ...openaiArgs()]);
    expect(r.code).toBe(1);
    const f = r.json!.findings.find((x) => x.id === 'live/401');
    expect(f?.severity).toBe('error');
    expect(r.json!.live[0]!.steps.find((s) => s.id === 'probe')).toMatchObject({ status: 'skipped', blockedBy: 'auth' });
  });

  it('sends no paid request with --no-probe', async () => {
    simLog.length = 0;
    const r = await doctor(sim.key, ['--json', '--no-probe', ...openaiArgs()]);
    expect(r.code).toBe(0);
    expect(simLog.length).toBeGreaterThan(0);
    expect(simLog.filter((l) => l.startsWith('POST'))).toEqual([]);
  });

  it('keeps within --timeout and names the phase that was slow', async () => {
    const r = await doctor(sim.faultKeys.slow!, ['--json', '--timeout', '2', ...openaiArgs()]);
    expect(r.ms).toBeLessThan(8000); // does not hang until the server answers
    // The gateway is slow, the set-up is not wrong: unverified, and 75 tells a pipeline to retry later.
    expect(r.code).toBe(75);
    expect(r.json!.verdict).toBe('unverified');
    expect(r.json!.ok).toBe(false);
    expect(r.json!.findings.find((f) => f.id === 'live/timeout')?.data?.phase).toBe('headers');
  });

  it('sends the key to localhost, which resolves to this machine', async () => {
    simLog.length = 0;
    const r = await doctor(sim.key, ['--json', '--protocol', 'openai', '--base-url', `http://localhost:${sim.port}/v1`, '--model', 'gpt-5.4-mini']);
    expect(r.code).toBe(0);
    expect(r.json!.findings.map((f) => f.id)).toContain('live/ok');
    expect(simLog.some((l) => !/ key=- /.test(`${l} `))).toBe(true);
  });

  it('names a refusing proxy from HTTPS_PROXY / HTTP_PROXY as the broken link', async () => {
    const proxy = await startProxy({ mode: 'refuse' });
    try {
      const args = ['--json', '--protocol', 'openai', '--base-url', 'http://gateway.example.test/v1', '--model', 'gpt-5.4-mini', '--allow-host', 'gateway.example.test'];
      const r = await doctor(sim.key, args, { HTTP_PROXY: proxy.url });
      expect(r.code).toBe(1);
      expect(r.json!.findings.find((f) => f.id === 'live/proxy')?.source).toBe('HTTP_PROXY in the environment');
      expect(proxy.connects).toEqual(['gateway.example.test:80']);
    } finally {
      await proxy.close();
    }
  });

  it('goes straight to a gateway on this machine, with HTTP_PROXY and HTTPS_PROXY set and no NO_PROXY', async () => {
    const proxy = await startProxy({ mode: 'refuse' });
    try {
      simLog.length = 0;
      const r = await doctor(sim.key, ['--json', ...openaiArgs()], { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, http_proxy: proxy.url });
      expect(r.code).toBe(0);
      expect(r.json!.live[0]!.proxy).toBeUndefined();
      expect(proxy.connects).toEqual([]);
      expect(simLog.some((l) => !/ key=- /.test(`${l} `))).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('sends the key to a host that is not RuAPI only with --allow-host', async () => {
    const proxy = await startProxy({ routes: { 'gateway.example.test': sim.port } });
    try {
      const args = ['--json', '--protocol', 'openai', '--base-url', 'http://gateway.example.test/v1', '--model', 'gpt-5.4-mini'];
      simLog.length = 0;
      const refused = await doctor(sim.key, args, { HTTP_PROXY: proxy.url });
      expect(refused.code).toBe(1);
      expect(refused.json!.findings.map((f) => f.id)).toContain('live/host-not-allowed');
      expect(simLog.every((l) => / key=- /.test(`${l} `))).toBe(true);

      const allowed = await doctor(sim.key, [...args, '--allow-host', 'gateway.example.test'], { HTTP_PROXY: proxy.url });
      expect(allowed.json!.findings.map((f) => f.id)).toContain('live/ok');
    } finally {
      await proxy.close();
    }
  });
});
