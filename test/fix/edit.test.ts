import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { setDotenvVar, setSettingsEnv, type EditOutcome, type TextEdit } from '../../src/fix/index.js';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'fixtures/fix', name), 'utf8');

function edited(outcome: EditOutcome): TextEdit {
  if ('error' in outcome) throw new Error(`expected an edit, got: ${outcome.error}`);
  return outcome;
}

/** `before` with exactly one occurrence of `from` replaced: everything else byte for byte. */
function onlyChange(before: string, from: string, to: string): string {
  expect(before.split(from).length - 1, `"${from}" must occur once in the fixture`).toBe(1);
  return before.replace(from, () => to);
}

describe('.env edits', () => {
  const project = fixture('dotenv/project.env');

  it('replaces a value that has spaces around = and a trailing comment, keeping both', () => {
    const e = edited(setDotenvVar(project, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1', { line: 5 }));
    expect(e).toMatchObject({ line: 5, action: 'replaced' });
    expect(e.after).toBe(onlyChange(project, 'OPENAI_BASE_URL = https://www.ruapi.ai   # no', 'OPENAI_BASE_URL = https://www.ruapi.ai/v1   # no'));
  });

  it('keeps single quotes, double quotes and the export prefix of the line it edits', () => {
    const model = edited(setDotenvVar(project, 'OPENAI_MODEL', 'gpt-4o-mini'));
    expect(model.after).toBe(onlyChange(project, "OPENAI_MODEL='gpt4o-mini'", "OPENAI_MODEL='gpt-4o-mini'"));
    const key = edited(setDotenvVar(project, 'OPENAI_API_KEY', 'sk-FIXTUREfixture0123456789abcdefABCDEF0123456789xy'));
    expect(key.after).toBe(
      onlyChange(project, 'export OPENAI_API_KEY="sk-FIXTUREfixture0123456789abcdefABCDEF0123456789ab"', 'export OPENAI_API_KEY="sk-FIXTUREfixture0123456789abcdefABCDEF0123456789xy"'),
    );
  });

  it('never edits a commented-out assignment, and finds the variable without a line number', () => {
    const e = edited(setDotenvVar(project, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1'));
    expect(e.line).toBe(5);
    expect(e.after).toContain('# OPENAI_BASE_URL=https://old.example/v1\n');
  });

  it('fills an empty value and keeps an indented line indented', () => {
    expect(edited(setDotenvVar(project, 'EMPTY', 'x')).after).toBe(onlyChange(project, '\nEMPTY=\n', '\nEMPTY=x\n'));
    expect(edited(setDotenvVar(project, 'DEBUG', 'false')).after).toBe(onlyChange(project, '  DEBUG=true', '  DEBUG=false'));
  });

  it('keeps CRLF line endings and the missing final newline of a Windows file', () => {
    const crlf = fixture('dotenv/windows-crlf.env');
    const base = edited(setDotenvVar(crlf, 'ANTHROPIC_BASE_URL', 'https://www.ruapi.ai', { line: 1 }));
    expect(base.after).toBe(onlyChange(crlf, 'ANTHROPIC_BASE_URL=https://www.ruapi.ai/v1\r\n', 'ANTHROPIC_BASE_URL=https://www.ruapi.ai\r\n'));
    const last = edited(setDotenvVar(crlf, 'ANTHROPIC_MODEL', 'claude-sonnet-4-5'));
    expect(last.after).toBe(onlyChange(crlf, '\r\nANTHROPIC_MODEL=claude-opus-4-8', '\r\nANTHROPIC_MODEL=claude-sonnet-4-5'));
    expect(last.after.endsWith('\n')).toBe(false);
  });

  it('adds a missing variable at the end with the file’s line ending, without adding a final newline the file lacked', () => {
    const crlf = fixture('dotenv/windows-crlf.env');
    const e = edited(setDotenvVar(crlf, 'ANTHROPIC_SMALL_FAST_MODEL', 'gpt-4o-mini'));
    expect(e).toMatchObject({ action: 'added', line: 5 });
    expect(e.after).toBe(`${crlf}\r\nANTHROPIC_SMALL_FAST_MODEL=gpt-4o-mini`);
    const lf = edited(setDotenvVar(project, 'OPENAI_ORG', 'none'));
    expect(lf.after).toBe(`${project}OPENAI_ORG=none\n`);
    expect(edited(setDotenvVar('', 'A', 'b')).after).toBe('A=b\n');
  });

  it('adds with export when every assignment in the file uses export', () => {
    expect(edited(setDotenvVar('export A=1\nexport B=2\n', 'C', '3')).after).toBe('export A=1\nexport B=2\nexport C=3\n');
  });

  it('edits the line discovery named, or else the last assignment, the one dotenv uses', () => {
    const dup = fixture('dotenv/duplicate.env');
    expect(edited(setDotenvVar(dup, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1')).after).toBe(
      'OPENAI_BASE_URL=https://first.example/v1\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n',
    );
    expect(edited(setDotenvVar(dup, 'OPENAI_BASE_URL', 'https://www.ruapi.ai/v1', { line: 1 })).after).toBe(
      'OPENAI_BASE_URL=https://www.ruapi.ai/v1\nOPENAI_BASE_URL=https://www.ruapi.ai\n',
    );
  });

  it('cleans a pasted key in place (zero-width space, trailing space inside the quotes) and keeps the file’s BOM', () => {
    const noisy = fixture('dotenv/key-noise.env');
    const clean = 'sk-FIXTUREfixture0123456789abcdefABCDEF0123456789ef';
    const e = edited(setDotenvVar(noisy, 'OPENAI_API_KEY', clean, { line: 1 }));
    expect(e.after).toBe(`\uFEFFOPENAI_API_KEY="${clean}"\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n`);
  });

  it('quotes a value only when it must, and refuses one no quoting can hold', () => {
    expect(edited(setDotenvVar('A=1\n', 'A', 'two words # not a comment')).after).toBe('A="two words # not a comment"\n');
    expect(edited(setDotenvVar("A='x'\n", 'A', "it's")).after).toBe('A="it\'s"\n');
    expect(setDotenvVar('A=1\n', 'A', 'a"b\'c\nd')).toEqual({ error: 'the new value for A cannot be written safely in a .env file' });
  });

  it('refuses when the line discovery named no longer holds the variable and it is nowhere else', () => {
    expect(setDotenvVar('B=1\n', 'A', 'x', { line: 1 })).toEqual({ error: 'A is no longer on line 1: the file changed since it was read' });
  });

  it('leaves a value spanning several lines alone and says it needs a hand edit', () => {
    expect(setDotenvVar('A="first\nsecond"\nB=1\n', 'A', 'x')).toEqual({ error: 'the value of A spans several lines; edit it by hand' });
  });

  it('reports no change when the value is already there', () => {
    expect(edited(setDotenvVar(project, 'OPENAI_MODEL', 'gpt4o-mini'))).toEqual({ after: project, line: 6, action: 'unchanged' });
  });
});

describe('Claude Code settings.json edits', () => {
  const user = fixture('settings/claude-user.json');

  it('changes only the text of env.VAR, keeping odd spacing, key order and everything else', () => {
    const e = edited(setSettingsEnv(user, 'ANTHROPIC_BASE_URL', 'https://www.ruapi.ai'));
    expect(e).toMatchObject({ action: 'replaced', line: 5 });
    expect(e.after).toBe(onlyChange(user, '"ANTHROPIC_BASE_URL": "https://www.ruapi.ai/v1"', '"ANTHROPIC_BASE_URL": "https://www.ruapi.ai"'));
    const t = edited(setSettingsEnv(user, 'API_TIMEOUT_MS', '1200000'));
    expect(t.after).toBe(onlyChange(user, '"API_TIMEOUT_MS":   "600000"', '"API_TIMEOUT_MS":   "1200000"'));
  });

  it('adds a missing env key after the last one, indented and spaced like most of its neighbours', () => {
    const e = edited(setSettingsEnv(user, 'ANTHROPIC_MODEL', 'claude-opus-4-8'));
    expect(e).toMatchObject({ action: 'added', line: 8 });
    expect(e.after).toBe(onlyChange(user, '"API_TIMEOUT_MS":   "600000"\n', '"API_TIMEOUT_MS":   "600000",\n    "ANTHROPIC_MODEL": "claude-opus-4-8"\n'));
  });

  it('adds a whole env block to a tab-indented CRLF file without a final newline', () => {
    const tabs = fixture('settings/tabs-crlf.json');
    const e = edited(setSettingsEnv(tabs, 'ANTHROPIC_BASE_URL', 'https://www.ruapi.ai'));
    expect(e.after).toBe(
      onlyChange(tabs, '"includeCoAuthoredBy": false\r\n}', '"includeCoAuthoredBy": false,\r\n\t"env": {\r\n\t\t"ANTHROPIC_BASE_URL": "https://www.ruapi.ai"\r\n\t}\r\n}'),
    );
    expect(e.line).toBe(9);
  });

  it('fills an empty env object using the file’s four-space indent', () => {
    const four = fixture('settings/four-spaces-empty-env.json');
    const e = edited(setSettingsEnv(four, 'ANTHROPIC_AUTH_TOKEN', 'sk-x'));
    expect(e.after).toBe(onlyChange(four, '"env": {},', '"env": {\n        "ANTHROPIC_AUTH_TOKEN": "sk-x"\n    },'));
    expect(e.line).toBe(3);
  });

  it('keeps a one-line file on one line', () => {
    const one = fixture('settings/one-line.json');
    expect(edited(setSettingsEnv(one, 'ANTHROPIC_BASE_URL', 'https://www.ruapi.ai')).after).toBe(
      '{"model":"claude-opus-4-8","env":{"DISABLE_TELEMETRY":"1","ANTHROPIC_BASE_URL":"https://www.ruapi.ai"}}\n',
    );
    expect(edited(setSettingsEnv('{}', 'A', 'b')).after).toBe('{"env": {"A": "b"}}');
  });

  it('creates the file’s content when it is empty', () => {
    expect(edited(setSettingsEnv('', 'ANTHROPIC_BASE_URL', 'https://www.ruapi.ai')).after).toBe(
      '{\n  "env": {\n    "ANTHROPIC_BASE_URL": "https://www.ruapi.ai"\n  }\n}\n',
    );
  });

  it('edits the last of duplicate keys, the one JSON.parse keeps', () => {
    const dup = '{\n  "env": {"A": "1"},\n  "env": {"A": "2"}\n}\n';
    expect(edited(setSettingsEnv(dup, 'A', '3')).after).toBe('{\n  "env": {"A": "1"},\n  "env": {"A": "3"}\n}\n');
  });

  it('handles escaped quotes and braces inside strings without losing its place', () => {
    const tricky = '{\n  "note": "a \\"quoted\\" {brace} [and] , comma",\n  "env": {\n    "X": "}"\n  }\n}\n';
    expect(edited(setSettingsEnv(tricky, 'X', 'y')).after).toBe(tricky.replace('"X": "}"', '"X": "y"'));
  });

  it('refuses broken JSON, a non-object file and a non-object env, saying which', () => {
    expect(setSettingsEnv('{"env": {', 'A', 'b')).toMatchObject({ error: expect.stringMatching(/^it is not valid JSON/) });
    expect(setSettingsEnv('[1]', 'A', 'b')).toEqual({ error: 'it does not hold a JSON object' });
    expect(setSettingsEnv('{"env": "A=b"}', 'A', 'b')).toEqual({ error: '"env" in it is not an object' });
  });

  it('reports no change when env.VAR already has the value', () => {
    expect(edited(setSettingsEnv(user, 'API_TIMEOUT_MS', '600000')).action).toBe('unchanged');
  });
});
