import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { path } from './core/path.js';
import v8 from 'node:v8';
import { Script } from 'node:vm';

/**
 * What the CLI process does to start and run fast, and nothing else does: ruapi used as a library
 * (dist/api.cjs) never calls these, so a host process keeps its own V8 settings.
 *
 * - A V8 code cache for the chunks of dist/ a run loads: bytecode of every function the run
 *   compiled, so that the next run neither parses nor compiles them. (Node's own
 *   module.enableCompileCache(), Node 22.1+, keeps only what V8 compiles before the module runs,
 *   the top level: measured, it saved a tenth as much.)
 * - V8's WebAssembly tiering held at its baseline compiler for undici's HTTP parser: optimising
 *   llhttp cost the live doctor more CPU and memory than everything else it does.
 */

/** The build ends each chunk with this line; the hash is of the chunk's own text (scripts/build.mjs). */
const CHUNK_MARK = /\n\/\/ ruapi-chunk ([0-9a-f]{16})\n$/;

interface ModuleLike {
  exports: unknown;
}
type Compile = (this: ModuleLike, content: string, filename: string, ...rest: unknown[]) => unknown;
interface ModuleClass {
  prototype: { _compile: Compile };
  createRequire(filename: string): NodeJS.Require;
}

/** Scripts compiled in this run without a usable cache, and the file each one's cache goes to. */
const pending: Array<{ script: Script; file: string }> = [];
let cacheDir: string | undefined;

/**
 * Compiles the chunks in `distDir` with a cache kept in the user's own cache folder, and writes
 * the cache of each chunk that had none when the process exits.
 *
 * The cache holds V8 bytecode of ruapi's own code and nothing else: no key, no config value,
 * nothing a run read (V8 builds it from the chunk's text and file name alone). It is per user,
 * never in a shared folder such as /tmp, where another user could plant bytecode for ruapi to
 * run. Each file is named by the chunk's content hash and the Node version, and V8 refuses one
 * made by another V8 or with other flags. A missing home folder, a read-only or full disk, a
 * cache file that cannot be read or is refused: the chunk just compiles as it would without a
 * cache. RUAPI_NO_CODE_CACHE=1 turns it off.
 */
export function useCodeCache(distDir: string, host: { constructor: unknown }): void {
  if (process.env.RUAPI_NO_CODE_CACHE) return;
  const base = userCacheDir();
  if (!base) return;
  cacheDir = path.join(base, 'ruapi', 'code-cache', `${process.version}-${process.arch}`);
  // `module.constructor` is Node's Module class: requiring node:module for it costs a module load.
  const Module = host.constructor as ModuleClass;
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (this: ModuleLike, content: string, filename: string, ...rest: unknown[]) {
    const hash = cacheDir && path.dirname(filename) === distDir ? CHUNK_MARK.exec(content.slice(-40))?.[1] : undefined;
    if (!hash) return compile.call(this, content, filename, ...rest);
    const file = path.join(cacheDir as string, `${path.basename(filename, '.cjs')}-${hash}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // No cache yet, or none that can be read.
    }
    // The wrapper's own line is line -1, so that the chunk's lines and columns stay its own in stack traces.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${content}\n})`, { filename, lineOffset: -1, ...(cachedData ? { cachedData } : {}) });
    if (script.cachedDataRejected !== false) pending.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
  };
  process.on('exit', writeCodeCache);
}

/** Writes the cache of each chunk compiled without one; after it, this run writes no more. */
function writeCodeCache(): void {
  const dir = cacheDir;
  cacheDir = undefined;
  if (!dir || pending.length === 0) return;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const written = pending.splice(0).map(({ script, file }) => {
      // A file of its own first, then renamed: a run reading it meanwhile sees the old cache or the new, never half of one.
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      renameSync(temp, file);
      return path.basename(file);
    });
    // The same chunk of an older ruapi: gone, so that upgrades do not pile caches up.
    for (const name of readdirSync(dir)) {
      const chunk = /^(\w+)-[0-9a-f]{16}\.bin$/.exec(name)?.[1];
      if (chunk && !written.includes(name) && written.some((w) => w.startsWith(`${chunk}-`))) unlinkSync(path.join(dir, name));
    }
  } catch {
    // A cache is an optimisation: a folder that cannot be written just means compiling next time.
  }
}

/** ~/.cache (or $XDG_CACHE_HOME), ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows; none without a home folder. */
function userCacheDir(): string | undefined {
  const env = process.env;
  if (process.platform === 'win32') return env.LOCALAPPDATA && path.isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : undefined;
  const home = env.HOME;
  if (!home || !path.isAbsolute(home) || !statSync(home, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches');
  return env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
}

/**
 * Called by the live chunk right before undici compiles llhttp, its WebAssembly HTTP parser
 * (scripts/build.mjs, packedLlhttp), only when the CLI registered it: a library user's process
 * keeps V8's defaults.
 */
export const BEFORE_WASM_COMPILE = Symbol.for('ruapi.cli.beforeWasmCompile');

/**
 * The first requests of a run are all llhttp ever parses, yet V8 optimised its main function with
 * TurboFan: 60–90 ms of CPU and 20–35 MiB on Node 20 and 22, 7 MiB on Node 24 and 26, for two
 * small answers. A tiering budget no CLI run exhausts keeps it on Liftoff, V8's baseline compiler,
 * which is fast enough for a few KB of HTTP. `--liftoff-only` would say the same, but set at run
 * time it takes effect on Node 20 and 22 only (on 24 and 26 memory and CPU stay as without it);
 * the budget takes effect on all four (test/startup.test.ts watches V8's trace).
 *
 * V8 prints an error for a flag it does not know, so this runs only on the Node lines it was
 * checked on. Changing a flag also changes the hash V8 stamps on code caches: the caches this run
 * still owes are written first, with the flags the next run starts with.
 */
export function holdWasmAtBaseline(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20 || major > 26) return;
  (globalThis as Record<symbol, unknown>)[BEFORE_WASM_COMPILE] = () => {
    delete (globalThis as Record<symbol, unknown>)[BEFORE_WASM_COMPILE];
    writeCodeCache();
    // node:v8 loads only now (LAZY_BUILTINS in scripts/build.mjs): runs that never go live do not pay for it.
    v8.setFlagsFromString('--wasm-tiering-budget=1000000000');
  };
}
