import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';

/**
 * The simulator speaks HTTP only. Codex's built-in provider opens a WebSocket to /v1/responses
 * before it posts; a 426 makes it fall back to HTTP at once (a 404 costs it 7 tries and about 6 s,
 * test/judges/codex.test.ts shows the real Codex doing so).
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${sim.url}${path}`, { method: 'GET', headers: { authorization: `Bearer ${sim.key}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a WebSocket upgrade to the simulator', () => {
  it('gets 426 and an OpenAI-shaped error saying to use HTTP, not a switch of protocols', async () => {
    const r = await get('/v1/responses', { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' });
    expect(r.status).toBe(426);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'websocket_unsupported', type: 'invalid_request_error' } });
  });

  it('leaves a plain GET of the same path the unknown path it was (404)', async () => {
    const r = await get('/v1/responses', {});
    expect(r.status).toBe(404);
  });
});
