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
import { UI } from '../../lang/en/ui.js';
import { messages } from '../../lang/t.js';

const t = messages(UI);

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
      t(fixes.length === 0 ? 'ui.fix.nothing' : 'ui.fix.nothing-in-file'),
    );
    return done(code);
  }
  for (const plan of plans) for (const why of plan.refused) write(`${c.yellow('!')} ${why}`);
  if (pending.length === 0) return done(EXIT.problem);
  for (const { plan, target } of pending) (human ? s.out.out : s.out.err).call(s.out, renderDiff(plan.patch!.before, plan.patch!.after, target.shown, { secrets: s.out.known, color: c }));

  if (!opts.yes && !ui) {
    write(t('ui.fix.needs-confirm'));
    return done(EXIT.problem);
  }
  let declined = 0;
  for (const { plan, target } of pending) {
    // With --yes nobody sees where a link leads: only the folders the doctor reads are written.
    if (opts.yes && target.outside) {
      write(`${c.red('✗')} ${t('ui.fix.outside', { why: target.outside })}`);
      declined++;
      continue;
    }
    if (!opts.yes && !(await ui!.confirmFix(t('ui.fix.question', { file: target.shown })))) {
      write(t('ui.fix.declined', { file: target.shown }));
      declined++;
      continue;
    }
    const applied = await applyFix({ ...plan.patch!, target: target.real }, { label: plan.label });
    if (!applied.ok) {
      write(`${c.red('✗')} ${applied.message}`);
      declined++;
      continue;
    }
    write(`${c.green('✓')} ${t('ui.fix.applied', { file: target.shown, changes: plan.changes.join(', '), backup: displayPath(applied.backup, places.cwd, home) })}`);
    if (plan.holdsKey) write(`  ${t('ui.fix.backup-holds-key')}`);
  }
  if (declined === pending.length) return done(EXIT.problem);

  write();
  write(c.bold(t('ui.fix.again')));
  const again = await runWithSpinners(s, options);
  const after = human ? printResult(s, again) : done(EXIT.ok, again);
  return declined > 0 ? EXIT.problem : after;
}
