import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientVerdict } from '../../src/core/result.js';
import type { Simulator } from '../../src/simulate/server.js';
import { cleanEnv } from '../helpers/cli.js';
import { doctor, type DoctorRun } from '../helpers/doctor.js';
import { findJudge, missingJudge, outputTail, runClient, startJudgeWorld, type ClientRun, type JudgeWorld, type RecordingGateway } from '../helpers/judges.js';
import type { TestProxy } from '../helpers/proxy.js';

/**
 * The real Codex CLI (`codex exec`, the version .ci/clients pins) judges the doctor's verdict for
 * it (#14): for each `$CODEX_HOME/config.toml`, `ruapi doctor --client codex` and Codex itself run
 * with the same HOME, CODEX_HOME, folder and shell, and the doctor says `ready` exactly when
 * Codex's request is answered. Codex reaches only loopback: every other host goes to a proxy
 * that refuses it and notes the host, which proves where a broken set-up sends Codex.
 */

const CODEX = findJudge('codex');
const MODEL = 'gpt-5.4-mini';
/** Where Codex's built-in provider goes without a base URL, as the proxy sees it. */
const OPENAI_HOST = 'api.openai.com:443';

let sim: Simulator;
let gw: RecordingGateway;
let proxy: TestProxy;
let quiet: Record<string, string>;
let world: JudgeWorld;
beforeAll(async () => {
  world = await startJudgeWorld();
  ({ sim, gw, proxy, quiet } = world);
});
afterAll(() => world?.close());

/** A config.toml with a RuAPI provider, as README and the doctor's fixed set-up write it. */
const configToml = (baseUrl: string, envKey: string) =>
  ['model = "' + MODEL + '"', 'model_provider = "ruapi"', '', '[model_providers.ruapi]', 'name = "RuAPI"', `base_url = "${baseUrl}"`, `env_key = "${envKey}"`, 'wire_api = "responses"', ''].join('\n');

/** The built-in openai provider, its base URL from openai_base_url. */
const builtIn = (baseUrl: string) => [`model = "${MODEL}"`, `openai_base_url = "${baseUrl}"`, ''].join('\n');

interface Judged {
  doctor: DoctorRun;
  verdict: ClientVerdict;
  codex: ClientRun;
  /** The answer came back: exit 0, the canned text printed, and a request seen by the gateway. */
  worked: boolean;
  /**
   * The hosts Codex asked the proxy for: anywhere but the gateway. Besides its API it asks for
   * github.com, api.github.com, chatgpt.com and ab.chatgpt.com at start-up, set-up or not.
   */
  elsewhere: string[];
}

interface SetUp {
  toml: string;
  shell: Record<string, string>;
  /** `codex login --with-api-key` first, the key on stdin as its docs say: auth.json in Codex's own format. */
  login?: boolean;
  /** The project's .codex/config.toml, in the working folder; `trusted` marks the project trusted in the user's file, as `codex exec --trust` does. */
  project?: { toml: string; trusted?: boolean };
  /** Stop Codex once its first request came, or once it asked for api.openai.com: it would only retry that. */
  stopAt?: 'request' | 'elsewhere';
}

/** The doctor's verdict for Codex, then `codex exec`, with the same HOME, CODEX_HOME (a folder in that HOME), folder and shell. */
async function judge(c: SetUp): Promise<Judged> {
  const env: Record<string, string> = { ...quiet, ...c.shell };
  const r = await doctor(['doctor', '--json', '--client', 'codex'], {
    env,
    timeoutMs: 20_000,
    // CODEX_HOME names a folder of the run's own HOME, which exists only now.
    setup: ({ home, cwd }) => {
      env.CODEX_HOME = path.join(home, 'codex-home');
      mkdirSync(env.CODEX_HOME);
      const trust = c.project?.trusted ? `\n[projects.${JSON.stringify(cwd)}]\ntrust_level = "trusted"\n` : '';
      writeFileSync(path.join(env.CODEX_HOME, 'config.toml'), c.toml + trust);
      if (c.project) {
        mkdirSync(path.join(cwd, '.codex'));
        writeFileSync(path.join(cwd, '.codex', 'config.toml'), c.project.toml);
      }
      // Sync is fine here: the login only writes auth.json ("Authentication is checked when you send a request").
      if (c.login) execFileSync(CODEX!, ['login', '--with-api-key'], { cwd, env: cleanEnv(home, env), input: sim.key, stdio: ['pipe', 'ignore', 'ignore'], timeout: 15_000 });
    },
  });
  const verdict = r.json?.clients?.find((v) => v.id === 'codex');
  if (!verdict) throw new Error(`no verdict for codex: ${r.stdout.slice(0, 400)} ${r.stderr.slice(0, 400)}`);
  gw.reset();
  // Outside a git repository Codex asks for --skip-git-repo-check; its default sandbox (read-only) is
  // enough for a prompt. A failed request is tried 5 more times (7 s) unless -c says otherwise: that
  // costs time, not the verdict, and the file the doctor reads stays the user's. Only a provider
  // defined in the file takes these (a -c for the built-in one would define a new, broken table).
  const retries = c.toml.includes('[model_providers.ruapi]') ? ['-c', 'model_providers.ruapi.request_max_retries=0', '-c', 'model_providers.ruapi.stream_max_retries=0'] : [];
  const before = proxy.connects.length;
  const stopWhen = c.stopAt === 'request' ? () => gw.seen.some((x) => x.method === 'POST') : c.stopAt === 'elsewhere' ? () => proxy.connects.slice(before).includes(OPENAI_HOST) : undefined;
  const codex = await runClient(CODEX!, ['exec', '--skip-git-repo-check', ...retries, 'say hi'], { home: r.home, cwd: r.cwd, env, timeoutMs: 30_000, ...(stopWhen ? { stopWhen } : {}) });
  const worked = codex.code === 0 && codex.stdout.includes('Hello from ruapi simulate') && gw.seen.length > 0;
  return { doctor: r, verdict, codex, worked, elsewhere: proxy.connects.slice(before) };
}

/** The request Codex sent, and the doctor's requestUrl for it, checked against each other. */
function expectSameRequest(j: Judged): void {
  const posts = gw.seen.filter((s) => s.method === 'POST');
  expect(posts.length, outputTail(j.codex, [sim.key])).toBeGreaterThan(0);
  const sent = posts.at(-1)!;
  expect(new URL(sent.url, gw.url).href).toBe(j.verdict.requestUrl);
  expect(sent).toMatchObject({ stream: true, keyIn: 'bearer', rightKey: true });
}

// A doctor run and a client run each have their own deadline (20 s, 30 s); a loaded CI machine must not hit vitest's 20 s first.
describe.skipIf(!CODEX)('the real Codex CLI judges the doctor (codex exec)', { timeout: 90_000 }, () => {
  it('a good provider (base_url with /v1, env_key naming a set variable): ready, and Codex gets its answer', async () => {
    const j = await judge({ toml: configToml(`${gw.url}/v1`, 'RUAPI_API_KEY'), shell: { RUAPI_API_KEY: sim.key } });
    expect(j.verdict.verdict, JSON.stringify(j.verdict.findings)).toBe('ready');
    expect(j.worked, outputTail(j.codex, [sim.key])).toBe(true);
    expect(j.verdict.requestUrl).toBe(`${gw.url}/v1/responses`);
    expectSameRequest(j);
    expect(j.elsewhere).not.toContain(OPENAI_HOST);
  });

  it('base_url without /v1: Codex posts to /responses, a path RuAPI does not serve; both say it fails', async () => {
    const j = await judge({ toml: configToml(gw.url, 'RUAPI_API_KEY'), shell: { RUAPI_API_KEY: sim.key } });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.worked, outputTail(j.codex, [sim.key])).toBe(false);
    expect(j.codex.timedOut).toBe(false);
    expect(j.verdict.requestUrl).toBe(`${gw.url}/responses`);
    expectSameRequest(j);
  });

  it('env_key naming a variable that is not set (the key is under another name): problems, and Codex sends nothing', async () => {
    const j = await judge({ toml: configToml(`${gw.url}/v1`, 'RUAPI_API_KEY'), shell: { OPENAI_API_KEY: sim.key } });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.worked, outputTail(j.codex, [sim.key])).toBe(false);
    expect(j.codex.timedOut).toBe(false);
    expect(gw.seen).toEqual([]);
  });

  it('wire_api = "chat": Codex refuses to load config.toml and sends nothing; the doctor says so (it said ready before)', async () => {
    const j = await judge({ toml: configToml(`${gw.url}/v1`, 'RUAPI_API_KEY').replace('wire_api = "responses"', 'wire_api = "chat"'), shell: { RUAPI_API_KEY: sim.key } });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.verdict.findings).toContain('client/config-refused');
    expect(j.worked).toBe(false);
    expect(j.codex.code).not.toBe(0);
    expect(j.codex.stderr).toMatch(/wire_api/);
    expect(gw.seen).toEqual([]);
  });

  it('the built-in provider with openai_base_url and OPENAI_API_KEY in the shell: Codex sends no key, and the doctor says so (it said ready before)', async () => {
    // Codex tries a refused request 5 more times (6 s); its first one shows what it sends.
    const j = await judge({ toml: builtIn(`${gw.url}/v1`), shell: { OPENAI_API_KEY: sim.key }, stopAt: 'request' });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.verdict.findings).toContain('client/variable-not-read');
    expect(j.worked).toBe(false);
    const posts = gw.seen.filter((x) => x.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((x) => x.keyIn === undefined)).toBe(true);
    expect(j.verdict.setup?.keyVariable).toBe('OPENAI_API_KEY');
  });

  it('the built-in provider with openai_base_url and CODEX_API_KEY (what codex exec reads): ready, and it works', async () => {
    const j = await judge({ toml: builtIn(`${gw.url}/v1`), shell: { CODEX_API_KEY: sim.key } });
    expect(j.verdict.verdict, JSON.stringify(j.verdict.findings)).toBe('ready');
    expect(j.worked, outputTail(j.codex, [sim.key])).toBe(true);
    expectSameRequest(j);
  });

  it('the built-in provider after `codex login --with-api-key` (the key in auth.json only): ready, and it works', async () => {
    const j = await judge({ toml: builtIn(`${gw.url}/v1`), shell: {}, login: true });
    expect(j.verdict.verdict, JSON.stringify(j.verdict.findings)).toBe('ready');
    expect(j.worked, outputTail(j.codex, [sim.key])).toBe(true);
    expectSameRequest(j);
  });

  it("provider settings in a trusted project's .codex/config.toml: Codex ignores them and goes to api.openai.com; the doctor says so (it said ready before)", async () => {
    const j = await judge({ toml: '', project: { toml: configToml(`${gw.url}/v1`, 'RUAPI_API_KEY'), trusted: true }, shell: { RUAPI_API_KEY: sim.key }, stopAt: 'elsewhere' });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.doctor.ids).toContain('client/config-ignored');
    expect(j.verdict.requestUrl).toBe('https://api.openai.com/v1/responses');
    expect(j.worked).toBe(false);
    expect(gw.seen).toEqual([]);
    expect(j.elsewhere, outputTail(j.codex, [sim.key])).toContain(OPENAI_HOST);
  });

  it('OPENAI_BASE_URL in the shell, no openai_base_url: Codex ignores it and goes to api.openai.com; the doctor says so (it said unverified before)', async () => {
    const j = await judge({ toml: `model = "${MODEL}"\n`, shell: { OPENAI_BASE_URL: `${gw.url}/v1`, CODEX_API_KEY: sim.key }, stopAt: 'elsewhere' });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.verdict.requestUrl).toBe('https://api.openai.com/v1/responses');
    expect(j.worked).toBe(false);
    expect(gw.seen).toEqual([]);
    expect(j.elsewhere, outputTail(j.codex, [sim.key])).toContain(OPENAI_HOST);
  });
});

if (!CODEX) {
  const why = missingJudge('codex', 'Codex CLI');
  describe('the real Codex CLI judges the doctor (codex exec)', () => it.skip(why, () => {}));
}
