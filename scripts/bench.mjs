// npm run bench [-- --runs N] [--json]
//
// Start-up and size figures, each paired against a baseline measured in the same run: absolute
// milliseconds move a lot between runs on a shared machine, ratios much less. Every process runs in
// a clean environment (PATH and HOME only): NODE_EXTRA_CA_CERTS, set on some machines, alone adds
// ~80 ms to each Node start and would hide the CLI's own cost.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAll } from './build.mjs';
import { buildTypes } from './build-types.mjs';

const root = path.resolve(import.meta.dirname, '..');
const BIN = path.join(root, 'bin/ruapi.js');
const BINARY = path.join(root, 'dist/ruapi');
/** Scripts other parts of the project may add; each is run as `node <script> [--json]`. */
const EXTRA_BENCHES = ['bench-live.mjs', 'bench-simulate.mjs'];
const TARGET_EXPLAIN_RATIO = 1.1;
const TARGET_TARBALL_KB = 200;

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '30' }, json: { type: 'boolean', default: false } } });
const runs = Number(opts.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 500) {
  console.error('bench: --runs expects a whole number between 1 and 500');
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'ruapi-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const home = mkdir('home');
const env = { PATH: process.env.PATH, HOME: home };

const progress = (s) => !opts.json && process.stderr.isTTY && process.stderr.write(`\r\x1b[K${s}`);

// Bench what is in the working tree: a stale dist/ would measure someone else's code. The types
// too, as `npm pack` (prepack) would write them: they are part of the tarball measured below.
await buildAll();
buildTypes();

const floorScript = path.join(work, 'floor.cjs');
writeFileSync(floorScript, "console.log('ok');\n");
const floor = { label: 'floor: node prints a line', cmd: process.execPath, args: [floorScript] };

const project = mkdir('project');
writeFileSync(path.join(project, '.env'), 'OPENAI_API_KEY=sk-bench0123456789abcdefgh\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\nOPENAI_MODEL=gpt-4o-mini\n');

const results = {
  node: process.version,
  runs,
  explain: paired('explain 404 (cold start)', { cmd: process.execPath, args: [BIN, 'explain', '404'] }),
  version: paired('--version', { cmd: process.execPath, args: [BIN, '--version'] }),
  paste: pasteTime(),
  doctor: existsSync(path.join(root, 'dist/doctor.cjs'))
    ? paired('doctor --offline', { cmd: process.execPath, args: [BIN, 'doctor', '--offline'], cwd: project })
    : { skipped: 'dist/doctor.cjs not built' },
  binary: existsSync(BINARY)
    ? { ...paired('binary: explain 404', { cmd: BINARY, args: ['explain', '404'] }), mb: round(statSync(BINARY).size / 1e6, 1) }
    : { skipped: 'dist/ruapi not built (npm run build:binary)' },
  tarball: tarball(),
  npx: npxInstall(),
  extra: extraBenches(),
};
progress('');

if (opts.json) console.log(JSON.stringify(results, null, 2));
else printTable(results);

// ---------------------------------------------------------------------------------------------

/** Median of per-pair ratios candidate/floor; the two alternate which runs first. */
function paired(label, candidate) {
  for (let i = 0; i < 3; i++) time(floor), time(candidate); // warm the file cache
  const ratios = [];
  const cand = [];
  const base = [];
  for (let i = 0; i < runs; i++) {
    progress(`${label}: ${i + 1}/${runs}`);
    let a, b;
    if (i % 2 === 0) (a = time(floor)), (b = time(candidate));
    else (b = time(candidate)), (a = time(floor));
    base.push(a.ms);
    cand.push(b.ms);
    ratios.push(b.ms / a.ms);
    if (b.status !== 0 && b.status !== 1) throw new Error(`${label} exited ${b.status}: ${b.stderr}`);
  }
  return { label, ratio: round(median(ratios), 2), ms: round(median(cand), 1), floorMs: round(median(base), 1) };
}

function time({ cmd, args, cwd = home, input }) {
  const started = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
  const ms = performance.now() - started;
  // EPIPE: the command exited before reading all of stdin, which is its right.
  if (r.error && r.error.code !== 'EPIPE') throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A 4 MB log whose last lines hold the error, where a traceback puts it. */
function pasteTime() {
  const line = (i) =>
    `2026-11-25T10:${String(i % 60).padStart(2, '0')}:00.${String(i % 1000).padStart(3, '0')}Z INFO worker-${i % 8} POST /v1/chat/completions 200 in ${i % 997} ms tokens=${i % 4096} id=req_${i.toString(16).padStart(12, '0')}\n`;
  const parts = [];
  let size = 0;
  for (let i = 0; size < 4 * 1024 * 1024; i++) size += (parts[parts.length] = line(i)).length;
  parts.push(
    'Traceback (most recent call last):\n  File "app.py", line 12, in <module>\n    resp = client.chat.completions.create(model="gpt-4o-mimi", messages=msgs)\n',
    "openai.NotFoundError: Error code: 404 - {'error': {'message': 'The model `gpt-4o-mimi` does not exist', 'type': 'invalid_request_error', 'code': 'model_not_found'}}\n",
  );
  const input = parts.join('');
  const n = Math.min(runs, 7);
  const ms = [];
  let status = null;
  for (let i = 0; i < n; i++) {
    progress(`explain - (4 MB paste): ${i + 1}/${n}`);
    const r = time({ cmd: process.execPath, args: [BIN, 'explain', '-'], input });
    ms.push(r.ms);
    status = r.status;
  }
  return { label: 'explain - (4 MB paste)', ms: round(median(ms), 0), maxMs: round(Math.max(...ms), 0), bytes: input.length, exitCode: status };
}

function tarball() {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env: npmEnv(mkdir('npm-home-pack')) });
  if (r.status !== 0) return { skipped: `npm pack failed: ${r.stderr.split('\n')[0]}` };
  const [p] = JSON.parse(r.stdout);
  return { kb: round(p.size / 1024, 1), unpackedKb: round(p.unpackedSize / 1024, 1), files: p.files.length };
}

/** What a first `npx ruapi` costs: a cold npm cache, the packed tarball, install plus one run. */
function npxInstall() {
  const dest = mkdir('pack');
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: root, encoding: 'utf8', env: npmEnv(mkdir('npm-home-pack2')) });
  if (packed.status !== 0) return { skipped: `npm pack failed: ${packed.stderr.split('\n')[0]}` };
  const tgz = path.join(dest, JSON.parse(packed.stdout)[0].filename);
  const n = Math.min(runs, 3);
  const npx = [];
  const install = [];
  for (let i = 0; i < n; i++) {
    progress(`npx install: ${i + 1}/${n}`);
    const e1 = npmEnv(mkdir(`npx-home-${i}`));
    const started = performance.now();
    const r = spawnSync('npx', ['--yes', '--prefer-offline', '--package', tgz, 'ruapi', '--version'], { cwd: mkdir(`npx-cwd-${i}`), env: e1, encoding: 'utf8', timeout: 60_000 });
    npx.push(performance.now() - started);
    if (r.status !== 0) return { skipped: `npx failed: ${r.stderr.split('\n')[0]}` };

    const folder = mkdir(`install-${i}`);
    const t0 = performance.now();
    const ins = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', tgz], { cwd: folder, env: npmEnv(mkdir(`npm-home-${i}`)), encoding: 'utf8', timeout: 60_000 });
    install.push(performance.now() - t0);
    if (ins.status !== 0) return { skipped: `npm install failed: ${ins.stderr.split('\n')[0]}` };
  }
  const folder = path.join(mkdir('install-0'), 'node_modules');
  return {
    npxSeconds: round(median(npx) / 1000, 2),
    installSeconds: round(median(install) / 1000, 2),
    packagesInstalled: readdirSync(folder).filter((n) => !n.startsWith('.')).length,
  };
}

function extraBenches() {
  const out = {};
  for (const name of EXTRA_BENCHES) {
    const script = path.join(root, 'scripts', name);
    if (!existsSync(script)) continue;
    progress(name);
    const r = spawnSync(process.execPath, [script, ...(opts.json ? ['--json'] : [])], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const text = (r.stdout || '').trim();
    if (r.status !== 0) out[name] = { error: `exited ${r.status ?? r.signal}: ${(r.stderr || '').split('\n')[0]}` };
    else if (opts.json) {
      try {
        out[name] = JSON.parse(text);
      } catch {
        out[name] = { output: text };
      }
    } else out[name] = { output: text };
  }
  return out;
}

function printTable(r) {
  const rows = [];
  const ratioRow = (x, target) =>
    x.skipped
      ? [x.label ?? '', 'skipped', x.skipped, '']
      : [x.label, `${x.ms} ms`, `${x.ratio.toFixed(2)}× (floor ${x.floorMs} ms)`, target ? `${x.ratio <= target ? '✓' : '✗'} ≤ ${target}×` : ''];
  rows.push(ratioRow(r.explain, TARGET_EXPLAIN_RATIO));
  rows.push(ratioRow(r.version));
  rows.push([r.paste.label, `${r.paste.ms} ms`, `max ${r.paste.maxMs} ms, exit ${r.paste.exitCode}`, r.paste.maxMs < 1000 ? '✓ < 1 s' : '✗ < 1 s']);
  rows.push(r.doctor.skipped ? ['doctor --offline', 'skipped', r.doctor.skipped, ''] : ratioRow(r.doctor));
  rows.push(r.binary.skipped ? ['binary: explain 404', 'skipped', r.binary.skipped, ''] : [...ratioRow(r.binary).slice(0, 3), `${r.binary.mb} MB`]);
  rows.push(
    r.tarball.skipped
      ? ['tarball', 'skipped', r.tarball.skipped, '']
      : ['tarball (npm pack)', `${r.tarball.kb} KB`, `${r.tarball.files} files, ${r.tarball.unpackedKb} KB unpacked`, `${r.tarball.kb <= TARGET_TARBALL_KB ? '✓' : '✗'} ≤ ${TARGET_TARBALL_KB} KB`],
  );
  rows.push(
    r.npx.skipped
      ? ['npx install', 'skipped', r.npx.skipped, '']
      : ['npx ruapi --version, cold cache', `${r.npx.npxSeconds} s`, `npm install ${r.npx.installSeconds} s, ${r.npx.packagesInstalled} package(s)`, ''],
  );
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(`ruapi bench · node ${r.node} · ${r.runs} paired runs against the floor, clean env (PATH, HOME)\n`);
  for (const row of rows) console.log(row.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('  ').trimEnd());
  for (const [name, x] of Object.entries(r.extra)) console.log(`\n${name}:\n${x.error ?? x.output ?? JSON.stringify(x)}`);
}

function npmEnv(h) {
  return { ...env, HOME: h, npm_config_cache: path.join(h, '.npm'), npm_config_update_notifier: 'false' };
}

function mkdir(name) {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
