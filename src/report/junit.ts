import type { Finding } from '../core/finding.js';
import type { CheckResult, DoctorResult } from '../core/result.js';
import { REPORT } from '../lang/en/report.js';
import { messages } from '../lang/t.js';

const t = messages(REPORT);

export interface JunitOptions {
  /** With `--strict` a warning fails the run, so it is reported as a failure too. */
  strict?: boolean;
}

/**
 * `ruapi doctor --format junit`: one test case per check, for CI systems that show test reports
 * (GitLab, Jenkins, Azure, GitHub test-report actions). Failures carry the findings' messages and
 * fixes. The result holds redacted keys only; nothing here adds any other value.
 */
export function renderJunit(result: DoctorResult, opts: JunitOptions = {}): string {
  const cases = [...result.checks.map((check) => caseForCheck(check, result.findings, opts)), ...orphanCases(result, opts)];
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const seconds = seconds3(cases.reduce((sum, c) => sum + (c.ms ?? 0), 0));
  const counts = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ruapi doctor" ${counts}>`,
    `  <testsuite name="ruapi doctor" ${counts}>`,
    ...cases.flatMap(renderCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}

interface Case {
  classname: string;
  name: string;
  ms?: number;
  failure?: { message: string; type: string; body: string };
  skipped?: string;
  /** Warnings and notes that did not fail the case. */
  out?: string;
}

function caseForCheck(check: CheckResult, all: readonly Finding[], opts: JunitOptions): Case {
  const findings = findingsOf(check, all);
  const failing = findings.filter((f) => fails(f, opts));
  const c: Case = {
    classname: check.protocol ? `ruapi.doctor.${check.protocol}` : 'ruapi.doctor',
    name: `${check.id}: ${check.title}`,
    ms: check.ms,
  };
  const checkFailed = check.status === 'fail' || (opts.strict && check.status === 'warn');
  if (checkFailed || failing.length > 0) {
    const shown = failing.length > 0 ? failing : findings;
    c.failure = {
      message: shown[0]?.title ?? check.title,
      type: shown[0]?.id ?? check.id,
      body: shown.map(describe).join('\n\n') || check.title,
    };
  } else if (check.status === 'skip') {
    c.skipped = findings.map((f) => f.title).join('; ') || t('report.junit.not-run');
  }
  const rest = findings.filter((f) => !failing.includes(f));
  if (rest.length > 0 && !c.failure) c.out = rest.map(describe).join('\n\n');
  return c;
}

/** Findings that no check claims (e.g. from configuration discovery) still reach the report. */
function orphanCases(result: DoctorResult, opts: JunitOptions): Case[] {
  const claimed = new Set(result.checks.flatMap((check) => findingsOf(check, result.findings)));
  return result.findings
    .filter((f) => !claimed.has(f))
    .map((f) => {
      const c: Case = { classname: f.protocol ? `ruapi.doctor.${f.protocol}` : 'ruapi.doctor', name: `${f.id}: ${f.title}` };
      if (fails(f, opts)) c.failure = { message: f.title, type: f.id, body: describe(f) };
      else c.out = describe(f);
      return c;
    });
}

function findingsOf(check: CheckResult, all: readonly Finding[]): Finding[] {
  return all.filter((f) => check.findings.includes(f.id) && (!check.protocol || !f.protocol || f.protocol === check.protocol));
}

const fails = (f: Finding, opts: JunitOptions) => f.severity === 'error' || (opts.strict === true && f.severity === 'warning');

function describe(f: Finding): string {
  return [
    `[${f.severity}] ${f.id}: ${f.title}`,
    f.message,
    f.source ? t('report.from', { source: f.source }) : '',
    f.fix ? t('report.fix', { fix: f.fix }) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function renderCase(c: Case): string[] {
  const time = c.ms === undefined ? '' : ` time="${seconds3(c.ms)}"`;
  const open = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}"${time}`;
  const inner: string[] = [];
  if (c.failure) {
    inner.push(`      <failure message="${attr(c.failure.message)}" type="${attr(c.failure.type)}">${text(c.failure.body)}</failure>`);
  }
  if (c.skipped !== undefined) inner.push(`      <skipped message="${attr(c.skipped)}"/>`);
  if (c.out) inner.push(`      <system-out>${text(c.out)}</system-out>`);
  return inner.length === 0 ? [`${open}/>`] : [`${open}>`, ...inner, '    </testcase>'];
}

const seconds3 = (ms: number) => (ms / 1000).toFixed(3);

/** Characters XML 1.0 forbids anywhere (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also keep their line breaks and tabs (a raw newline would be normalised to a space). */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
