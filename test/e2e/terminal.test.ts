import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE, ROOT, tempDir } from '../helpers/cli.js';
import { SGR, startRuapi, TERMINALS, TMUX_MISSING, type Terminal, type TmuxSession, answerSetup } from '../helpers/tmux.js';

type SimModule = typeof import('../../src/simulate/server.js');
type Simulator = Awaited<ReturnType<SimModule['startSimulator']>>;

/** What a crash prints (the colour-only crash was "internal error: vs.default[…] is not a function"). */
const CRASH = /internal error|is not a function|^\s+at .+:\d+:\d+\)?$|TypeError|ERR_USE_AFTER_CLOSE/m;
/** An ora frame left on the screen: a spinner line that was not cleared. */
const SPINNER_FRAME = /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/m;

/** Lines wider than the terminal, in characters (every character ruapi prints here is one column wide). */
const tooWide = (lines: string[], width: number) => lines.filter((l) => [...l].length > width);

/**
 * The checks every run on every terminal must pass: the documented exit code, no crash, colour
 * escapes exactly when the terminal should have colour, no spinner frame left behind, no key.
 */
async function expectSound(t: TmuxSession, term: Terminal, code: number, opts: { secret?: string; timeoutMs?: number } = {}): Promise<string> {
  const status = await t.waitForExit(opts.timeoutMs ?? 20_000);
  const screen = await t.capture();
  expect(screen).not.toMatch(CRASH);
  expect(status, screen).toBe(code);
  const raw = t.raw();
  if (term.colour) expect(raw).toMatch(SGR);
  else expect(raw).not.toMatch(SGR);
  expect(screen).not.toMatch(SPINNER_FRAME);
  if (opts.secret) {
    expect(raw + screen).not.toContain(opts.secret);
    expect(raw + screen).not.toContain(opts.secret.slice(3, 15));
  }
  return screen;
}

describe.skipIf(TMUX_MISSING)(`ruapi on a terminal${TMUX_MISSING ? ` (skipped: ${TMUX_MISSING})` : ''}`, () => {
  let sim: Simulator;
  beforeAll(async () => {
    const { startSimulator } = createRequire(import.meta.url)(path.join(ROOT, 'dist/sim.cjs')) as SimModule;
    sim = await startSimulator({ streamDelayMs: 5 });
  });
  afterAll(async () => {
    await sim?.close();
  });

  for (const [how, args, env] of [
    ['--no-color', ['--no-color'], {}],
    ['NO_COLOR=1', [], { NO_COLOR: '1' }],
  ] as const) {
    it(`${how} leaves colour out of the prompts and spinners too, on a colour terminal`, async () => {
      const t = await startRuapi(['doctor', ...args], { cwd: tempDir(), home: tempDir(), env });
      await answerSetup(t, sim.key, sim.openaiBaseUrl);
      await t.waitForText('Model id', 10_000);
      await t.type('gpt-5.4-mini');
      await t.waitForText(/\(type to filter\) gpt-5.4-mini\n❯ gpt-5.4-mini\n/);
      await t.keys('Enter');
      // The typed values worked, but only this run had them (config/prompt-only): exit 1.
      expect(await t.waitForExit(20_000)).toBe(1);
      expect(await t.capture()).toMatch(/^✓ Probe request/m);
      expect(t.raw()).not.toMatch(SGR);
    });
  }

  describe.each(TERMINALS)('on $name', (term) => {
    const on = (args: string[], env: Record<string, string> = {}) =>
      startRuapi(args, { cwd: tempDir(), home: tempDir(), env: { ...term.env, ...env }, width: term.width, height: 60 });

    it('doctor asks for the set-up, spins through the live steps, offers the fix for a model typo, proves it, and says the typed values are not saved (exit 1)', async () => {
      const t = await on(['doctor']);
      const protocol = await answerSetup(t, sim.key, sim.openaiBaseUrl);
      expect(tooWide(protocol.split('\n'), term.width)).toEqual([]); // the choices and their tools fit
      await t.waitForText('Model id', 10_000);
      await t.type('gpt54-mini');
      const model = await t.waitForText('Not on the list: Enter uses it as typed.');
      expect(tooWide(model.split('\n'), term.width)).toEqual([]);
      await t.keys('Enter');
      await t.waitForText('instead of gpt54-mini? (Y/n)', 15_000);
      await t.keys('Enter');
      const screen = await expectSound(t, term, 1, { secret: sim.key });
      // Each answered prompt stays on one line of its own, however narrow the terminal.
      expect(screen).toMatch(/^✔ Which protocol does your tool use\? openai$/m);
      expect(screen).toMatch(new RegExp(`^✔ RuAPI key \\(hidden\\) \\*{12} ${sim.key.length} characters$`, 'm'));
      expect(screen).toMatch(/^✔ Model id \(type to filter\) gpt54-mini$/m);
      expect(screen).toMatch(/^✔ Use gpt-5.4-mini instead of gpt54-mini\? yes$/m);
      expect(tooWide(screen.split('\n').filter((l) => /^[?✔] /.test(l)), term.width)).toEqual([]);
      expect(screen).toMatch(/^✓ Model list .*\d+ ids from the gateway/m);
      // The spinner's line in the first run: on a narrow terminal its detail hangs under the label.
      expect(screen).toMatch(/^✗ Model [^\n]*(?:\n {2}[^\n]*)?gpt54-mini/m);
      expect(tooWide(screen.split('\n').filter((l) => /^[✓✗!-] /.test(l)), term.width)).toEqual([]);
      expect(screen).toContain('Checking again with the fix');
      expect(screen).toMatch(/^✓ Probe request/m); // the spinner's line in the second run
      expect(screen).toMatch(/\[config\/prompt-only\]/);
      expect(screen).toMatch(/^✗ 1 problem\.$/m);
    });

    it('doctor --demo runs both set-ups with spinners and says it ran as expected (exit 0)', async () => {
      const t = await on(['doctor', '--demo']);
      const screen = await expectSound(t, term, 0, { timeoutMs: 30_000 });
      expect(screen).toMatch(/^━━ Demo 1 of 2: a correct set-up ━━$/m);
      expect(screen).toMatch(/^━━ Demo 2 of 2: a typical broken set-up ━━$/m);
      expect(screen).toMatch(/^✓ Streaming/m);
      expect(screen).toContain('[live/404-url]');
      expect(screen).toMatch(/^✓ The demo ran as expected/m);
      expect(tooWide(screen.split('\n').filter((l) => l.startsWith('━━')), term.width)).toEqual([]);
    });

    it('report checks live with spinners and prints the support report, the key only as sk-…abcd (exit 0)', async () => {
      const t = await on(['report', '--model', 'gpt-5.4-mini'], { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl });
      const screen = await expectSound(t, term, 0, { secret: sim.key });
      expect(screen).toContain('Live checks, OpenAI-compatible protocol');
      expect(screen).toMatch(/^✓ Probe request/m);
      expect(screen).toContain(`sk-…${sim.key.slice(-4)}`);
      expect(screen).toContain('support@ruapi.ai');
      // Run by the Node under test (RUAPI_TEST_NODE), not necessarily vitest's.
      expect(screen).toContain(`| Node.js | ${execFileSync(NODE, ['-v'], { encoding: 'utf8' }).trim()} |`);
    });

    it('explain prints what a 429 means (exit 0), and says calmly when nothing matches (exit 1)', async () => {
      let t = await on(['explain', '429']);
      let screen = await expectSound(t, term, 0);
      expect(screen).toMatch(/^429 {2}Too many requests/m);
      expect(screen).toContain('What to do');
      await t.kill();
      // Plain words, no colour escapes expected or forbidden: only the exit code and no crash.
      t = await on(['explain', 'the weather is nice today']);
      const status = await t.waitForExit();
      screen = await t.capture();
      expect(screen).not.toMatch(CRASH);
      expect(status, screen).toBe(1);
    });
  });
});
