// npm run bench [-- --runs N] [--json] [--node /path/to/node]
//
// Start-up and size figures, each paired against a baseline measured in the same run: absolute
// milliseconds move a lot between runs on a shared machine, ratios much less. Every process runs in
// a clean environment (PATH and HOME only): NODE_EXTRA_CA_CERTS, set on some machines, alone adds
// ~80 ms to each Node start and would hide the CLI's own cost. --node measures with another Node
// (users run 22, 24 and 26) than the one running this script.
//
// The home folder is the same for every run, as a user's is: after the first run the CLI finds
// its V8 code cache there (src/startup.ts). "first run" rows give each run a fresh home instead.
import { spawn, spawnSync } from 'node:child_process';
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
/** Goals (and, where issue #12 set one, the bar a change must not cross). */
const TARGET_EXPLAIN_RATIO = 1.15;
const TARGET_DOCTOR_RATIO = { goal: 1.2, bar: 1.4 };
const TARGET_LIVE_CPU_RATIO = { goal: 2, bar: 3.5 };
const TARGET_LIVE_RSS_MB = 60;
const TARGET_TARBALL_KB = 200;

const { values: opts } = parseArgs({
  options: { runs: { type: 'string', default: '30' }, json: { type: 'boolean', default: false }, node: { type: 'string', default: process.execPath } },
});
const NODE = opts.node;
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
const floor = { label: 'floor: node prints a line', cmd: NODE, args: [floorScript] };

// CPU time and peak memory, as the measured process sees them when it exits (written to fd 3).
const usageScript = path.join(work, 'usage.cjs');
writeFileSync(
  usageScript,
  "process.on('exit', () => { const u = process.resourceUsage(); try { require('fs').writeSync(3, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, rssMb: u.maxRSS / 1024 })); } catch {} });\n",
);

const project = mkdir('project');
writeFileSync(path.join(project, '.env'), 'OPENAI_API_KEY=sk-bench0123456789abcdefgh\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\nOPENAI_MODEL=gpt-5.4-mini\n');

const results = {
  runs,
  node: versionOf(NODE),
  explain: paired('explain 404', { cmd: NODE, args: [BIN, 'explain', '404'] }),
  // The Russian text is a chunk of its own, loaded only when Russian is chosen: the same bar (#18).
  explainRu: paired('explain 404 --lang ru', { cmd: NODE, args: [BIN, 'explain', '404', '--lang', 'ru'] }),
  version: paired('--version', { cmd: NODE, args: [BIN, '--version'] }),
  paste: pasteTime(),
  doctor: paired('doctor --offline', { cmd: NODE, args: [BIN, 'doctor', '--offline'], cwd: project }),
  doctorFirst: paired('doctor --offline, first run', { cmd: NODE, args: [BIN, 'doctor', '--offline'], cwd: project, freshHome: true }),
  live: await liveDoctor(),
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

/** Median of per-pair ratios candidate/baseline (the floor unless given); the two alternate which runs first. */
function paired(label, candidate, baseline = floor) {
  for (let i = 0; i < 3; i++) time(baseline), time(candidate); // warm the file cache (and the code cache)
  const pairs = [];
  for (let i = 0; i < runs; i++) {
    progress(`${label}: ${i + 1}/${runs}`);
    let a, b;
    if (i % 2 === 0) (a = time(baseline)), (b = time(candidate));
    else (b = time(candidate)), (a = time(baseline));
    if (b.status !== 0 && b.status !== 1) throw new Error(`${label} exited ${b.status}: ${b.stderr}`);
    pairs.push([a, b]);
  }
  const med = (f, digits = 1) => round(median(pairs.map(f)), digits);
  const result = { label, ratio: med(([a, b]) => b.ms / a.ms, 2), ms: med(([, b]) => b.ms), floorMs: med(([a]) => a.ms) };
  if (!candidate.usage) return result;
  return {
    ...result,
    cpuRatio: med(([a, b]) => b.usage.cpuMs / a.usage.cpuMs, 2),
    cpuMs: med(([, b]) => b.usage.cpuMs),
    baselineCpuMs: med(([a]) => a.usage.cpuMs),
    rssMb: med(([, b]) => b.usage.rssMb),
    maxRssMb: round(Math.max(...pairs.map(([, b]) => b.usage.rssMb)), 1),
    baselineRssMb: med(([a]) => a.usage.rssMb),
  };
}

function time({ cmd, args, cwd = home, input, freshHome = false, usage = false, env: extraEnv = {} }) {
  const runEnv = { ...env, ...extraEnv, ...(freshHome ? { HOME: mkdtempSync(path.join(work, 'fresh-home-')) } : {}) };
  const started = performance.now();
  const r = spawnSync(cmd, usage ? ['--require', usageScript, ...args] : args, {
    cwd,
    env: runEnv,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30_000,
    stdio: ['pipe', 'pipe', 'pipe', ...(usage ? ['pipe'] : [])],
  });
  const ms = performance.now() - started;
  // EPIPE: the command exited before reading all of stdin, which is its right.
  if (r.error && r.error.code !== 'EPIPE') throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr, ...(usage ? { usage: JSON.parse(r.output[3] || '{}') } : {}) };
}

/**
 * The live doctor (model list, then the 1-token probe: two requests on loopback) against one
 * POST /v1/chat/completions sent with node:http, both to a simulator this bench starts: wall
 * time, CPU time and peak memory, paired.
 */
async function liveDoctor() {
  progress('starting the simulator');
  const sim = spawn(NODE, [BIN, 'simulate', '--json'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  process.on('exit', () => sim.kill());
  try {
    const ready = await new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('ruapi simulate did not start within 10 s')), 10_000);
      sim.once('exit', (code) => reject(new Error(`ruapi simulate exited ${code}`)));
      sim.stdout.setEncoding('utf8').on('data', (d) => {
        out += d;
        if (!out.includes('\n')) return;
        clearTimeout(timer);
        resolve(JSON.parse(out.split('\n')[0]));
      });
    });
    const oneRequest = path.join(work, 'one-request.cjs');
    writeFileSync(
      oneRequest,
      `const http = require('node:http');
const body = JSON.stringify({ model: 'deepseek-v3', max_tokens: 1, messages: [{ role: 'user', content: 'Hi' }] });
const req = http.request(process.env.BASE_URL + '/chat/completions', { method: 'POST', headers: { authorization: 'Bearer ' + process.env.KEY, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
  res.resume();
  res.on('end', () => { if (res.statusCode !== 200) process.exit(1); });
});
req.end(body);
`,
    );
    const keyEnv = { BASE_URL: ready.openaiBaseUrl, KEY: ready.key };
    const baseline = { cmd: NODE, args: [oneRequest], env: keyEnv, usage: true };
    const doctor = { cmd: NODE, args: [BIN, 'doctor', '--ci', '--key-stdin', '--base-url', ready.openaiBaseUrl, '--model', 'gpt-5.4-mini'], input: ready.key, usage: true };
    const probe = time(doctor);
    if (probe.status !== 0) return { skipped: `the live doctor failed against the simulator (exit ${probe.status}): ${probe.stdout.split('\n').slice(-2).join(' ')}` };
    return paired('doctor, live (2 requests) vs 1 node:http request', doctor, baseline);
  } finally {
    sim.kill();
  }
}

function versionOf(node) {
  return node === process.execPath ? process.version : spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
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
    const r = time({ cmd: NODE, args: [BIN, 'explain', '-'], input });
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
  const mark = (value, target, unit = '×') => {
    if (target === undefined) return '';
    const { goal, bar } = typeof target === 'number' ? { goal: target } : target;
    if (value <= goal) return `✓ ≤ ${goal}${unit}`;
    return bar === undefined ? `✗ ≤ ${goal}${unit}` : `✗ ≤ ${goal}${unit} (${value <= bar ? '✓' : '✗'} bar ${bar}${unit})`;
  };
  const ratioRow = (x, target) =>
    x.skipped ? [x.label ?? '', 'skipped', x.skipped, ''] : [x.label, `${x.ms} ms`, `${x.ratio.toFixed(2)}× (floor ${x.floorMs} ms)`, mark(x.ratio, target)];
  rows.push(ratioRow(r.explain, TARGET_EXPLAIN_RATIO));
  rows.push(ratioRow(r.explainRu, TARGET_EXPLAIN_RATIO));
  rows.push(ratioRow(r.version));
  rows.push([r.paste.label, `${r.paste.ms} ms`, `max ${r.paste.maxMs} ms, exit ${r.paste.exitCode}`, r.paste.maxMs < 1000 ? '✓ < 1 s' : '✗ < 1 s']);
  rows.push(ratioRow(r.doctor, TARGET_DOCTOR_RATIO));
  rows.push(ratioRow(r.doctorFirst));
  if (r.live.skipped) rows.push(['doctor, live', 'skipped', r.live.skipped, '']);
  else {
    rows.push([r.live.label, `${r.live.ms} ms`, `${r.live.ratio.toFixed(2)}× wall (1 request ${r.live.floorMs} ms)`, '']);
    rows.push(['  CPU time', `${r.live.cpuMs} ms`, `${r.live.cpuRatio.toFixed(2)}× (1 request ${r.live.baselineCpuMs} ms)`, mark(r.live.cpuRatio, TARGET_LIVE_CPU_RATIO)]);
    rows.push(['  peak RSS', `${r.live.rssMb} MiB`, `max ${r.live.maxRssMb} MiB (1 request ${r.live.baselineRssMb} MiB)`, mark(r.live.maxRssMb, TARGET_LIVE_RSS_MB, ' MiB')]);
  }
  rows.push(r.binary.skipped ? ['binary: explain 404', 'skipped', r.binary.skipped, ''] : [...ratioRow(r.binary).slice(0, 3), `${r.binary.mb} MB`]);
  rows.push(
    r.tarball.skipped
      ? ['tarball', 'skipped', r.tarball.skipped, '']
      : ['tarball (npm pack)', `${r.tarball.kb} KB`, `${r.tarball.files} files, ${r.tarball.unpackedKb} KB unpacked`, mark(r.tarball.kb, TARGET_TARBALL_KB, ' KB')],
  );
  rows.push(
    r.npx.skipped
      ? ['npx install', 'skipped', r.npx.skipped, '']
      : ['npx ruapi --version, cold cache', `${r.npx.npxSeconds} s`, `npm install ${r.npx.installSeconds} s, ${r.npx.packagesInstalled} package(s)`, ''],
  );
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(`ruapi bench · node ${r.node} · ${r.runs} paired runs against the floor (a one-line script; the live doctor against one node:http request), clean env (PATH, HOME)\n`);
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
