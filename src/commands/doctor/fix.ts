import { readFileSync } from 'node:fs';
import { homeDir } from '../../core/home.js';
import { displayPath } from '../../config/files.js';
import { EXIT } from '../../core/exit.js';
import { planFileFixes, proposedFixes } from '../../doctor/fixes.js';
import type { DiagnoseOptions, DoctorRun } from '../../doctor/index.js';
import { applyFix, renderDiff, resolveTarget } from '../../fix/index.js';
import { runWithSpinners } from './interactive.js';
import { printResult } from './print.js';
import type { DoctorSession } from './types.js';

/**
 * `--fix`: shows the report, then for each file a bad value came from a diff of the edit; applies
 * it once confirmed (or with --yes), with a backup, and checks again. Without a terminal and
 * without --yes it changes nothing and says so (exit 1).
 */
export async function fixFiles(s: DoctorSession, options: DiagnoseOptions, run: DoctorRun): Promise<number> {
  const { opts, ui } = s;
  const human = s.format === 'human';
  // JSON, JUnit or Markdown go to stdout once, for the last run; what --fix says goes to stderr then.
  const code = human ? printResult(s, run) : run.exitCode;
  const done = (exit: number, last = run) => (human ? exit : Math.max(exit, printResult(s, last)));
  const stream = human ? 'stdout' : 'stderr';
  const c = s.io.color(stream);
  const write = (line = '') => s.out.line(line, stream);
  const fixes = proposedFixes(run);
  const plans = planFileFixes(fixes, s.out.known, (file) => readFileSync(file, 'utf8'));

  const home = options.home ?? homeDir();
  const places = { env: options.env ?? process.env, cwd: options.cwd ?? process.cwd(), home, ...(options.envFile !== undefined ? { envFile: options.envFile } : {}) };
  // Each file as it really is, links followed: the diff, the question and the result name that file.
  const pending = plans.filter((p) => p.patch && p.patch.after !== p.patch.before).map((plan) => ({ plan, target: resolveTarget(plan.path, plan.label, places) }));
  write();
  if (plans.length === 0) {
    write(
      fixes.length === 0
        ? 'Nothing for --fix to change.'
        : 'Nothing for --fix to change in a file: no value with a problem came from a .env file or Claude Code settings. The fixes above say where to change each one.',
    );
    return done(code);
  }
  for (const plan of plans) for (const why of plan.refused) write(`${c.yellow('!')} ${why}`);
  if (pending.length === 0) return done(EXIT.problem);
  for (const { plan, target } of pending) (human ? s.out.out : s.out.err).call(s.out, renderDiff(plan.patch!.before, plan.patch!.after, target.shown, { secrets: s.out.known, color: c }));

  if (!opts.yes && !ui) {
    write('Not applied: --fix changes files only after you confirm on a terminal, or with --yes (ruapi doctor --fix --yes).');
    return done(EXIT.problem);
  }
  let declined = 0;
  for (const { plan, target } of pending) {
    // With --yes nobody sees where a link leads: only the folders the doctor reads are written.
    if (opts.yes && target.outside) {
      write(`${c.red('✗')} Not applied with --yes: ${target.outside}. Run ruapi doctor --fix on a terminal to see it and decide, or edit that file yourself.`);
      declined++;
      continue;
    }
    if (!opts.yes && !(await ui!.confirmFix(`Apply this change to ${target.shown}?`))) {
      write(`Not applied: ${target.shown} is unchanged.`);
      declined++;
      continue;
    }
    const applied = await applyFix({ ...plan.patch!, target: target.real }, { label: plan.label });
    if (!applied.ok) {
      write(`${c.red('✗')} ${applied.message}`);
      declined++;
      continue;
    }
    write(`${c.green('✓')} Fixed ${target.shown}: ${plan.changes.join(', ')}. Backup: ${displayPath(applied.backup, places.cwd, home)}`);
    if (plan.holdsKey) write('  The backup holds your key, as the file does: delete it once you are happy with the change, and never commit it.');
  }
  if (declined === pending.length) return done(EXIT.problem);

  write();
  write(c.bold('Checking again after the fix:'));
  const again = await runWithSpinners(s, options);
  const after = human ? printResult(s, again) : done(EXIT.ok, again);
  return declined > 0 ? EXIT.problem : after;
}
