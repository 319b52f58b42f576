import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { keyFingerprint, renderSupportReport, supportReportJson, type SupportMeta } from '../../src/report/support.js';

const KEY = 'sk-Q7rT2mX9pL4vN8kB3cW6yH1dF5gJ0zA2sE4uR7iO9tYwxyz';
const ANTHROPIC_KEY = `sk-ant-api03-${'Ab3_'.repeat(23)}xAA`;
const OPENAI_PROJ = `sk-proj-${'q1W2e3R4t5'.repeat(6)}T3BlbkFJ${'z9X8c7V6b5'.repeat(6)}`;
const GOOGLE = `AIza${'SyD3-xY_'.repeat(4)}abc`;
const NOW = new Date('2026-11-25T10:15:30Z');
const META: SupportMeta = { ruapiVersion: '0.1.0', node: 'v20.18.1', os: 'Linux 6.1.0 x64', keyFingerprint: keyFingerprint(KEY), secrets: [KEY], now: NOW };

/** A doctor result as the doctor builds it: config redacted, findings with request ids. */
function result(overrides: Partial<DoctorResult> = {}): DoctorResult {
  const config = {
    protocol: 'openai' as const,
    baseUrl: 'https://www.ruapi.ai/v1',
    key: '<redacted sk-…wxyz>', // as the doctor's summarize() writes it
    model: 'gpt-4o-mini',
    sources: { baseUrl: 'OPENAI_BASE_URL in .env, line 3', key: 'OPENAI_API_KEY in the environment', model: '--model' },
  };
  return {
    ok: false,
    date: '2026-12-01',
    verdict: 'problems',
    unverified: [],
    findings: [
      { id: 'live/401', severity: 'error', title: 'The gateway rejected the key', message: 'RuAPI answered 401 Invalid API key.', fix: 'Copy the key again from Console → Tokens.', source: 'OPENAI_API_KEY in the environment', protocol: 'openai', data: { requestId: 'req_01HXYZabc123' } },
      { id: 'base-url/trailing-slash', severity: 'warning', title: 'Trailing slash', message: 'Harmless for the SDKs.', fix: '' },
      { id: 'live/ok', severity: 'info', title: 'Reached the gateway', message: 'DNS and TLS are fine.', fix: '' },
    ],
    config,
    configs: [config],
    checks: [],
    live: [
      {
        protocol: 'openai',
        baseUrl: 'https://www.ruapi.ai/v1',
        steps: [
          { id: 'dns', label: 'DNS lookup', status: 'ok', ms: 12 },
          { id: 'auth', label: 'Authentication', status: 'fail', ms: 231, detail: '401 from the gateway' },
          { id: 'model', label: 'Model', status: 'skipped', blockedBy: 'auth', detail: 'blocked by Authentication' },
        ],
        timings: { dnsMs: 12, connectMs: 30.4, tlsMs: 45, firstByteMs: 210, totalMs: 260 },
        requestIds: ['req_01HXYZabc123', 'req_01HXYZdef456'],
        modelList: { source: 'bundled', count: 7 },
      },
    ],
    ...overrides,
  };
}

/** Every 12-character piece of a key: none may survive into a report. */
function expectNoPieceOf(text: string, ...keys: string[]) {
  for (const key of keys) {
    const core = key.replace(/[\s\u200B\uFEFF]/g, '');
    for (let i = 0; i + 12 <= core.length; i += 4) expect(text, `piece ${i} of a key leaked`).not.toContain(core.slice(i, i + 12));
  }
}

describe('support report', () => {
  it('gives support the versions, the configuration with its sources, findings, timings and the request ids', () => {
    const md = renderSupportReport(result(), META);
    expect(md).toContain('| ruapi | 0.1.0 |');
    expect(md).toContain('| Node.js | v20.18.1 |');
    expect(md).toContain('| OS | Linux 6.1.0 x64 |');
    expect(md).toContain('| generated | 2026-11-25T10:15:30.000Z |');
    expect(md).toContain('| base URL | `https://www.ruapi.ai/v1` | OPENAI_BASE_URL in .env, line 3 |');
    expect(md).toContain('| model | `gpt-4o-mini` | --model |');
    expect(md).toContain(`| key | \`sk-…wxyz\` (fingerprint \`${createHash('sha256').update(KEY).digest('hex').slice(0, 8)}\`) | OPENAI_API_KEY in the environment |`);
    expect(md).toContain('### Findings (1 problem, 1 warning)');
    expect(md).toMatch(/- ✗ \*\*live\/401\*\*: The gateway rejected the key \(openai, OPENAI_API_KEY in the environment\)\. RuAPI answered 401 Invalid API key\. Request id: `req_01HXYZabc123`\./);
    expect(md.indexOf('live/401')).toBeLessThan(md.indexOf('base-url/trailing-slash'));
    expect(md).toContain('| Authentication | fail | 231 ms | 401 from the gateway |');
    expect(md).toContain('| Model | skipped |  | blocked by Authentication |');
    expect(md).toContain('Timings: DNS 12 ms · connect 30 ms · TLS 45 ms · first byte 210 ms · total 260 ms');
    expect(md).toContain('`req_01HXYZabc123`, `req_01HXYZdef456`');
    expect(md).toContain('support@ruapi.ai');
    expect(md).toContain('Console → Logs');
  });

  it('has a JSON form with the same facts', () => {
    const json = supportReportJson(result(), META);
    expect(json).toMatchObject({
      schema: 'ruapi-support-report/1',
      generatedAt: '2026-11-25T10:15:30.000Z',
      versions: { ruapi: '0.1.0', node: 'v20.18.1', os: 'Linux 6.1.0 x64' },
      ok: false,
      summary: '1 problem, 1 warning',
      configs: [{ protocol: 'openai', baseUrl: 'https://www.ruapi.ai/v1', model: 'gpt-4o-mini', key: 'sk-…wxyz', keyFingerprint: keyFingerprint(KEY) }],
      requestIds: ['req_01HXYZabc123', 'req_01HXYZdef456'],
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('fingerprints a key by the first 8 hex digits of its SHA-256, ignoring pasted whitespace', () => {
    expect(keyFingerprint(KEY)).toMatch(/^[0-9a-f]{8}$/);
    expect(keyFingerprint(`  ${KEY}\n`)).toBe(keyFingerprint(KEY));
    expect(keyFingerprint(KEY.replace('wxyz', 'wxyZ'))).not.toBe(keyFingerprint(KEY));
  });

  it('shows a fingerprint per protocol when both protocols are configured', () => {
    const base = result();
    const anthropic = { ...base.config, protocol: 'anthropic' as const, baseUrl: 'https://www.ruapi.ai', key: 'sk-…9999' };
    const md = renderSupportReport({ ...base, configs: [base.config, anthropic] }, { ...META, keyFingerprint: { openai: 'aaaa1111', anthropic: 'bbbb2222' } });
    expect(md).toContain('### Configuration (openai)');
    expect(md).toContain('### Configuration (anthropic)');
    expect(md).toContain('`sk-…wxyz` (fingerprint `aaaa1111`)');
    expect(md).toContain('`sk-…9999` (fingerprint `bbbb2222`)');
  });

  it('contains no key even when keys leak into messages, fixes, sources, details and ids', () => {
    const leaky = result();
    const noisy = `${KEY.slice(0, 20)}\u200B${KEY.slice(20)}`;
    leaky.findings.push(
      { id: 'key/whitespace', severity: 'error', title: `Key ${KEY} has a space`, message: `The key " ${KEY} " ends with a space; Authorization: Bearer ${KEY}`, fix: `export OPENAI_API_KEY=${KEY}`, source: `OPENAI_API_KEY=${KEY} in .env`, data: { raw: KEY, nested: [{ k: noisy }] } },
      { id: 'key/anthropic-key', severity: 'error', title: 'Anthropic key', message: `Found ${ANTHROPIC_KEY} and ${OPENAI_PROJ} and ${GOOGLE}`, fix: `Bearer ${'opaqueTokenValue'.repeat(2)}`, data: { requestId: `req_${KEY}` } },
    );
    leaky.config = { ...leaky.config, key: KEY, sources: { key: `--key ${KEY}` } };
    leaky.configs = [leaky.config];
    leaky.live[0]!.steps.push({ id: 'probe', label: `Probe with ${KEY}`, status: 'fail', detail: `x-api-key: ${noisy}` });
    leaky.live[0]!.proxy = `http://user:${KEY}@proxy:8080`;
    leaky.live[0]!.requestIds.push(KEY);

    const md = renderSupportReport(leaky, { ...META, secrets: [KEY, noisy] });
    const json = JSON.stringify(supportReportJson(leaky, { ...META, secrets: [KEY, noisy] }));
    for (const out of [md, json]) {
      expectNoPieceOf(out, KEY, ANTHROPIC_KEY, OPENAI_PROJ, GOOGLE, 'opaqueTokenValueopaqueTokenValue');
      expect(out).toContain('sk-…wxyz');
    }
    // Keys nobody told the report about are masked by their shape alone.
    const unknown = renderSupportReport(leaky, { ...META, secrets: [] });
    expectNoPieceOf(unknown, KEY, ANTHROPIC_KEY, OPENAI_PROJ, GOOGLE);
  });

  it('contains none of a thousand random keys planted anywhere in the result', () => {
    for (let i = 0; i < 1000; i++) {
      const body = randomBytes(36).toString('base64url').replace(/[-_]/g, 'x');
      const key = ['sk-', 'sk-ant-api03-', 'sk-proj-', 'gsk_', 'xai-'][i % 5]! + body;
      const r = result();
      const spot = i % 4;
      if (spot === 0) r.findings[0]!.message += ` ${key}`;
      if (spot === 1) r.live[0]!.steps[1]!.detail = `"${key}"`;
      if (spot === 2) r.config.sources.key = `(${key})`;
      if (spot === 3) r.findings[1]!.data = { headers: { authorization: `Bearer ${key}` } };
      const secrets = i % 2 ? [key] : [];
      const out = renderSupportReport(r, { ...META, secrets }) + JSON.stringify(supportReportJson(r, { ...META, secrets }));
      expect(out.includes(body.slice(0, 12)) || out.includes(body.slice(-12)), `key ${i} leaked`).toBe(false);
    }
  });

  it('escapes table cells so a value with a pipe or newline cannot break the report', () => {
    const r = result();
    r.config = { ...r.config, model: 'gpt|4o\nmini', sources: { model: 'a | b' } };
    r.configs = [r.config];
    const md = renderSupportReport(r, META);
    expect(md).toContain('| model | `gpt\\|4o mini` | a \\| b |');
  });
});
