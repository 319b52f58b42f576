import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { ANTHROPIC_GOOD, doctor, OPENAI_GOOD } from '../helpers/doctor.js';

type SimModule = typeof import('../../src/simulate/server.js');
type Simulator = Awaited<ReturnType<SimModule['startSimulator']>>;

describe('the model did-you-mean says how the id differs, closest id first', () => {
  it.each([
    ['claude-sonet-4.6', 'claude-sonnet-4-6', 'one letter missing and a dot instead of a hyphen', ANTHROPIC_GOOD],
    ['gpt-5.4-mnii', 'gpt-5.4-mini', 'two letters swapped', OPENAI_GOOD],
    ['gpt-5.4-mni', 'gpt-5.4-mini', 'one letter missing', OPENAI_GOOD],
    ['gpt-5.4-minii', 'gpt-5.4-mini', 'one extra letter', OPENAI_GOOD],
    ['gpt-5.4-mimi', 'gpt-5.4-mini', '"m" instead of "n"', OPENAI_GOOD],
    ['clade-sonet-4.6', 'claude-sonnet-4-6', '3 characters differ', ANTHROPIC_GOOD],
  ])('%s → %s: %s', async (typed, meant, words, env) => {
    const r = await doctor(['doctor', '--offline', '--json', '--model', typed], { env });
    const f = r.json!.findings.find((x) => x.id === 'model/unknown')!;
    expect(f.title).toBe(`Unknown model id: did you mean ${meant}?`);
    expect(f.message).toContain(`It is close to ${meant}: ${words}.`);
    expect(f.message).not.toMatch(/one or two characters/);
  });

  describe('on the gateway’s own list', () => {
    let sim: Simulator;
    beforeAll(async () => {
      const { startSimulator } = createRequire(import.meta.url)(path.join(ROOT, 'dist/sim.cjs')) as SimModule;
      sim = await startSimulator();
    });
    afterAll(async () => {
      await sim?.close();
    });

    it('offers gpt-4o for gpt-4 before the longer gpt-4o-mini', async () => {
      const r = await doctor(['doctor', '--ci', '--json', '--protocol', 'openai', '--model', 'gpt-4'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl }, secrets: [sim.key] });
      const f = r.json!.findings.find((x) => x.id === 'live/404-model')!;
      expect(f.message).toContain('Did you mean "gpt-4o" or "gpt-4.1" or "gpt-4o-mini"?');
      expect(f.fix).toMatch(/^1\. Set the model to gpt-4o\n/);
    });
  });
});
