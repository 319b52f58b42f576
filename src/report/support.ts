import { createHash } from 'node:crypto';
import type { Finding, Protocol, Severity } from '../core/finding.js';
import { redactKey, redactText, scrubDeep, scrubKeys } from '../core/redact.js';
import type { ConfigSummary, DoctorResult, LiveReport } from '../core/result.js';
import { SUPPORT_EMAIL } from '../core/ruapi.js';
import { REPORT } from '../lang/en/report.js';
import { messages, type Params } from '../lang/t.js';
import { inlineCode } from './summary.js';
import { counts, millis } from './summary-line.js';

type Id = keyof typeof REPORT & string;
const t = messages(REPORT);

/**
 * `ruapi report`: what support needs to find a user's failing request, ready to paste into an
 * email, with no key in it. Keys are redacted three ways: the result is already redacted by the
 * doctor, the known keys (`meta.secrets`) are replaced again, and anything shaped like an API key
 * is masked in a last pass, so a key that slipped into a finding's message still never shows.
 */

/** Where the report goes (commands/doctor.ts prints it). */
export { SUPPORT_EMAIL };

export interface SupportMeta {
  ruapiVersion: string;
  /** `process.version`. */
  node: string;
  /** e.g. `Linux 6.1.0 x64`. */
  os: string;
  /** keyFingerprint() of the key checked; per protocol when both are configured with different keys. */
  keyFingerprint?: string | Partial<Record<Protocol, string>>;
  /** The keys known to the run (as configured, as typed): replaced wherever they appear. */
  secrets?: readonly (string | undefined | null)[];
  now?: Date;
}

/**
 * Eight hex digits of the key's SHA-256: enough for support to tell two keys apart, useless for
 * guessing either. Surrounding whitespace is ignored, so a pasted newline does not change it.
 */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key.trim()).digest('hex').slice(0, 8);
}

/** ConfigSummary.key comes redacted (`<redacted sk-…abcd>`): show its `sk-…abcd`; redact anything else. */
function shownKey(key: string): string {
  const inner = /^<redacted (.*)>$/.exec(key)?.[1] ?? key;
  return inner.includes('…') ? inner : redactKey(inner);
}

const clean = (text: string, meta: SupportMeta) => scrubKeys(redactText(text, meta.secrets ?? []));

function fingerprintFor(meta: SupportMeta, protocol: Protocol | null): string | undefined {
  const fp = meta.keyFingerprint;
  if (typeof fp === 'string' || fp === undefined) return fp;
  return protocol ? fp[protocol] : undefined;
}

function requestIds(result: DoctorResult): string[] {
  const ids = result.live.flatMap((l) => l.requestIds);
  for (const f of result.findings) {
    const id = f.data?.requestId;
    if (typeof id === 'string') ids.push(id);
    else if (Array.isArray(id)) ids.push(...id.filter((x): x is string => typeof x === 'string'));
  }
  return [...new Set(ids)];
}

function configs(result: DoctorResult): ConfigSummary[] {
  return result.configs.length ? result.configs : [result.config];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i' };

function summary(findings: readonly Finding[], say: (id: Id, params?: Params) => string = t): string {
  const { errors, warnings } = counts(findings);
  if (!errors && !warnings) return say('report.support.summary.none');
  const problems = say('report.count.problems', { n: errors });
  const warned = say('report.count.warnings', { n: warnings });
  if (!warnings) return say('report.support.summary.problems', { problems });
  return errors ? say('report.support.summary.both', { problems, warnings: warned }) : say('report.support.summary.warnings', { warnings: warned });
}

/** A live step's status as the report's table shows it (English: the status itself). */
const stepStatus = (s: LiveReport['steps'][number]['status']): string => (s === 'running' ? s : t(`report.support.status.${s}`));

const ms = (n: number | undefined) => (n === undefined ? undefined : millis(n));
const cell = (value: string) => value.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

function timingLine(timings: LiveReport['timings']): string {
  const parts: Array<[Id, number | undefined]> = [
    ['report.support.timing.dns', timings.dnsMs],
    ['report.support.timing.connect', timings.connectMs],
    ['report.support.timing.tls', timings.tlsMs],
    ['report.support.timing.first-byte', timings.firstByteMs],
    ['report.support.timing.total', timings.totalMs],
  ];
  return parts.filter(([, v]) => v !== undefined).map(([id, v]) => t(id, { time: ms(v)! })).join(' · ');
}

/** The Markdown report. */
export function renderSupportReport(result: DoctorResult, meta: SupportMeta): string {
  const out: string[] = [];
  out.push(`## ${t('report.support.heading')}`, '');
  out.push(t('report.support.intro', { email: SUPPORT_EMAIL }), '');
  out.push('| | |', '|---|---|');
  out.push(`| ruapi | ${cell(meta.ruapiVersion)} |`, `| Node.js | ${cell(meta.node)} |`, `| OS | ${cell(meta.os)} |`);
  out.push(`| ${t('report.support.generated')} | ${(meta.now ?? new Date()).toISOString()} |`, `| ${t('report.support.result')} | ${result.verdict}: ${summary(result.findings)} |`, '');

  for (const c of configs(result)) {
    out.push(`### ${c.protocol ? t('report.support.configuration.of', { protocol: c.protocol }) : t('report.support.configuration')}`, '', `| | ${t('report.support.column.value')} | ${t('report.support.column.from')} |`, '|---|---|---|');
    const fp = fingerprintFor(meta, c.protocol);
    const notSet = t('report.support.not-set');
    const shown = c.key ? inlineCode(shownKey(c.key)) : '';
    const key = c.key ? (fp ? t('report.support.fingerprint', { key: shown, fingerprint: inlineCode(fp) }) : shown) : notSet;
    const rows: Array<[Id, string, string | undefined]> = [
      ['report.support.row.protocol', c.protocol ?? t('report.support.not-known'), c.sources.protocol],
      ['report.support.row.base-url', c.baseUrl ? inlineCode(c.baseUrl) : notSet, c.sources.baseUrl],
      ['report.support.row.model', c.model ? inlineCode(c.model) : notSet, c.sources.model],
      ['report.support.row.key', key, c.sources.key],
    ];
    for (const [name, value, from] of rows) out.push(`| ${t(name)} | ${value} | ${from ? cell(from) : ''} |`);
    out.push('');
  }

  out.push(`### ${t('report.support.findings', { summary: summary(result.findings) })}`, '');
  if (!result.findings.length) out.push(t('report.support.findings.none'));
  for (const f of [...result.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])) {
    const where = [f.protocol, f.source].filter(Boolean).join(', ');
    // Most live messages name the request id already: it is added only where one does not.
    const id = typeof f.data?.requestId === 'string' ? f.data.requestId : undefined;
    const rid = id && !f.message.includes(id) ? ` ${t('report.support.request-id', { id: inlineCode(id) })}` : '';
    out.push(`- ${MARK[f.severity]} **${f.id}**: ${f.title}${where ? ` (${where})` : ''}. ${f.message}${rid}`.replace(/\r?\n/g, ' '));
    if (f.fix) out.push(`  ${t('report.fix', { fix: f.fix.replace(/\r?\n/g, ' ') })}`);
  }
  out.push('');

  for (const live of result.live) {
    const columns = (['step', 'result', 'time', 'detail'] as const).map((col) => t(`report.support.column.${col}`));
    out.push(`### ${t('report.support.live', { protocol: live.protocol, url: inlineCode(live.baseUrl) })}`, '', `| ${columns.join(' | ')} |`, '|---|---|---|---|');
    for (const s of live.steps) {
      out.push(`| ${cell(s.label)} | ${stepStatus(s.status)} | ${ms(s.ms) ?? ''} | ${s.detail ? cell(s.detail) : ''} |`);
    }
    out.push('', t('report.support.timings', { timings: timingLine(live.timings) }));
    if (live.proxy) out.push(t('report.support.proxy', { proxy: inlineCode(live.proxy) }));
    if (live.modelList) out.push(t(live.modelList.source === 'gateway' ? 'report.support.model-list.gateway' : 'report.support.model-list.bundled', { n: live.modelList.count }));
    out.push('');
  }

  const ids = requestIds(result);
  out.push(`### ${t('report.support.request-ids')}`, '', ids.length ? ids.map(inlineCode).join(', ') : t('report.support.request-ids.none'), '');
  out.push(`> ${t('report.support.reminder')}`, '');
  return clean(out.join('\n'), meta);
}

/** The report as data: `ruapi report --json`. */
export function supportReportJson(result: DoctorResult, meta: SupportMeta): Record<string, unknown> {
  const report = {
    schema: 'ruapi-support-report/1',
    generatedAt: (meta.now ?? new Date()).toISOString(),
    supportEmail: SUPPORT_EMAIL,
    versions: { ruapi: meta.ruapiVersion, node: meta.node, os: meta.os },
    ok: result.ok,
    verdict: result.verdict,
    unverified: result.unverified,
    summary: summary(result.findings),
    configs: configs(result).map((c) => ({
      protocol: c.protocol,
      baseUrl: c.baseUrl,
      model: c.model,
      key: c.key ? shownKey(c.key) : null,
      keyFingerprint: c.key ? fingerprintFor(meta, c.protocol) ?? null : null,
      sources: c.sources,
    })),
    findings: result.findings,
    live: result.live,
    requestIds: requestIds(result),
    reminder: t('report.support.reminder'),
  };
  const secrets = meta.secrets ?? [];
  return scrubDeep(report, secrets) as Record<string, unknown>;
}
