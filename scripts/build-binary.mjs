// Builds dist/ruapi: a standalone executable for this platform that needs no Node.js installed.
// Node's single executable applications (SEA): one CommonJS bundle of the whole CLI becomes a blob that
// postject injects into a copy of a node binary (the running one, or --node FILE). SEA cannot
// cross-compile: run this script on each target platform, with the Node version the binary should carry.
//
//   node scripts/build-binary.mjs [--out FILE] [--no-strip] [--node FILE]
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CHUNKS, common } from './build.mjs';

const root = path.resolve(import.meta.dirname, '..');
/** The fuse Node looks for to know a blob was injected (fixed by Node, see doc/api/single-executable-applications.md). */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export class BinaryUnsupported extends Error {}

/** The version of the node binary at `node` ('20.20.2'), or null when it does not run. */
function nodeVersion(node) {
  if (node === process.execPath) return process.versions.node;
  const r = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Why this machine cannot build the binary from `node` (the running one by default), or null when it can. */
export function unsupportedReason(node = process.execPath) {
  const version = nodeVersion(node);
  if (!version) return `${node} does not run as node`;
  const [major, minor] = version.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 6)) return `Node ${version} has no --experimental-sea-config (needs 20.6+)`;
  if (!['linux', 'darwin', 'win32'].includes(process.platform)) return `single executable applications are not supported on ${process.platform}`;
  if (!resolvePostject()) return 'postject is not installed (npm install --save-dev postject@1.0.0-alpha.6)';
  return null;
}

/**
 * Whether a binary carrying the node at `node` leaves `--env-file` to ruapi: SEA execArgv
 * (nodejs/node#59314) came in Node 24.6.0 and 22.19.0; checked on 22.23, 24.22 and 26.12, and
 * that Node 20.20 exits 9 on `ruapi doctor --env-file missing.env`.
 */
export function envFileReachesRuapi(node = process.execPath) {
  const [major, minor] = (nodeVersion(node) ?? '0.0').split('.').map(Number);
  return major > 24 || (major === 24 && minor >= 6) || (major === 22 && minor >= 19);
}

function resolvePostject() {
  try {
    return createRequire(path.join(root, 'package.json')).resolve('postject');
  } catch {
    return null;
  }
}

/** `node`: the binary to carry (its own SEA support writes the blob); the running node by default. */
export async function buildBinary({ out = path.join(root, 'dist', process.platform === 'win32' ? 'ruapi.exe' : 'ruapi'), strip = true, node = process.execPath, log = () => {} } = {}) {
  const reason = unsupportedReason(node);
  if (reason) throw new BinaryUnsupported(reason);
  const work = mkdtempSync(path.join(tmpdir(), 'ruapi-sea-'));
  try {
    const bundle = path.join(work, 'ruapi.cjs');
    // One file: inside a SEA, require() reaches only Node's built-in modules, so every command
    // chunk is inlined here (no chunk plugin) and import() is lowered to require().
    await build({
      ...common,
      entryPoints: ['src/cli.ts'],
      outfile: bundle,
      plugins: [...common.plugins, missingChunks],
    });
    log(`bundle ${kb(bundle)}`);

    const blob = path.join(work, 'sea.blob');
    const config = path.join(work, 'sea-config.json');
    // useCodeCache: the bundle carries every command, and compiling it is most of a cold start.
    // execArgv ['--']: Node reads a `--env-file` anywhere on its command line up to a `--` as its
    // own option, even after the script (and so a binary's every argument), and stops with exit 9
    // when the file is missing, before ruapi starts. The `--` it puts before the user's arguments
    // leaves them to ruapi, as the `--` of bin/ruapi.js's shebang does (a Node without SEA
    // execArgv ignores the field: see envFileReachesRuapi).
    writeFileSync(config, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, execArgv: ['--'] }));
    // The blob (and its code cache) must come from the very node that will carry it.
    execFileSync(node, ['--experimental-sea-config', config], { stdio: 'pipe' });

    mkdirSync(path.dirname(out), { recursive: true });
    rmSync(out, { force: true });
    copyFileSync(node, out);
    chmodSync(out, 0o755);
    if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', out]);
    if (strip && process.platform === 'linux' && hasCommand('strip')) {
      execFileSync('strip', [out]);
      log(`stripped node binary ${mb(out)}`);
    }

    // postject's CLI, in a child, so that its harmless "Can't find string offset for section name"
    // warnings (printed by native code) can be held back unless the injection fails.
    const postjectCli = path.join(path.dirname(resolvePostject()), 'cli.js');
    const args = [postjectCli, out, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE];
    if (process.platform === 'darwin') args.push('--macho-segment-name', 'NODE_SEA');
    const injected = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (injected.status !== 0) throw new Error(`postject failed:\n${injected.stdout}${injected.stderr}`);
    if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', out]);
    log(`wrote ${path.relative(process.cwd(), out)} ${mb(out)}`);
    if (!envFileReachesRuapi(node)) {
      log(`note: this binary carries Node ${nodeVersion(node)}, which reads --env-file as its own option: \`ruapi doctor --env-file missing.env\` stops in Node with exit 9. Build with Node 22.19+ or 24.6+ (--node /path/to/node) for ruapi's own usage error.`);
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const chunkFiles = new Set(Object.values(CHUNKS).flatMap((files) => files.map((f) => path.join(root, f))));

/**
 * As in `npm run build`, a command whose chunk is not written yet fails only when it runs
 * (build.mjs builds the chunk entries that exist); any other missing import still fails the build.
 */
const missingChunks = {
  name: 'missing-chunks',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const file = path.join(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      if (chunkFiles.has(file) && !existsSync(file)) return { path: args.path, external: true };
      return undefined;
    });
  },
};

function hasCommand(name) {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const kb = (file) => `(${Math.round(statSync(file).size / 1024)} KB)`;
const mb = (file) => `(${(statSync(file).size / 1e6).toFixed(1)} MB)`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-strip': { type: 'boolean' }, node: { type: 'string' } } });
  try {
    await buildBinary({ out: values.out && path.resolve(values.out), strip: !values['no-strip'], node: values.node ? path.resolve(values.node) : undefined, log: (s) => console.log(s) });
  } catch (err) {
    if (!(err instanceof BinaryUnsupported)) throw err;
    console.error(`build-binary: cannot build here: ${err.message}`);
    process.exitCode = 1;
  }
}
