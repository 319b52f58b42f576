import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, OFFLINE_FINDINGS } from '../../src/checks/index.js';
import { ROOT } from '../helpers/cli.js';

function section(name: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- section: ${name} \\(owner: doctor\\) -->([\\s\\S]*?)<!-- /section: ${name} -->`).exec(readme);
  if (!m) throw new Error(`README has no ${name} section`);
  return m[1]!;
}

/** Rows of the findings table: `| \`id\` | severities | meaning | fix |`. */
function findingsTable(): Array<{ id: string; severities: string[]; meaning: string; fix: string }> {
  return section('findings')
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const cells = l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
      return { id: cells[0]!.replace(/`/g, ''), severities: cells[1]!.split(',').map((s) => s.trim()), meaning: cells[2] ?? '', fix: cells[3] ?? '' };
    });
}

describe('README', () => {
  it('lists every finding id the offline doctor can produce, with its severities, and no other', () => {
    const rows = findingsTable();
    const documented = Object.fromEntries(rows.map((r) => [r.id, [...r.severities].sort()]));
    const produced = Object.fromEntries(OFFLINE_FINDINGS.map((f) => [f.id, [...f.severities].sort()]));
    expect(documented).toEqual(produced);
    expect(rows.length).toBe(Object.keys(documented).length);
  });

  it('gives every finding a meaning and a fix', () => {
    for (const row of findingsTable()) {
      expect(row.meaning.length, row.id).toBeGreaterThan(20);
      expect(row.fix.length, row.id).toBeGreaterThan(5);
    }
  });

  it('has one check per finding id, each named area/name', () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
    for (const c of CHECKS) expect(c.id).toMatch(new RegExp(`^${c.area}/[a-z0-9-]+$`));
  });

  it('documents the doctor: sources, flags, JSON output and exit codes', () => {
    const doctor = section('doctor');
    for (const name of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_API_BASE', 'ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_BASE_URL', 'ANTHROPIC_MODEL', 'RUAPI_API_KEY', 'RUAPI_BASE_URL', 'RUAPI_MODEL']) {
      expect(doctor).toContain(`\`${name}\``);
    }
    for (const flag of ['--protocol', '--base-url', '--key-stdin', '--model', '--env-file', '--offline', '--ci', '--json', '--format', '--output', '--strict', '--verbose']) {
      expect(doctor).toContain(flag);
    }
    for (const key of ['"ok"', '"findings"', '"config"', '"configs"', '"checks"', '"live"', '"sources"']) expect(doctor).toContain(key);
    expect(doctor).toMatch(/### Exit codes[\s\S]*\| 0 \|[\s\S]*\| 1 \|[\s\S]*\| 2 \|/);
  });
});
