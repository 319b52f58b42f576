import { spawnSync } from 'node:child_process';
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

  it.each([
    [['nope'], /unknown command 'nope'/],
    [['--bogus'], /unknown option '--bogus'/],
    [['explain', '--bogus', '401'], /unknown option '--bogus'/],
    [['doctor', '--protocol', 'grpc'], /--protocol/],
    [['doctor', '--timeout', 'soon'], /--timeout/],
  ])('answers a usage error (%j) with one line and a hint, exit 2', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("Run 'ruapi --help' for usage.");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
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
