import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { doctor, fixture, OPENAI_GOOD } from '../helpers/doctor.js';

type SimModule = typeof import('../../src/simulate/server.js');
type Simulator = Awaited<ReturnType<SimModule['startSimulator']>>;

/** PowerShell's `>` (Windows PowerShell 5.1) writes UTF-16 LE with a byte order mark. */
const ENV_TEXT = 'OPENAI_API_KEY=sk-Rf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7rS4t\r\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\r\n';
const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => utf16le(text).swap16();

describe('the words of the first five minutes (#17)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    const { startSimulator } = createRequire(import.meta.url)(path.join(ROOT, 'dist/sim.cjs')) as SimModule;
    sim = await startSimulator({ models: ['gpt-5.4-mini'] });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('says "1 model", not "1 models", when the gateway lists one', async () => {
    const r = await doctor(['doctor', '--ci', '--model', 'gpt-5.4-mini'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl }, secrets: [sim.key] });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/answered 200 with 1 model\b/);
    expect(r.stdout).not.toMatch(/\b1 models\b/);
  });

  it('gives a finding’s request id once in the support report', async () => {
    const r = await doctor(['report', '--model', 'gpt-5.4-mini'], { env: { OPENAI_API_KEY: sim.faultKeys['401']!, OPENAI_BASE_URL: sim.openaiBaseUrl }, secrets: [sim.faultKeys['401']!] });
    const line = r.stdout.split('\n').find((l) => l.includes('**live/401**'));
    expect(line).toBeDefined();
    expect(line!.match(/Request id/g)).toHaveLength(1);
  });

  it('refuses --timeout 0 with the range it really accepts', async () => {
    for (const value of ['0', '3601']) {
      const r = await runCli(['doctor', '--offline', '--timeout', value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('expected a number of seconds above 0 and at most 3600, such as 25 or 0.5.');
    }
    // What the message promises is what the flag takes.
    for (const value of ['0.5', '3600']) expect((await runCli(['doctor', '--offline', '--json', '--timeout', value])).code).not.toBe(2);
  });

  it.each([
    ['UTF-16 LE with a BOM (PowerShell 5.1 `>`)', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(ENV_TEXT)]), 'little-endian'],
    ['UTF-16 BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ENV_TEXT)]), 'big-endian'],
    ['UTF-16 LE without a BOM', utf16le(ENV_TEXT), 'little-endian'],
  ])('calls a .env in %s UTF-16, and says how to save it as UTF-8', async (_name, bytes, order) => {
    const r = await doctor(['doctor', '--offline', '--json'], { project: { '.env': bytes }, env: OPENAI_GOOD });
    const f = r.json!.findings.find((x) => x.id === 'config/unreadable')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain(`It is UTF-16 text (${order}), as Windows PowerShell's > and Out-File write it, not UTF-8.`);
    expect(f.message).not.toMatch(/binary/);
    expect(f.fix).toContain('Save .env again as UTF-8 without BOM');
    expect(f.fix).toContain('(Get-Content .env) | Set-Content -Encoding utf8NoBOM .env');
    expect(f.fix).toContain('"Save with Encoding"');
  });

  it('still calls a file with stray NUL bytes binary data', async () => {
    const r = await doctor(['doctor', '--offline', '--json'], { project: { '.env': fixture('binary.env') }, env: OPENAI_GOOD });
    expect(r.json!.findings.find((x) => x.id === 'config/unreadable')!.message).toMatch(/^It holds binary data \(NUL bytes\), not text\./);
  });
});
