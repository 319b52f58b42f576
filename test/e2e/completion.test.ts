import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0'], { stdio: 'ignore' }).status === 0;

describe('ruapi completion bash', () => {
  let script = '';
  let file = '';
  beforeAll(async () => {
    const r = await runCli(['completion', 'bash']);
    expect(r.code).toBe(0);
    script = r.stdout;
    file = path.join(tempDir(), 'ruapi.bash');
    writeFileSync(file, script);
  });

  /** What bash offers for the words typed so far (the last word is the one being completed). */
  function complete(...words: string[]): string[] {
    const program = `
      source "$1"; shift
      COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=\${#COMP_LINE}
      _ruapi_completion
      printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', program, 'bash', file, ...words], { encoding: 'utf8', cwd: path.dirname(file) });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean);
  }

  it('is a script bash parses without error, and it registers ruapi', () => {
    expect(spawnSync('bash', ['-n', file]).status).toBe(0);
    const r = spawnSync('bash', ['-c', 'source "$1" && complete -p ruapi', 'bash', file], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('complete -F _ruapi_completion ruapi');
  });

  it('completes the commands after ruapi', () => {
    expect(complete('ruapi', '')).toEqual(expect.arrayContaining(['explain', 'doctor', 'models', 'simulate', 'completion']));
    expect(complete('ruapi', 'do')).toEqual(['doctor']);
  });

  it('completes explain codes and the flags of the command being typed', () => {
    expect(complete('ruapi', 'explain', '40')).toEqual(['400', '401', '402', '403', '404']);
    expect(complete('ruapi', 'explain', '5')).toContain('5xx');
    expect(complete('ruapi', 'doctor', '--st')).toEqual(['--stream', '--strict']);
    expect(complete('ruapi', 'explain', '--st')).toEqual([]);
  });

  it('completes the values of a flag with choices, also after --flag=', () => {
    expect(complete('ruapi', 'doctor', '--protocol', '')).toEqual(['openai', 'anthropic']);
    expect(complete('ruapi', 'doctor', '--protocol', '=', 'an')).toEqual(['anthropic']);
    expect(complete('ruapi', 'doctor', '--format', 'j')).toEqual(['json', 'junit']);
    expect(complete('ruapi', '--debug', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('offers model ids for --model and files for --env-file', () => {
    expect(complete('ruapi', 'doctor', '--model', 'claude-')).toContain('claude-opus-4-8');
    expect(complete('ruapi', 'doctor', '--env-file', 'ruapi.')).toEqual(['ruapi.bash']);
    expect(complete('ruapi', 'doctor', '--base-url', '')).toEqual([]);
  });
});

describe('ruapi completion zsh and fish', () => {
  it('writes a zsh script with every command and flag', async () => {
    const r = await runCli(['completion', 'zsh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#compdef ruapi\n/);
    for (const word of ["'explain:", "'doctor:", "'simulate:", '--protocol[', '(openai anthropic)', '--output[', ':_files', '401 402']) {
      expect(r.stdout).toContain(word);
    }
  });

  it.skipIf(!has('zsh'))('writes a zsh script zsh parses (zsh -n)', async () => {
    const file = path.join(tempDir(), '_ruapi');
    writeFileSync(file, (await runCli(['completion', 'zsh'])).stdout);
    const r = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('writes a fish script with a line per command and the flags of each', async () => {
    const r = await runCli(['completion', 'fish']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("complete -c ruapi -n __fish_use_subcommand -a doctor -d 'check your RuAPI set-up");
    expect(r.stdout).toContain("complete -c ruapi -n '__fish_seen_subcommand_from doctor' -l protocol -x -a 'openai anthropic'");
    expect(r.stdout).toContain("-n '__fish_seen_subcommand_from explain' -a '400 401");
  });

  it.skipIf(!has('fish'))('writes a fish script fish parses (fish -n)', async () => {
    const file = path.join(tempDir(), 'ruapi.fish');
    writeFileSync(file, (await runCli(['completion', 'fish'])).stdout);
    expect(spawnSync('fish', ['-n', file]).status).toBe(0);
  });
});

describe('ruapi completion with a bad shell', () => {
  it('rejects an unknown shell with one line and exit 2', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("no completion for shell 'tcsh': choose bash, zsh, fish.");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for the shell when none is given', async () => {
    const r = await runCli(['completion']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'shell'");
  });
});
