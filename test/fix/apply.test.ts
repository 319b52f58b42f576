import { chmodSync, copyFileSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import type { Source } from '../../src/config/types.js';
import { applyFix, planFileFix, renderDiff, setDotenvVar, type PlannedFix } from '../../src/fix/index.js';

const FIXTURES = path.join(ROOT, 'fixtures/fix');
const KEY = 'sk-FIXTUREfixture0123456789abcdefABCDEF0123456789ab';
const NOISY_KEY = 'sk-FIXTUREfixture0123456789abcdefABCDEF01234567\u200B89ef ';
const CLEAN_KEY = 'sk-FIXTUREfixture0123456789abcdefABCDEF0123456789ef';
const NOW = new Date('2026-11-25T10:15:30Z');

/** A copy of a fixture in a fresh folder, so tests never touch the originals. */
function copy(fixture: string, name = path.basename(fixture)): { file: string; dir: string; text: string } {
  const dir = tempDir();
  const file = path.join(dir, name);
  copyFileSync(path.join(FIXTURES, fixture), file);
  return { file, dir, text: readFileSync(file, 'utf8') };
}

const dotenvSource = (file: string, name: string, line?: number): Source => ({ kind: 'dotenv', name, file, line, label: `${name} in .env${line ? `, line ${line}` : ''}` });

function patchOf(plan: PlannedFix) {
  if (plan.kind !== 'patch') throw new Error(`expected a patch, got ${JSON.stringify(plan)}`);
  return plan;
}

describe('applying a fix to a file', () => {
  it('writes the fix, keeps a byte-exact timestamped backup next to the file, and keeps the file mode', async () => {
    const { file, dir, text } = copy('dotenv/project.env', '.env');
    chmodSync(file, 0o600);
    const plan = patchOf(planFileFix(dotenvSource(file, 'OPENAI_BASE_URL', 5), 'https://www.ruapi.ai/v1', text, [KEY]));
    const result = await applyFix(plan.patch, { now: NOW });
    expect(result).toEqual({ ok: true, file, backup: `${file}.ruapi-backup-20261125-101530` });
    expect(readFileSync(`${file}.ruapi-backup-20261125-101530`)).toEqual(readFileSync(path.join(FIXTURES, 'dotenv/project.env')));
    expect(readFileSync(file, 'utf8')).toBe(text.replace('OPENAI_BASE_URL = https://www.ruapi.ai ', 'OPENAI_BASE_URL = https://www.ruapi.ai/v1 '));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['.env', '.env.ruapi-backup-20261125-101530']); // no temp file left behind
  });

  it('never overwrites an earlier backup made in the same second', async () => {
    const { file, text } = copy('dotenv/duplicate.env', '.env');
    const first = setDotenvVar(text, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1');
    if ('error' in first) throw new Error(first.error);
    expect(await applyFix({ file, before: text, after: first.after }, { now: NOW })).toMatchObject({ ok: true });
    const second = setDotenvVar(first.after, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1', { line: 1 });
    if ('error' in second) throw new Error(second.error);
    const result = await applyFix({ file, before: first.after, after: second.after }, { now: NOW });
    expect(result).toEqual({ ok: true, file, backup: `${file}.ruapi-backup-20261125-101530-2` });
    expect(readFileSync(`${file}.ruapi-backup-20261125-101530`, 'utf8')).toBe(text);
    expect(readFileSync(`${file}.ruapi-backup-20261125-101530-2`, 'utf8')).toBe(first.after);
  });

  it('refuses, and leaves the file alone, when it changed after it was read', async () => {
    const { file, dir, text } = copy('dotenv/project.env', '.env');
    const plan = patchOf(planFileFix(dotenvSource(file, 'OPENAI_MODEL', 6), 'gpt-4o-mini', text, []));
    writeFileSync(file, `${text}# edited meanwhile\n`);
    const result = await applyFix(plan.patch, { now: NOW });
    expect(result).toMatchObject({ ok: false, reason: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe(`${text}# edited meanwhile\n`);
    expect(readdirSync(dir)).toEqual(['.env']);
  });

  it('writes through a symlinked .env instead of replacing the link', async () => {
    const { file, dir, text } = copy('dotenv/duplicate.env', 'shared.env');
    const link = path.join(dir, '.env');
    symlinkSync(file, link);
    const edit = setDotenvVar(text, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1');
    if ('error' in edit) throw new Error(edit.error);
    expect(await applyFix({ file: link, before: text, after: edit.after }, { now: NOW })).toMatchObject({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe(edit.after);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['.env', '.env.ruapi-backup-20261125-101530', 'shared.env']);
  });

  it('gives the backup the mode of the file as well, whatever the umask', async () => {
    const { file, text } = copy('dotenv/duplicate.env', '.env');
    chmodSync(file, 0o666); // a umask of 022 would make a new file 0644
    const edit = setDotenvVar(text, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1');
    if ('error' in edit) throw new Error(edit.error);
    expect(await applyFix({ file, before: text, after: edit.after }, { now: NOW })).toMatchObject({ ok: true });
    expect(statSync(file).mode & 0o777).toBe(0o666);
    expect(statSync(`${file}.ruapi-backup-20261125-101530`).mode & 0o777).toBe(0o666);
  });

  it('refuses, and writes nothing, when the link now leads to another file than the one shown', async () => {
    const { file, dir, text } = copy('dotenv/duplicate.env', 'shared.env');
    const link = path.join(dir, '.env');
    symlinkSync(file, link);
    const edit = setDotenvVar(text, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1');
    if ('error' in edit) throw new Error(edit.error);
    const result = await applyFix({ file: link, before: text, after: edit.after, target: path.join(dir, 'other.env') }, { now: NOW, label: '.env' });
    expect(result).toEqual({ ok: false, reason: 'changed', message: `.env now leads to ${file}, not to the file shown; run the doctor again.` });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['.env', 'shared.env']);
  });

  it('refuses a read-only file, even as root, and changes nothing', async () => {
    const { file, dir, text } = copy('dotenv/duplicate.env', '.env');
    chmodSync(file, 0o444);
    const edit = setDotenvVar(text, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1');
    if ('error' in edit) throw new Error(edit.error);
    expect(await applyFix({ file, before: text, after: edit.after }, { now: NOW, label: '.env' })).toMatchObject({ ok: false, reason: 'read-only', message: expect.stringMatching(/^\.env is read-only \(mode 0444\)/) });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['.env']);
  });

  it('cleans a pasted key in the file that held it', async () => {
    const { file, text } = copy('dotenv/key-noise.env', '.env');
    const plan = patchOf(planFileFix(dotenvSource(file, 'OPENAI_API_KEY', 1), CLEAN_KEY, text, [NOISY_KEY, CLEAN_KEY]));
    expect(await applyFix(plan.patch, { now: NOW })).toMatchObject({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFFOPENAI_API_KEY="${CLEAN_KEY}"\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n`);
  });

  it('never writes a key into a file that did not hold it, at planning or at writing', async () => {
    const { file, text } = copy('dotenv/duplicate.env', '.env');
    expect(planFileFix(dotenvSource(file, 'OPENAI_API_KEY'), KEY, text, [KEY])).toEqual({
      kind: 'refused',
      message: `Not writing a key into ${file}: it did not hold that key before.`,
    });
    const sneaky = `${text}OPENAI_API_KEY=${KEY}\n`;
    expect(await applyFix({ file, before: text, after: sneaky, secrets: [KEY] }, { now: NOW })).toMatchObject({ ok: false, reason: 'key' });
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('fixes a Claude Code settings file, keeping the rest of it byte for byte', async () => {
    const { file, text } = copy('settings/claude-user.json', 'settings.json');
    const source: Source = { kind: 'claude-settings', name: 'ANTHROPIC_BASE_URL', file, label: 'ANTHROPIC_BASE_URL in ~/.claude/settings.json' };
    const plan = patchOf(planFileFix(source, 'https://www.ruapi.ai', text, []));
    expect(plan).toMatchObject({ line: 5, action: 'replaced' });
    expect(await applyFix(plan.patch, { now: NOW })).toMatchObject({ ok: true });
    expect(readFileSync(file, 'utf8')).toBe(text.replace('"https://www.ruapi.ai/v1"', '"https://www.ruapi.ai"'));
  });

  it('plans no file edit for values from a flag, the environment or a prompt', () => {
    for (const kind of ['flag', 'env', 'prompt'] as const) {
      expect(planFileFix({ kind, name: 'OPENAI_BASE_URL', label: 'x' }, 'https://www.ruapi.ai/v1', '', [])).toEqual({ kind: 'not-a-file' });
    }
  });

  it('explains a file it cannot edit instead of guessing', () => {
    const source: Source = { kind: 'claude-settings', name: 'ANTHROPIC_BASE_URL', file: '/p/.claude/settings.json', label: '' };
    expect(planFileFix(source, 'https://www.ruapi.ai', '{"env": ', [])).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/^Cannot edit \/p\/\.claude\/settings\.json: it is not valid JSON/),
    });
  });
});

describe('the diff shown before a fix', () => {
  it('is a unified diff with two lines of context', () => {
    const text = readFileSync(path.join(FIXTURES, 'dotenv/project.env'), 'utf8');
    const edit = setDotenvVar(text, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1');
    if ('error' in edit) throw new Error(edit.error);
    expect(renderDiff(text, edit.after, '.env', { secrets: [KEY] })).toBe(
      [
        '--- .env',
        '+++ .env (fixed)',
        '@@ -3,5 +3,5 @@',
        ' ',
        ' export OPENAI_API_KEY="sk-…89ab"',
        '-OPENAI_BASE_URL = https://www.ruapi.ai   # no /v1 yet',
        '+OPENAI_BASE_URL = https://www.ruapi.ai/v1   # no /v1 yet',
        " OPENAI_MODEL='gpt4o-mini'",
        ' ',
        '',
      ].join('\n'),
    );
  });

  it('shows what cleaning a key removes without showing the key', () => {
    const text = readFileSync(path.join(FIXTURES, 'dotenv/key-noise.env'), 'utf8');
    const edit = setDotenvVar(text, 'OPENAI_API_KEY', CLEAN_KEY, { line: 1 });
    if ('error' in edit) throw new Error(edit.error);
    const diff = renderDiff(text, edit.after, '.env', { secrets: [NOISY_KEY, CLEAN_KEY] });
    expect(diff).toContain('-⟨U+FEFF⟩OPENAI_API_KEY="sk-…89ef⟨U+200B⟩ "');
    expect(diff).toContain('+⟨U+FEFF⟩OPENAI_API_KEY="sk-…89ef"');
    expect(diff).not.toContain('FIXTUREfixture');
  });

  it('marks trailing spaces and a missing final newline, and is empty when nothing changes', () => {
    expect(renderDiff('A=1  \nB=2', 'A=1\nB=2', 'x.env', { secrets: [] })).toBe(
      ['--- x.env', '+++ x.env (fixed)', '@@ -1,2 +1,2 @@', '-A=1··', '+A=1', ' B=2', '\\ No newline at end of file', ''].join('\n'),
    );
    expect(renderDiff('A=1\n', 'A=1\n', 'x.env', { secrets: [] })).toBe('');
  });

  it('cuts a line of a megabyte in the middle, its key redacted first', () => {
    const long = `OPENAI_API_KEY=${KEY} ${'x'.repeat(1_000_000)}\n`;
    const diff = renderDiff(long, 'OPENAI_API_KEY=\n', '.env', { secrets: [KEY] });
    const removed = diff.split('\n').find((l) => l.startsWith('-O'))!;
    expect(removed).toMatch(/^-OPENAI_API_KEY=sk-…89ab x+…x+ \(1,000,024 characters\)$/);
    expect(removed.length).toBeLessThan(450);
    expect(diff).not.toContain('FIXTUREfixture');
  });

  it('shows a line added to an empty file', () => {
    expect(renderDiff('', 'A=1\n', '.env', { secrets: [] })).toBe(['--- .env', '+++ .env (fixed)', '@@ -0,0 +1,1 @@', '+A=1', ''].join('\n'));
  });
});
