import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectShell, environment, referencedVariable } from '../../../src/config/sources/environment.js';

describe('the environment source', () => {
  it('reads the variables clients read, an empty one too, and nothing else', () => {
    const r = environment.read({ flags: {}, env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: 'https://www.ruapi.ai/v1', HOME: '/h', OPENAI_ORG: 'x' }, cwd: '/', home: '/' }, undefined);
    expect(r).toEqual({
      status: 'read',
      settings: [
        { value: '', source: { kind: 'env', name: 'OPENAI_API_KEY', label: 'OPENAI_API_KEY in the environment' } },
        { value: 'https://www.ruapi.ai/v1', source: { kind: 'env', name: 'OPENAI_BASE_URL', label: 'OPENAI_BASE_URL in the environment' } },
      ],
    });
    expect(environment.file).toBeUndefined();
  });

  it('writes a value as a command for the shell, the key as a prompt that shows nothing', () => {
    expect(environment.line!('OPENAI_BASE_URL', 'https://www.ruapi.ai/v1')).toBe('export OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(environment.line!('OPENAI_BASE_URL', 'https://www.ruapi.ai/v1', 'fish')).toBe('set -gx OPENAI_BASE_URL https://www.ruapi.ai/v1');
    expect(environment.line!('OPENAI_API_KEY', undefined, 'powershell')).toBe("$env:OPENAI_API_KEY = Read-Host -MaskInput 'OPENAI_API_KEY'");
    const source = { kind: 'env', name: 'RUAPI_MODEL', label: 'RUAPI_MODEL in the environment' };
    expect(environment.assignment(source, "it's")).toBe(`export RUAPI_MODEL='it'\\''s'`);
    expect(environment.place(source)).toBe('RUAPI_MODEL in your environment (shell profile or CI variables)');
    expect(environment.holder(source)).toBe('your environment (shell profile, CI variables)');
    expect(environment.unset!(source)).toBe('unset RUAPI_MODEL');
    expect(environment.form!({ field: 'model', value: 'gpt-4o', variable: undefined }, { protocol: 'openai', shell: 'posix' })).toBeUndefined();
    expect(detectShell({ SHELL: '/usr/bin/fish' }, 'linux')).toBe('fish');
  });

  it('tells the shell from the last part of SHELL, split as path.win32.basename splits it', () => {
    const shells = { fish: 'fish', pwsh: 'powershell', 'pwsh.exe': 'powershell', 'powershell.exe': 'powershell', bash: 'posix', zsh: 'posix' } as const;
    for (const [name, shell] of Object.entries(shells)) {
      for (const form of [`/usr/bin/${name}`, `/usr/bin/${name}/`, `C:\\Program Files\\PowerShell\\7\\${name}`, `C:${name}`, name, `/opt/x\\${name}`]) {
        expect(detectShell({ SHELL: form }, 'linux'), form).toBe(shell);
        expect(path.win32.basename(form).toLowerCase().startsWith(name.replace(/\.exe$/, ''))).toBe(true);
      }
    }
    for (const form of ['', '/', 'C:', 'C:\\', '\\\\']) expect(detectShell({ SHELL: form }, 'win32'), form).toBe('powershell');
    expect(detectShell({ SHELL: '/fish/bin/bash' }, 'linux')).toBe('posix');
  });

  it('gives the value of a variable another setting names, as that variable reached via the setting', () => {
    const via = { kind: 'some-tool', name: 'env_key', file: 'tool.toml', line: 3, label: 'env_key in tool.toml, line 3' };
    expect(referencedVariable('MY_KEY', { MY_KEY: 'sk-abc' }, via)).toEqual({
      value: 'sk-abc',
      source: { kind: 'env', name: 'MY_KEY', label: 'MY_KEY in the environment (named by env_key in tool.toml, line 3)', via },
    });
    expect(referencedVariable('MY_KEY', {}, via)).toBeUndefined();
  });
});
