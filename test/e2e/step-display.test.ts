import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { doctor, KEY } from '../helpers/doctor.js';
import { refusedPort } from '../helpers/proxy.js';
import { startRuapi, TMUX_MISSING } from '../helpers/tmux.js';

type SimModule = typeof import('../../src/simulate/server.js');
type Simulator = Awaited<ReturnType<SimModule['startSimulator']>>;

/** The steps as the report and the spinner show them say the same (#17). */

let sim: Simulator;
beforeAll(async () => {
  const { startSimulator } = createRequire(import.meta.url)(path.join(ROOT, 'dist/sim.cjs')) as SimModule;
  sim = await startSimulator();
});
afterAll(() => sim.close());

describe('live steps', () => {
  it('a refused connection leaves DNS passed, never "blocked by" the later TCP connect; an IP address takes 0 ms to look up', async () => {
    const port = await refusedPort();
    const r = await doctor(['doctor', '--json', '--model', 'gpt-5.4-mini'], { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` } });
    const steps = r.json!.live[0]!.steps;
    expect(steps.find((s) => s.id === 'dns')).toMatchObject({ status: 'ok', ms: 0, detail: 'an IP address: nothing to look up' });
    expect(steps.find((s) => s.id === 'dns')!.blockedBy).toBeUndefined();
    expect(steps.find((s) => s.id === 'http')).toMatchObject({ status: 'skipped', blockedBy: 'connect' });
  });

  it.skipIf(TMUX_MISSING)("the spinner's times are the report's", async () => {
    const cwd = tempDir();
    const t = await startRuapi(['doctor', '--model', 'gpt-5.4-mini', '--output', 'report.txt'], { cwd, home: cwd, env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl }, width: 120, height: 50 });
    await t.waitForExit(20_000);
    const screen = await t.capture();
    const report = readFileSync(path.join(cwd, 'report.txt'), 'utf8');
    for (const label of ['DNS', 'TCP connect', 'HTTP answer']) {
      const spun = new RegExp(`^✓ ${label} {2}([\\d.]+ m?s)`, 'm').exec(screen)?.[1];
      const reported = new RegExp(`✓ ${label} +([\\d.]+ m?s)`).exec(report)?.[1];
      expect({ label, spun }).toEqual({ label, spun: reported });
    }
  });

  it('a model nobody set is not ticked: nothing was checked', async () => {
    const r = await doctor(['doctor', '--offline'], { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' } });
    expect(r.stdout).toMatch(/^ {2}– Model {5}not set$/m);
    expect(r.stdout).not.toMatch(/✓ Model {5}not set/);
  });

  it('every format names the same parts with the same words: from and fix', async () => {
    const env = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai' };
    const human = await doctor(['doctor', '--offline', '--model', 'gpt-5.4-mini'], { env });
    const junit = await doctor(['doctor', '--offline', '--model', 'gpt-5.4-mini', '--format', 'junit'], { env });
    const github = await doctor(['doctor', '--offline', '--model', 'gpt-5.4-mini'], { env: { ...env, GITHUB_ACTIONS: 'true' } });
    expect(human.stdout).toMatch(/from: OPENAI_BASE_URL in the environment\n\s+fix: /);
    const annotation = github.stdout.split('\n').find((l) => l.startsWith('::error'))!.replace(/%0A/g, '\n');
    for (const out of [junit.stdout, annotation]) {
      expect(out).toMatch(/From: OPENAI_BASE_URL in the environment/);
      expect(out).toMatch(/Fix: /);
      expect(out).not.toMatch(/Source: /);
    }
  });
});
