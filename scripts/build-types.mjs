// Writes dist/types/: the .d.ts files of the programmatic API (`import { explain, doctor } from 'ruapi'`).
// Separate from `npm run build` (tsc takes seconds, the chunks a fraction of one); `prepack` runs both.
//
//   node scripts/build-types.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const TYPES_DIR = path.join(root, 'dist', 'types');
const ENTRY = 'api.d.ts';

/** Declarations import one another with `from '…'` and `import('…')`; comments are not imports. */
const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/**
 * Emits declarations for src/api.ts and everything it imports, then keeps only the files the API's
 * own declarations reach (the program holds every module doctor() loads, most of which no type in
 * the API mentions). Fails when a shipped declaration imports a package: the package has no
 * runtime dependencies, so a user's compiler could not find it.
 */
export function buildTypes({ outdir = TYPES_DIR } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'ruapi-types-'));
  try {
    const tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.api.json'), '--outDir', work], { cwd: root, stdio: 'pipe' });
    const files = reachable(work, ENTRY);
    writeChanged(work, files, outdir);
    return files;
  } catch (err) {
    if (err.stdout?.length) throw new Error(`tsc -p tsconfig.api.json failed:\n${err.stdout}${err.stderr}`);
    throw err;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function reachable(dir, entry) {
  const seen = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    if (!existsSync(path.join(dir, rel))) throw new Error(`${entry} needs ${rel}, which tsc did not write`);
    seen.add(rel);
    for (const m of readFileSync(path.join(dir, rel), 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(path.join(path.dirname(rel), spec.replace(/\.js$/, '.d.ts')));
      else if (!spec.startsWith('node:') && !builtinModules.includes(spec)) {
        throw new Error(`dist/types/${rel} imports '${spec}': the shipped types must not need a package (move the type so the API does not reach it)`);
      }
    }
  };
  visit(entry);
  return [...seen].sort();
}

/**
 * Only files whose text changed are rewritten, each by rename: tests pack the project while
 * others may regenerate the types, and an unchanged tree is then never touched.
 */
function writeChanged(from, files, outdir) {
  const keep = new Set(files.map((f) => path.join(outdir, f)));
  for (const rel of files) {
    const text = readFileSync(path.join(from, rel));
    const dest = path.join(outdir, rel);
    if (existsSync(dest) && readFileSync(dest).equals(text)) continue;
    mkdirSync(path.dirname(dest), { recursive: true });
    const tmp = `${dest}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, dest);
  }
  if (!existsSync(outdir)) return;
  for (const entry of readdirSync(outdir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isFile() && file.endsWith('.d.ts') && !keep.has(file)) rmSync(file, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = buildTypes();
  console.log(`dist/types: ${files.length} declaration files`);
}
