import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientVerdict } from '../../src/core/result.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { doctor, type DoctorRun } from '../helpers/doctor.js';
import { findJudge, loopbackOnly, missingJudge, outputTail, runClient, startRecordingGateway, type ClientRun, type RecordingGateway } from '../helpers/judges.js';
import { refusedPort } from '../helpers/proxy.js';

/**
 * The real Codex CLI (`codex exec`, the version .ci/clients pins) judges the doctor's verdict for
 * it (#14): for each `$CODEX_HOME/config.toml`, `ruapi doctor --client codex` and Codex itself run
 * with the same HOME, CODEX_HOME, folder and shell, and the doctor says `ready` exactly when
 * Codex's request is answered. Codex reaches only loopback: every other host goes to a proxy
 * that is not there.
 */

const CODEX = findJudge('codex');
const MODEL = 'gpt-5.4-mini';

let sim: Simulator;
let gw: RecordingGateway;
let quiet: Record<string, string>;
beforeAll(async () => {
  sim = await startSimulator({ streamDelayMs: 0 });
  gw = await startRecordingGateway(sim);
  quiet = loopbackOnly(await refusedPort());
});
afterAll(async () => {
  await gw?.close();
  await sim?.close();
});

/** A config.toml with a RuAPI provider, as README and the doctor's fixed set-up write it. */
const configToml = (baseUrl: string, envKey: string) =>
  ['model = "' + MODEL + '"', 'model_provider = "ruapi"', '', '[model_providers.ruapi]', 'name = "RuAPI"', `base_url = "${baseUrl}"`, `env_key = "${envKey}"`, 'wire_api = "responses"', ''].join('\n');

interface Judged {
  doctor: DoctorRun;
  verdict: ClientVerdict;
  codex: ClientRun;
  /** The answer came back: exit 0, the canned text printed, and a request seen by the gateway. */
  worked: boolean;
}

/** The doctor's verdict for Codex, then `codex exec`, with the same HOME, CODEX_HOME (a folder in that HOME), folder and shell. */
async function judge(toml: string, shell: Record<string, string>): Promise<Judged> {
  const env: Record<string, string> = { ...quiet, ...shell };
  const r = await doctor(['doctor', '--json', '--client', 'codex'], {
    env,
    timeoutMs: 20_000,
    // CODEX_HOME names a folder of the run's own HOME, which exists only now.
    setup: ({ home }) => {
      env.CODEX_HOME = path.join(home, 'codex-home');
      mkdirSync(env.CODEX_HOME);
      writeFileSync(path.join(env.CODEX_HOME, 'config.toml'), toml);
    },
  });
  const verdict = r.json?.clients?.find((c) => c.id === 'codex');
  if (!verdict) throw new Error(`no verdict for codex: ${r.stdout.slice(0, 400)} ${r.stderr.slice(0, 400)}`);
  gw.reset();
  // Outside a git repository Codex asks for --skip-git-repo-check; its default sandbox (read-only) is
  // enough for a prompt. Without the -c flags it tries a failed request 5 more times (7 s): that
  // costs time, not the verdict, and the file the doctor reads stays the user's.
  const codex = await runClient(CODEX!, ['exec', '--skip-git-repo-check', '-c', 'model_providers.ruapi.request_max_retries=0', '-c', 'model_providers.ruapi.stream_max_retries=0', 'say hi'], { home: r.home, cwd: r.cwd, env, timeoutMs: 30_000 });
  const worked = codex.code === 0 && codex.stdout.includes('Hello from ruapi simulate') && gw.seen.length > 0;
  return { doctor: r, verdict, codex, worked };
}

/** The request Codex sent, and the doctor's requestUrl for it, checked against each other. */
function expectSameRequest(j: Judged): void {
  const posts = gw.seen.filter((s) => s.method === 'POST');
  expect(posts.length, outputTail(j.codex, [sim.key])).toBeGreaterThan(0);
  const sent = posts.at(-1)!;
  expect(new URL(sent.url, gw.url).href).toBe(j.verdict.requestUrl);
  expect(sent).toMatchObject({ stream: true, keyIn: 'bearer', rightKey: true });
}

describe.skipIf(!CODEX)('the real Codex CLI judges the doctor (codex exec)', () => {
  it('a good provider (base_url with /v1, env_key naming a set variable): ready, and Codex gets its answer', async () => {
    const j = await judge(configToml(`${gw.url}/v1`, 'RUAPI_API_KEY'), { RUAPI_API_KEY: sim.key });
    expect(j.verdict.verdict, JSON.stringify(j.verdict.findings)).toBe('ready');
    expect(j.worked, outputTail(j.codex, [sim.key])).toBe(true);
    expect(j.verdict.requestUrl).toBe(`${gw.url}/v1/responses`);
    expectSameRequest(j);
  });

  it('base_url without /v1: Codex posts to /responses, a path RuAPI does not serve; both say it fails', async () => {
    const j = await judge(configToml(gw.url, 'RUAPI_API_KEY'), { RUAPI_API_KEY: sim.key });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.worked, outputTail(j.codex, [sim.key])).toBe(false);
    expect(j.codex.timedOut).toBe(false);
    expect(j.verdict.requestUrl).toBe(`${gw.url}/responses`);
    expectSameRequest(j);
  });

  it('env_key naming a variable that is not set (the key is under another name): problems, and Codex sends nothing', async () => {
    const j = await judge(configToml(`${gw.url}/v1`, 'RUAPI_API_KEY'), { OPENAI_API_KEY: sim.key });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.worked, outputTail(j.codex, [sim.key])).toBe(false);
    expect(j.codex.timedOut).toBe(false);
    expect(gw.seen).toEqual([]);
  });
});

if (!CODEX) {
  const why = missingJudge('codex', 'Codex CLI');
  describe('the real Codex CLI judges the doctor (codex exec)', () => it.skip(why, () => {}));
}
