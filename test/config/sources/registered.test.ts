import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { planFileFixes, proposedFixes, setupForms } from '../../../src/doctor/fixes.js';
import { runDoctor } from '../../../src/doctor/index.js';
import { renderHuman } from '../../../src/report/human.js';
import { plain } from '../../../src/core/color.js';
import { tempDir } from '../../helpers/cli.js';

// Registering a source is one line in the precedence table: here the test adds it to the table.
vi.mock('../../../src/config/sources/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/config/sources/index.js')>();
  const { fakeTool } = await import('./fake-tool.js');
  const kinds = [...real.SOURCE_KINDS, fakeTool];
  return {
    ...real,
    PRECEDENCE: [...real.PRECEDENCE, fakeTool],
    SOURCE_KINDS: kinds,
    kindOf: (s: { kind: string } | string) => kinds.find((k) => k.kind === (typeof s === 'string' ? s : s.kind)) ?? real.kindOf(s as string),
  };
});

const KEY = 'sk-registeredTEST0123456789abcdefABCDEF01';

describe('a source added to the precedence table', () => {
  it('is read, and its findings, fix lines, fix forms and --fix edits are its own', async () => {
    const cwd = tempDir({ 'fake.toml': '[provider]\nenv_key = "MY_RUAPI_KEY"\nbase_url = "https://www.ruapi.ai"\n' });
    const run = await runDoctor({ cwd, home: tempDir(), env: { MY_RUAPI_KEY: KEY }, offline: true, model: 'gpt-4o-mini' });

    expect(run.result.config.sources).toMatchObject({ key: 'MY_RUAPI_KEY in the environment (named by env_key in fake.toml, line 2)', baseUrl: 'base_url in fake.toml, line 3' });
    expect(run.files.map((f) => `${f.label} ${f.status}`)).toContain('fake.toml read');
    const missingV1 = run.result.findings.find((f) => f.id === 'base-url/missing-v1');
    expect(missingV1).toMatchObject({ source: 'base_url in fake.toml, line 3', fix: 'base_url = "https://www.ruapi.ai/v1"   (fake.toml, line 3)', data: { file: 'fake.toml', line: 3 } });
    expect(JSON.stringify(run.result)).not.toContain(KEY.slice(3));

    const fixes = proposedFixes(run);
    const [setup] = setupForms(run, fixes, 'posix');
    // The finding already gives the tool's own line, so it is not repeated; the SDK code reads the key from the variable the tool names.
    expect(setup!.places).toEqual([]);
    expect(setup!.code.find((f) => f.kind === 'python')?.text).toContain('base_url="https://www.ruapi.ai/v1", api_key=os.environ["MY_RUAPI_KEY"]');

    const [plan, ...more] = planFileFixes(fixes, run.secrets, (file) => readFileSync(file, 'utf8'));
    expect(more).toEqual([]);
    expect(plan).toMatchObject({ label: 'fake.toml', path: path.join(cwd, 'fake.toml'), changes: ['base_url (line 3)'], refused: [] });
    expect(plan!.patch!.after).toBe('[provider]\nenv_key = "MY_RUAPI_KEY"\nbase_url = "https://www.ruapi.ai/v1"\n');

    const human = renderHuman(run.result, { color: plain, verbose: true, files: run.files, setup: setupForms(run, fixes, 'posix') });
    expect(human).toContain('fix:  base_url = "https://www.ruapi.ai/v1"   (fake.toml, line 3)');
    expect(human).toContain('✓ fake.toml');
  });

  it('is named among the places a key is looked for', async () => {
    const run = await runDoctor({ cwd: tempDir(), home: tempDir(), env: {}, offline: true });
    expect(run.result.findings.find((f) => f.id === 'key/missing')?.message).toContain("in the environment, .env, Claude Code's settings or Fake Tool's config");
  });
});
