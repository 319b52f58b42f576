import { processSession } from '../../core/session.js';
import { Output } from '../../core/output.js';
import { scrubKeys } from '../../core/redact.js';
import type { CommandContext } from '../context.js';
import { useChosenLanguage } from '../language.js';
import { runDemo, refuseDemoFlags } from './demo.js';
import { fixFiles } from './fix.js';
import { askMissing, offerFixes, rememberAnswers, runWithSpinners } from './interactive.js';
import { chooseFormat, diagnoseOptions, refuseConflicts } from './options.js';
import { printResult, printSupportReport } from './print.js';
import { readKeyFromStdin } from './stdin.js';
import type { DoctorFlags, DoctorSession } from './types.js';
import { UI } from '../../lang/en/ui.js';
import { messages } from '../../lang/t.js';

const t = messages(UI);

export type { DoctorFlags } from './types.js';

/**
 * `ruapi doctor` (and `ruapi report`): checks the flags, reads the key from stdin when asked, and
 * hands the run to the flow it asks for: the support report, --fix, the demo, or the report with,
 * on a terminal, prompts for what is missing and offered fixes. Returns the exit code.
 */
export async function run(opts: DoctorFlags, _ctx: CommandContext): Promise<number> {
  await useChosenLanguage(opts.lang);
  const format = chooseFormat(opts);
  refuseConflicts(opts, format);
  if (opts.demo) refuseDemoFlags(opts, format);

  const key = opts.keyStdin ? await readKeyFromStdin() : opts.key;
  const io = processSession({ ci: opts.ci === true, json: format !== 'human', noColor: opts.color === false });
  // The ui chunk (prompts, ora) is loaded only when a person is at the terminal.
  const ui = io.canPrompt ? await import('../../ui/index.js') : undefined;
  ui?.configurePrompts({ noColor: io.noColor });
  const s: DoctorSession = { opts, format, io, out: new Output(io).learn([key]), ...(ui ? { ui } : {}) };
  if (opts.demo) return runDemo(s);

  let options = diagnoseOptions(opts, key, ui !== undefined);
  if (ui) options = await askMissing(s, { ...options, confirmHost: rememberAnswers(ui.confirmHost) });
  // On a terminal Claude Code's apiKeyHelper runs only after a yes; --allow-key-helper says yes beforehand.
  // The command is shown as the output point shows anything, and with anything key-shaped in it (`echo sk-…`) masked.
  if (ui && options.allowKeyHelper !== true) {
    options.allowKeyHelper = (command) => ui.confirmFix(s.out.clean(t('ui.key-helper.question', { command: scrubKeys(command) })), false);
  }

  let doctorRun = await runWithSpinners(s, options);
  if (opts.report) return printSupportReport(s, doctorRun);
  if (opts.fix) return fixFiles(s, options, doctorRun);
  if (ui) ({ run: doctorRun } = await offerFixes(s, options, doctorRun));
  return printResult(s, doctorRun);
}
