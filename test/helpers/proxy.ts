import { createServer, type IncomingMessage } from 'node:http';
import net from 'node:net';

/**
 * A small HTTP CONNECT proxy on 127.0.0.1 for tests, as a company proxy behaves: it opens tunnels
 * (`allow`), or answers CONNECT with an error status (`refuse`). `routes` maps host names to local
 * ports, so a test can use a base URL with any host name and still reach a local server.
 */
export interface TestProxy {
  port: number;
  /** http://127.0.0.1:PORT, or with `user:password@` when credentials were asked for. */
  url: string;
  /** Every CONNECT target asked for (`host:port`), in order. */
  connects: string[];
  /** The Proxy-Authorization header of each CONNECT (undefined when none came). */
  authorizations: Array<string | undefined>;
  close(): Promise<void>;
}

export interface ProxyOptions {
  mode?: 'allow' | 'refuse';
  /** The status a refusing proxy answers with. Default 403. */
  status?: number;
  /** Host name → local port; other hosts are connected to as asked. */
  routes?: Record<string, number>;
  /** Put these credentials in `url` (the proxy itself does not check them). */
  credentials?: { user: string; password: string };
}

export async function startProxy(opts: ProxyOptions = {}): Promise<TestProxy> {
  const mode = opts.mode ?? 'allow';
  const connects: string[] = [];
  const authorizations: Array<string | undefined> = [];
  const sockets = new Set<net.Socket>();
  const server = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain' });
    res.end('this test proxy only tunnels (CONNECT)\n');
  });
  server.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const target = req.url ?? '';
    connects.push(target);
    authorizations.push(req.headers['proxy-authorization']);
    if (mode === 'refuse') {
      client.end(`HTTP/1.1 ${opts.status ?? 403} Forbidden\r\ncontent-length: 0\r\n\r\n`);
      return;
    }
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    const host = m?.[1] ?? '';
    const routed = opts.routes?.[host.toLowerCase()];
    const upstream = net.connect(routed ?? Number(m?.[2]), routed ? '127.0.0.1' : host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => {
      if (client.writable && !upstream.readyState.startsWith('open')) client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
      else client.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const cred = opts.credentials ? `${encodeURIComponent(opts.credentials.user)}:${encodeURIComponent(opts.credentials.password)}@` : '';
  return {
    port,
    url: `http://${cred}127.0.0.1:${port}`,
    connects,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that refuses connections: bound once, then closed. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
