import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { PATH, ROOT, tempDir } from './cli.js';

export interface PackResult {
  filename: string;
  size: number;
  files: Array<{ path: string }>;
}

export interface Installed {
  pack: PackResult;
  tarball: string;
  /** A folder whose node_modules holds the installed tarball and nothing else. */
  project: string;
  /** The npm HOME and cache used. */
  home: string;
}

/**
 * npm with nothing of the developer's (or of `npm test`'s npm_config_* variables): a fresh HOME
 * and an empty cache, as on a machine that has never seen ruapi.
 */
export function npmEnv(home: string): NodeJS.ProcessEnv {
  return { PATH, HOME: home, npm_config_cache: path.join(home, '.npm-cache'), npm_config_update_notifier: 'false', NO_COLOR: '1' };
}

export function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** `npm pack` of the repository as it is, then `npm install <tarball>` into a new folder, offline. */
export function packAndInstall(files: Record<string, string> = {}): Installed {
  const home = tempDir();
  const dest = tempDir();
  // dist/ is built by the test set-up; --ignore-scripts keeps `prepack` from rebuilding it under
  // the feet of the other test files running now.
  const out = ok(spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: ROOT, env: npmEnv(home), encoding: 'utf8' }), 'npm pack');
  const pack = (JSON.parse(out) as PackResult[])[0]!;
  const tarball = path.join(dest, pack.filename);
  const project = tempDir(files);
  ok(
    spawnSync('npm', ['install', '--no-audit', '--no-fund', '--offline', '--no-package-lock', tarball], { cwd: project, env: npmEnv(home), encoding: 'utf8' }),
    'npm install of the tarball',
  );
  return { pack, tarball, project, home };
}
