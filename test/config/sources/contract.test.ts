import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverConfig } from '../../../src/config/discover.js';
import { kindOf, PRECEDENCE, SOURCE_KINDS } from '../../../src/config/sources/index.js';
import { ROOT, tempDir } from '../../helpers/cli.js';
import { fakeTool } from './fake-tool.js';

const SOURCES_DIR = path.join(ROOT, 'src/config/sources');
const KEY = 'sk-contractTEST0123456789abcdefABCDEF0123';

/** Every .ts file under src, with its text. */
function sourceFiles(dir = path.join(ROOT, 'src')): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [{ file: path.relative(ROOT, p), text: readFileSync(p, 'utf8') }] : [];
  });
}

describe('the configuration sources', () => {
  it('are read in one order: flags, environment, .env, then Claude Code local, project and user settings', () => {
    const cwd = tempDir();
    const home = tempDir();
    const where = PRECEDENCE.map((s) => `${s.kind}${s.file ? ` ${s.file({ flags: {}, env: {}, cwd, home }).label}` : ''}`);
    expect(where).toEqual(['flag', 'env', 'dotenv .env', 'claude-settings .claude/settings.local.json', 'claude-settings .claude/settings.json', 'claude-settings ~/.claude/settings.json']);
  });

  it('each kind is registered once and says how to write, place and remove a value', () => {
    expect(new Set(SOURCE_KINDS.map((k) => k.kind)).size).toBe(SOURCE_KINDS.length);
    for (const kind of SOURCE_KINDS) {
      const source = { kind: kind.kind, name: 'OPENAI_BASE_URL', file: 'some/file', line: 2, label: 'OPENAI_BASE_URL in some/file, line 2' };
      expect(kind.assignment(source, 'https://www.ruapi.ai/v1'), kind.kind).toContain('https://www.ruapi.ai/v1');
      expect(kind.place(source), kind.kind).not.toBe('');
      expect(kind.holder(source), kind.kind).not.toBe('');
      expect(kindOf(source)).toBe(kind);
      // A source that offers its form for values from elsewhere must be able to write one.
      if (kind.suggest) expect(kind.form, kind.kind).toBeDefined();
    }
    for (const source of PRECEDENCE) if (source.file) expect(source.repair, `${source.kind} reads a file: it must say how to repair it`).toBeDefined();
  });

  it('a kind nobody registered is described by its label', () => {
    const source = { kind: 'not-registered', name: 'X', label: 'X somewhere' };
    expect(kindOf(source).place(source)).toBe('X somewhere');
    expect(kindOf(source).assignment(source, 'v')).toBe('X=v');
    expect(kindOf(source).edit).toBeUndefined();
  });

  it('no code outside src/config/sources/ compares a source kind with a name', () => {
    const kinds = SOURCE_KINDS.map((k) => k.kind).join('|');
    const compare = new RegExp(`kind\\s*[!=]==?\\s*'(${kinds})'|'(${kinds})'\\s*[!=]==?\\s*[\\w.?]*kind\\b|case '(${kinds})':`);
    const outside = sourceFiles().filter((f) => !f.file.startsWith(path.relative(ROOT, SOURCES_DIR)));
    expect(outside.filter((f) => compare.test(f.text)).map((f) => f.file)).toEqual([]);
    // The file-based kinds are spelled in their own file only.
    for (const kind of ['dotenv', 'claude-settings']) {
      expect(sourceFiles().filter((f) => f.text.includes(`'${kind}'`)).map((f) => f.file), kind).toEqual([`src/config/sources/${kind}.ts`]);
    }
  });
});

describe('a source that names the variable holding the key', () => {
  const discover = (cwd: string, env: NodeJS.ProcessEnv) => discoverConfig({ flags: {}, env, cwd, home: tempDir(), sources: [...PRECEDENCE, fakeTool] });

  it("takes the key from that variable in the environment, reached via the tool's setting", () => {
    const cwd = tempDir({ 'fake.toml': '[provider]\nenv_key = "MY_RUAPI_KEY"\nbase_url = "https://www.ruapi.ai"\n' });
    const found = discover(cwd, { MY_RUAPI_KEY: KEY });
    expect(found.files).toEqual([
      { label: '.env', path: path.join(cwd, '.env'), status: 'absent' },
      { label: '.claude/settings.local.json', path: path.join(cwd, '.claude/settings.local.json'), status: 'absent' },
      { label: '.claude/settings.json', path: path.join(cwd, '.claude/settings.json'), status: 'absent' },
      expect.objectContaining({ label: '~/.claude/settings.json', status: 'absent' }),
      { label: 'fake.toml', path: path.join(cwd, 'fake.toml'), status: 'read' },
    ]);
    const [target, ...others] = found.targets;
    expect(others).toEqual([]);
    expect(target).toMatchObject({ protocol: 'openai', protocolGuessed: false, protocolSource: 'set by MY_RUAPI_KEY, base_url' });
    expect(target!.key).toEqual({
      value: KEY,
      source: {
        kind: 'env',
        name: 'MY_RUAPI_KEY',
        label: 'MY_RUAPI_KEY in the environment (named by env_key in fake.toml, line 2)',
        via: { kind: 'fake-tool', name: 'env_key', file: 'fake.toml', path: path.join(cwd, 'fake.toml'), line: 2, label: 'env_key in fake.toml, line 2' },
      },
    });
    expect(target!.baseUrl?.source.label).toBe('base_url in fake.toml, line 3');
    expect(found.secrets).toEqual([KEY]);
    // The key's fix goes to the variable, where the value is; the base URL's to the tool's file, in its format.
    expect(kindOf(target!.key!.source).place(target!.key!.source)).toBe('MY_RUAPI_KEY in your environment (shell profile or CI variables)');
    expect(fakeTool.assignment(target!.baseUrl!.source, 'https://www.ruapi.ai/v1')).toBe('base_url = "https://www.ruapi.ai/v1"   (fake.toml, line 3)');
  });

  it('gives no key when the variable it names is not set, and loses to a higher source', () => {
    const cwd = tempDir({ 'fake.toml': 'env_key = "MY_RUAPI_KEY"\n', '.env': `OPENAI_API_KEY=${KEY}\n` });
    expect(discover(cwd, {}).targets[0]!.key?.source.label).toBe('OPENAI_API_KEY in .env, line 1');
    const both = discover(cwd, { MY_RUAPI_KEY: `${KEY}x` });
    expect(both.targets[0]!.key?.shadowed?.map((s) => s.source.label)).toEqual(['MY_RUAPI_KEY in the environment (named by env_key in fake.toml, line 1)']);
    expect(both.findings.find((f) => f.id === 'config/shadowed')?.title).toBe(
      'MY_RUAPI_KEY in the environment (named by env_key in fake.toml, line 1) is overridden by OPENAI_API_KEY in .env, line 1',
    );
    expect(both.secrets).toEqual([KEY, `${KEY}x`]);
  });

  it('is not read when no file may be read', () => {
    const cwd = tempDir({ 'fake.toml': 'base_url = "https://www.ruapi.ai/v1"\n' });
    const found = discoverConfig({ flags: {}, env: {}, cwd, home: tempDir(), sources: [...PRECEDENCE, fakeTool], readFiles: false });
    expect(found.files).toEqual([]);
    expect(found.targets[0]!.baseUrl).toBeUndefined();
  });
});
