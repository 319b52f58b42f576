import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanEnv, NODE, nodeVersion, runCli, tempDir } from '../helpers/cli.js';

describe('the ruapi command line', () => {
  it('runs on the Node line under test (RUAPI_TEST_NODE, else the node running the tests)', async () => {
    const r = await runCli(['report', '--json', '--offline']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { versions: { node: string } }).versions.node).toBe(nodeVersion());
  });

  it('prints its version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows help with examples and exit codes, exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes');
    for (const cmd of ['explain', 'doctor', 'models', 'report', 'simulate', 'completion']) expect(r.stdout).toContain(cmd);
  });

  it('shows a command’s help through `ruapi help <command>`', async () => {
    const r = await runCli(['help', 'doctor']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--key-stdin');
  });

  it('answers `ruapi help` with a name it does not know as `ruapi docter` is answered: a did-you-mean, exit 2', async () => {
    const r = await runCli(['help', 'docter']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe("ruapi: unknown command 'docter'\n(Did you mean doctor?)\nRun 'ruapi --help' for usage.\n");
    const far = await runCli(['help', 'xyzzy']);
    expect(far).toMatchObject({ code: 2, stdout: '', stderr: "ruapi: unknown command 'xyzzy'\nRun 'ruapi --help' for usage.\n" });
    const top = await runCli(['help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('Usage: ruapi [options] [command]');
  });

  it('prints its help on stdout when run with no command at all, exit 0', async () => {
    for (const args of [[], ['--no-color']]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('Usage: ruapi [options] [command]');
      expect(r.stdout).toContain('Exit codes');
    }
  });

  it('takes -v for --version, as node, npm and git do; -V still works', async () => {
    for (const args of [['-v'], ['-V'], ['--version'], ['--no-color', '-v']]) {
      const r = await runCli(args);
      expect(r, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/);
    }
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}-v, --version +print the version$/m);
  });

  it('describes the doctor in one paragraph, wrapped by commander, with no line break of its own', async () => {
    const r = await runCli(['doctor', '--help']);
    const paragraph = r.stdout.split('\n\n')[1]!;
    expect(paragraph.replace(/\n/g, ' ')).toBe('Find your RuAPI configuration (flags, env vars, .env, Claude Code settings), check the key, base URL and model offline, then the live connection, and say what to change and where.');
    // Each line but the last is filled as far as the next word allows (80 columns off a terminal).
    const lines = paragraph.split('\n');
    for (let i = 0; i < lines.length - 1; i++) expect(lines[i]!.length + 1 + lines[i + 1]!.split(' ')[0]!.length, lines[i]).toBeGreaterThan(80);
  });

  it.each([
    [['nope'], /unknown command 'nope'/, 'ruapi --help'],
    [['--bogus'], /unknown option '--bogus'/, 'ruapi --help'],
    [['explain', '--bogus', '401'], /unknown option '--bogus'/, 'ruapi explain --help'],
    [['doctor', '--protocol', 'grpc'], /--protocol/, 'ruapi doctor --help'],
    [['doctor', '--timeout', 'soon'], /--timeout/, 'ruapi doctor --help'],
    [['doctor', '--ofline'], /unknown option '--ofline'\n\(Did you mean --offline\?\)/, 'ruapi doctor --help'],
    [['--no-color', 'doctor', '--env-file', 'missing.env'], /--env-file missing\.env: no such file/, 'ruapi doctor --help'],
    [['report', '--bogus'], /unknown option '--bogus'/, 'ruapi report --help'],
    [['models', 'a', 'b'], /too many arguments/, 'ruapi models --help'],
    [['simulate', '--port'], /--port/, 'ruapi simulate --help'],
    [['completion'], /missing required argument 'shell'/, 'ruapi completion --help'],
  ])('answers a usage error (%j) with one line and a hint to that command’s help, exit 2', async (args, message, help) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`Run '${help}' for usage.`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
  });

  describe('a missing --env-file, however README starts ruapi', () => {
    const USAGE = "ruapi: --env-file missing.env: no such file\nRun 'ruapi doctor --help' for usage.\n";
    const run = (command: string, args: string[]) => {
      const home = tempDir();
      const r = spawnSync(command, [...args, 'doctor', '--env-file', 'missing.env'], { cwd: home, env: cleanEnv(home), encoding: 'utf8', timeout: 15_000 });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };

    it('is ruapi’s own usage error, exit 2, from ./bin/ruapi.js (its shebang passes `--` to node) and from node -- bin/ruapi.js', () => {
      expect(run(BIN, [])).toMatchObject({ code: 2, stdout: '', stderr: USAGE });
      expect(run(NODE, ['--', BIN])).toMatchObject({ code: 2, stdout: '', stderr: USAGE });
    });

    it('is Node’s own error from `node bin/ruapi.js`, as README warns: Node takes the flag before ruapi starts', () => {
      const r = run(NODE, [BIN]);
      expect(r.code).toBe(9);
      expect(r.stderr).toMatch(/missing\.env: not found/);
    });

    it('reaches ruapi through the Windows shims npm writes from the shebang, which keep its `--`', async () => {
      // npm's own cmd-shim, as `npm install` runs it on Windows (it writes the same files anywhere).
      const npmRoot = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' }).stdout.trim();
      const cmdShimDir = path.join(npmRoot, 'npm/node_modules/cmd-shim');
      if (!npmRoot || !existsSync(cmdShimDir)) return;
      const cmdShim = createRequire(import.meta.url)(cmdShimDir) as (from: string, to: string) => Promise<void>;
      const to = path.join(tempDir(), 'ruapi');
      await cmdShim(BIN, to);
      expect(readFileSync(`${to}.cmd`, 'utf8')).toMatch(/"%_prog%" -- "%dp0%\\[^"]*\\bin\\ruapi\.js" %\*/);
      const ps1 = readFileSync(`${to}.ps1`, 'utf8');
      expect(ps1).toMatch(/& "node\$exe" -- "\$basedir\/[^"]*\/bin\/ruapi\.js" \$args/);
      expect(ps1).not.toMatch(/node\$exe" "/);
    });
  });

  it('stops quietly when the reader of its output goes away (… | head -1, or a reader that never reads)', () => {
    const home = tempDir();
    for (const args of ['explain 502', '--help', 'models']) {
      const r = spawnSync('bash', ['-c', `"${NODE}" -- "${BIN}" ${args} | true`], {
        env: cleanEnv(home),
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(r.stderr, args).toBe('');
    }
  });
});

describe('a key typed where something else belongs', () => {
  const KEY = 'sk-Rf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7rS4t';
  it.each([
    [['doctor', '--client', KEY]],
    [['explain', '404', '--lang', KEY]],
    [[KEY]],
  ])('%j: the usage error masks it (exit 2), in ruapi\'s own words and in commander\'s', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sk-…\w{4}/);
    expect(r.stdout + r.stderr).not.toContain(KEY.slice(3, 15));
  });
});
