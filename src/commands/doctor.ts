import { appendFileSync, writeFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { Chalk } from 'chalk';
import { colorFor } from '../core/color.js';
import { EXIT, UsageError } from '../core/exit.js';
import type { Protocol } from '../core/finding.js';
import { redactDeep, redactText } from '../core/redact.js';
import type { DoctorResult } from '../core/result.js';
import { DEFAULT_TIMEOUT_MS, runDoctor } from '../doctor/index.js';
import { renderGithubAnnotations } from '../report/github.js';
import { renderHuman } from '../report/human.js';
import { renderJson } from '../report/json.js';
import { renderJunit } from '../report/junit.js';
import { renderMarkdownSummary } from '../report/summary.js';
import type { CommandContext } from './register.js';

/** The options commander hands over (see register.ts). */
export interface DoctorFlags {
  protocol?: Protocol;
  baseUrl?: string;
  key?: string;
  keyStdin?: boolean;
  model?: string;
  envFile?: string;
  offline?: boolean;
  probe?: boolean;
  stream?: boolean;
  /** Seconds, already validated by commander. */
  timeout?: number;
  allowHost?: string[];
  ci?: boolean;
  json?: boolean;
  strict?: boolean;
  verbose?: boolean;
  fix?: boolean;
  yes?: boolean;
  report?: boolean;
  format?: Format;
  output?: string;
  demo?: boolean;
  color?: boolean;
}

type Format = 'human' | 'json' | 'junit' | 'markdown';

interface RenderContext {
  verbose: boolean;
  offline: boolean;
  strict: boolean;
  files: Parameters<typeof renderHuman>[1]['files'];
}

/** One renderer per --format; each turns the (redacted) result into text and nothing else. */
const RENDERERS: Record<Format, (result: DoctorResult, ctx: RenderContext, color: boolean) => string> = {
  human: (r, ctx, color) => renderHuman(r, { ...ctx, color: color ? colorFor(process.stdout) : new Chalk({ level: 0 }) }),
  json: (r) => renderJson(r),
  junit: (r, ctx) => renderJunit(r, { strict: ctx.strict }),
  markdown: (r) => renderMarkdownSummary(r),
};

/** Doctor features of later work: refused clearly (exit 2) rather than ignored. */
const NOT_YET: Array<[keyof DoctorFlags, string]> = [
  ['report', 'the support report (ruapi report, doctor --report)'],
  ['fix', '--fix'],
  ['demo', '--demo'],
];

/** Whatever is piped with --key-stdin: a key is short, so more than this is not one. */
const MAX_STDIN_BYTES = 1024 * 1024;
const STDIN_WAIT_MS = 10_000;

export async function run(opts: DoctorFlags, _ctx: CommandContext): Promise<number> {
  for (const [flag, what] of NOT_YET) {
    if (opts[flag]) throw new UsageError(`${what} is not available in this version yet`);
  }
  const format = chooseFormat(opts);
  if (opts.key !== undefined && opts.keyStdin) throw new UsageError('--key and --key-stdin both give a key: use one of them');

  const key = opts.keyStdin ? await readKeyFromStdin() : opts.key;
  const noColor = opts.color === false;
  // isatty, not process.stdin.isTTY: touching process.stdin opens a stream the run does not need.
  const interactive = !opts.ci && format === 'human' && isatty(0) && isatty(1);

  const run = await runDoctor({
    ...(opts.protocol ? { protocol: opts.protocol } : {}),
    ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
    ...(key !== undefined ? { key, keyFrom: opts.keyStdin ? ('stdin' as const) : ('flag' as const) } : {}),
    ...(opts.model !== undefined ? { model: opts.model } : {}),
    ...(opts.envFile !== undefined ? { envFile: opts.envFile } : {}),
    offline: opts.offline === true,
    probe: opts.probe !== false,
    stream: opts.stream === true,
    timeoutMs: opts.timeout !== undefined ? Math.round(opts.timeout * 1000) : DEFAULT_TIMEOUT_MS,
    allowHosts: opts.allowHost ?? [],
    interactive,
    strict: opts.strict === true,
  });

  // Everything printed or written goes through the redaction of every key seen, whatever its source.
  const secrets = [...run.secrets, ...(key !== undefined ? [key] : [])];
  const clean = (text: string) => redactText(text, secrets);
  const result = redactDeep(run.result, secrets);
  const ctx: RenderContext = { verbose: opts.verbose === true, offline: opts.offline === true, strict: opts.strict === true, files: run.files };

  if (opts.output !== undefined) {
    writeOutput(opts.output, clean(RENDERERS[format](result, ctx, false)));
    process.stdout.write(clean(RENDERERS.human(result, ctx, !noColor)));
  } else {
    process.stdout.write(clean(RENDERERS[format](result, ctx, !noColor)));
  }

  const stdoutIsHuman = format === 'human' || opts.output !== undefined;
  if (process.env.GITHUB_ACTIONS === 'true') {
    if (stdoutIsHuman) process.stdout.write(clean(renderGithubAnnotations(result)));
    appendStepSummary(clean(renderMarkdownSummary(result)));
  }
  return result.ok ? EXIT.ok : EXIT.problem;
}

function chooseFormat(opts: DoctorFlags): Format {
  if (opts.json && opts.format && opts.format !== 'json') throw new UsageError(`--json and --format ${opts.format} ask for different outputs: use one`);
  return opts.json ? 'json' : (opts.format ?? 'human');
}

/**
 * The key from standard input: all of it, less one final line break (what `echo` adds); anything
 * else, spaces included, is kept for the whitespace check to report. Refuses a terminal (the key
 * would be echoed as typed) and gives up on a pipe that stays silent.
 */
async function readKeyFromStdin(): Promise<string> {
  if (isatty(0)) {
    throw new UsageError('--key-stdin reads a pipe, but standard input is a terminal: printf %s "$RUAPI_API_KEY" | ruapi doctor --key-stdin');
  }
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err?: Error) => {
      clearTimeout(timer);
      stdin.removeAllListeners('data').removeAllListeners('end');
      stdin.pause();
      if (err) {
        stdin.destroy();
        reject(err);
      } else {
        resolve(Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, ''));
      }
    };
    const timer = setTimeout(() => stop(new UsageError(`--key-stdin: nothing arrived on standard input within ${STDIN_WAIT_MS / 1000} s`)), STDIN_WAIT_MS);
    stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_STDIN_BYTES) stop(new UsageError('--key-stdin: more than 1 MB arrived on standard input, which is not a key'));
      else chunks.push(chunk);
    });
    stdin.on('end', () => stop());
    stdin.on('error', (err) => stop(new UsageError(`--key-stdin: cannot read standard input (${err.message})`)));
  });
}

function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (err) {
    throw new UsageError(`--output ${file}: cannot write it (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** GitHub Actions shows this Markdown on the run's summary page. */
function appendStepSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, markdown);
  } catch {
    process.stderr.write(`ruapi: could not append to GITHUB_STEP_SUMMARY (${file})\n`);
  }
}
