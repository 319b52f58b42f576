import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulate/server.js';
import { ROOT, tempDir } from '../../helpers/cli.js';
import { doctor, KEY } from '../../helpers/doctor.js';

/**
 * Base URLs that used to pass offline and fail at the first request (#17): a path in the wrong case,
 * a query, a fragment, a port on RuAPI's host. The doctor flags each; the real SDK shows why.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

describe('base-url parts that break every request', () => {
  it.each([
    ['https://www.ruapi.ai/V1', 'base-url/case', /Paths are case-sensitive/],
    ['https://www.ruapi.ai/v1?x=1', 'base-url/query', /inside the query \(\?x=1\/chat\/completions\).*only the path \/v1:/],
    ['https://www.ruapi.ai/v1#frag', 'base-url/fragment', /nothing after # is ever sent/],
    ['https://www.ruapi.ai:8443/v1', 'base-url/port', /no port.*443/],
  ])('%s: %s, with the documented URL as the fix', async (url, id, says) => {
    const r = await doctor(['doctor', '--json', '--offline', '--model', 'gpt-5.4-mini', '--client', 'openai-node'], { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: url } });
    const f = r.json!.findings.find((x) => x.id === id);
    expect(f).toMatchObject({ severity: 'error', fix: 'export OPENAI_BASE_URL=https://www.ruapi.ai/v1' });
    expect(f!.message).toMatch(says);
    expect(r.json!.verdict).toBe('problems');
    expect(r.code).toBe(1);
  });

  it.each(['https://www.ruapi.ai/v1', 'https://www.ruapi.ai/v1/', 'http://127.0.0.1:8787/v1', 'https://gw.example.com:8443/V1'])('%s has none of them', async (url) => {
    const r = await doctor(['doctor', '--json', '--offline', '--model', 'gpt-5.4-mini'], { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: url } });
    expect(r.ids.filter((id) => /^base-url\/(case|query|fragment|port)$/.test(id))).toEqual([]);
  });

  /** The path the real OpenAI SDK posts to with this base URL, as the gateway saw it. */
  async function sdkPath(base: string): Promise<string> {
    const script = path.join(tempDir(), 'sdk.mjs');
    writeFileSync(
      script,
      `const { default: OpenAI } = await import(${JSON.stringify(path.join(ROOT, 'node_modules/openai/index.mjs'))});
       const c = new OpenAI({ baseURL: ${JSON.stringify(base)}, apiKey: 'x', maxRetries: 0, timeout: 5000, fetch: async (url) => { console.log(String(url)); process.exit(0); } });
       await c.chat.completions.create({ model: 'm', messages: [] });`,
    );
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 15_000 });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((resolve) => child.on('close', resolve));
    return out.trim();
  }

  it('the real SDK puts the endpoint inside the query or the fragment', async () => {
    // The Node SDK escapes the slashes it appended into the query.
    expect(await sdkPath(`${sim.openaiBaseUrl}?x=1`)).toBe(`${sim.openaiBaseUrl}?x=1%2Fchat%2Fcompletions`);
    expect(await sdkPath(`${sim.openaiBaseUrl}#frag`)).toBe(`${sim.openaiBaseUrl}#frag/chat/completions`);
  });
});
