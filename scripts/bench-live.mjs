// node scripts/bench-live.mjs [--runs N] [--json]     (run by `npm run bench`; needs dist/ built)
//
// The live doctor on loopback against one bare request to the same local simulator:
// - process: `ruapi doctor` start to exit (config, offline checks, the whole live chain: model list,
//   probe) against a node process that sends one POST /v1/chat/completions with fetch;
// - in process: runLiveChecks() against one undici request, both with a warm process.
// Paired and alternated like the other benches; the median ratio is the figure to watch.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } } });
const runs = Number(opts.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 200) {
  console.error('bench-live: --runs expects a whole number between 1 and 200');
  process.exit(2);
}

const { runLiveChecks } = require(path.join(root, 'dist/live.cjs'));
const { Agent, request } = require('undici');

const work = mkdtempSync(path.join(tmpdir(), 'ruapi-bench-live-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
// A clean environment: no proxies, no keys, no NODE_EXTRA_CA_CERTS (it alone adds ~80 ms per start).
const env = { PATH: process.env.PATH, HOME: work, NO_COLOR: '1' };

// The simulator runs in a child process: in this one, the spawnSync calls below would block it.
const simScript = path.join(work, 'sim.cjs');
writeFileSync(
  simScript,
  `require(${JSON.stringify(path.join(root, 'dist/sim.cjs'))}).startSimulator({ streamDelayMs: 0 }).then((s) => process.stdout.write(JSON.stringify({ url: s.openaiBaseUrl, key: s.key }) + '\\n'));`,
);
const simChild = spawn(process.execPath, [simScript], { env, stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => simChild.kill());
const sim = await new Promise((resolve, reject) => {
  simChild.stdout.once('data', (d) => resolve(JSON.parse(String(d))));
  simChild.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
});

const body = JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 1, messages: [{ role: 'user', content: 'Hi' }] });
const bareScript = path.join(work, 'bare.mjs');
writeFileSync(
  bareScript,
  `const r = await fetch(${JSON.stringify(`${sim.url}/chat/completions`)}, { method: 'POST', headers: { authorization: 'Bearer ' + process.env.KEY, 'content-type': 'application/json' }, body: ${JSON.stringify(body)} });
await r.text();
if (r.status !== 200) process.exit(1);`,
);

const time = (args, input) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...env, KEY: sim.key }, cwd: work, input, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).split('\n')[0]}`);
  return ms;
};
const doctorArgs = [path.join(root, 'bin/ruapi.js'), 'doctor', '--ci', '--base-url', sim.url, '--key-stdin', '--model', 'gpt-4o-mini'];
const processPairs = paired(
  () => time(doctorArgs, sim.key),
  () => time([bareScript]),
);

// In process: the whole live chain against one request, each with a fresh connection.
const target = {
  protocol: 'openai',
  protocolGuessed: false,
  auth: 'bearer',
  key: { value: sim.key, source: { kind: 'flag', name: 'key', label: '--key' } },
  baseUrl: { value: sim.url, source: { kind: 'flag', name: 'base-url', label: '--base-url' } },
  model: { value: 'gpt-4o-mini', source: { kind: 'flag', name: 'model', label: '--model' } },
};
const liveOnce = async () => {
  const t = performance.now();
  const r = await runLiveChecks(target, { timeoutMs: 25_000, probe: true, stream: false, allowHosts: [], interactive: false, offlineFindings: [] });
  if (!r.findings.some((f) => f.id === 'live/ok')) throw new Error(`live checks did not pass: ${r.findings.map((f) => f.id).join(', ')}`);
  return performance.now() - t;
};
const bareOnce = async () => {
  const dispatcher = new Agent();
  const t = performance.now();
  const r = await request(`${sim.url}/chat/completions`, { method: 'POST', dispatcher, headers: { authorization: `Bearer ${sim.key}`, 'content-type': 'application/json' }, body });
  await r.body.text();
  const ms = performance.now() - t;
  await dispatcher.close();
  return ms;
};
const inProcess = await pairedAsync(liveOnce, bareOnce);
simChild.kill();

const results = {
  runs,
  process: { label: 'ruapi doctor (live, loopback) vs one fetch in a node process', ...processPairs },
  inProcess: { label: 'runLiveChecks vs one undici request', ...inProcess },
};
if (opts.json) console.log(JSON.stringify(results, null, 2));
else {
  for (const r of [results.process, results.inProcess]) {
    console.log(`${r.label}: ${r.ms} ms vs ${r.baselineMs} ms, ${r.ratio}× (median of ${runs})`);
  }
}
process.exit(0);

function paired(candidate, baseline) {
  candidate(), baseline(); // warm the file cache
  const c = [], b = [], ratios = [];
  for (let i = 0; i < runs; i++) {
    let x, y;
    if (i % 2 === 0) (x = candidate()), (y = baseline());
    else (y = baseline()), (x = candidate());
    c.push(x), b.push(y), ratios.push(x / y);
  }
  return { ms: round(median(c)), baselineMs: round(median(b)), ratio: round(median(ratios), 2) };
}

async function pairedAsync(candidate, baseline) {
  await candidate(), await baseline();
  const c = [], b = [], ratios = [];
  for (let i = 0; i < runs; i++) {
    let x, y;
    if (i % 2 === 0) (x = await candidate()), (y = await baseline());
    else (y = await baseline()), (x = await candidate());
    c.push(x), b.push(y), ratios.push(x / y);
  }
  return { ms: round(median(c)), baselineMs: round(median(b)), ratio: round(median(ratios), 2) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
