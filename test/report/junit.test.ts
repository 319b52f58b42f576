import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdownSummary } from '../../src/report/summary.js';
import { runCli, tempDir } from '../helpers/cli.js';

const KEY_LIKE = 'sk-live0123456789abcdefSECRET';

/** A doctor run with one of each: a pass, a failure with a fix, a warning, a skip, an unclaimed finding. */
function sampleResult(): DoctorResult {
  return {
    ok: false,
    date: '2026-12-01',
    verdict: 'problems',
    unverified: [],
    config: {
      protocol: 'openai',
      baseUrl: 'https://www.ruapi.ai',
      key: 'sk-…cret',
      model: 'gpt-4o-mini',
      sources: { key: 'OPENAI_API_KEY in .env, line 1', baseUrl: 'OPENAI_BASE_URL in .env, line 2' },
    },
    configs: [],
    checks: [
      { id: 'key', protocol: 'openai', title: 'Key format', status: 'pass', findings: [], ms: 1 },
      { id: 'base-url', protocol: 'openai', title: 'Base URL', status: 'fail', findings: ['base-url/missing-v1'], ms: 2 },
      { id: 'model', protocol: 'openai', title: 'Model id', status: 'warn', findings: ['model/unknown'] },
      { id: 'live/dns', protocol: 'openai', title: 'DNS lookup', status: 'skip', findings: ['live/offline'] },
    ],
    findings: [
      {
        id: 'base-url/missing-v1',
        severity: 'error',
        protocol: 'openai',
        title: 'Base URL lacks /v1 <so "requests" & paths 404>',
        message: 'OpenAI clients append /chat/completions to "https://www.ruapi.ai" | gives a 404.',
        fix: 'Set OPENAI_BASE_URL=https://www.ruapi.ai/v1',
        source: 'OPENAI_BASE_URL in .env, line 2',
        // A canary: renderers print chosen fields, never whole objects.
        data: { header: `Authorization: Bearer ${KEY_LIKE}` },
      },
      {
        id: 'model/unknown',
        severity: 'warning',
        protocol: 'openai',
        title: "Model 'gpt-4o-mini ' has a trailing space",
        message: 'Ids are matched exactly.\nA control character \u0007 slipped in too.',
        fix: 'Remove the space',
      },
      { id: 'live/offline', severity: 'info', title: 'Offline: live checks not run', message: '', fix: '' },
      {
        id: 'config/shadowed',
        severity: 'error',
        title: 'Two keys set',
        message: `A finding that quotes a key-like text the doctor redacted: ${'sk-…cret'}`,
        fix: 'Remove OPENAI_API_KEY from the shell',
      },
    ],
    live: [],
  };
}

const hasPython = spawnSync('python3', ['-c', 'import xml.dom.minidom'], { stdio: 'ignore' }).status === 0;

/** Parses with a real XML parser and returns the test cases as plain objects. */
function parseWithPython(xml: string): { tests: string; failures: string; skipped: string; cases: Array<{ name: string; state: string }> } {
  const script = `
import sys, json, xml.dom.minidom as m
d = m.parseString(sys.stdin.buffer.read())
s = d.getElementsByTagName('testsuite')[0]
cases = []
for c in d.getElementsByTagName('testcase'):
    state = 'failure' if c.getElementsByTagName('failure') else 'skipped' if c.getElementsByTagName('skipped') else 'pass'
    cases.append({'name': c.getAttribute('name'), 'state': state})
print(json.dumps({'tests': s.getAttribute('tests'), 'failures': s.getAttribute('failures'), 'skipped': s.getAttribute('skipped'), 'cases': cases}))
`;
  const r = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`not well-formed XML: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('JUnit report', () => {
  it('writes one test case per check, plus findings no check claims', () => {
    const xml = renderJunit(sampleResult());
    expect(xml.match(/<testcase /g)).toHaveLength(5);
    expect(xml).toContain('tests="5" failures="2" errors="0" skipped="1"');
    expect(xml).toContain('name="config/shadowed: Two keys set"');
  });

  it('puts the message, the source and the fix in the failure', () => {
    const xml = renderJunit(sampleResult());
    const failure = xml.match(/<failure [^>]*>([^<]*)<\/failure>/)?.[1] ?? '';
    expect(failure).toContain('OpenAI clients append /chat/completions');
    expect(failure).toContain('From: OPENAI_BASE_URL in .env, line 2');
    expect(failure).toContain('Fix: Set OPENAI_BASE_URL=https://www.ruapi.ai/v1');
  });

  it('escapes markup and drops characters XML forbids', () => {
    const xml = renderJunit(sampleResult());
    expect(xml).toContain('<failure message="Base URL lacks /v1 &lt;so &quot;requests&quot; &amp; paths 404&gt;" type="base-url/missing-v1">');
    expect(xml).toContain('[error] base-url/missing-v1: Base URL lacks /v1 &lt;so "requests" &amp; paths 404&gt;');
    expect(xml).not.toContain('\u0007');
  });

  it('reports a warning as a failure only with --strict', () => {
    const lenient = renderJunit(sampleResult());
    const strict = renderJunit(sampleResult(), { strict: true });
    expect(lenient).toContain('failures="2"');
    expect(strict).toContain('failures="3"');
    expect(lenient).toContain('<system-out>[warning] model/unknown');
  });

  it.skipIf(!hasPython)('is well-formed XML that a parser reads back (needs python3)', () => {
    const parsed = parseWithPython(renderJunit(sampleResult()));
    expect(parsed).toMatchObject({ tests: '5', failures: '2', skipped: '1' });
    expect(parsed.cases.map((c) => c.state)).toEqual(['pass', 'failure', 'pass', 'skipped', 'failure']);
    expect(parsed.cases[1]?.name).toBe('base-url: Base URL');
  });

  it('adds no key: renders chosen fields, never a whole finding or the config key', () => {
    const result = sampleResult();
    const xml = renderJunit(result);
    const md = renderMarkdownSummary(result);
    for (const out of [xml, md]) {
      expect(out).not.toContain(KEY_LIKE);
      expect(out).not.toMatch(/sk-[A-Za-z0-9]{8,}/);
    }
  });

  it('writes an empty but valid suite when no check ran', () => {
    const xml = renderJunit({ ...sampleResult(), checks: [], findings: [], ok: true });
    expect(xml).toContain('tests="0" failures="0"');
    if (hasPython) expect(parseWithPython(xml).cases).toEqual([]);
  });
});

describe('Markdown step summary', () => {
  it('shows the verdict, then a row per problem with ✗ / ⚠ and the fixes, passing checks folded', () => {
    const md = renderMarkdownSummary(sampleResult());
    expect(md).toMatch(/^### ruapi doctor: ✗ 1 failed check/);
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^\| ✗ \| Base URL \(openai\) \|/);
    expect(rows[0]).toContain('Set OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(rows[1]).toMatch(/^\| ⚠ \| Model id/);
    expect(rows[2]).toMatch(/^\| – \| DNS lookup \(openai\) \| skipped · _Offline: live checks not run_ \|/);
    expect(md).toContain('<details><summary>1 check passed</summary>');
    expect(md.slice(md.indexOf('<details>'))).toMatch(/\| ✓ \| Key format \(openai\) \| ok \|/);
  });

  it('keeps each row on one line and escapes pipes and markup', () => {
    const result = sampleResult();
    result.findings[0]!.fix = 'Run: echo a | b\nthen <restart>';
    const md = renderMarkdownSummary(result);
    const row = md.split('\n').find((l) => l.includes('Base URL (openai)'))!;
    expect(row).toContain('echo a \\| b<br>then &lt;restart&gt;');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6);
  });

  it('names where the key came from, never the key', () => {
    const md = renderMarkdownSummary(sampleResult());
    expect(md).toContain('key from OPENAI_API_KEY in .env, line 1');
    expect(md).not.toContain('sk-…cret');
  });

  it('says ready when the run passed', () => {
    const result = sampleResult();
    result.ok = true;
    result.verdict = 'ready';
    result.checks = result.checks.filter((c) => c.status === 'pass');
    const md = renderMarkdownSummary(result);
    expect(md).toMatch(/^### ruapi doctor: ✓ ready\n/);
    expect(md).toContain('<details open><summary>1 check passed</summary>');
  });
});

// The built CLI is always there: global-setup builds it (this once looked for a file that moved, and skipped for good).
describe('ruapi doctor --format junit (built CLI)', () => {
  it('prints a JUnit report for an offline run and exits 1 on a broken base URL', async () => {
    const dir = tempDir({ '.env': `OPENAI_API_KEY=${KEY_LIKE}\nOPENAI_BASE_URL=https://www.ruapi.ai\n` });
    const r = await runCli(['doctor', '--offline', '--ci', '--format', 'junit'], { cwd: dir, home: dir });
    expect(r.stdout).toMatch(/^<\?xml version="1.0"/);
    expect(r.stdout).toContain('<testcase ');
    expect(r.stdout).toContain('<failure ');
    expect(r.stdout + r.stderr).not.toContain(KEY_LIKE);
    expect(r.code).toBe(1);
    if (hasPython) expect(parseWithPython(r.stdout).cases.length).toBeGreaterThan(0);
  });
});
