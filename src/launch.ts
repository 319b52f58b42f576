import type { DoctorFlags } from './commands/doctor/index.js';
import { CONFIG_FLAGS, DOCTOR_FLAGS, readFlags } from './commands/flags.js';

/**
 * Every command but `explain` and `--version` (which src/cli.ts answers with less loaded):
 * `ruapi doctor` and `ruapi report` without commander when readFlags() is sure of the whole line,
 * everything else, and any call that needs help or has a flag or value these readers are unsure
 * of, through the full commander program, which also prints the usage errors.
 */
export async function launch(argv: string[]): Promise<void> {
  if (argv[0] === 'doctor' || argv[0] === 'report') {
    const opts = readFlags(argv.slice(1), argv[0] === 'doctor' ? [...CONFIG_FLAGS, ...DOCTOR_FLAGS] : CONFIG_FLAGS);
    if (opts) return runDoctor(argv[0], argv[0] === 'report' ? { ...opts, report: true } : opts);
  }
  const { main: runProgram } = await import('./program.js');
  return runProgram();
}

/** What register.ts's doctor and report actions do with the options commander read. */
async function runDoctor(command: string, opts: Record<string, unknown>): Promise<void> {
  // As program.ts decides it: --debug anywhere on the line.
  const debug = process.argv.includes('--debug');
  try {
    const { run } = await import('./commands/doctor/index.js');
    process.exitCode = await run(opts as DoctorFlags, { isDebug: () => debug });
  } catch (err) {
    // Loaded only on an error: `ruapi doctor` gets the redaction chunk with the doctor's anyway, and the program with commander.
    const { reportError } = await import('./core/exit.js');
    process.exitCode = reportError(err, debug, command);
  }
}
