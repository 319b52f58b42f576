import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { doctor, expectCleanFailure, KEY } from '../helpers/doctor.js';

/** A port on 127.0.0.1 where nothing listens: a proxy there would refuse every connection. */
async function deadPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

describe.concurrent('ruapi doctor --demo', () => {
  it('without a terminal (as in CI) runs a correct and a broken set-up against a local simulator, and exits 0', async () => {
    const r = await doctor(['doctor', '--demo'], { timeoutMs: 30_000 });
    expect(r.stderr).toBe('');
    const [first, second] = r.stdout.split(/^━━ Demo 2 of 2/m);
    expect(first).toMatch(/^━━ Demo 1 of 2: a correct set-up ━━$/m);
    expect(first).toMatch(/^ {6}✓ Probe request /m);
    expect(first).toMatch(/^ {6}✓ Streaming /m);
    expect(first).toMatch(/^✓ Ready: a real request proved the key, the model and the balance\.$/m);
    expect(second).toMatch(/: a typical broken set-up ━━/);
    expect(second).toContain('[base-url/extra-v1]');
    expect(second).toContain('[model/unknown]');
    expect(second).toContain('[live/404-url]');
    expect(second).toContain('RUAPI_MODEL=claude-opus-4-8');
    expect(second).toMatch(/^✗ 3 problems\.$/m);
    expect(r.stdout).toMatch(/The demo ran as expected/);
    expect(r.stdout).toMatch(/127\.0\.0\.1:\d+/);
    expect(r.code).toBe(0);
  });

  it("never reads the user's own set-up, and never goes through a proxy from the environment", async () => {
    const other = 'sk-USERSownKEYnever0shown1in2the3demo4output5678';
    const proxy = `http://127.0.0.1:${await deadPort()}`;
    const r = await doctor(['doctor', '--demo'], {
      timeoutMs: 30_000,
      secrets: [other],
      env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://user.example/v1', HTTP_PROXY: proxy, HTTPS_PROXY: proxy, http_proxy: proxy },
      project: { '.env': `ANTHROPIC_API_KEY=${other}\nANTHROPIC_BASE_URL=https://user-env-file.example\n` },
      home: { '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: other, ANTHROPIC_MODEL: 'users-own-model' } }) },
    });
    expect(r.code).toBe(0);
    for (const theirs of ['user.example', 'user-env-file.example', 'users-own-model', 'settings.json', 'via http']) expect(r.stdout).not.toContain(theirs);
  });

  it('prints both runs as JSON with --json', async () => {
    const r = await doctor(['doctor', '--demo', '--json'], { timeoutMs: 30_000 });
    const json = JSON.parse(r.stdout) as { asExpected: boolean; demo: Array<{ title: string; asExpected: boolean; result: DoctorResult }> };
    expect(json.asExpected).toBe(true);
    expect(json.demo.map((d) => [d.title, d.asExpected, d.result.ok])).toEqual([
      ['a correct set-up', true, true],
      ['a typical broken set-up', true, false],
    ]);
    expect(json.demo[0]!.result.live[0]!.steps.map((s) => s.status)).toEqual(json.demo[0]!.result.live[0]!.steps.map(() => 'ok'));
    expect(r.code).toBe(0);
  });

  it('refuses flags that would bring in a set-up of its own (exit 2)', async () => {
    for (const args of [['--model', 'gpt-4o'], ['--key-stdin'], ['--offline'], ['--fix'], ['--format', 'junit']]) {
      const r = await doctor(['doctor', '--demo', ...args]);
      expectCleanFailure(r, 2);
      expect(r.stdout).toBe('');
    }
  });
});
