// Builds dist/: one CommonJS chunk per command, loaded only when that command runs.
// CJS starts faster than ESM on Node 20 (see ../shared/spec/node-packaging.md).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Chunk name → entry. A dynamic import() of one of these becomes require('./<name>.cjs'). */
export const CHUNKS = {
  cli: 'src/cli.ts',
  program: 'src/program.ts',
  explain: 'src/commands/explain.ts',
  doctor: 'src/commands/doctor.ts',
  models: 'src/commands/models.ts',
  simulate: 'src/commands/simulate.ts',
  completion: 'src/commands/completion.ts',
  live: 'src/live/index.ts',
  ui: 'src/ui/index.ts',
  sim: 'src/simulate/server.ts',
};

const byPath = new Map(Object.entries(CHUNKS).map(([name, file]) => [path.join(root, file), name]));

/** Keeps each chunk out of the others: a dynamic import of a chunk entry stays a separate file. */
const chunkPlugin = {
  name: 'chunks',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const target = path.join(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      const name = byPath.get(target);
      if (!name) return { errors: [{ text: `dynamic import of ${args.path} is not a chunk: add it to CHUNKS in scripts/build.mjs` }] };
      return { path: `./${name}.cjs`, external: true };
    });
  },
};

/**
 * commander requires child_process at load time for external subcommands, which ruapi has none of:
 * load it on first use instead (a few ms of every start-up).
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (a) =>
      a.importer.includes(`node_modules${path.sep}commander`) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, k) => require('node:child_process')[k] });",
      loader: 'js',
    }));
  },
};

export const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  define: { __RUAPI_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
  // A real import() in a CJS file starts Node's ESM loader: about twice the start-up of require().
  supported: { 'dynamic-import': false },
  plugins: [lazyChildProcess],
};

/** Builds into a fresh folder, then swaps it in, so a process running the old dist/ never sees it half-written. */
export async function buildAll({ outdir = path.join(root, 'dist') } = {}) {
  const staging = `${outdir}.build-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const entryPoints = Object.fromEntries(Object.entries(CHUNKS).filter(([, f]) => existsSync(path.join(root, f))));
  await build({ ...common, entryPoints, outdir: staging, outExtension: { '.js': '.cjs' }, plugins: [...common.plugins, chunkPlugin] });
  for (const keep of ['ruapi']) {
    // Artefacts built by other scripts (the standalone binary) survive a rebuild of the chunks.
    if (existsSync(path.join(outdir, keep))) renameSync(path.join(outdir, keep), path.join(staging, keep));
  }
  const old = `${outdir}.old-${process.pid}`;
  if (existsSync(outdir)) renameSync(outdir, old);
  renameSync(staging, outdir);
  rmSync(old, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
}
