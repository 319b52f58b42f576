import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientVerdict } from '../../src/core/result.js';
import type { Simulator } from '../../src/simulate/server.js';
import { doctor, type DoctorRun } from '../helpers/doctor.js';
import { findJudge, missingJudge, outputTail, runClient, startJudgeWorld, type ClientRun, type JudgeWorld, type RecordingGateway } from '../helpers/judges.js';
import type { TestProxy } from '../helpers/proxy.js';

/**
 * The real Claude Code (`claude -p`, the version .ci/clients pins) judges the doctor's verdict for
 * it (#14): for each set-up, `ruapi doctor --client claude-code` and Claude Code itself run with the
 * same HOME, folder and shell, and the doctor says `ready` exactly when Claude Code's request is
 * answered. Claude Code reaches only loopback: every other host goes to a proxy that refuses it.
 */

const CLAUDE = findJudge('claude');
const MODEL = 'claude-sonnet-4-6';

let sim: Simulator;
let gw: RecordingGateway;
let proxy: TestProxy;
let quiet: Record<string, string>;
let world: JudgeWorld;
beforeAll(async () => {
  // No telemetry, update check, error reports or other traffic that a plain prompt does not need
  // (code.claude.com/docs/en/env-vars); all of it would be refused by the proxy anyway.
  world = await startJudgeWorld({ CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', DISABLE_TELEMETRY: '1', DISABLE_AUTOUPDATER: '1', DISABLE_ERROR_REPORTING: '1' });
  ({ sim, gw, proxy, quiet } = world);
});
afterAll(() => world?.close());

interface Judged {
  doctor: DoctorRun;
  verdict: ClientVerdict;
  claude: ClientRun;
  /** The answer came back: exit 0, the canned text printed, and a request seen by the gateway. */
  worked: boolean;
  /** The hosts Claude Code asked the proxy for: anywhere but the gateway. */
  elsewhere: string[];
}

interface SetUp {
  /** ~/.claude/settings.json, in its real format (an `env` block, apiKeyHelper, …). */
  user?: Record<string, unknown>;
  shell?: Record<string, string>;
  /** More files in HOME. */
  home?: Record<string, string>;
  doctorArgs?: string[];
}

/** The doctor's verdict for Claude Code, then Claude Code's own run, in the same HOME, folder and shell. */
async function judge(c: SetUp): Promise<Judged> {
  const home: Record<string, string> = { ...c.home, ...(c.user ? { '.claude/settings.json': JSON.stringify(c.user, null, 2) } : {}) };
  const env = { ...quiet, ...c.shell };
  const r = await doctor(['doctor', '--json', '--client', 'claude-code', ...(c.doctorArgs ?? [])], { home, env, timeoutMs: 20_000 });
  const verdict = r.json?.clients?.find((v) => v.id === 'claude-code');
  if (!verdict) throw new Error(`no verdict for claude-code: ${r.stdout.slice(0, 400)} ${r.stderr.slice(0, 400)}`);
  gw.reset();
  const before = proxy.connects.length;
  const claude = await runClient(CLAUDE!, ['-p', 'say hi'], { home: r.home, cwd: r.cwd, env, timeoutMs: 30_000 });
  const worked = claude.code === 0 && claude.stdout.includes('Hello from ruapi simulate') && gw.seen.length > 0;
  return { doctor: r, verdict, claude, worked, elsewhere: proxy.connects.slice(before) };
}

/** The requests Claude Code sent for the prompt, and the doctor's requestUrl for them, checked against each other. */
function expectSameRequest(j: Judged): void {
  const posts = gw.seen.filter((s) => s.method === 'POST');
  expect(posts.length, outputTail(j.claude, [sim.key])).toBeGreaterThan(0);
  // requestUrl names the path Claude Code adds to its base; the query (?beta=true) is the client's own.
  const doctorUrl = new URL(j.verdict.requestUrl);
  for (const sent of posts) {
    const sentUrl = new URL(sent.url, gw.url);
    expect(sentUrl.origin + sentUrl.pathname).toBe(doctorUrl.origin + doctorUrl.pathname);
    expect(sentUrl.search).toBe('?beta=true');
    expect(sent.headers).toContain('anthropic-version');
  }
  // It streams; when that fails (a 404), it tries once more without streaming, to the same URL.
  expect(posts[0]!.stream).toBe(true);
}

// A doctor run and a client run each have their own deadline (20 s, 30 s); a loaded CI machine must not hit vitest's 20 s first.
describe.skipIf(!CLAUDE)('the real Claude Code judges the doctor (claude -p)', { timeout: 90_000 }, () => {
  it('a good settings file (base URL, token and model in its env block): ready, and Claude Code gets its answer', async () => {
    const j = await judge({ user: { env: { ANTHROPIC_BASE_URL: gw.url, ANTHROPIC_AUTH_TOKEN: sim.key, ANTHROPIC_MODEL: MODEL } } });
    expect(j.verdict.verdict, JSON.stringify(j.verdict.findings)).toBe('ready');
    expect(j.worked, outputTail(j.claude, [sim.key])).toBe(true);
    expectSameRequest(j);
    const sent = gw.seen.filter((s) => s.method === 'POST')[0]!;
    // ANTHROPIC_AUTH_TOKEN goes as a Bearer token, not x-api-key.
    expect(sent).toMatchObject({ keyIn: 'bearer', rightKey: true });
    // With its base URL in the user's settings, Claude Code asks for no other host.
    expect(j.elsewhere).toEqual([]);
  });

  it('a key in the shell only (ANTHROPIC_API_KEY), the rest in settings: ready, and it works with x-api-key', async () => {
    const j = await judge({ user: { env: { ANTHROPIC_BASE_URL: gw.url, ANTHROPIC_MODEL: MODEL } }, shell: { ANTHROPIC_API_KEY: sim.key } });
    expect(j.verdict.verdict, JSON.stringify(j.verdict.findings)).toBe('ready');
    expect(j.worked, outputTail(j.claude, [sim.key])).toBe(true);
    expectSameRequest(j);
    expect(gw.seen.filter((s) => s.method === 'POST')[0]).toMatchObject({ keyIn: 'x-api-key', rightKey: true });
  });

  it("a base URL ending in /v1 in settings while the shell's is right: the settings env wins, so both say it fails", async () => {
    const j = await judge({ user: { env: { ANTHROPIC_BASE_URL: `${gw.url}/v1`, ANTHROPIC_MODEL: MODEL } }, shell: { ANTHROPIC_BASE_URL: gw.url, ANTHROPIC_API_KEY: sim.key } });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.worked, outputTail(j.claude, [sim.key])).toBe(false);
    expect(j.claude.timedOut).toBe(false);
    // Both to /v1/v1/messages: the doctor's requestUrl is where Claude Code really went.
    expect(j.verdict.requestUrl).toBe(`${gw.url}/v1/v1/messages`);
    expectSameRequest(j);
    expect(gw.seen.filter((s) => s.method === 'POST').map((s) => s.stream)).toEqual([true, false]);
  });

  it('no key anywhere: problems, and Claude Code gets no answer', async () => {
    const j = await judge({ user: { env: { ANTHROPIC_BASE_URL: gw.url, ANTHROPIC_MODEL: MODEL } } });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.worked, outputTail(j.claude, [sim.key])).toBe(false);
    expect(j.claude.timedOut).toBe(false);
  });

  it('a model the gateway does not serve (claude-sonet-4-6): problems, and Claude Code gets a 404', async () => {
    const j = await judge({ user: { env: { ANTHROPIC_BASE_URL: gw.url, ANTHROPIC_MODEL: 'claude-sonet-4-6' } }, shell: { ANTHROPIC_API_KEY: sim.key } });
    expect(j.verdict.verdict).toBe('problems');
    expect(j.worked, outputTail(j.claude, [sim.key])).toBe(false);
    expectSameRequest(j);
  });

  it('the key from apiKeyHelper: unverified until it may run (it said problems before), ready with --allow-key-helper; Claude Code runs it and works', async () => {
    const helper = { user: { apiKeyHelper: 'cat "$HOME/.ruapi-judge-key"', env: { ANTHROPIC_BASE_URL: gw.url, ANTHROPIC_MODEL: MODEL } }, home: { '.ruapi-judge-key': `${sim.key}\n` } };
    const j = await judge(helper);
    expect(j.verdict.verdict).toBe('unverified');
    expect(j.doctor.json!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(j.worked, outputTail(j.claude, [sim.key])).toBe(true);
    const allowed = await judge({ ...helper, doctorArgs: ['--allow-key-helper'] });
    expect(allowed.verdict.verdict, JSON.stringify(allowed.verdict.findings)).toBe('ready');
    expect(allowed.worked, outputTail(allowed.claude, [sim.key])).toBe(true);
    expectSameRequest(allowed);
  });
});

if (!CLAUDE) {
  const why = missingJudge('claude', 'Claude Code');
  describe('the real Claude Code judges the doctor (claude -p)', () => it.skip(why, () => {}));
}
