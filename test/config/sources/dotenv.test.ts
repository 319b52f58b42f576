import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotenv } from '../../../src/config/sources/dotenv.js';
import type { DiscoverInput } from '../../../src/config/types.js';
import { UsageError } from '../../../src/core/exit.js';
import { tempDir } from '../../helpers/cli.js';

const input = (cwd: string, more: Partial<DiscoverInput> = {}): DiscoverInput => ({ flags: {}, env: {}, cwd, home: tempDir(), ...more });
const read = (i: DiscoverInput) => dotenv.read(i, dotenv.file!(i));

describe('the .env source', () => {
  it('reads ./.env with the line of each value, the last assignment of a name first', () => {
    const cwd = tempDir({ '.env': '# comment\nOPENAI_BASE_URL=https://a.example\nexport OPENAI_API_KEY="sk-x"\nOPENAI_BASE_URL=https://b.example # last\n' });
    const file = dotenv.file!(input(cwd));
    expect(file).toEqual({ path: path.join(cwd, '.env'), label: '.env' });
    const r = read(input(cwd));
    expect(r.status).toBe('read');
    const settings = r.status === 'read' ? r.settings : [];
    expect(settings.map((s) => [s.source.name, s.value, s.source.line, s.source.label])).toEqual([
      ['OPENAI_BASE_URL', 'https://b.example', 4, 'OPENAI_BASE_URL in .env, line 4'],
      ['OPENAI_API_KEY', 'sk-x', 3, 'OPENAI_API_KEY in .env, line 3'],
      ['OPENAI_BASE_URL', 'https://a.example', 2, 'OPENAI_BASE_URL in .env, line 2'],
    ]);
    expect(settings[0]!.source).toMatchObject({ kind: 'dotenv', file: '.env', path: path.join(cwd, '.env') });
  });

  it('is absent without a file, and stops with a usage error when --env-file names a missing one', () => {
    const cwd = tempDir();
    expect(read(input(cwd))).toEqual({ status: 'absent' });
    expect(() => read(input(cwd, { envFile: 'nope.env' }))).toThrow(UsageError);
    expect(() => read(input(cwd, { envFile: 'nope.env' }))).toThrow('--env-file nope.env: no such file');
  });

  it('is unreadable, with a reason and advice that quote nothing of the file, when it is not text', () => {
    const cwd = tempDir({ '.env': Buffer.from('OPENAI_API_KEY=sk-secret\0\n') });
    expect(read(input(cwd))).toEqual({ status: 'unreadable', reason: 'it holds binary data (NUL bytes), not text' });
    expect(dotenv.repair!('.env')).toBe('Save .env as plain UTF-8 text with one NAME=value per line, or point --env-file at the right file.');
  });

  it('writes a value as a .env line, quoted only when it must be, and the key as a placeholder', () => {
    expect(dotenv.line!('OPENAI_BASE_URL', 'https://www.ruapi.ai/v1')).toBe('OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(dotenv.line!('RUAPI_MODEL', "it's a model")).toBe('RUAPI_MODEL="it\'s a model"');
    expect(dotenv.line!('OPENAI_API_KEY', undefined)).toBe('OPENAI_API_KEY=sk-...');
    const source = { kind: 'dotenv', name: 'OPENAI_BASE_URL', file: '.env', line: 3, label: 'OPENAI_BASE_URL in .env, line 3' };
    expect(dotenv.assignment(source, 'https://www.ruapi.ai/v1')).toBe('OPENAI_BASE_URL=https://www.ruapi.ai/v1   (.env, line 3)');
    expect(dotenv.place(source)).toBe('OPENAI_BASE_URL in .env, line 3');
    expect(dotenv.holder(source)).toBe('.env');
    expect(dotenv.form!({ field: 'key', value: undefined, variable: 'OPENAI_API_KEY' }, { protocol: 'openai', shell: 'posix' })).toEqual({
      kind: 'dotenv',
      label: '.env (replace sk-... with your key: no quotes, no spaces)',
      text: 'OPENAI_API_KEY=sk-...',
    });
    expect(dotenv.form!({ field: 'model', value: 'gpt-4o', variable: undefined }, { protocol: 'openai', shell: 'posix' })).toBeUndefined();
  });

  it('edits the value on the line it was read from, and nothing else', () => {
    const text = '# keep\nOPENAI_BASE_URL="https://www.ruapi.ai"  # note\r\nOPENAI_BASE_URL=https://elsewhere\n';
    const source = { kind: 'dotenv', name: 'OPENAI_BASE_URL', file: '.env', line: 2, label: '' };
    expect(dotenv.edit!(text, source, 'https://www.ruapi.ai/v1')).toEqual({
      after: '# keep\nOPENAI_BASE_URL="https://www.ruapi.ai/v1"  # note\r\nOPENAI_BASE_URL=https://elsewhere\n',
      line: 2,
      action: 'replaced',
    });
  });
});
