import { EXIT, UsageError } from '../core/exit.js';
import type { ChalkInstance } from 'chalk';
import { Output } from '../core/output.js';
import { processSession } from '../core/session.js';
import type { CommandContext } from './context.js';

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
    if (code === 'EADDRINUSE') out.err(`ruapi: port ${port} on 127.0.0.1 is already in use: choose another with --port, or leave --port out to get a free one.\n`);
    else if (code === 'EACCES') out.err(`ruapi: not allowed to listen on port ${port}: choose a port above 1023.\n`);
    else out.err(`ruapi: could not start the simulator: ${(err as Error).message}\n`);
    return EXIT.problem;
  }

  if (opts.json) {
    const { openaiBaseUrl, anthropicBaseUrl, key, faultKeys } = server;
    out.out(`${JSON.stringify({ openaiBaseUrl, anthropicBaseUrl, key, faultKeys, port: server.port })}\n`);
  } else {
    out.out(banner(server, out.session.color('stdout'), opts.fail, sim.FAULT_NAMES, sim.FAULT_DESCRIPTIONS));
  }

  const signal = await stopped;
  await server.close();
  out.err(`ruapi simulate: stopped (${signal}) after ${server.requests} request${server.requests === 1 ? '' : 's'}.\n`);
  return EXIT.ok;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n > 65535) {
    throw new UsageError(`--port '${value}' is not a port: give a whole number from 1 to 65535 (or 0 for a free one).`);
  }
  return n;
}

function banner(
  s: { url: string; openaiBaseUrl: string; anthropicBaseUrl: string; key: string; faultKeys: Record<string, string> },
  c: ChalkInstance,
  fail: string | undefined,
  faultNames: readonly string[],
  descriptions: Record<string, string>,
): string {
  // Object keys that look like integers (401, 429…) come first in any Record: list in the documented order instead.
  const faults = faultNames.filter((f) => s.faultKeys[f]);
  const width = Math.max(...faults.map((f) => f.length));
  const faultLines = faults.map((fault) => `  ${fault.padEnd(width)}  ${s.faultKeys[fault]}  ${c.dim(descriptions[fault])}`);
  return [
    `${c.bold('ruapi simulate')}: a local stand-in for RuAPI on ${s.url} (Ctrl-C to stop)`,
    '',
    `  OpenAI protocol     base URL  ${s.openaiBaseUrl}`,
    `  Anthropic protocol  base URL  ${s.anthropicBaseUrl}`,
    `  Key (works)                   ${s.key}`,
    '',
    `Faults for this run: ${fail ?? 'none'}`,
    `One request at a time: use the model id sim-fault-<fault> (e.g. sim-fault-529), or one of these keys:`,
    ...faultLines,
    '',
    'Try it:',
    `  curl ${s.openaiBaseUrl}/chat/completions -H 'Authorization: Bearer ${s.key}' \\`,
    `    -H 'content-type: application/json' -d '{"model":"gpt-5.4-mini","messages":[{"role":"user","content":"hi"}]}'`,
    '',
    'Requests are logged on stderr, keys redacted. These keys are fake: they only work here.',
    '',
  ].join('\n');
}
