import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

/**
 * The GitHub Action is a composite action: these tests run its shell step the way the runner does
 * (bash -e -o pipefail, inputs mapped to env) against a stand-in for ruapi that records what it got.
 */
const yml = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');

function block(after: RegExp, indent: number): string[] {
  const lines = yml.split('\n');
  const start = lines.findIndex((l) => after.test(l));
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && !line.startsWith(' '.repeat(indent))) break;
    body.push(line.slice(indent));
  }
  return body;
}

const declaredInputs = block(/^inputs:/, 2).filter((l) => /^[\w-]+:/.test(l)).map((l) => l.split(':')[0]!);
/** env var → input name, from the step's `env:` mapping. */
const envOfInput = Object.fromEntries(
  block(/^ {6}env:/, 8).flatMap((l) => {
    const m = l.match(/^(\w+): \$\{\{ inputs\.([\w-]+) \}\}$/);
    return m ? [[m[2]!, m[1]!]] : [];
  }),
) as Record<string, string>;
const script = block(/^ {6}run: \|/, 8).join('\n');
const defaults = Object.fromEntries(
  declaredInputs.map((name) => [name, block(new RegExp(`^ {2}${name}:`), 4).find((l) => l.startsWith('default:'))?.match(/default: "(.*)"/)?.[1] ?? '']),
);

const RECORDER = `#!/usr/bin/env node
let stdin = '';
process.stdin.on('data', (d) => (stdin += d)).on('end', () => {
  console.log(JSON.stringify({ argv: process.argv.slice(2), stdin, env: Object.keys(process.env).filter((k) => k.startsWith('RUAPI_INPUT')) }));
  process.exit(Number(process.env.FAKE_EXIT ?? 0));
});
`;

function runAction(inputs: Record<string, string>, opts: { built?: boolean; exit?: number } = {}) {
  const actionPath = tempDir({ 'package.json': '{"name":"ruapi","version":"9.8.7"}', 'bin/ruapi.js': RECORDER, ...(opts.built === false ? {} : { 'dist/cli.cjs': '' }) });
  const fakeBin = tempDir({ npx: `#!/usr/bin/env bash\nexec node "${path.join(actionPath, 'bin/ruapi.js')}" npx "$@"\n` });
  chmodSync(path.join(fakeBin, 'npx'), 0o755);
  const workspace = tempDir();
  const env: Record<string, string> = { PATH: `${fakeBin}:${process.env.PATH}`, HOME: workspace, GITHUB_ACTION_PATH: actionPath, FAKE_EXIT: String(opts.exit ?? 0) };
  for (const name of declaredInputs) env[envOfInput[name]!] = inputs[name] ?? defaults[name]!;
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: workspace, env, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, workspace, ...(r.stdout ? (JSON.parse(r.stdout) as { argv: string[]; stdin: string; env: string[] }) : { argv: [], stdin: '', env: [] }) };
}

describe('action.yml', () => {
  it('maps every input to the step environment', () => {
    expect(declaredInputs).toEqual(expect.arrayContaining(['protocol', 'base-url', 'model', 'strict', 'probe', 'api-key']));
    for (const name of declaredInputs) expect(envOfInput[name], name).toBeDefined();
  });

  it('runs the doctor in CI mode with nothing else by default', () => {
    const r = runAction({});
    expect(r.code).toBe(0);
    expect(r.argv).toEqual(['doctor', '--ci']);
  });

  it('turns inputs into flags and passes the key on stdin, never on the command line', () => {
    const key = 'sk-actiontest0123456789';
    const r = runAction({ protocol: 'anthropic', 'base-url': 'https://www.ruapi.ai', model: 'claude-opus-4-8', strict: 'true', probe: 'false', junit: 'ruapi.xml', 'api-key': key });
    expect(r.argv).toEqual([
      'doctor', '--ci', '--protocol', 'anthropic', '--base-url', 'https://www.ruapi.ai', '--model', 'claude-opus-4-8',
      '--strict', '--no-probe', '--format', 'junit', '--output', 'ruapi.xml', '--key-stdin',
    ]);
    expect(r.stdin).toBe(key);
    expect(r.env).not.toContain('RUAPI_INPUT_KEY');
    expect(r.stderr).not.toContain(key);
  });

  it('passes the exit code of the doctor on, so a problem fails the job', () => {
    expect(runAction({}, { exit: 1 }).code).toBe(1);
    expect(runAction({ 'api-key': 'sk-x0123456789' }, { exit: 1 }).code).toBe(1);
  });

  it('treats input values as data, not shell code', () => {
    const r = runAction({ 'base-url': '$(touch pwned)`touch pwned2`', model: "a'b\"c" });
    expect(r.argv).toContain('$(touch pwned)`touch pwned2`');
    expect(r.argv).toContain("a'b\"c");
    expect(existsSync(path.join(r.workspace, 'pwned'))).toBe(false);
    expect(existsSync(path.join(r.workspace, 'pwned2'))).toBe(false);
  });

  it("runs the npm release of the action's own version when the checkout is not built", () => {
    expect(runAction({}, { built: false }).argv).toEqual(['npx', '--yes', 'ruapi@9.8.7', 'doctor', '--ci']);
    expect(runAction({ version: '1.2.3' }, { built: false }).argv.slice(0, 3)).toEqual(['npx', '--yes', 'ruapi@1.2.3']);
  });
});
