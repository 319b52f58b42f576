import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { TargetConfig } from '../../src/config/types.js';
import type { Protocol } from '../../src/core/finding.js';
import type { LiveStep } from '../../src/core/result.js';
import { runLiveChecks, type LiveLink, type LiveOptions, type LiveResult } from '../../src/live/index.js';

/** A target as config discovery would hand it over: every value from a flag. */
export function target(protocol: Protocol, baseUrl: string, key: string | undefined, model: string | undefined, auth?: TargetConfig['auth']): TargetConfig {
  const src = (name: string) => ({ kind: 'flag' as const, name, label: `--${name}` });
  return {
    protocol,
    protocolGuessed: false,
    auth: auth ?? (protocol === 'openai' ? 'bearer' : 'x-api-key'),
    baseUrl: { value: baseUrl, source: src('base-url') },
    ...(key !== undefined ? { key: { value: key, source: src('key') } } : {}),
    ...(model !== undefined ? { model: { value: model, source: src('model') } } : {}),
  };
}

export interface LiveRun extends LiveResult {
  /** Everything onStep heard, in order. */
  events: LiveStep[];
  ids: string[];
  step(id: LiveStep['id']): LiveStep | undefined;
  finding(id: string): LiveResult['findings'][number];
}

/**
 * Runs the live checks from the TypeScript source (with `links`, that chain instead of the real
 * one), and checks on every run that the key appears nowhere in the findings, the report or the
 * step events.
 */
export async function live(t: TargetConfig, opts: Partial<LiveOptions> = {}, links?: readonly LiveLink[]): Promise<LiveRun> {
  const events: LiveStep[] = [];
  const result = await runLiveChecks(t, {
    timeoutMs: 8000,
    probe: true,
    stream: false,
    allowHosts: [],
    interactive: false,
    offlineFindings: [],
    onStep: (s) => events.push(s),
    ...opts,
  }, links);
  const all = JSON.stringify({ result, events });
  if (t.key && t.key.value.length >= 8) expect(all).not.toContain(t.key.value);
  return {
    ...result,
    events,
    ids: result.findings.map((f) => f.id),
    step: (id) => result.report.steps.find((s) => s.id === id),
    finding: (id) => {
      const f = result.findings.find((x) => x.id === id);
      if (!f) throw new Error(`no finding ${id}; got ${result.findings.map((x) => x.id).join(', ') || 'none'}`);
      return f;
    },
  };
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP server whose answers the test writes, recording every request it gets. */
export async function fakeGateway(handle: (req: SeenRequest, res: ServerResponse) => void | Promise<void>): Promise<{ url: string; port: number; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
    seen.push(r);
    await handle(r, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
