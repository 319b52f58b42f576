import { EXIT, UsageError } from '../core/exit.js';
import type { ChalkInstance } from 'chalk';
import { Output } from '../core/output.js';
import { processSession } from '../core/session.js';
import type { CommandContext } from './context.js';
import type { FaultName } from '../simulate/faults.js';
import { CLI_SIMULATE } from '../lang/en/cli-simulate.js';
import { messages } from '../lang/t.js';

const t = messages(CLI_SIMULATE);

export interface SimulateOptions {
  port?: string;
  fail?: string;
  json?: boolean;
  color?: boolean;
  unlisted?: string[];
}

/**
 * `ruapi simulate`: runs the local stand-in until SIGINT or SIGTERM, then exits 0 (a server
 * stopped on purpose has done its job; 130 is for Ctrl-C at a prompt).
 */
export async function run(opts: SimulateOptions, _ctx: CommandContext): Promise<number> {
  const port = parsePort(opts.port);
  const out = new Output(processSession({ ci: true, noColor: opts.color === false }));
  const sim = await import('../simulate/server.js');
  if (opts.fail !== undefined) {
    try {
      sim.parseFaultSpec(opts.fail);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }

  // Listen for the stop signal before printing anything: a script may send it as soon as it reads the first line.
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

  let server: Awaited<ReturnType<typeof sim.startSimulator>>;
  try {
    server = await sim.startSimulator({ port, fail: opts.fail, ...(opts.unlisted ? { unlisted: opts.unlisted } : {}), log: (line) => out.line(line, 'stderr') });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') out.err(`${t('cli.simulate.port-in-use', { port })}\n`);
    else if (code === 'EACCES') out.err(`${t('cli.simulate.port-denied', { port })}\n`);
    else out.err(`${t('cli.simulate.cannot-start', { reason: (err as Error).message })}\n`);
    return EXIT.problem;
  }

  if (opts.json) {
    const { openaiBaseUrl, anthropicBaseUrl, key, faultKeys } = server;
    out.out(`${JSON.stringify({ openaiBaseUrl, anthropicBaseUrl, key, faultKeys, port: server.port })}\n`);
  } else {
    out.out(banner(server, out.session.color('stdout'), opts.fail, sim.FAULT_NAMES, sim.faultDescription));
  }

  const signal = await stopped;
  await server.close();
  out.err(`${t('cli.simulate.stopped', { signal, n: server.requests })}\n`);
  return EXIT.ok;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n > 65535) {
    throw new UsageError(t('cli.simulate.not-a-port', { value }));
  }
  return n;
}

function banner(
  s: { url: string; openaiBaseUrl: string; anthropicBaseUrl: string; key: string; faultKeys: Record<string, string> },
  c: ChalkInstance,
  fail: string | undefined,
  faultNames: readonly FaultName[],
  description: (fault: FaultName) => string,
): string {
  // Object keys that look like integers (401, 429…) come first in any Record: list in the documented order instead.
  const faults = faultNames.filter((f) => s.faultKeys[f]);
  const width = Math.max(...faults.map((f) => f.length));
  const faultLines = faults.map((fault) => `  ${fault.padEnd(width)}  ${s.faultKeys[fault]}  ${c.dim(description(fault))}`);
  return [
    t('cli.simulate.banner.title', { name: c.bold('ruapi simulate'), url: s.url }),
    '',
    t('cli.simulate.banner.openai', { url: s.openaiBaseUrl }),
    t('cli.simulate.banner.anthropic', { url: s.anthropicBaseUrl }),
    t('cli.simulate.banner.key', { key: s.key }),
    '',
    fail === undefined ? t('cli.simulate.banner.no-faults') : t('cli.simulate.banner.faults', { faults: fail }),
    t('cli.simulate.banner.one-at-a-time'),
    ...faultLines,
    '',
    t('cli.simulate.banner.try'),
    `  curl ${s.openaiBaseUrl}/chat/completions -H 'Authorization: Bearer ${s.key}' \\`,
    `    -H 'content-type: application/json' -d '{"model":"gpt-5.4-mini","messages":[{"role":"user","content":"hi"}]}'`,
    '',
    t('cli.simulate.banner.logged'),
    '',
  ].join('\n');
}
