import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, NODE, ROOT, runCli } from '../helpers/cli.js';
import { packAndInstall } from '../helpers/pack.js';

// @ts-expect-error: plain ESM build script, no types
const { buildTypes } = (await import('../../scripts/build-types.mjs')) as { buildTypes: () => string[] };

const KEY = 'sk-apitest0123456789abcdefgh';
const CONFIG = { '.env': `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai\n` };
const PASTE = 'openai.NotFoundError: Error code: 404 - {"error": {"message": "The model `gpt-5o` does not exist", "code": "model_not_found"}} (request id: req_0123456789abcdef)';
const TSC = createRequire(path.join(ROOT, 'package.json')).resolve('typescript/bin/tsc');

/**
 * The API as a user gets it: the project is packed, the tarball installed into an empty folder,
 * and small consumer programs there import or require 'ruapi' by name.
 */
describe("import { explain, doctor } from 'ruapi'", () => {
  let project = '';

  beforeAll(() => {
    // `npm pack` here skips prepack (other test files use dist/ right now): write the types it would.
    buildTypes();
    ({ project } = packAndInstall(CONFIG));
  }, 90_000);

  /** Runs a consumer program in the install folder; its stdout is JSON it printed itself. */
  function consumer(name: string, source: string, env: Record<string, string> = {}) {
    writeFileSync(path.join(project, name), source);
    const r = spawnSync(NODE, [name], { cwd: project, env: cleanEnv(project, env), encoding: 'utf8', timeout: 20_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) as unknown };
  }

  it('explains a code from an ES module exactly as `ruapi explain --json` does', async () => {
    const viaCli = await runCli(['explain', '401', '--json']);
    const r = consumer('code.mjs', `import { explain } from 'ruapi';\nconsole.log(JSON.stringify(explain('401')));\n`);
    expect(r.stderr).toBe('');
    expect(r.json()).toEqual(JSON.parse(viaCli.stdout));
    expect(r.json()).toMatchObject({ input: { kind: 'code' }, matches: [{ code: '401', id: 'key-rejected' }] });
  });

  it('explains pasted text through require() as the CLI does from stdin, details pulled out', async () => {
    const viaCli = await runCli(['explain', '-', '--json'], { input: PASTE });
    const r = consumer('text.cjs', `const { explain } = require('ruapi');\nconsole.log(JSON.stringify(explain(${JSON.stringify(PASTE)})));\n`);
    expect(r.stderr).toBe('');
    expect(r.json()).toEqual(JSON.parse(viaCli.stdout));
    expect(r.json()).toMatchObject({ input: { kind: 'text' }, matches: [{ code: '404', cause: 'model-id', details: { requestId: 'req_0123456789abcdef' } }] });
  });

  it('returns no matches for text it does not know, instead of exiting 1', () => {
    const r = consumer('none.mjs', `import { explain } from 'ruapi';\nconsole.log(JSON.stringify(explain('the weather is nice')));\nconsole.log('still running');\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"matches":[],"input":{"kind":"text"},"ambiguous":false}\nstill running\n');
  });

  it('runs the offline doctor on a project folder: the `doctor --json` structure, the key redacted, nothing printed', async () => {
    const viaCli = await runCli(['doctor', '--offline', '--json'], { cwd: project, home: project });
    const r = consumer(
      'offline.mjs',
      `import { doctor } from 'ruapi';\nconst result = await doctor({ offline: true, env: {}, cwd: process.cwd(), home: process.cwd() });\nconsole.log(JSON.stringify(result));\n`,
    );
    expect(r.stderr).toBe('');
    const result = r.json() as { ok: boolean; findings: Array<{ id: string }>; config: { key: string } };
    const cli = JSON.parse(viaCli.stdout) as typeof result;
    expect(result.ok).toBe(false);
    expect(result.findings.map((f) => f.id)).toEqual(cli.findings.map((f) => f.id));
    expect(result.findings.map((f) => f.id)).toContain('base-url/missing-v1');
    expect(r.stdout).not.toContain(KEY);
    expect(result.config.key).toMatch(/^<redacted /);
  });

  it('rejects a bad option with a TypeError the caller can catch, and never exits the process', () => {
    const r = consumer(
      'bad.cjs',
      `const { doctor } = require('ruapi');\ndoctor({ protocol: 'gemini' }).catch((e) => { console.log(e.constructor.name + ': ' + e.message); console.log('still running'); });\n`,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`TypeError: doctor(): protocol must be 'openai' or 'anthropic', got "gemini"\nstill running\n`);
  });

  describe('live, against the simulator shipped in the same package', () => {
    let sim: ChildProcess | undefined;
    let ready: { openaiBaseUrl: string; key: string; faultKeys: Record<string, string> };

    beforeAll(async () => {
      sim = spawn(path.join(project, 'node_modules/.bin/ruapi'), ['simulate', '--json'], { cwd: project, env: cleanEnv(project), stdio: ['ignore', 'pipe', 'ignore'] });
      ready = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error('ruapi simulate did not start within 10 s')), 10_000);
        sim!.stdout!.setEncoding('utf8').on('data', (d: string) => {
          out += d;
          if (!out.includes('\n')) return;
          clearTimeout(timer);
          resolve(JSON.parse(out.split('\n')[0]!));
        });
        sim!.on('exit', (code) => reject(new Error(`ruapi simulate exited with ${code}`)));
      });
    });
    afterAll(() => {
      sim?.kill();
    });

    const live = (key: string) =>
      consumer(
        'live.mjs',
        `import { doctor } from 'ruapi';\nconst steps = [];\nconst result = await doctor({ protocol: 'openai', baseUrl: process.env.BASE, key: process.env.KEY, model: 'gpt-5.4-mini', timeoutMs: 10000, env: {}, cwd: process.cwd(), home: process.cwd(), onStep: (p, s) => steps.push(s.id) });\nconsole.log(JSON.stringify({ result, steps }));\n`,
        { BASE: ready.openaiBaseUrl, KEY: key },
      );

    it('walks the live chain to a passing probe and reports each step', () => {
      const r = live(ready.key);
      expect(r.stderr).toBe('');
      const { result, steps } = r.json() as { result: { ok: boolean; live: Array<{ steps: Array<{ id: string; status: string }> }> }; steps: string[] };
      expect(result.ok).toBe(true);
      expect(result.live[0]!.steps.filter((s) => s.status !== 'ok' && s.status !== 'skipped')).toEqual([]);
      expect(result.live[0]!.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['connect', 'auth', 'probe']));
      expect(steps).toContain('probe');
      expect(r.stdout).not.toContain(ready.key);
    });

    it('resolves (does not reject) with ok false and live/401 when the gateway refuses the key', () => {
      const r = live(ready.faultKeys['401']!);
      const { result } = r.json() as { result: { ok: boolean; findings: Array<{ id: string; severity: string }> } };
      expect(result.ok).toBe(false);
      expect(result.findings).toContainEqual(expect.objectContaining({ id: 'live/401', severity: 'error' }));
      expect(r.stdout).not.toContain(ready.faultKeys['401']!);
    });
  });

  describe('TypeScript', () => {
    const tsconfig = {
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        noEmit: true,
        // The shipped declarations themselves are checked, not skipped.
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [path.join(ROOT, 'node_modules/@types')],
      },
    };

    function typecheck(files: Record<string, string>) {
      for (const [name, source] of Object.entries(files)) writeFileSync(path.join(project, name), source);
      writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ ...tsconfig, files: Object.keys(files) }));
      const r = spawnSync(process.execPath, [TSC, '-p', project], { cwd: project, encoding: 'utf8', timeout: 60_000 });
      return { code: r.status, out: `${r.stdout}${r.stderr}` };
    }

    it('type-checks an ES module and a CommonJS consumer against the shipped declarations', () => {
      const r = typecheck({
        'consumer.mts': `import { explain, doctor, lookup, ENTRIES, type DoctorResult, type ExplainResult, type Finding, type Match, type KnowledgeEntry } from 'ruapi';
const e: ExplainResult = explain('404');
const first: Match | undefined = e.matches[0];
const code: string | undefined = first?.code;
const cause: 'model-id' | 'base-url' | null | undefined = first?.cause;
const kind: 'code' | 'text' = e.input.kind;
const entries: readonly KnowledgeEntry[] = ENTRIES;
const looked: Match[] = lookup('429');
const result: DoctorResult = await doctor({ offline: true, protocol: 'anthropic', env: { ANTHROPIC_API_KEY: 'x' }, cwd: '.', timeoutMs: 5000 });
const findings: Finding[] = result.findings;
const severity: 'error' | 'warning' | 'info' | undefined = findings[0]?.severity;
console.log(code, cause, kind, entries.length, looked.length, severity, result.ok, result.live[0]?.steps[0]?.status);
`,
        'consumer.cts': `import ruapi = require('ruapi');
const text: string = ruapi.explain('502').matches.map((m) => m.title).join();
void ruapi.doctor({ offline: true }).then((r) => r.checks.map((c) => c.status));
console.log(text, ruapi.version);
`,
      });
      expect(r.out).toBe('');
      expect(r.code).toBe(0);
    });

    it('rejects misuse: the declarations are real types, not any', () => {
      const r = typecheck({
        'misuse.mts': `import { explain, doctor } from 'ruapi';
const n: number = explain('401').matches[0]!.code;
void doctor({ protocol: 'gemini' });
void doctor({ offline: 'yes' });
`,
      });
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(/misuse\.mts\(2,7\): error TS2322/);
      expect(r.out).toMatch(/misuse\.mts\(3,/);
      expect(r.out).toMatch(/misuse\.mts\(4,/);
    });
  });
});
