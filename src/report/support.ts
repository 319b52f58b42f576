import { createHash } from 'node:crypto';
import type { Finding, Protocol, Severity } from '../core/finding.js';
import { redactKey, redactText, scrubDeep, scrubKeys } from '../core/redact.js';
import type { ConfigSummary, DoctorResult, LiveReport } from '../core/result.js';
import { SUPPORT_EMAIL } from '../core/ruapi.js';
import { plural } from '../checks/text.js';
import { inlineCode } from './summary.js';
import { counts, millis } from './summary-line.js';

/**
 * `ruapi report`: what support needs to find a user's failing request, ready to paste into an
 * email, with no key in it. Keys are redacted three ways: the result is already redacted by the
 * doctor, the known keys (`meta.secrets`) are replaced again, and anything shaped like an API key
 * is masked in a last pass, so a key that slipped into a finding's message still never shows.
 */

/** Where the report goes (commands/doctor.ts prints it). */
export { SUPPORT_EMAIL };

const REMINDER =
  'Please add the request id of your failing request from Console → Logs: it shows the exact error, the model and the response body for that request.';

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

function summary(findings: readonly Finding[]): string {
  const { errors, warnings } = counts(findings);
  if (!errors && !warnings) return 'no problems found';
  const parts = [];
  if (errors) parts.push(plural(errors, 'problem'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  return parts.join(', ');
}

const ms = (n: number | undefined) => (n === undefined ? undefined : millis(n));
const cell = (value: string) => value.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

function timingLine(t: LiveReport['timings']): string {
  const parts: Array<[string, number | undefined]> = [
    ['DNS', t.dnsMs],
    ['connect', t.connectMs],
    ['TLS', t.tlsMs],
    ['first byte', t.firstByteMs],
    ['total', t.totalMs],
  ];
  return parts.filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${ms(v)}`).join(' · ');
}

/** The Markdown report. */
export function renderSupportReport(result: DoctorResult, meta: SupportMeta): string {
  const out: string[] = [];
  out.push('## RuAPI support report', '');
  out.push(`Made by \`ruapi report\` to send to ${SUPPORT_EMAIL}. Keys are redacted: nothing here can be used to make requests.`, '');
  out.push('| | |', '|---|---|');
  out.push(`| ruapi | ${cell(meta.ruapiVersion)} |`, `| Node.js | ${cell(meta.node)} |`, `| OS | ${cell(meta.os)} |`);
  out.push(`| generated | ${(meta.now ?? new Date()).toISOString()} |`, `| result | ${result.verdict}: ${summary(result.findings)} |`, '');

  for (const c of configs(result)) {
    out.push(`### Configuration${c.protocol ? ` (${c.protocol})` : ''}`, '', '| | value | from |', '|---|---|---|');
    const fp = fingerprintFor(meta, c.protocol);
    const key = c.key ? `${inlineCode(shownKey(c.key))}${fp ? ` (fingerprint ${inlineCode(fp)})` : ''}` : 'not set';
    const rows: Array<[string, string, string | undefined]> = [
      ['protocol', c.protocol ?? 'not known', c.sources.protocol],
      ['base URL', c.baseUrl ? inlineCode(c.baseUrl) : 'not set', c.sources.baseUrl],
      ['model', c.model ? inlineCode(c.model) : 'not set', c.sources.model],
      ['key', key, c.sources.key],
    ];
    for (const [name, value, from] of rows) out.push(`| ${name} | ${value} | ${from ? cell(from) : ''} |`);
    out.push('');
  }

  out.push(`### Findings (${summary(result.findings)})`, '');
  if (!result.findings.length) out.push('None.');
  for (const f of [...result.findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])) {
    const where = [f.protocol, f.source].filter(Boolean).join(', ');
    // Most live messages name the request id already: it is added only where one does not.
    const id = typeof f.data?.requestId === 'string' ? f.data.requestId : undefined;
    const rid = id && !f.message.includes(id) ? ` Request id: ${inlineCode(id)}.` : '';
    out.push(`- ${MARK[f.severity]} **${f.id}**: ${f.title}${where ? ` (${where})` : ''}. ${f.message}${rid}`.replace(/\r?\n/g, ' '));
    if (f.fix) out.push(`  Fix: ${f.fix.replace(/\r?\n/g, ' ')}`);
  }
  out.push('');

  for (const live of result.live) {
    out.push(`### Live checks (${live.protocol}, ${inlineCode(live.baseUrl)})`, '', '| step | result | time | detail |', '|---|---|---|---|');
    for (const s of live.steps) {
      out.push(`| ${cell(s.label)} | ${s.status} | ${ms(s.ms) ?? ''} | ${s.detail ? cell(s.detail) : ''} |`);
    }
    out.push('', `Timings: ${timingLine(live.timings)}`);
    if (live.proxy) out.push(`Proxy: ${inlineCode(live.proxy)}`);
    if (live.modelList) out.push(`Model list: ${live.modelList.source === 'gateway' ? "the gateway's" : 'the bundled snapshot'} (${live.modelList.count} ids)`);
    out.push('');
  }

  const ids = requestIds(result);
  out.push(`### Request ids from the gateway`, '', ids.length ? ids.map(inlineCode).join(', ') : 'None (no request reached the gateway, or it sent no id).', '');
  out.push(`> ${REMINDER}`, '');
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
    reminder: REMINDER,
  };
  const secrets = meta.secrets ?? [];
  return scrubDeep(report, secrets) as Record<string, unknown>;
}
