import type { DoctorFlags } from './commands/doctor/index.js';
import { CONFIG_FLAGS, DOCTOR_FLAGS, readFlags } from './commands/flags.js';
import { reportError } from './core/exit.js';
import { VERSION } from './core/version.js';
import { holdWasmAtBaseline, useCodeCache } from './startup.js';

/**
 * The entry point. `ruapi explain`, `ruapi doctor`, `ruapi report` and `ruapi --version` are
 * answered here without loading commander (start-up is part of the design: explain and the
 * offline doctor should start about as fast as bare node); everything else, and any call that
 * needs help or has a flag or value these readers are unsure of, goes to the full commander
 * program, which also prints the usage errors.
 */
async function main(argv: string[]): Promise<void> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const explain = argv[0] === 'explain' ? parseExplain(argv.slice(1)) : undefined;
  if (explain) {
    // No code cache here: explain runs a small part of its chunk, which V8 compiles faster than
    // it reads and unpacks a cache of it (measured on Node 24).
    try {
      const { run } = await import('./commands/explain.js');
      process.exitCode = await run(explain.input, explain.opts, { isDebug: () => explain.opts.debug });
    } catch (err) {
      process.exitCode = reportError(err, explain.opts.debug);
    }
    return;
  }
  useCodeCache(__dirname, module);
  holdWasmAtBaseline();
  if (argv[0] === 'doctor' || argv[0] === 'report') {
    const opts = readFlags(argv.slice(1), argv[0] === 'doctor' ? [...CONFIG_FLAGS, ...DOCTOR_FLAGS] : CONFIG_FLAGS);
    if (opts) return runDoctor(argv[0] === 'report' ? { ...opts, report: true } : opts);
  }
  const { main: runProgram } = await import('./program.js');
  return runProgram();
}

/** What register.ts's doctor and report actions do with the options commander read. */
async function runDoctor(opts: Record<string, unknown>): Promise<void> {
  // As program.ts decides it: --debug anywhere on the line.
  const debug = process.argv.includes('--debug');
  try {
    const { run } = await import('./commands/doctor/index.js');
    process.exitCode = await run(opts as DoctorFlags, { isDebug: () => debug });
  } catch (err) {
    process.exitCode = reportError(err, debug);
  }
}

/**
 * The few flags `explain` has, read by hand (node:util's parseArgs alone costs about 2% of the
 * start-up). Anything else that looks like a flag goes to commander, which knows what to say.
 */
function parseExplain(args: string[]) {
  const opts = { json: false, color: true, debug: false };
  const input: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      input.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--json') opts.json = true;
    else if (arg === '--debug') opts.debug = true;
    else if (arg === '--no-color') opts.color = false;
    else if (arg.startsWith('-') && arg !== '-') return undefined;
    else input.push(arg);
  }
  return { input, opts };
}

// `ruapi … | head` closes the pipe early: stop quietly instead of dying on EPIPE with a trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

void main(process.argv.slice(2));
