import os from 'node:os';
import type { Protocol } from '../../core/finding.js';
import { EXIT } from '../../core/exit.js';
import { VERSION } from '../../core/version.js';
import { proposedFixes, setupForms } from '../../doctor/fixes.js';
import type { DoctorRun } from '../../doctor/index.js';
import { detectShell } from '../../fix/index.js';
import { keyFingerprint, renderSupportReport, SUPPORT_EMAIL, supportReportJson } from '../../report/support.js';
import { writeResult } from '../../report/write.js';
import { terminalWidth } from '../../core/session.js';
import type { DoctorSession } from './types.js';
import { UI } from '../../lang/en/ui.js';
import { messages } from '../../lang/t.js';

const t = messages(UI);

/** Hands the result to the output point in the chosen format; returns the exit code. */
export function printResult(s: DoctorSession, run: DoctorRun): number {
  const { opts } = s;
  // The fixed set-up quotes the findings' values (a model id from the gateway's list), written as
  // code: worked out from the result as the output point cleaned it, so no control character gets
  // into them, not even escaped as `\u001b` in a string literal.
  const cleaned = { ...run, result: s.out.cleanDeep(run.result) };
  writeResult(s.out, cleaned.result, {
    format: s.format,
    cleaned: true,
    ...(opts.output !== undefined ? { outputFile: opts.output } : {}),
    ctx: {
      verbose: opts.verbose === true,
      offline: opts.offline === true,
      strict: opts.strict === true,
      files: run.files,
      setup: setupForms(cleaned, proposedFixes(cleaned), detectShell()),
      // On one terminal the spinners (stderr) already listed every step: the report does not repeat them.
      stepsShown: s.ui !== undefined && opts.offline !== true && s.io.stdout.isTTY === true,
      width: terminalWidth(s.io),
    },
  });
  return run.exitCode;
}

/** `ruapi report` / `doctor --report`: Markdown (or JSON) for support, no key in it. Exit 0 once it is written. */
export function printSupportReport(s: DoctorSession, run: DoctorRun): number {
  const result = s.out.cleanDeep(run.result);
  const fingerprints: Partial<Record<Protocol, string>> = {};
  for (const t of run.targets) if (t.key?.value.trim()) fingerprints[t.protocol] = keyFingerprint(t.key.value);
  const meta = { ruapiVersion: VERSION, node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}`, keyFingerprint: fingerprints, secrets: s.out.known };
  const text = s.format === 'json' ? `${JSON.stringify(supportReportJson(result, meta), null, 2)}\n` : renderSupportReport(result, meta);
  if (s.opts.output !== undefined) {
    s.out.file(s.opts.output, text);
    s.out.line(t('ui.report.written', { file: s.opts.output, email: SUPPORT_EMAIL }));
  } else s.out.out(text);
  return EXIT.ok;
}
