import type dns from 'node:dns';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { proxyFor } from '../../src/live/hosts.js';
import { live, target } from '../helpers/live.js';
import { refusedPort, startProxy } from '../helpers/proxy.js';

/** A resolver for tests: every name is 127.0.0.1. */
const toLoopback = ((_host: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) =>
  options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)) as unknown as typeof dns.lookup;

// The live check reads these when it starts (src/live/hosts.ts proxyFor): each test sets its own.
const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'];
let saved: Record<string, string | undefined> = {};
beforeEach(() => {
  saved = Object.fromEntries(PROXY_VARS.map((v) => [v, process.env[v]]));
  for (const v of PROXY_VARS) delete process.env[v];
});
afterEach(() => {
  for (const v of PROXY_VARS) {
    if (saved[v] === undefined) delete process.env[v];
    else process.env[v] = saved[v];
  }
});

let sim: Simulator;
const simLog: string[] = [];
beforeAll(async () => {
  sim = await startSimulator({ log: (line) => simLog.push(line) });
});
afterAll(async () => {
  await sim?.close();
});

/** A base URL on another host, which the test proxy routes to the local simulator: nothing leaves this machine. */
const REMOTE = 'gateway.example.test';
const remote = (path: string) => `http://${REMOTE}${path}`;
const viaSim = () => startProxy({ routes: { [REMOTE]: sim.port } });

describe('proxies from the environment', () => {
  it('goes through an allowing proxy, and reports it with its user info masked', async () => {
    const proxy = await startProxy({ routes: { [REMOTE]: sim.port }, credentials: { user: 'alice', password: 's3cret-proxy-pass' } });
    try {
      process.env.HTTP_PROXY = proxy.url;
      const r = await live(target('openai', remote('/v1'), sim.key, 'gpt-5.4-mini'), { allowHosts: [REMOTE] });
      expect(r.ids).toEqual(['live/ok']);
      expect(proxy.connects[0]).toBe(`${REMOTE}:80`);
      expect(proxy.authorizations[0]).toMatch(/^Basic /);
      expect(r.report.proxy).toBe(`http://***@127.0.0.1:${proxy.port}`);
      expect(r.finding('live/ok').message).toContain(r.report.proxy);
      expect(r.step('dns')?.detail).toMatch(/the proxy/);
      expect(JSON.stringify(r)).not.toContain('s3cret-proxy-pass');
    } finally {
      await proxy.close();
    }
  });

  it('live/proxy: a proxy that refuses the tunnel is named as the broken link', async () => {
    const proxy = await startProxy({ mode: 'refuse', status: 403 });
    try {
      process.env.HTTP_PROXY = proxy.url;
      const r = await live(target('openai', remote('/v1'), sim.key, 'gpt-5.4-mini'), { allowHosts: [REMOTE] });
      expect(r.ids).toEqual(['live/proxy']);
      expect(r.step('connect')?.status).toBe('fail');
      expect(r.step('http')).toMatchObject({ status: 'skipped', blockedBy: 'connect' });
      const f = r.finding('live/proxy');
      expect(f.data).toMatchObject({ proxyStatus: 403, variable: 'HTTP_PROXY' });
      expect(f.source).toBe('HTTP_PROXY in the environment');
      expect(f.fix).toContain(`NO_PROXY=${REMOTE}`);
    } finally {
      await proxy.close();
    }
  });

  it('live/proxy: a proxy that wants credentials (407) says so', async () => {
    const proxy = await startProxy({ mode: 'refuse', status: 407 });
    try {
      process.env.http_proxy = proxy.url;
      const r = await live(target('anthropic', remote(''), sim.key, 'claude-opus-4-8'), { allowHosts: [REMOTE] });
      expect(r.ids).toEqual(['live/proxy']);
      expect(r.finding('live/proxy').title).toMatch(/credentials \(407\)/);
      expect(r.finding('live/proxy').data?.variable).toBe('http_proxy');
    } finally {
      await proxy.close();
    }
  });

  it('live/proxy: a proxy that is not running is the broken link, not the gateway', async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${await refusedPort()}`;
    const r = await live(target('openai', remote('/v1'), sim.key, 'gpt-5.4-mini'), { allowHosts: [REMOTE] });
    expect(r.ids).toEqual(['live/proxy']);
    expect(r.finding('live/proxy').title).toMatch(/refused the connection/);
  });

  it('leaves a host in NO_PROXY off the proxy', async () => {
    const proxy = await viaSim();
    try {
      process.env.HTTP_PROXY = proxy.url;
      process.env.NO_PROXY = `localhost,${REMOTE}`;
      // Straight to the host: the test resolves its name to the simulator's address.
      const r = await live(target('openai', `http://${REMOTE}:${sim.port}/v1`, sim.key, 'gpt-5.4-mini'), { allowHosts: [REMOTE], lookup: toLoopback });
      expect(r.ids).toEqual(['live/ok']);
      expect(proxy.connects).toEqual([]);
      expect(r.report.proxy).toBeUndefined();
    } finally {
      await proxy.close();
    }
  });

  it.each([
    ['127.0.0.1', () => sim.openaiBaseUrl],
    ['localhost', () => `http://localhost:${sim.port}/v1`],
  ])('never sends the key for this machine (%s) through a proxy, with no NO_PROXY at all', async (_name, base) => {
    const proxy = await viaSim();
    try {
      process.env.HTTP_PROXY = proxy.url;
      process.env.HTTPS_PROXY = proxy.url;
      simLog.length = 0;
      const r = await live(target('openai', base(), sim.key, 'gpt-5.4-mini'));
      expect(r.ids).toEqual(['live/ok']);
      expect(proxy.connects).toEqual([]);
      expect(r.report.proxy).toBeUndefined();
      expect(simLog.some((l) => !/ key=- /.test(`${l} `))).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});

describe('which proxy variable is named', () => {
  it.each([
    [{ HTTPS_PROXY: 'http://a:1' }, 'https://www.ruapi.ai/v1', 'HTTPS_PROXY'],
    [{ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:1' }, 'https://www.ruapi.ai/v1', 'https_proxy'],
    [{ https_proxy: '', HTTP_PROXY: 'http://b:1' }, 'https://www.ruapi.ai/v1', 'HTTP_PROXY'],
    [{ HTTP_PROXY: 'http://b:1' }, 'http://gw.example.test:9/v1', 'HTTP_PROXY'],
  ])('with %j, for %s, is the one that gives the proxy: %s', (env, url, variable) => {
    expect(proxyFor(new URL(url), env)?.variable).toBe(variable);
    expect(proxyFor(new URL(url), env)?.url).toBe(env[variable as keyof typeof env]);
  });

  it.each(['http://127.0.0.1:9/v1', 'http://127.8.9.10/v1', 'http://localhost:8787', 'https://app.localhost/v1', 'http://[::1]:8787/v1'])(
    'is none for this machine, %s, whatever the variables say',
    (url) => {
      expect(proxyFor(new URL(url), { HTTP_PROXY: 'http://b:1', HTTPS_PROXY: 'http://b:1', NO_PROXY: 'example.com' })).toBeUndefined();
    },
  );
});

describe('where the key may go', () => {
  // A proxy that routes any host name to the local simulator: the base URL can name a remote host
  // while nothing leaves this machine.
  async function viaRoutes(host: string, run: () => Promise<void>) {
    const proxy = await startProxy({ routes: { [host]: sim.port } });
    process.env.HTTP_PROXY = proxy.url;
    simLog.length = 0;
    try {
      await run();
    } finally {
      await proxy.close();
    }
  }
  const keySeen = () => simLog.some((l) => !/ key=- /.test(`${l} `));

  it('live/host-not-allowed: in CI the key is not sent to a host that is not RuAPI', async () => {
    await viaRoutes('gateway.example.test', async () => {
      const r = await live(target('openai', 'http://gateway.example.test/v1', sim.key, 'gpt-5.4-mini'));
      expect(r.ids).toEqual(['live/host-not-allowed']);
      const f = r.finding('live/host-not-allowed');
      expect(f.severity).toBe('error');
      expect(f.fix).toContain('--allow-host gateway.example.test');
      expect(r.step('http')?.status).toBe('ok');
      expect(r.step('auth')).toMatchObject({ status: 'skipped', blockedBy: 'live/host-not-allowed' });
      expect(simLog.length).toBeGreaterThan(0);
      expect(keySeen()).toBe(false);
    });
  });

  it('sends the key to a host given with --allow-host', async () => {
    await viaRoutes('gateway.example.test', async () => {
      const r = await live(target('openai', 'http://gateway.example.test/v1', sim.key, 'gpt-5.4-mini'), { allowHosts: ['gateway.example.test'] });
      expect(r.ids).toEqual(['live/ok']);
      expect(keySeen()).toBe(true);
    });
  });

  it('asks on a terminal before sending the key to another host, and respects the answer', async () => {
    await viaRoutes('gateway.example.test', async () => {
      const yes = vi.fn(async () => true);
      const r = await live(target('openai', 'http://gateway.example.test/v1', sim.key, 'gpt-5.4-mini'), { interactive: true, confirmHost: yes });
      expect(yes).toHaveBeenCalledWith('gateway.example.test');
      expect(r.ids).toEqual(['live/ok']);

      simLog.length = 0;
      const no = vi.fn(async () => false);
      const declined = await live(target('openai', 'http://gateway.example.test/v1', sim.key, 'gpt-5.4-mini'), { interactive: true, confirmHost: no });
      expect(declined.ids).toEqual(['live/host-not-allowed']);
      expect(declined.finding('live/host-not-allowed').severity).toBe('warning');
      expect(keySeen()).toBe(false);
    });
  });

  it('does not send the key to RuAPI over plain http', async () => {
    await viaRoutes('www.ruapi.ai', async () => {
      const r = await live(target('openai', 'http://www.ruapi.ai/v1', sim.key, 'gpt-5.4-mini'));
      expect(r.ids).toEqual(['live/host-not-allowed']);
      expect(r.finding('live/host-not-allowed').fix).toBe('Set the base URL to https://www.ruapi.ai/v1');
      expect(keySeen()).toBe(false);
    });
  });
});
