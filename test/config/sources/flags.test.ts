import { describe, expect, it } from 'vitest';
import { flags } from '../../../src/config/sources/flags.js';

describe('the command-line source', () => {
  it('gives --key, --base-url and --model to both protocols, and labels a piped key as standard input', () => {
    const read = (f: Parameters<typeof flags.read>[0]['flags']) => flags.read({ flags: f, env: {}, cwd: '/', home: '/' }, undefined);
    expect(read({ key: 'sk-a', baseUrl: 'https://www.ruapi.ai/v1', model: 'gpt-4o' })).toEqual({
      status: 'read',
      settings: [
        { value: 'sk-a', source: { kind: 'flag', name: '--key', label: '--key on the command line' }, means: { field: 'key', protocol: 'ruapi' } },
        { value: 'https://www.ruapi.ai/v1', source: { kind: 'flag', name: '--base-url', label: '--base-url on the command line' }, means: { field: 'baseUrl', protocol: 'ruapi' } },
        { value: 'gpt-4o', source: { kind: 'flag', name: '--model', label: '--model on the command line' }, means: { field: 'model', protocol: 'ruapi' } },
      ],
    });
    expect(read({ key: 'sk-a', keyFrom: 'stdin' })).toEqual({
      status: 'read',
      settings: [{ value: 'sk-a', source: { kind: 'flag', name: '--key-stdin', label: 'standard input (--key-stdin)' }, means: { field: 'key', protocol: 'ruapi' } }],
    });
  });

  it('writes the flag, never the key, and narrows the protocols checked to what --base-url points at', () => {
    const source = { kind: 'flag', name: '--model', label: '--model on the command line' };
    expect(flags.assignment(source, 'gpt 4o')).toBe("--model 'gpt 4o'");
    expect(flags.place(source)).toBe('the --model argument');
    expect(flags.place({ kind: 'flag', name: '--key-stdin', label: '' })).toBe('what you pipe to --key-stdin');
    expect(flags.holder(source)).toBe('the command line');
    expect(flags.holder({ kind: 'flag', name: '--key-stdin', label: 'standard input (--key-stdin)' })).toBe('standard input (--key-stdin)');
    expect(flags.form!({ field: 'baseUrl', value: 'https://www.ruapi.ai/v1', variable: 'OPENAI_BASE_URL' }, { protocol: 'openai', shell: 'posix' })).toEqual({
      kind: 'flag',
      label: 'the ruapi command line',
      text: '--base-url https://www.ruapi.ai/v1',
    });
    expect(flags.form!({ field: 'key', value: undefined, variable: 'OPENAI_API_KEY' }, { protocol: 'openai', shell: 'posix' })).toBeUndefined();
    expect(flags.suggest).toBeUndefined();
    expect(flags.narrows).toBe(true);
    expect(flags.variables).toBe(false);
  });
});
