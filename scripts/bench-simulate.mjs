// How many requests per second `ruapi simulate` serves on loopback: it must never be the bottleneck
// of a user's retry test. The simulator runs as the CLI does (its own process, logging each request);
// this process drives it with N keep-alive clients for a few seconds.
// Usage: node scripts/bench-simulate.mjs [--clients 16] [--seconds 3]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { clients: { type: 'string', default: '16' }, seconds: { type: 'string', default: '3' } } });
const clients = Math.max(1, Math.min(256, Number(values.clients) || 16));
const seconds = Math.max(0.5, Math.min(30, Number(values.seconds) || 3));

if (!existsSync(path.join(root, 'dist/sim.cjs'))) {
  const { buildAll } = await import('./build.mjs');
  await buildAll();
}

const child = spawn(process.execPath, [path.join(root, 'bin/ruapi.js'), 'simulate', '--json'], { stdio: ['ignore', 'pipe', 'ignore'] });
const ready = await new Promise((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error('ruapi simulate did not start within 10 s')), 10_000);
  child.stdout.setEncoding('utf8').on('data', (d) => {
    out += d;
    if (out.includes('\n')) {
      clearTimeout(timer);
      resolve(JSON.parse(out.split('\n')[0]));
    }
  });
  child.on('exit', (code) => reject(new Error(`ruapi simulate exited with ${code}`)));
});

const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 16 });
const headers = { authorization: `Bearer ${ready.key}`, 'content-type': 'application/json' };

async function drive(label, path, requestBody, key = ready.key, runSeconds = seconds) {
  const pool = new Pool(new URL(ready.openaiBaseUrl).origin, { connections: clients, pipelining: 1, keepAliveTimeout: 10_000 });
  let done = 0;
  let failed = 0;
  const deadline = performance.now() + runSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const res = await pool.request({ method: 'POST', path, headers: { ...headers, authorization: `Bearer ${key}` }, body: requestBody });
      await res.body.dump();
      if (res.statusCode === 200) done++;
      else failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.close();
  const rate = Math.round((done + failed) / elapsed);
  if (!label) return rate;
  console.log(`${label.padEnd(34)} ${String(rate).padStart(6)} req/s  (${done + failed} requests, ${failed} non-200, ${clients} keep-alive clients, ${elapsed.toFixed(1)} s)`);
  return rate;
}

try {
  // Warm-up, not counted: the first second of a fresh process runs unoptimised code.
  await drive('', '/v1/chat/completions', body, ready.key, 1);
  await drive('POST /v1/chat/completions (ok)', '/v1/chat/completions', body);
  await drive('POST /v1/chat/completions (429 key)', '/v1/chat/completions', body, ready.faultKeys['429']);
} finally {
  child.kill('SIGTERM');
}
