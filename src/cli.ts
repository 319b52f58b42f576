import { VERSION } from './core/version.js';
import { holdWasmAtBaseline, useCodeCache } from './startup.js';

/**
 * The entry point, as small as it can be: `ruapi --version` and `ruapi explain` (which should start
 * about as fast as bare node) are answered with nothing else loaded; every other command sets up
 * the code cache (src/startup.ts, its node:vm loaded only then) and goes to src/launch.ts, which
 * holds the doctor's own flag reader and the way to commander.
 */
async function main(argv: string[]): Promise<void> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  const explain = argv[0] === 'explain' ? parseExplain(argv.slice(1)) : undefined;
  if (explain) {
    // No code cache here: explain runs a small part of its chunk, which V8 compiles faster than
    // it reads and unpacks a cache of it (measured on Node 20 and 24).
    const command = await import('./commands/explain.js');
    try {
      process.exitCode = await command.run(explain.input, explain.opts, { isDebug: () => explain.opts.debug });
    } catch (err) {
      process.exitCode = command.reportError(err, explain.opts.debug, 'explain');
    }
    return;
  }
  // The code cache first: launch.cjs and every chunk after it then load from it (src/startup.ts).
  useCodeCache(__dirname, module);
  holdWasmAtBaseline();
  const { launch } = await import('./launch.js');
  return launch(argv);
}

/**
 * The few flags `explain` has, read by hand (node:util's parseArgs alone costs about 2% of the
 * start-up). Anything else that looks like a flag goes to commander, which knows what to say.
 */
function parseExplain(args: string[]) {
  const opts: { json: boolean; color: boolean; debug: boolean; lang?: string } = { json: false, color: true, debug: false };
  const input: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      input.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--lang' && args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) opts.lang = args[++i];
    else if (arg.startsWith('--lang=')) opts.lang = arg.slice('--lang='.length);
    else if (arg === '--json') opts.json = true;
    else if (arg === '--debug') opts.debug = true;
    else if (arg === '--no-color') opts.color = false;
    else if (arg.startsWith('-') && arg !== '-') return undefined;
    else input.push(arg);
  }
  return { input, opts };
}

// `ruapi … | head` closes the pipe early: stop quietly instead of dying on EPIPE with a trace.
// Each stream gets the handler when the run first opens it (process.stdout and process.stderr are
// lazy getters; opening a stream the run never writes to costs start-up).
for (const name of ['stdout', 'stderr'] as const) {
  const { get } = Object.getOwnPropertyDescriptor(process, name) ?? {};
  if (!get) continue;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: true,
    get() {
      const stream = get.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, name, { configurable: true, enumerable: true, writable: false, value: stream });
      stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
        process.exit(process.exitCode ?? 0);
      });
      return stream;
    },
  });
}

void main(process.argv.slice(2));
