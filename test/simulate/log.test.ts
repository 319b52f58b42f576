import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';

/**
 * The simulator's request log goes to the terminal running `ruapi simulate`, and the model id, the
 * path and the key in it are the client's: a client must not be able to write a line of its own
 * there, nor an escape sequence.
 */

let sim: Simulator;
const lines: string[] = [];
beforeAll(async () => {
  sim = await startSimulator({ log: (line) => lines.push(line) });
});
afterAll(() => sim.close());

/** Sends a raw request and waits for the simulator to log it. */
async function send(path: string, body: string, headers: Record<string, string> = {}): Promise<string> {
  const before = lines.length;
  await new Promise<void>((resolve, reject) => {
    const req = request(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
  for (let i = 0; i < 50 && lines.length === before; i++) await new Promise((r) => setTimeout(r, 10));
  return lines.slice(before).join('\n');
}

describe("the simulator's request log", () => {
  it('shows a hostile model id, path and key as one line without control characters, capped', async () => {
    const model = `gpt-5.4-mini\u001b]0;pwned\u0007\n::error::x\r\n##[error]y ${'z'.repeat(300)}`;
    const logged = await send('/v1/chat/completions', JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }), { authorization: `Bearer ${sim.key}` });
    const path = await send(`/v1/x/\u001b[2J%0A::warning::p${'/y'.repeat(300)}`, '{}', { authorization: `Bearer ${sim.key}\u009b31m` });
    for (const line of [logged, path]) {
      expect(line.split('\n')).toHaveLength(1);
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(line).not.toContain(sim.key);
    }
    expect(logged).toMatch(/^POST \/v1\/chat\/completions model=gpt-5.4-mini\?\]0;pwned\?_::error::x_##\[error\]y_z+… status=404 /);
    expect(path).toMatch(/^POST \/v1\/x\/%1B\[2J%0A::warning::p(\/y)+… model=- status=\d{3} .* key=sk-…\?31m$/);
  });
});
