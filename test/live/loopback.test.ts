import type dns from 'node:dns';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopbackAddress, resolvesElsewhere } from '../../src/live/hosts.js';
import { live, target } from '../helpers/live.js';

const KEY = 'sk-Lo0pBackTrust9xQ7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ';

/** A resolver for tests that answers `address` for every name (`all` or not), or each call from `answers` in turn. */
function resolver(...answers: string[]): typeof dns.lookup & { calls: number } {
  const f = ((_host: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    const address = answers[Math.min(f.calls++, answers.length - 1)]!;
    const family = address.includes(':') ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as typeof dns.lookup & { calls: number };
  f.calls = 0;
  return f;
}

describe('a loopback name must lead to this machine', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.200.1.9', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.5', false],
    ['::ffff:10.0.0.5', false],
    ['fd00::2', false],
    ['localhost', false],
    [undefined, false],
  ])('%s is a loopback address: %s', (address, yes) => {
    expect(isLoopbackAddress(address)).toBe(yes);
  });

  it('finds a *.localhost name that resolves elsewhere', async () => {
    expect(await resolvesElsewhere('evil.localhost', resolver('10.1.2.3'), 1000)).toEqual(['10.1.2.3']);
    expect(await resolvesElsewhere('app.localhost', resolver('127.0.0.1'), 1000)).toBeUndefined();
  });

  it('looks nothing up for an IP address, and proves nothing when the look-up fails or hangs', async () => {
    const never = resolver('10.1.2.3');
    expect(await resolvesElsewhere('[::1]', never, 1000)).toBeUndefined();
    expect(never.calls).toBe(0);
    const failing = ((_h: string, _o: unknown, cb: (e: Error) => void) => cb(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }))) as unknown as typeof dns.lookup;
    expect(await resolvesElsewhere('gone.localhost', failing, 1000)).toBeUndefined();
    const hanging = (() => {}) as unknown as typeof dns.lookup;
    expect(await resolvesElsewhere('slow.localhost', hanging, 50)).toBeUndefined();
  });
});

/** An address of this machine that is not loopback (a LAN interface), where a server can listen: the "elsewhere" of these tests. */
const elsewhere = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

describe.skipIf(!elsewhere)('the live chain with a *.localhost name that leads elsewhere', () => {
  const seen: IncomingHttpHeaders[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let port = 0;
  const server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'Invalid API key', type: 'invalid_request_error', code: 'invalid_api_key' } }));
  });
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, elsewhere, resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('refuses to send the key when the name resolves elsewhere, and checks the connection without it', async () => {
    seen.length = 0;
    const r = await live(target('openai', `http://evil.localhost:${port}/v1`, KEY, 'gpt-5.4-mini'), { lookup: resolver(elsewhere!) });
    expect(r.ids).toContain('live/host-not-allowed');
    const f = r.finding('live/host-not-allowed');
    expect(f.severity).toBe('error');
    expect(f.message).toContain(elsewhere);
    expect(f.message).toMatch(/not a loopback address/);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((h) => h.authorization === undefined && h['x-api-key'] === undefined)).toBe(true);
  });

  it('closes a connection that reaches another address after the name first resolved to this machine', async () => {
    seen.length = 0;
    const before = connections;
    // The first look-up (the key gate's) says 127.0.0.1; the connection's own says elsewhere (DNS rebinding).
    const r = await live(target('openai', `http://rebind.localhost:${port}/v1`, KEY, 'gpt-5.4-mini'), { lookup: resolver('127.0.0.1', elsewhere!) });
    expect(r.ids).toEqual(['live/host-not-allowed']);
    expect(r.step('http')?.status).toBe('fail');
    expect(r.finding('live/host-not-allowed').message).toContain(elsewhere);
    expect(connections).toBeGreaterThan(before);
    expect(seen).toEqual([]);
  });
});
