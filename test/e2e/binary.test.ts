import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, NODE, nodeVersion, ROOT, runCli, tempDir } from '../helpers/cli.js';

// @ts-expect-error: plain ESM build script, no types
const { buildBinary, envFileReachesRuapi, unsupportedReason } = (await import('../../scripts/build-binary.mjs')) as {
  buildBinary: (o: { out: string; node: string }) => Promise<string>;
  envFileReachesRuapi: (node: string) => boolean;
  unsupportedReason: (node: string) => string | null;
};

// The binary carries the Node line under test (RUAPI_TEST_NODE), built with that node's own SEA support.
const reason: string | null = unsupportedReason(NODE);
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

const CONFIG = { '.env': 'OPENAI_API_KEY=sk-binarytest0123456789abcd\nOPENAI_BASE_URL=https://www.ruapi.ai\n' };

describe.skipIf(reason !== null)(`standalone binary (dist/ruapi)${reason ? `: skipped, ${reason}` : ''}`, () => {
  let binary = '';
  /** An empty folder as the whole PATH: no node, no npx, nothing to fall back on. */
  let noNode = '';

  beforeAll(async () => {
    binary = await buildBinary({ out: path.join(tempDir(), 'ruapi'), node: NODE });
    noNode = tempDir();
  }, 120_000);

  function runBinary(args: string[], cwd = tempDir(CONFIG)) {
    const r = spawnSync(binary, args, { cwd, env: cleanEnv(cwd, { PATH: noNode }), encoding: 'utf8', timeout: 15_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('is written as one executable file', () => {
    expect(existsSync(binary)).toBe(true);
    expect(spawnSync('sh', ['-c', `PATH="${noNode}"; command -v node`]).status).not.toBe(0);
  });

  it('carries the Node line under test', () => {
    const r = runBinary(['report', '--json', '--offline']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { versions: { node: string } }).versions.node).toBe(nodeVersion());
  });

  it('prints the package version with no node on PATH', () => {
    const r = runBinary(['--version']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.trim()).toBe(version);
  });

  it('explains a code exactly as the npm package does', async () => {
    const viaNode = await runCli(['explain', '401', '--json']);
    const r = runBinary(['explain', '401', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(viaNode.code);
    expect(r.stdout).toBe(viaNode.stdout);
  });

  it('explains pasted text from stdin', async () => {
    const text = 'openai.NotFoundError: Error code: 404 - {"error": {"message": "The model `gpt-5o` does not exist"}}';
    const viaNode = await runCli(['explain', '-', '--json'], { input: text });
    const cwd = tempDir();
    const r = spawnSync(binary, ['explain', '-', '--json'], { cwd, env: cleanEnv(cwd, { PATH: noNode }), input: text, encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(viaNode.code);
    expect(r.stdout).toBe(viaNode.stdout);
  });

  it('runs the offline doctor on a project folder and finds the same problems', async () => {
    const dir = tempDir(CONFIG);
    const viaNode = await runCli(['doctor', '--offline', '--json'], { cwd: dir, home: dir });
    const r = runBinary(['doctor', '--offline', '--json'], dir);
    expect(r.stderr).not.toMatch(/internal error|single.executable/i);
    expect(r.code).toBe(viaNode.code);
    const ids = (out: string) => (JSON.parse(out) as { findings: Array<{ id: string }> }).findings.map((f) => f.id);
    expect(ids(r.stdout)).toEqual(ids(viaNode.stdout));
    expect(r.stdout).not.toContain('sk-binarytest0123456789abcd');
  });

  it('runs its own simulator, checks it live end to end, and stops on SIGTERM', async () => {
    const cwd = tempDir();
    const sim = spawn(binary, ['simulate', '--json'], { cwd, env: cleanEnv(cwd, { PATH: noNode }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    sim.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => sim.on('exit', (code) => resolve(code)));
    try {
      const ready = await new Promise<{ openaiBaseUrl: string; key: string }>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`the simulator did not start within 10 s: ${stderr}`)), 10_000);
        sim.stdout.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          if (!out.includes('\n')) return;
          clearTimeout(timer);
          resolve(JSON.parse(out.split('\n')[0]!));
        });
      });
      const r = spawnSync(binary, ['doctor', '--ci', '--json', '--protocol', 'openai', '--base-url', ready.openaiBaseUrl, '--model', 'gpt-5.4-mini', '--key-stdin'], {
        cwd,
        env: cleanEnv(cwd, { PATH: noNode }),
        input: ready.key,
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const result = JSON.parse(r.stdout) as { ok: boolean; live: Array<{ steps: Array<{ id: string; status: string }> }> };
      expect(result.ok).toBe(true);
      expect(result.live[0]!.steps).toContainEqual(expect.objectContaining({ id: 'probe', status: 'ok' }));
      expect(r.stdout).not.toContain(ready.key);
    } finally {
      sim.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/POST \/v1\/chat\/completions/);
  });

  // Node reads a later --env-file as its own option (exit 9 on a missing file) unless a `--` comes
  // first: the binary's SEA execArgv puts one there, on the Node lines whose SEA reads execArgv.
  it.skipIf(!envFileReachesRuapi(NODE))(`gives ruapi's own usage error for a missing --env-file, exit 2${envFileReachesRuapi(NODE) ? '' : ` (skipped: Node ${nodeVersion()} has no SEA execArgv)`}`, () => {
    const r = runBinary(['doctor', '--env-file', 'missing.env']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: "ruapi: --env-file missing.env: no such file\nRun 'ruapi doctor --help' for usage.\n" });
    // What ruapi reads is what was typed: nothing of the `--` shows in its arguments.
    const other = runBinary(['doctor', '--offline', '--json', '--env-file', 'other.env'], tempDir({ 'other.env': 'OPENAI_BASE_URL=https://www.ruapi.ai/v1\n' }));
    expect((JSON.parse(other.stdout) as { configs: Array<{ sources: { baseUrl?: string } }> }).configs[0]!.sources.baseUrl).toMatch(/other\.env/);
  });

  it('prints a completion script and keeps the usage exit code', () => {
    expect(runBinary(['completion', 'bash']).stdout).toContain('complete -F _ruapi_completion ruapi');
    const bad = runBinary(['no-such-command']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Run 'ruapi --help' for usage.");
  });
});
