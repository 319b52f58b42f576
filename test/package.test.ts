import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers/cli.js';

interface PackResult {
  filename: string;
  size: number;
  files: Array<{ path: string }>;
}

const CONFIG = { '.env': 'OPENAI_API_KEY=sk-packagetest0123456789ab\nOPENAI_BASE_URL=https://www.ruapi.ai\n' };

/**
 * npm with nothing of the developer's (or of `npm test`'s npm_config_* variables): a fresh HOME
 * and an empty cache, as on a machine that has never seen ruapi.
 */
function npmEnv(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: home, npm_config_cache: path.join(home, '.npm-cache'), npm_config_update_notifier: 'false', NO_COLOR: '1' };
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('the npm package', () => {
  let pack: PackResult;
  let tarball = '';
  let project = '';
  let home = '';

  beforeAll(() => {
    home = tempDir();
    const dest = tempDir();
    // dist/ is built by the test set-up; --ignore-scripts keeps `prepare` from rebuilding it
    // under the feet of the other test files running now.
    const out = ok(
      spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: ROOT, env: npmEnv(home), encoding: 'utf8' }),
      'npm pack',
    );
    pack = (JSON.parse(out) as PackResult[])[0]!;
    tarball = path.join(dest, pack.filename);
    project = tempDir(CONFIG);
    ok(
      spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--no-package-lock', tarball], { cwd: project, env: npmEnv(home), encoding: 'utf8' }),
      'npm install of the tarball',
    );
  }, 60_000);

  function inProject(command: string, args: string[]) {
    const r = spawnSync(command, args, { cwd: project, env: { ...npmEnv(home), HOME: project }, encoding: 'utf8', timeout: 20_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('is a tarball of at most 200 KB with only the built CLI, its README and manifest', () => {
    expect(pack.size).toBeLessThanOrEqual(200 * 1024);
    const files = pack.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'bin/ruapi.js', 'dist/cli.cjs']));
    for (const f of files) expect(f).toMatch(/^(package\.json|README\.md|LICENSE|bin\/ruapi\.js|dist\/[\w-]+\.(cjs|mjs|d\.ts))$/);
  });

  it('has zero runtime dependencies: installing it adds exactly one package', () => {
    const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules/ruapi/package.json'), 'utf8')) as Record<string, unknown>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
      expect(Object.keys((manifest[field] as object | undefined) ?? {}), field).toEqual([]);
    }
    const installed = readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(installed).toEqual(['ruapi']);
  });

  it('runs with npx --no-install and explains a code as the repository build does', async () => {
    const viaRepo = await runCli(['explain', '401']);
    const r = inProject('npx', ['--no-install', 'ruapi', 'explain', '401']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('401');
    expect(r.stdout).toBe(viaRepo.stdout);
  });

  it('prints its version from the installed bin', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = inProject(path.join(project, 'node_modules/.bin/ruapi'), ['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('ships every command chunk: the offline doctor and completion run from the install', async () => {
    const viaRepo = await runCli(['doctor', '--offline', '--json'], { cwd: project, home: project });
    const doctor = inProject(path.join(project, 'node_modules/.bin/ruapi'), ['doctor', '--offline', '--json']);
    expect(doctor.stderr).not.toMatch(/internal error|Cannot find module/);
    expect(doctor.code).toBe(viaRepo.code);
    expect(doctor.stdout).not.toContain('sk-packagetest0123456789ab');
    const completion = inProject(path.join(project, 'node_modules/.bin/ruapi'), ['completion', 'fish']);
    expect(completion.code).toBe(0);
    expect(completion.stdout).toContain('complete -c ruapi');
  });
});
