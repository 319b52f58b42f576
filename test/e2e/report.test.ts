import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersion, ROOT } from '../helpers/cli.js';
import { KEY, doctor } from '../helpers/doctor.js';

const sha8 = (s: string) => createHash('sha256').update(s.trim()).digest('hex').slice(0, 8);

/** Every 12-character piece of a key, hidden characters removed: none may be in a report. */
function expectNoPieceOf(text: string, key: string) {
  const core = key.replace(/[\s\u00A0\u200B-\u200D\u2060\uFEFF]/g, '');
  for (let i = 0; i + 12 <= core.length; i += 3) expect(text.includes(core.slice(i, i + 12)), `piece ${i} of a key is in the report`).toBe(false);
}

/** Keys as they get pasted: every one must stay out of the report, whichever way it came in. */
const ODD_KEYS = [
  KEY,
  ` ${KEY}\n`,
  `"${KEY}"`,
  `Bearer ${KEY}`,
  `${KEY.slice(0, 20)}\u200b${KEY.slice(20)}`,
  `${KEY.slice(0, 25)} ${KEY.slice(25)}`,
  KEY.replace('c', 'с'), // a Cyrillic look-alike
  'sk-Pipe|Tick`Star*Under_Score-0123456789abcdefXYZ',
  'sk-<script>alert(1)</script>**bold**[link](x)0123456789',
  `sk-${'Ab9'.repeat(700)}`, // 2 KB
  'not-a-key-shape-but-still-the-key-0123456789ABCDEFGH',
  `sk-ant-api03-${'Zx7_'.repeat(20)}AA`,
];

describe.concurrent('ruapi report', () => {
  it('gives support versions, the configuration with sources, the key fingerprint, findings and a reminder, in Markdown', async () => {
    const r = await doctor(['report', '--offline', '--model', 'gpt4o'], { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai' } });
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^## RuAPI support report$/m);
    expect(md).toMatch(/^\| ruapi \| \d+\.\d+\.\d+/m);
    expect(md).toContain(`| Node.js | ${nodeVersion()} |`); // the node running the CLI, not vitest's
    expect(md).toMatch(/^\| base URL \| `https:\/\/www\.ruapi\.ai` \| OPENAI_BASE_URL in the environment \|$/m);
    expect(md).toContain(`| key | \`sk-…rS4t\` (fingerprint \`${sha8(KEY)}\`) | OPENAI_API_KEY in the environment |`);
    expect(md).toMatch(/\*\*base-url\/missing-v1\*\*/);
    expect(md).toMatch(/\*\*model\/unknown\*\*/);
    expect(md).toMatch(/Console → Logs/);
    expect(r.stderr).toBe('');
  });

  it('is the same as doctor --report, and JSON with --json', async () => {
    const env = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' };
    const a = await doctor(['report', '--offline', '--json'], { env });
    const b = await doctor(['doctor', '--report', '--offline', '--json'], { env });
    const drop = (s: string) => ({ ...JSON.parse(s), generatedAt: undefined });
    expect(drop(a.stdout)).toEqual(drop(b.stdout));
    const json = JSON.parse(a.stdout);
    expect(json.schema).toBe('ruapi-support-report/1');
    expect(json.configs[0]).toMatchObject({ protocol: 'openai', key: 'sk-…rS4t', keyFingerprint: sha8(KEY) });
  });

  it('lists the request ids the gateway returned', async () => {
    const { startSimulator } = createRequire(import.meta.url)(path.join(ROOT, 'dist/sim.cjs')) as typeof import('../../src/simulate/server.js');
    const sim = await startSimulator();
    try {
      const r = await doctor(['report', '--json', '--model', 'gpt-5.4-mini'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl }, secrets: [sim.key] });
      const json = JSON.parse(r.stdout);
      expect(json.requestIds.length).toBeGreaterThan(0);
      for (const id of json.requestIds) expect(id).toMatch(/^req_/);
      expect(json.ok).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it.each(ODD_KEYS.map((k) => [JSON.stringify(k).slice(0, 24), k]))('contains no key, whatever its shape: %s', async (_name, key) => {
    const runs = [
      // in a key variable, in Markdown and JSON
      await doctor(['report', '--offline'], { env: { OPENAI_API_KEY: key, OPENAI_BASE_URL: 'https://www.ruapi.ai' }, secrets: [key] }),
      await doctor(['report', '--offline', '--json'], { env: { ANTHROPIC_AUTH_TOKEN: key, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai/v1' }, secrets: [key] }),
      // piped in, and pasted where the base URL and the model go
      await doctor(['report', '--offline', '--key-stdin', '--base-url', key, '--model', key], { input: key, secrets: [key] }),
      // in a .env file, quoted
      await doctor(['report', '--offline'], { project: { '.env': `RUAPI_API_KEY='${key.replace(/'/g, '')}'\nRUAPI_BASE_URL=https://www.ruapi.ai/v1\n` }, secrets: [key] }),
    ];
    for (const r of runs) {
      expect(r.code).toBe(0);
      expectNoPieceOf(r.stdout + r.stderr, key.replace(/^Bearer /, '').replace(/^"|"$/g, ''));
    }
  });
});
