// Builds dist/: one CommonJS chunk per command, loaded only when that command runs.
// CJS starts faster than ESM on Node 20 (see ../shared/spec/node-packaging.md).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/**
 * Chunk name → the source files it holds. Each chunk is one file, dist/<name>.cjs, and an import
 * (static or dynamic) of a file listed under another chunk becomes require('./<name>.cjs'): a
 * command's code loads only when that command runs (register.ts imports it dynamically), and code
 * several chunks use ships once. Shared code sits in the chunk of the command that needs it most,
 * so that command still loads a single file: explain.cjs holds the knowledge base (live checks,
 * completion and the API require it from there), doctor.cjs the diagnosis the API runs,
 * models.cjs the model list and its matcher.
 */
export const CHUNKS = {
  cli: ['src/cli.ts'],
  /** Every command but explain and --version: the doctor's flag reader, then commander or the doctor (loaded under the code cache cli.cjs sets up). */
  launch: ['src/launch.ts'],
  program: ['src/program.ts'],
  explain: ['src/commands/explain.ts', 'src/knowledge/index.ts', 'src/knowledge/localized.ts', 'src/knowledge/entries/index.ts', 'src/knowledge/match.ts', 'src/knowledge/request-id.ts'],
  /** `explain` in Russian (its words, its messages, every entry's text): required only when Russian is chosen. */
  ru: ['src/report/ru/explain.ts', 'src/knowledge/ru/index.ts', 'src/lang/ru/explain.ts'],
  /** Every other message in Russian: required only when Russian is chosen, by any command but explain (src/commands/language.ts). */
  'ru-messages': ['src/lang/ru/index.ts'],
  /** The reader of pasted error text (facts, clues, scoring): see LAZY_CHUNKS. */
  text: ['src/knowledge/text.ts'],
  doctor: ['src/commands/doctor/index.ts', 'src/doctor/index.ts'],
  models: ['src/commands/models.ts', 'src/models/catalog.ts', 'src/models/suggest.ts'],
  simulate: ['src/commands/simulate.ts'],
  completion: ['src/commands/completion.ts'],
  live: ['src/live/index.ts'],
  ui: ['src/ui/index.ts'],
  sim: ['src/simulate/server.ts'],
  /** `require('ruapi')` / `import … from 'ruapi'` (package.json `exports`). */
  api: ['src/api.ts'],
  /**
   * Redaction and the key shapes: every chunk that writes output needs them, and copied into each
   * (as core code is) they cost more bytes than the one extra small file they take to load. The
   * language of the run (src/lang/t.ts) is here too: it is one state, so it must have one copy.
   */
  redact: ['src/core/redact.ts', 'src/core/urls.ts', 'src/core/keys.ts', 'src/lang/t.ts', 'src/core/exit.ts'],
};

/**
 * Chunks that load on first use instead of with their importer, each with the functions it exports.
 * An `import` of such a chunk's file from another chunk becomes a stand-in with one function per
 * export, which requires dist/<name>.cjs the first time any of them is called. So `ruapi explain 404`
 * (a code looked up in explain.cjs) never loads or compiles text.cjs: the regular expressions that
 * read pasted text and every entry's clues. The first text read loads it, whether pasted into
 * `explain` or answered to the doctor's live checks (judgeAnswer). Likewise the model catalogue (its
 * rows and matcher, models.cjs) loads with the first model id to check, so a doctor run without one
 * never reads it (src/models/bundled.ts is what the other chunks know of it). The build fails when the list
 * and the chunk's exports differ, so a new export cannot be missed by the stand-in.
 */
export const LAZY_CHUNKS = {
  text: ['classifyResponse', 'explainText', 'judgeAnswer'],
  models: ['catalog', 'catalogEntry', 'matchModel', 'run', 'suggestFilter'],
};

/**
 * Packages several chunks use, built once into dist/<name>.cjs and required from there.
 *
 * Such a chunk is required from two kinds of importer: ruapi's TypeScript (esbuild's default
 * interop: a module marked `__esModule` gives its `default`) and ESM packages such as ora (Node's
 * interop: `default` is always `module.exports`). A bundled ESM package exports its namespace,
 * marked `__esModule`, so ora got the namespace as "chalk" and crashed on the first coloured
 * spinner. The chunk therefore exports the package's default export itself, unmarked, with the
 * named exports as its properties: both kinds of importer then see the same thing.
 */
export const SHARED_PACKAGES = ['chalk'];

/**
 * The parsers of coding tools' config files (src/config/formats/{toml,jsonc,yaml}.ts): each is its
 * own chunk, dist/<name>.cjs, holding only the exports ruapi uses, and is required inside the function
 * that parses such a file, so a run that finds none of these files never loads one (test/e2e/
 * lazy-parsers.test.ts checks it). An `import` of one would load it with its importer's chunk, so
 * the build refuses anything but a require() call. `from` is the package's ES module build, which
 * esbuild can trim to those exports (jsonc-parser's `main` is a UMD file it cannot bundle; yaml's
 * Node build is CommonJS).
 */
const packageDir = (name) => path.join(root, 'node_modules', name);
export const LAZY_PACKAGES = {
  'smol-toml': { from: path.join(packageDir('smol-toml'), 'dist/index.js'), names: ['parse'] },
  'jsonc-parser': { from: path.join(packageDir('jsonc-parser'), 'lib/esm/main.js'), names: ['parseTree', 'findNodeAtLocation', 'getNodeValue', 'printParseErrorCode'] },
  yaml: { from: path.join(packageDir('yaml'), 'browser/index.js'), names: ['parseDocument', 'LineCounter', 'isMap', 'isScalar', 'isNode'] },
};

/** ora picks 'dots', or 'line' where the terminal has no Unicode; cli-spinners ships ~80 more. */
const SPINNERS_USED = ['dots', 'line'];

const chunkOf = new Map(Object.entries(CHUNKS).flatMap(([name, files]) => files.map((f) => [path.join(root, f), name])));
const sharedPackage = new RegExp(`^(?:${SHARED_PACKAGES.join('|')})$`);
const lazyPackage = new RegExp(`^(?:${Object.keys(LAZY_PACKAGES).join('|')})$`);

/** Keeps chunk `current` to its own files: anything of another chunk, or a shared package, stays a require(). */
function chunkPlugin(current) {
  return {
    name: 'chunks',
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind === 'entry-point' || args.namespace === 'chunk-entry') return undefined;
        // A lazy chunk's stand-in, and a chunk's one reference, require the real chunk from dist/.
        if (args.namespace === 'lazy-chunk' || args.namespace === 'chunk-ref') return { path: args.path, external: true };
        const owner = chunkOf.get(path.join(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
        if (owner && owner !== current && LAZY_CHUNKS[owner] && args.kind === 'import-statement') return { path: owner, namespace: 'lazy-chunk' };
        // One require() of another chunk however many files import from it (the doctor's files import
        // from the redaction chunk in 110 places): each require() of a loaded module still costs Node's
        // module lookup at start-up.
        if (owner && owner !== current && args.kind === 'import-statement') return { path: owner, namespace: 'chunk-ref' };
        if (owner && owner !== current) return { path: `./${owner}.cjs`, external: true };
        if (owner || args.kind !== 'dynamic-import') return undefined;
        return { errors: [{ text: `dynamic import of ${args.path} is not a chunk: add it to CHUNKS in scripts/build.mjs` }] };
      });
      b.onResolve({ filter: sharedPackage }, (args) => (args.path === current ? undefined : { path: `./${args.path}.cjs`, external: true }));
      b.onResolve({ filter: lazyPackage }, (args) => {
        if (args.namespace === 'lazy-entry') return undefined;
        if (args.kind !== 'require-call') return { errors: [{ text: `${args.path} is a lazily loaded parser: require() it inside the function that parses (see LAZY_PACKAGES in scripts/build.mjs)` }] };
        return { path: `./${args.path}.cjs`, external: true };
      });
      // A lazy chunk's stand-in: each export requires the chunk on its first call (see LAZY_CHUNKS).
      b.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({
        contents: [
          'let chunk;',
          `const load = () => (chunk ??= require(${JSON.stringify(`./${args.path}.cjs`)}));`,
          ...LAZY_CHUNKS[args.path].map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
        ].join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'chunk-ref' }, (args) => ({
        contents: `export * from ${JSON.stringify(`./${args.path}.cjs`)};`,
        resolveDir: root,
        loader: 'js',
      }));
      // A parser's chunk: only the exports ruapi uses, from the package's ES module build.
      b.onResolve({ filter: /^lazy-entry:/ }, (args) => ({ path: args.path, namespace: 'lazy-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-entry' }, () => ({
        contents: `export { ${LAZY_PACKAGES[current].names.join(', ')} } from ${JSON.stringify(LAZY_PACKAGES[current].from)};`,
        resolveDir: root,
        loader: 'js',
      }));
      // A shared package's chunk: its default export, carrying the named ones (see SHARED_PACKAGES).
      b.onResolve({ filter: /^shared-entry:/ }, (args) => ({ path: args.path, namespace: 'shared-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'shared-entry' }, () => ({
        contents: `const ns = require(${JSON.stringify(current)});\nmodule.exports = ns.default === undefined ? ns : Object.assign(ns.default, ns);`,
        resolveDir: root,
        loader: 'js',
      }));
      // A chunk of several files exports what each of them exports.
      b.onResolve({ filter: /^chunk-entry:/ }, (args) => ({ path: args.path, namespace: 'chunk-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'chunk-entry' }, () => ({
        contents: CHUNKS[current].map((f) => `export * from ${JSON.stringify(`./${f}`)};`).join('\n'),
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

/** The chunks each chunk requires as soon as it loads; a cycle would hand one of them a half-loaded other. */
function checkNoCycles(requires) {
  const state = new Map();
  const visit = (name, trail) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'open') throw new Error(`chunks require each other at load time: ${[...trail, name].join(' → ')} (scripts/build.mjs)`);
    state.set(name, 'open');
    for (const next of requires.get(name) ?? []) visit(next, [...trail, name]);
    state.set(name, 'done');
  };
  for (const name of requires.keys()) visit(name, []);
}

/** Each lazy chunk exports exactly the functions its stand-in offers (LAZY_CHUNKS). */
function checkLazyChunks(dir) {
  for (const [name, functions] of Object.entries(LAZY_CHUNKS)) {
    const file = path.join(dir, `${name}.cjs`);
    if (!existsSync(file)) continue;
    const chunk = createRequire(file)(file);
    const exported = Object.keys(chunk).sort();
    if (exported.join() !== [...functions].sort().join() || exported.some((k) => typeof chunk[k] !== 'function')) {
      throw new Error(`${name}.cjs exports ${exported.join(', ')}; LAZY_CHUNKS in scripts/build.mjs lists ${functions.join(', ')} (functions only)`);
    }
  }
}

/** Only the spinners ora can pick on its own (ruapi never names one). */
const fewSpinners = {
  name: 'few-spinners',
  setup(b) {
    b.onLoad({ filter: /[\\/]cli-spinners[\\/]spinners\.json$/ }, (args) => {
      const all = JSON.parse(readFileSync(args.path, 'utf8'));
      return { contents: JSON.stringify(Object.fromEntries(SPINNERS_USED.map((n) => [n, all[n]]))), loader: 'json' };
    });
  },
};

/**
 * undici carries its HTTP parser (llhttp) twice, as base64 WebAssembly: built with SIMD, and a
 * fallback without it that undici loads where SIMD is missing or broken (ppc64 before Node 24.12,
 * UNDICI_NO_WASM_SIMD=1). That is 48 KB of the gzipped package. The two are nearly the same bytes,
 * so brotli with a window that spans both packs them into one 15 KB file, dist/llhttp.wasm.br,
 * which live.cjs unpacks on its first request (about 1 ms). Both parsers stay available.
 */
const LLHTTP_FILES = ['llhttp_simd-wasm.js', 'llhttp-wasm.js'];
export const LLHTTP_PACK = 'llhttp.wasm.br';
let llhttpParts;
function llhttpWasm() {
  llhttpParts ??= LLHTTP_FILES.map((file) => {
    const source = readFileSync(requireFromRoot.resolve(`undici/lib/llhttp/${file}`), 'utf8');
    const base64 = /const wasmBase64 = '([A-Za-z0-9+/=]+)'/.exec(source)?.[1];
    if (!base64) throw new Error(`undici's ${file} no longer holds its WebAssembly as wasmBase64: update packedLlhttp in scripts/build.mjs`);
    return Buffer.from(base64, 'base64');
  });
  return llhttpParts;
}

const packedLlhttp = {
  name: 'packed-llhttp',
  setup(b) {
    const [simd] = llhttpWasm();
    b.onLoad({ filter: /[\\/]undici[\\/]lib[\\/]llhttp[\\/]llhttp(?:_simd)?-wasm\.js$/ }, (args) => ({
      contents: `module.exports = require('ruapi:llhttp')(${LLHTTP_FILES.indexOf(path.basename(args.path))});`,
      loader: 'js',
    }));
    b.onResolve({ filter: /^ruapi:llhttp$/ }, () => ({ path: 'llhttp', namespace: 'packed-llhttp' }));
    b.onLoad({ filter: /.*/, namespace: 'packed-llhttp' }, () => ({
      // undici compiles what this returns at once: the CLI's hook (src/startup.ts) sets V8's wasm flags first.
      contents: `let both;
module.exports = (i) => {
  both ??= require('node:zlib').brotliDecompressSync(require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(LLHTTP_PACK)})));
  globalThis[Symbol.for('ruapi.cli.beforeWasmCompile')]?.();
  return i === 0 ? both.subarray(0, ${simd.length}) : both.subarray(${simd.length});
};`,
      loader: 'js',
    }));
  },
};

/**
 * Parts of undici the live checks never reach, left out of the package:
 * - fetch's body code (web/fetch/body.js, with WebIDL, FormData and data: URL parsing, ~11 KB
 *   gzipped), which the HTTP clients load only to send a FormData body: ruapi sends JSON strings;
 * - the HTTP/2 client, used only when a dispatcher is created with `allowH2` (ALPN then offers
 *   h2): ruapi's never are, so TLS negotiates HTTP/1.1 and the client is never called.
 * Each stub throws a clear error should that ever change.
 */
const UNDICI_UNUSED = {
  'web/fetch/body.js': "exports.extractBody = () => { throw new Error('ruapi sends no FormData bodies: undici\\'s fetch body code is not bundled (scripts/build.mjs)'); };",
  'dispatcher/client-h2.js': "module.exports = () => { throw new Error('ruapi speaks HTTP/1.1 only: undici\\'s HTTP/2 client is not bundled (scripts/build.mjs)'); };",
};

const undiciUnused = {
  name: 'undici-unused',
  setup(b) {
    b.onLoad({ filter: /[\\/]undici[\\/]lib[\\/](?:web[\\/]fetch[\\/]body|dispatcher[\\/]client-h2)\.js$/ }, (args) => ({
      contents: UNDICI_UNUSED[args.path.split(/[\\/]undici[\\/]lib[\\/]/)[1].replaceAll('\\', '/')],
      loader: 'js',
    }));
  },
};

function writeLlhttpPack(dir) {
  const { constants: z } = zlib;
  const both = Buffer.concat(llhttpWasm());
  writeFileSync(
    path.join(dir, LLHTTP_PACK),
    zlib.brotliCompressSync(both, { params: { [z.BROTLI_PARAM_QUALITY]: 11, [z.BROTLI_PARAM_LGWIN]: 24, [z.BROTLI_PARAM_SIZE_HINT]: both.length } }),
  );
}

/**
 * Node modules that cost start-up when required but are used only on some runs, loaded on first
 * use instead: commander requires child_process for external subcommands (ruapi has none);
 * node:crypto (the support report's key fingerprint, --fix's temp file names) compiles some
 * twenty internal modules and sets up OpenSSL's algorithm lists, 5–10 ms on Node 24; node:fs/promises
 * (--fix) brings readline along; node:v8 (the CLI's WebAssembly flag, src/startup.ts) is needed only
 * by live runs; node:dns only for a host name, not an IP address; node:tty (net and the streams
 * with it) only to ask whether a run may prompt, which explain never does.
 *
 * An import of one becomes a stand-in that requires the real module on first use: for
 * ruapi's ESM imports, an ES module with a function per function of the real one (esbuild keeps
 * the ones imported and links them directly, with none of __toESM's copying of every key at load
 * time) and a default export that reads through; for a package's require(), a Proxy. A named
 * import of something that is not a function is a build error ("No matching export").
 */
const LAZY_BUILTINS = ['child_process', 'crypto', 'fs/promises', 'v8', 'dns', 'tty', 'os', 'vm'];
const lazyBuiltin = new RegExp(`^(?:node:)?(${LAZY_BUILTINS.join('|')})$`);

function lazyModule(id, esm) {
  const load = `const load = () => require(${JSON.stringify(id)});`;
  if (!esm) return `${load}\nmodule.exports = new Proxy({}, { get: (_, k) => load()[k] });`;
  const functions = Object.entries(requireFromRoot(id)).filter(([k, v]) => typeof v === 'function' && k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
  return [
    load,
    ...functions.map(([k]) => `export function ${k}(...args) { return new.target ? Reflect.construct(load().${k}, args) : load().${k}(...args); }`),
    'export default /* @__PURE__ */ new Proxy({}, { get: (_, k) => load()[k] });',
  ].join('\n');
}

const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: lazyBuiltin }, (a) => {
      // The stand-in's own require() is the real module.
      if (a.namespace.startsWith('lazy')) return { path: a.path, external: true };
      return { path: `node:${lazyBuiltin.exec(a.path)[1]}`, namespace: a.kind === 'require-call' ? 'lazy-cjs' : 'lazy-esm' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-cjs' }, (a) => ({ contents: lazyModule(a.path, false), loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-esm' }, (a) => ({ contents: lazyModule(a.path, true), loader: 'js' }));
  },
};

/**
 * undici requires node:assert in a dozen files and only ever calls `assert(value)`; node:assert
 * itself loads five more modules (its error diffing, call tracking …). Its checks stay: the real
 * module loads when one fails, to throw its own AssertionError, or when anything else of it is used.
 */
const undiciAssert = {
  name: 'undici-assert',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert$/ }, (a) =>
      a.importer.includes(`node_modules${path.sep}undici${path.sep}`) ? { path: 'assert', namespace: 'undici-assert' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'undici-assert' }, () => ({
      contents: `const real = () => require('node:assert');
module.exports = new Proxy(function assert(value, message) { if (!value) real()(value, message); }, { get: (_, k) => real()[k] });`,
      loader: 'js',
    }));
  },
};

/**
 * The parsers' ES module builds wherever they are bundled inline (the standalone binary): jsonc-parser's
 * `main` is a UMD file whose requires esbuild cannot follow, so bundling it as is would fail at run time.
 */
const esmParsers = {
  name: 'esm-parsers',
  setup(b) {
    b.onResolve({ filter: lazyPackage }, (args) => ({ path: LAZY_PACKAGES[args.path].from }));
  },
};

/** The esbuild options the package and the standalone binary share (build-binary.mjs imports them). */
export const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !process.env.RUAPI_BUILD_READABLE,
  legalComments: 'none',
  define: { __RUAPI_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
  // A real import() in a CJS file starts Node's ESM loader: about twice the start-up of require().
  supported: { 'dynamic-import': false },
  // What both leave out of the dependencies, and the Node modules loaded on first use or never.
  plugins: [lazyBuiltins, undiciAssert, fewSpinners, undiciUnused, esmParsers],
};

/**
 * Ends a chunk with a hash of its text, the name under which the CLI keeps its V8 code cache
 * (src/startup.ts): V8 itself checks a cache only against the length of the text it was made for.
 * cli.cjs is loaded before the cache is set up and gets none.
 */
function markChunk(file) {
  if (path.basename(file) === 'cli.cjs') return;
  const text = readFileSync(file, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  writeFileSync(file, `${text.endsWith('\n') ? text : `${text}\n`}// ruapi-chunk ${hash}\n`);
}

/** Builds into a fresh folder, then swaps it in, so a process running the old dist/ never sees it half-written. */
export async function buildAll({ outdir = path.join(root, 'dist') } = {}) {
  const staging = `${outdir}.build-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const entries = Object.entries(CHUNKS).filter(([, files]) => files.every((f) => existsSync(path.join(root, f))));
    entries.push(...SHARED_PACKAGES.map((pkg) => [pkg, [`shared-entry:${pkg}`]]));
    entries.push(...Object.keys(LAZY_PACKAGES).map((pkg) => [pkg, [`lazy-entry:${pkg}`]]));
    // One build per chunk, so that each knows which files are its own.
    const metas = await Promise.all(
      entries.map(async ([name, files]) => {
        const { metafile } = await build({
          ...common,
          entryPoints: { [name]: files.length === 1 ? files[0] : `chunk-entry:${name}` },
          outdir: staging,
          outExtension: { '.js': '.cjs' },
          metafile: true,
          // The Russian text as UTF-8 (2 bytes a letter) rather than \u escapes (6): a third the size.
          // The other chunks stay ASCII, so V8 keeps their source one byte a character.
          ...(name.startsWith('ru') ? { charset: 'utf8' } : {}),
          // The chunk plugin first: it keeps the parsers out of every chunk but their own, before esmParsers would inline them.
          plugins: [chunkPlugin(name), ...common.plugins, packedLlhttp],
        });
        if (process.env.RUAPI_BUILD_META) writeFileSync(path.join(process.env.RUAPI_BUILD_META, `${name}.json`), JSON.stringify(metafile));
        return [name, metafile];
      }),
    );
    checkNoCycles(
      new Map(
        metas.map(([name, meta]) => [
          name,
          Object.values(meta.inputs).flatMap((i) => i.imports.filter((d) => d.external && d.kind === 'import-statement' && d.path.startsWith('./')).map((d) => d.path.slice(2, -4))),
        ]),
      ),
    );
    checkLazyChunks(staging);
    for (const [name] of entries) markChunk(path.join(staging, `${name}.cjs`));
    writeLlhttpPack(staging);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  for (const keep of ['ruapi', 'types']) {
    // Artefacts built by other scripts (the standalone binary, the API's .d.ts) survive a rebuild of the chunks.
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
