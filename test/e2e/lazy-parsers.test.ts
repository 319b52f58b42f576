import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

// @ts-expect-error: plain ESM build script, no types
const { common } = (await import('../../scripts/build.mjs')) as { common: Record<string, unknown> };
const { build } = await import('esbuild');

const PARSERS = ['smol-toml.cjs', 'jsonc-parser.cjs', 'yaml.cjs'];
const RECORDER = path.join(ROOT, 'test/helpers/record-loads.cjs');

/** Runs the built CLI and says which of dist/'s chunks it loaded. */
async function chunksLoaded(args: string[], files: { home?: Record<string, string>; cwd?: Record<string, string> } = {}) {
  const home = tempDir(files.home);
  const cwd = files.cwd ? tempDir(files.cwd) : home;
  const loads = path.join(tempDir(), 'loads.txt');
  const r = await runCli(args, { home, cwd, env: { NODE_OPTIONS: `--require ${RECORDER}`, RUAPI_TEST_LOADS: loads } });
  const chunks = readFileSync(loads, 'utf8')
    .split('\n')
    .filter((f) => path.dirname(f) === path.join(ROOT, 'dist'))
    .map((f) => path.basename(f));
  return { ...r, chunks, parsers: chunks.filter((c) => PARSERS.includes(c)) };
}

describe.concurrent("the parsers of the tools' config files", () => {
  it('are not loaded by `ruapi explain 404`', async () => {
    const r = await chunksLoaded(['explain', '404']);
    expect(r.code).toBe(0);
    expect(r.chunks).toContain('explain.cjs');
    expect(r.parsers).toEqual([]);
  });

  it('are not loaded by `ruapi doctor --offline` when none of those files exists', async () => {
    const r = await chunksLoaded(['doctor', '--offline'], { cwd: { '.env': 'OPENAI_API_KEY=sk-lazy0123456789abcdef\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n' } });
    expect(r.chunks).toContain('doctor.cjs');
    expect(r.parsers).toEqual([]);
  });

  it('are loaded one at a time, only for the file found, and change nothing of the merged view (the tool gets a verdict of its own)', async () => {
    const env = { '.env': 'OPENAI_API_KEY=sk-lazy0123456789abcdef\nOPENAI_BASE_URL=https://www.ruapi.ai\n' };
    const [bare, codex, continueYaml, opencode] = await Promise.all([
      chunksLoaded(['doctor', '--offline', '--json'], { cwd: env }),
      chunksLoaded(['doctor', '--offline', '--json'], { cwd: env, home: { '.codex/config.toml': 'model = "gpt-4o"\n' } }),
      chunksLoaded(['doctor', '--offline', '--json'], { cwd: env, home: { '.continue/config.yaml': 'models:\n  - provider: openai\n' } }),
      chunksLoaded(['doctor', '--offline', '--json'], { cwd: { ...env, 'opencode.json': '{"model": "a/b"}' } }),
    ]);
    expect([bare.parsers, codex.parsers, continueYaml.parsers, opencode.parsers]).toEqual([[], ['smol-toml.cjs'], ['yaml.cjs'], ['jsonc-parser.cjs']]);
    // Check timings (`ms`) differ from run to run; the rest must not.
    const text = (r: typeof bare) => JSON.stringify(JSON.parse(r.stdout).configs, (k, v) => (k === 'ms' ? undefined : v));
    const clients = (r: typeof bare) => (JSON.parse(r.stdout) as { clients: Array<{ id: string }> }).clients.map((c) => c.id);
    for (const [r, id] of [[codex, 'codex'], [continueYaml, 'continue'], [opencode, 'opencode']] as const) {
      expect(text(r)).toBe(text(bare));
      expect(clients(r)).toEqual([id, ...clients(bare)]);
    }
  });

  it('work when bundled inline, as the standalone binary bundles them (its build shares these options)', async () => {
    const dir = tempDir();
    const entry = path.join(dir, 'entry.ts');
    const formats = path.join(ROOT, 'src/config/formats');
    writeFileSync(
      entry,
      ['toml', 'jsonc', 'yaml'].map((f) => `export { parse${f === 'jsonc' ? 'Jsonc' : f === 'toml' ? 'Toml' : 'Yaml'} } from ${JSON.stringify(path.join(formats, `${f}.ts`))};`).join('\n'),
    );
    const outfile = path.join(dir, 'bundle.cjs');
    await build({ ...common, entryPoints: [entry], outfile, logLevel: 'silent' });
    const bundled = createRequire(outfile)(outfile) as Record<string, (text: string) => { data?: unknown; error?: string }>;
    expect(bundled.parseToml!('a = 1\n').data).toEqual({ a: 1 });
    expect(bundled.parseJsonc!('{ // c\n "a": 1, }').data).toEqual({ a: 1 });
    expect(bundled.parseYaml!('a: [1, 2]\n').data).toEqual({ a: [1, 2] });
    // Inline, nothing is left for require() to find at run time.
    expect(readFileSync(outfile, 'utf8')).not.toMatch(/require\("(?:\.\/|smol-toml|jsonc-parser|yaml)/);
  });
});
