import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../src/simulate/server.js';
import { BIN, NODE, ROOT, cleanEnv, runCli, tempDir } from './helpers/cli.js';

/** A project whose .env holds a key, so that the offline doctor has something to read. */
const KEY = 'sk-startupKEY0123456789abcdefghij';
const project = () => tempDir({ '.env': `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n` });

/** The modules a run of `ruapi ...args` required, by the name it asked for. */
async function modulesLoaded(args: string[], cwd: string): Promise<string[]> {
  const dir = tempDir({
    'hook.cjs': `const M = require('module'); const load = M._load; const seen = new Set();
M._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...seen]) + '\\n'));`,
  });
  const r = await runCli(args, { cwd, env: { NODE_OPTIONS: `--require ${path.join(dir, 'hook.cjs')}` } });
  expect(r.code).toBe(0);
  return JSON.parse(/LOADED (.*)/.exec(r.stderr)?.[1] ?? '[]') as string[];
}

/** The code cache files under a home folder, by chunk name. */
function cacheFiles(home: string): Map<string, string> {
  const root = path.join(home, '.cache', 'ruapi', 'code-cache');
  if (!existsSync(root)) return new Map();
  return new Map(
    readdirSync(root).flatMap((version) => readdirSync(path.join(root, version)).map((f) => [f.replace(/-[0-9a-f]{16}\.bin$/, ''), path.join(root, version, f)] as [string, string])),
  );
}

describe('ruapi doctor --offline start-up', () => {
  it('loads neither commander nor the HTTP client, crypto or fs/promises', async () => {
    const loaded = await modulesLoaded(['doctor', '--offline'], project());
    expect(loaded).toContain('./doctor.cjs');
    expect(loaded.filter((m) => /\.\/(?:program|live|ui)\.cjs|commander|undici|^(?:node:)?(?:crypto|fs\/promises|readline|child_process|v8)$/.test(m))).toEqual([]);
  });

  it('loads the model catalogue only with a model id to check', async () => {
    expect(await modulesLoaded(['doctor', '--offline'], project())).not.toContain('./models.cjs');
    expect(await modulesLoaded(['doctor', '--offline', '--model', 'gpt-5.4-mini'], project())).toContain('./models.cjs');
  });

  it("keeps a code cache of the chunks it ran in the user's cache folder, and none of it holds the key", async () => {
    const home = tempDir();
    const cwd = project();
    const first = await runCli(['doctor', '--offline'], { cwd, home });
    expect(first.code).toBe(0);
    const files = cacheFiles(home);
    // cli.cjs sets the cache up, so launch.cjs loads from it too. No model to check: the catalogue
    // (models.cjs) never loaded, so it has no cache either.
    expect([...files.keys()].sort()).toEqual(['doctor', 'launch', 'redact']);
    for (const file of files.values()) {
      const bytes = readFileSync(file);
      expect(bytes.includes(KEY.slice(3, 15)), file).toBe(false);
      expect(bytes.includes(home) || bytes.includes(cwd), file).toBe(false);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o077, file).toBe(0);
    }
    // A second run reads the cache V8 accepted, and writes nothing.
    const before = statSync(files.get('doctor')!);
    const second = await runCli(['doctor', '--offline'], { cwd, home });
    expect(second.stdout.replace(/\d+ ms/g, '')).toBe(first.stdout.replace(/\d+ ms/g, ''));
    const after = statSync(files.get('doctor')!);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('runs the same without a cache it can use: unwritable folder, corrupt or truncated file, turned off', async () => {
    const cwd = project();
    const plain = await runCli(['doctor', '--offline', '--json'], { cwd, env: { RUAPI_NO_CODE_CACHE: '1' } });
    expect(plain.code).toBe(0);
    const same = (r: { code: number | null; stdout: string; stderr: string }) => {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(plain.code);
      expect(JSON.parse(r.stdout).findings).toEqual(JSON.parse(plain.stdout).findings);
    };

    // $XDG_CACHE_HOME is a file: no folder can be made under it (root ignores a read-only mode, a file it cannot).
    const blocked = tempDir({ 'not-a-folder': 'x' });
    same(await runCli(['doctor', '--offline', '--json'], { cwd, env: { XDG_CACHE_HOME: path.join(blocked, 'not-a-folder') } }));

    const home = tempDir();
    await runCli(['doctor', '--offline'], { cwd, home });
    const file = cacheFiles(home).get('doctor')!;
    const good = readFileSync(file);
    writeFileSync(file, Buffer.alloc(good.length, 0x5a));
    same(await runCli(['doctor', '--offline', '--json'], { cwd, home }));
    writeFileSync(file, good.subarray(0, good.length >> 1));
    same(await runCli(['doctor', '--offline', '--json'], { cwd, home }));
    // Refused, so written anew.
    expect(readFileSync(file).length).toBeGreaterThan(good.length >> 1);
  });

  it("replaces an older ruapi's cache of a chunk when it writes its own", async () => {
    const home = tempDir();
    const cwd = project();
    await runCli(['doctor', '--offline'], { cwd, home });
    const current = cacheFiles(home).get('doctor')!;
    const dir = path.dirname(current);
    const older = path.join(dir, 'doctor-0123456789abcdef.bin');
    const otherChunk = path.join(dir, 'live-0123456789abcdef.bin');
    writeFileSync(older, 'old');
    writeFileSync(otherChunk, 'old');
    rmSync(current);
    await runCli(['doctor', '--offline'], { cwd, home });
    expect(existsSync(current)).toBe(true);
    expect(existsSync(older)).toBe(false);
    expect(existsSync(otherChunk)).toBe(true);
  });

  it('has no cache without a home folder, and creates none', async () => {
    const home = path.join(tempDir(), 'missing');
    const r = await runCli(['doctor', '--offline'], { cwd: project(), home });
    expect(r.code).toBe(0);
    expect(existsSync(home)).toBe(false);
  });
});

describe('the live doctor and V8', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({});
  });
  afterAll(async () => {
    await sim?.close();
  });

  /** `ruapi doctor` against the simulator, with V8 flags for node itself (before `--`). */
  function doctorWith(nodeFlags: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const home = tempDir();
    const child = spawn(NODE, [...nodeFlags, '--', BIN, 'doctor', '--ci', '--key-stdin', '--base-url', sim.openaiBaseUrl, '--model', 'gpt-5.4-mini'], {
      cwd: home,
      env: cleanEnv(home),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.stdin.end(sim.key);
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('keeps undici’s HTTP parser on Liftoff, V8’s baseline compiler (checked on Node 20 to 26)', async () => {
    const r = await doctorWith(['--trace-wasm-compilation-times']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/unrecognized flag/);
    expect(r.stdout).toMatch(/using Liftoff/);
    // A newer Node: check that --wasm-tiering-budget still exists there, then widen holdWasmAtBaseline's range.
    expect(r.stdout, 'TurboFan compiled llhttp: see holdWasmAtBaseline in src/startup.ts').not.toMatch(/TurboFan/);
  });

  it('leaves V8 alone when ruapi is used as a library', () => {
    const api = createRequire(import.meta.url)(path.join(ROOT, 'dist/api.cjs')) as object;
    expect(api).toBeTruthy();
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('ruapi.cli.beforeWasmCompile')]).toBeUndefined();
  });
});
