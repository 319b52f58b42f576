import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { runDoctor } from '../../src/doctor/index.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { ANTHROPIC_GOOD, KEY, OPENAI_GOOD, doctor, expectCleanFailure, expectNoSecret, fixture } from '../helpers/doctor.js';

const BROKEN = { project: { '.env': fixture('openai-missing-v1.env') } };

/** The simulator as built (dist/sim.cjs), started in this test process on 127.0.0.1. */
const loadSimulator = async () => createRequire(import.meta.url)(path.join(ROOT, 'dist/sim.cjs')) as typeof import('../../src/simulate/server.js');

describe.concurrent('the human report', () => {
  it('groups findings by protocol and area, with marks, where the bad value came from, the fix and a summary line', async () => {
    const r = await doctor(['doctor', '--offline', '--model', 'gpt4o'], BROKEN);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toMatch(/^OpenAI-compatible protocol {2}\(set by OPENAI_API_KEY, OPENAI_BASE_URL\)$/m);
    expect(out).toMatch(/^ {2}✓ Key {7}sk-…rS4t {2}\(OPENAI_API_KEY in \.env, line 2\) {2}shaped like a RuAPI token \(only the gateway can say it works\)$/m);
    expect(out).toMatch(/^ {2}✗ Base URL {2}https:\/\/www\.ruapi\.ai {2}\(OPENAI_BASE_URL in \.env, line 4\)$/m);
    expect(out).toMatch(/^ {6}✗ The base URL lacks \/v1 {2}\[base-url\/missing-v1\]$/m);
    expect(out).toMatch(/^ {8}from: OPENAI_BASE_URL in \.env, line 4$/m);
    expect(out).toMatch(/^ {8}fix: {2}OPENAI_BASE_URL=https:\/\/www\.ruapi\.ai\/v1 {3}\(\.env, line 4\)$/m);
    expect(out).toMatch(/^ {2}✗ Model {5}gpt4o/m);
    expect(out).toMatch(/^ {2}– Live {6}skipped \(--offline\)$/m);
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^✗ 2 problems\. Offline: nothing was sent to RuAPI/);
    expect(r.stderr).toBe('');
  });

  it('counts warnings without failing, and fails on them with --strict', async () => {
    const env = { ...OPENAI_GOOD, OPENAI_API_KEY: `${KEY}\n` };
    const r = await doctor(['doctor', '--offline', '--model', 'gpt-5.4-mini'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ Offline checks passed; the gateway was not asked, with 1 warning above\./m);
    const strict = await doctor(['doctor', '--offline', '--model', 'gpt-5.4-mini', '--strict'], { env });
    expect(strict.code).toBe(1);
    // Never "✗ No problems": under --strict the warning is what fails the run, and the line says so.
    expect(strict.stdout).toMatch(/^✗ 1 warning, which fails the run with --strict\./m);
    expect(strict.stdout).not.toMatch(/No problems/);
  });

  it('shows passing checks, the files looked at and the redacted key with --verbose', async () => {
    const r = await doctor(['doctor', '--offline', '--verbose'], { project: { '.env': fixture('openai-good.env') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Configuration$/m);
    expect(r.stdout).toMatch(/^ {2}✓ \.env$/m);
    expect(r.stdout).toMatch(/^ {2}– ~\/\.claude\/settings\.json {2}\(not present\)$/m);
    expect(r.stdout).toMatch(/^ {6}✓ no stray whitespace or invisible characters in the key$/m);
    expect(r.stdout).toMatch(/^ {6}✓ the OpenAI-compatible base URL ends in \/v1$/m);
    expect(r.stdout).not.toMatch(/the Anthropic base URL has no \/v1/);
    expect(r.stdout).toContain('sk-…rS4t');
    const plain = await doctor(['doctor', '--offline'], { project: { '.env': fixture('openai-good.env') } });
    expect(plain.stdout).not.toMatch(/no stray whitespace/);
  });

  it('is ready when set up right for the OpenAI protocol (exit 0, no error)', async () => {
    const r = await doctor(['doctor', '--offline', '--json', '--model', 'gpt-5.4-mini'], { project: { '.env': fixture('openai-good.env') } });
    expect(r.code).toBe(0);
    expect(r.json!.ok).toBe(true);
    expect(r.json!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('is ready when set up right for the Anthropic protocol through Claude Code settings (exit 0, no error)', async () => {
    const r = await doctor(['doctor', '--offline', '--json'], { home: { '.claude/settings.json': fixture('claude-settings-good.json') } });
    expect(r.code).toBe(0);
    expect(r.json!.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const human = await doctor(['doctor', '--offline'], { env: { ...ANTHROPIC_GOOD, ANTHROPIC_MODEL: 'claude-opus-4-8' } });
    expect(human.stdout).toMatch(/✓ Base URL {2}https:\/\/www\.ruapi\.ai .*RuAPI's Anthropic address/);
    expect(human.stdout).toMatch(/^✓ Offline checks passed; the gateway was not asked\./m);
  });
});

describe.concurrent('--json and other formats', () => {
  it('prints only JSON, in the documented shape, with the key redacted', async () => {
    const r = await doctor(['doctor', '--offline', '--json'], BROKEN);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['ok', 'date', 'verdict', 'unverified', 'findings', 'config', 'configs', 'checks', 'live', 'clients']);
    expect(json.verdict).toBe('problems');
    expect(json.unverified).toEqual([]);
    expect(Object.keys(json.config)).toEqual(['protocol', 'baseUrl', 'key', 'model', 'sources']);
    expect(json.config.key).toBe('<redacted sk-…rS4t>');
    expect(json.ok).toBe(false);
    for (const f of json.findings) {
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(typeof f.title).toBe('string');
      expect(typeof f.message).toBe('string');
      expect(typeof f.fix).toBe('string');
    }
    expect(json.checks.every((c: { id: string; status: string }) => ['pass', 'fail', 'warn', 'skip'].includes(c.status))).toBe(true);
    expect(json.live).toEqual([]);
  });

  it('gives the same JSON for --format json', async () => {
    const strip = (s: string) => JSON.stringify(JSON.parse(s, (k, v) => (k === 'ms' ? undefined : v)));
    const a = await doctor(['doctor', '--offline', '--json'], BROKEN);
    const b = await doctor(['doctor', '--offline', '--format', 'json'], BROKEN);
    expect(strip(b.stdout)).toBe(strip(a.stdout));
  });

  it('refuses --json with another --format (exit 2)', async () => {
    const r = await doctor(['doctor', '--offline', '--json', '--format', 'human']);
    expectCleanFailure(r, 2);
    expect(r.stderr).toMatch(/--json and --format human/);
  });

  it('writes the chosen format to --output while the human summary still goes to the terminal', async () => {
    const r = await doctor(['doctor', '--offline', '--format', 'json', '--output', 'doctor.json'], BROKEN);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✗ 1 problem\./m);
    const written = JSON.parse(readFileSync(path.join(r.cwd, 'doctor.json'), 'utf8'));
    expect(written.findings.map((f: { id: string }) => f.id)).toContain('base-url/missing-v1');
  });

  it('says so in one line when --output cannot be written (exit 2)', async () => {
    const r = await doctor(['doctor', '--offline', '--output', 'no/such/dir/out.txt'], BROKEN);
    expectCleanFailure(r, 2);
    expect(r.stderr).toMatch(/--output no\/such\/dir\/out\.txt: cannot write it \(ENOENT\)/);
  });

  it('renders JUnit XML and a Markdown summary', async () => {
    const junit = await doctor(['doctor', '--offline', '--format', 'junit'], BROKEN);
    expect(junit.stdout).toMatch(/^<\?xml/);
    expect(junit.stdout).toMatch(/<failure message="The base URL lacks \/v1" type="base-url\/missing-v1">/);
    const md = await doctor(['doctor', '--offline', '--format', 'markdown'], BROKEN);
    expect(md.stdout).toMatch(/^### ruapi doctor: ✗/);
  });

  it('adds GitHub annotations after the human output under GitHub Actions, and the Markdown summary to the step summary', async () => {
    const summary = path.join(tempDir(), 'summary.md');
    const r = await doctor(['doctor', '--offline', '--model', 'gpt-5.4-mini'], { ...BROKEN, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^::error file=\.env,line=4,title=ruapi base-url\/missing-v1%3A The base URL lacks \/v1::OpenAI-compatible clients .*%0AFix: OPENAI_BASE_URL=https:\/\/www\.ruapi\.ai\/v1/);
    // The report sits between stop-commands markers with a fresh token; the annotation comes after them.
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)?.[1];
    expect(token).toBeDefined();
    expect(lines.at(-2)).toBe(`::${token}::`);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(3);
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/### ruapi doctor/);
    expectNoSecret([md], [KEY]);
    const json = await doctor(['doctor', '--offline', '--json'], { ...BROKEN, env: { GITHUB_ACTIONS: 'true' } });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    const plain = await doctor(['doctor', '--offline'], BROKEN);
    expect(plain.stdout).not.toContain('::error');
  });

  it("under GitHub Actions, one cause is one annotation on the file's line, naming the offline and the live check; --json writes them on stderr", async () => {
    const { startSimulator } = await loadSimulator();
    const sim = await startSimulator();
    try {
      // The simulator's origin without /v1, in .env: base-url/missing-v1 offline, live/404-url live.
      const project = { '.env': `OPENAI_API_KEY=${sim.key}\nOPENAI_BASE_URL=${sim.url}\n` };
      const env = { GITHUB_ACTIONS: 'true' };
      const r = await doctor(['doctor', '--model', 'gpt-5.4-mini'], { project, env, secrets: [sim.key] });
      const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(annotations).toHaveLength(1);
      expect(annotations[0]).toMatch(/^::error file=\.env,line=2,title=ruapi base-url\/missing-v1 \+ live\/404-url%3A The base URL lacks \/v1::.*%0AThe live check confirms it \(live\/404-url\)/);
      const json = await doctor(['doctor', '--model', 'gpt-5.4-mini', '--json'], { project, env, secrets: [sim.key] });
      expect(json.json!.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['base-url/missing-v1', 'live/404-url']));
      expect(json.stderr.split('\n').filter((l) => l.startsWith('::error'))).toEqual(annotations);
      expect(json.stdout).not.toContain('::error');
    } finally {
      await sim.close();
    }
  });

  it('turns warnings into ::warning annotations', async () => {
    const r = await doctor(['doctor', '--offline', '--model', 'gpt-5.4-mini'], { env: { ...OPENAI_GOOD, OPENAI_BASE_URL: 'https://ruapi.ai/v1', GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::warning title=ruapi base-url\/host%3A The host is ruapi\.ai%2C not www\.ruapi\.ai::/m);
  });
});

describe.concurrent('odd input ends fast with a clear message and the documented exit code', () => {
  const FAST = { timeoutMs: 5000 };

  it('a 100 KB key', async () => {
    const huge = `sk-${'A'.repeat(100_000)}`;
    const r = await doctor(['doctor', '--offline', '--json'], { ...FAST, env: { OPENAI_API_KEY: huge, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' }, secrets: [huge] });
    expect(r.code).toBe(0);
    expect(r.json!.findings.find((f) => f.id === 'key/format')?.message).toMatch(/100003 characters long/);
    expect(r.stdout.length).toBeLessThan(20_000);
    const piped = await doctor(['doctor', '--offline', '--key-stdin', '--base-url', 'https://www.ruapi.ai/v1'], { ...FAST, input: `${huge}\n`, secrets: [huge] });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/does not look like a RuAPI token/);
  });

  it('a 100 KB model id and base URL', async () => {
    const r = await doctor(['doctor', '--offline', '--model', 'm'.repeat(100_000), '--base-url', `https://www.ruapi.ai/${'v'.repeat(100_000)}`, '--key-stdin'], { ...FAST, input: KEY });
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeLessThan(20_000);
  });

  it('more than 1 MB on --key-stdin (exit 2)', async () => {
    const r = await doctor(['doctor', '--offline', '--key-stdin'], { ...FAST, input: Buffer.alloc(2 * 1024 * 1024, 'a') });
    expectCleanFailure(r, 2);
    expect(r.stderr).toMatch(/more than 1 MB/);
  });

  it('a binary .env', async () => {
    const r = await doctor(['doctor', '--offline'], { ...FAST, project: { '.env': fixture('binary.env') }, env: OPENAI_GOOD });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/! \.env could not be read {2}\[config\/unreadable\]/);
    expect(r.stdout).toMatch(/It holds binary data \(NUL bytes\), not text\./);
  });

  it('a .env that is not UTF-8, and a .env that is a folder', async () => {
    const latin1 = await doctor(['doctor', '--offline', '--json'], { ...FAST, project: { '.env': Buffer.from('OPENAI_API_KEY=caf\xe9\n', 'latin1') } });
    expect(latin1.json!.findings.find((f) => f.id === 'config/unreadable')?.message).toMatch(/not UTF-8 text/);
    const folder = await doctor(['doctor', '--offline', '--json'], { ...FAST, project: { '.env/placeholder': '' } });
    expect(folder.json!.findings.find((f) => f.id === 'config/unreadable')?.message).toMatch(/folder, not a file/);
  });

  it('broken settings JSON, without quoting the file (it may hold a key)', async () => {
    const r = await doctor(['doctor', '--offline'], { ...FAST, home: { '.claude/settings.json': fixture('claude-settings-broken.json') } });
    expect(r.stdout).toMatch(/~\/\.claude\/settings\.json could not be read/);
    expect(r.stdout).toMatch(/line 4, column 29/);
    expect(r.stdout).not.toContain('rS4t');
  });

  it.each([
    [['doctor', '--no-such-flag'], /unknown option '--no-such-flag'/],
    [['doctor', '--protocol', 'grpc'], /argument 'grpc' is invalid/],
    [['doctor', '--timeout', 'soon'], /expected a number of seconds/],
    [['doctor', '--format', 'yaml'], /argument 'yaml' is invalid/],
    [['doctor', '--yes'], /--yes goes with --fix/],
    [['doctor', '--fix', '--report'], /--fix and --report do different things/],
    [['doctor', '--report', '--format', 'junit'], /the support report is Markdown, or JSON with --json/],
    [['doctor', '--demo', '--key', KEY], /--demo brings its own set-up .*: drop --key/],
  ])('usage error: %j (exit 2)', async (args, message) => {
    const r = await doctor(args, FAST);
    expectCleanFailure(r, 2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('an empty pipe on --key-stdin ends at once with key/missing, not a wait', async () => {
    const r = await doctor(['doctor', '--offline', '--key-stdin', '--json'], FAST);
    expect(r.ids).toContain('key/missing');
  });
});

describe.concurrent('the key never appears in any output', () => {
  const mangled = [` ${KEY}`, `"${KEY}"`, `Bearer ${KEY}`, `${KEY}\u200b`, `${KEY.slice(0, 30)}\n${KEY.slice(30)}`, KEY.replace('c', 'с')];
  it.each(mangled.map((k) => [JSON.stringify(k).slice(0, 16), k]))('not in human, verbose, JSON, JUnit, Markdown, annotations or --output, for a key like %s', async (_name, key) => {
    const env = { OPENAI_API_KEY: key, OPENAI_BASE_URL: 'https://www.ruapi.ai', GITHUB_ACTIONS: 'true' };
    for (const args of [['--verbose'], ['--json'], ['--format', 'junit'], ['--format', 'markdown'], ['--format', 'json', '--output', 'out.json']]) {
      // The helper checks stdout, stderr and the --output file of every run against the key.
      const r = await doctor(['doctor', '--offline', '--model', 'gpt4o', ...args], { env, secrets: [key] });
      expect(r.code).toBe(1);
    }
  });
});

describe('without --offline', () => {
  it('runs the live checks too and adds what they saw to the result', async () => {
    // A port that refuses connections: the live check fails fast, on this machine only.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const r = await doctor(['doctor', '--json', '--ci', '--timeout', '5'], { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` } });
    expect(r.json!.live).toHaveLength(1);
    expect(r.json!.live[0]!.protocol).toBe('openai');
    expect(r.json!.findings.some((f) => f.id.startsWith('live/'))).toBe(true);
    expect(r.json!.checks.some((c) => c.id.startsWith('live/'))).toBe(true);
    expect(r.code).toBe(1);
  });

  it('does not go online for a target without a base URL (the SDK would call the provider, not RuAPI)', async () => {
    const r = await doctor(['doctor', '--json', '--ci'], { env: { OPENAI_API_KEY: KEY } });
    expect(r.json!.live).toEqual([]);
  });

  it('still checks DNS, connection and the HTTP answer when there is a base URL but no key, and sends no key', async () => {
    const { startSimulator } = await loadSimulator();
    const sim = await startSimulator();
    try {
      const r = await doctor(['doctor', '--json', '--ci'], { env: { OPENAI_BASE_URL: sim.openaiBaseUrl } });
      expect(r.json!.live).toHaveLength(1);
      const steps = Object.fromEntries(r.json!.live[0]!.steps.map((s) => [s.id, s]));
      expect(steps.connect!.status).toBe('ok');
      expect(steps.http!.status).toBe('ok');
      expect(steps.auth).toMatchObject({ status: 'skipped', blockedBy: 'key/missing' });
      expect(r.ids).toContain('key/missing');
      expect(r.code).toBe(1);
    } finally {
      await sim.close();
    }
  });

  it('stops the live checks at once when its AbortSignal fires (Ctrl-C), not at the time limit', async () => {
    const { startSimulator } = await loadSimulator();
    const sim = await startSimulator({ fail: 'slow', slowMs: 60_000 });
    try {
      const controller = new AbortController();
      let pressed = 0;
      const run = await runDoctor({
        env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl },
        model: 'gpt-5.4-mini',
        cwd: tempDir(),
        home: tempDir(),
        timeoutMs: 15_000,
        signal: controller.signal,
        // "Ctrl-C" once the probe is on its way and waiting for the slow answer.
        onStep: (_protocol, step) => {
          if (step.id === 'probe' && step.status === 'running' && !pressed) {
            pressed = performance.now();
            setTimeout(() => controller.abort(), 200);
          }
        },
      });
      expect(pressed).toBeGreaterThan(0);
      expect(performance.now() - pressed).toBeLessThan(3000);
      expect(run.result.live[0]!.steps.find((s) => s.id === 'probe')!.status).toBe('warn');
    } finally {
      await sim.close();
    }
  });

  it('checks both protocols side by side, so two slow gateways take the time of one', async () => {
    const { startSimulator } = await loadSimulator();
    // Headers come after 3 s on the probe; the whole run stays well under two of those waits plus overhead.
    const sim = await startSimulator({ fail: 'slow', slowMs: 3000 });
    try {
      const r = await doctor(['doctor', '--json', '--ci', '--model', 'gpt-5.4-mini'], {
        env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl, ANTHROPIC_API_KEY: sim.key, ANTHROPIC_BASE_URL: sim.anthropicBaseUrl },
        secrets: [sim.key],
        timeoutMs: 20_000,
      });
      // The Anthropic TypeScript SDK 1.x sends its key as Bearer, the doctor's Anthropic target as x-api-key: a request of its own, sent side by side.
      expect(r.json!.live.map((l) => l.protocol)).toEqual(['openai', 'anthropic', 'anthropic']);
      for (const live of r.json!.live) expect(live.steps.find((s) => s.id === 'probe')).toMatchObject({ status: 'ok' });
      expect(r.ms).toBeGreaterThan(3000); // the slow answer did come into play
      expect(r.ms).toBeLessThan(5800);
    } finally {
      await sim.close();
    }
  });
});
