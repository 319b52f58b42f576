import { existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { refusedPort } from '../helpers/proxy.js';
import { startRuapi, TMUX_MISSING, type TmuxSession, answerSetup } from '../helpers/tmux.js';

type SimModule = typeof import('../../src/simulate/server.js');
type Simulator = Awaited<ReturnType<SimModule['startSimulator']>>;

/** What a crash would print: no run may end like this. */
const STACK = /^\s+at .+\(.+:\d+:\d+\)|TypeError|internal error|ERR_USE_AFTER_CLOSE/m;

/** The live chain's step labels (src/live), as the spinner and the report print them. */
const STEP_LABELS = ['DNS', 'TCP connect', 'HTTP answer', 'Key', 'Model', 'Balance', 'Probe request'];

/** Lines that show a live step: the spinner's (no indent) or the report's (six spaces); area rows have two. */
const stepLines = (screen: string, label: string) => screen.split('\n').filter((l) => new RegExp(`^(?: {6})?[✓✗!\\-–] ${label}(?=[: ]|$)`).test(l));

/** Every file under a folder, recursively (the temp HOME and project). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** `ruapi doctor ...args` on a real terminal, in a fresh project and home folder (not the tmux folder). */
async function doctorOnTerminal(args: string[], opts: { env?: Record<string, string>; project?: Record<string, string>; home?: Record<string, string>; setup?: (cwd: string) => void } = {}) {
  const cwd = tempDir(opts.project ?? {});
  const home = tempDir(opts.home ?? {});
  opts.setup?.(cwd);
  const session = await startRuapi(['doctor', ...args], { cwd, home, env: opts.env ?? {}, width: 120, height: 50 });
  return Object.assign(session, { home });
}

describe.skipIf(TMUX_MISSING)(`ruapi doctor on a terminal${TMUX_MISSING ? ` (skipped: ${TMUX_MISSING})` : ''}`, () => {
  let sim: Simulator;
  let slow: Simulator;
  beforeAll(async () => {
    const { startSimulator } = createRequire(import.meta.url)(path.join(ROOT, 'dist/sim.cjs')) as SimModule;
    sim = await startSimulator();
    slow = await startSimulator({ fail: 'slow', slowMs: 60_000 });
  });
  afterAll(async () => {
    await sim?.close();
    await slow?.close();
  });

  it('asks for the protocol, the hidden key, the base URL and the model when nothing is configured; the key is never on screen nor in any file', async () => {
    const t = await doctorOnTerminal([]);
    await t.waitForText('Which protocol');
    await t.keys('Enter'); // openai
    await t.waitForText('RuAPI key');
    await t.type(sim.key);
    await t.waitForText(`${sim.key.length} characters`);
    await t.keys('Enter');
    expect(await t.waitForText('Base URL')).toContain('https://www.ruapi.ai/v1');
    await t.type(sim.openaiBaseUrl);
    await t.keys('Enter');
    await t.waitForText('Model id', 10_000);
    await t.type('gpt-5.4-mini');
    await t.waitForText(/\(type to filter\) gpt-5.4-mini\n❯ gpt-5.4-mini\n/);
    await t.keys('Enter');
    // The typed values worked, but only this run has them: the user's own tools would still fail.
    expect(await t.waitForExit(20_000)).toBe(1);
    const screen = await t.capture();
    expect(screen).toMatch(/✓ Model list .*: \d+ ids from the gateway/);
    expect(screen).toContain('Live checks, OpenAI-compatible protocol');
    expect(screen).toMatch(/^✓ Probe request/m); // the spinner's line, on stderr
    expect(screen.match(/✓ Probe request/g)).toHaveLength(1); // not repeated in the report below it
    expect(screen).toMatch(/Key {7}sk-…\w{4} {2}\(typed at the prompt\) {2}accepted by the gateway/);
    expect(screen).toMatch(/✗ The key, base URL and model given at the prompt were used for this run only {2}\[config\/prompt-only\]/);
    expect(screen).toMatch(/The base URL: set OPENAI_BASE_URL: OPENAI_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/v1\./);
    expect(screen).toMatch(/^✗ 1 problem\.$/m);
    expect(screen).not.toMatch(STACK);
    const everything = t.raw() + screen;
    expect(everything).not.toContain(sim.key);
    expect(everything).not.toContain(sim.key.slice(3, 15));
    expect(everything).not.toContain(sim.key.slice(-12));
    for (const file of [...filesUnder(t.cwd), ...filesUnder(t.home)]) expect(readFileSync(file, 'utf8'), file).not.toContain(sim.key.slice(3, 15));
  });

  it('offers the likely model for a typo ("Use gpt-5.4-mini instead …? (Y/n)"); the run with it proves the model, and says the flag still holds the typo', async () => {
    const t = await doctorOnTerminal(['--model', 'gpt54-mini'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl } });
    const asked = await t.waitForText('instead of gpt54-mini?', 15_000);
    expect(asked).toMatch(/✗ The gateway does not know the model "gpt54-mini"\n.*Use gpt-5.4-mini instead of gpt54-mini\? \(Y\/n\)/);
    await t.keys('Enter');
    expect(await t.waitForExit(20_000)).toBe(1);
    const screen = await t.capture();
    expect(screen).toContain('Checking again with the fix');
    expect(screen).toMatch(/Model {5}gpt-5.4-mini {2}\(--model on the command line, corrected at the prompt for this run\)/);
    expect(screen).toMatch(/✓ Probe request/);
    expect(screen).toMatch(/The model: change the --model argument: --model gpt-5.4-mini\./);
    expect(screen).toMatch(/^✗ 1 problem\.$/m);
    expect(t.raw()).not.toContain(sim.key.slice(3, 15));
  });

  it('reports the problem as it is when the offered fix is declined', async () => {
    const t = await doctorOnTerminal(['--model', 'gpt54-mini'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl } });
    await t.waitForText('instead of gpt54-mini?', 15_000);
    await t.type('n');
    expect(await t.waitForExit(20_000)).toBe(1);
    const screen = await t.capture();
    expect(screen).not.toContain('Checking again');
    expect(screen).toContain('[live/404-model]');
    expect(screen).not.toContain('[model/unknown]'); // one finding for one problem: the gateway's
  });

  it('exits 130 with no stack trace on Ctrl-C at a prompt', async () => {
    const t = await doctorOnTerminal([]);
    await t.waitForText('Which protocol');
    await t.keys('Enter');
    await t.waitForText('RuAPI key');
    await t.type(sim.key.slice(0, 12));
    await t.keys('C-c');
    expect(await t.waitForExit()).toBe(130);
    const screen = await t.capture();
    expect(screen).not.toMatch(STACK);
    expect(t.raw()).not.toContain(sim.key.slice(0, 12));
  });

  it('ends at once with 130 on Ctrl-C while a live step waits for a slow gateway', async () => {
    const t = await doctorOnTerminal(['--model', 'gpt-5.4-mini'], { env: { OPENAI_API_KEY: slow.key, OPENAI_BASE_URL: slow.openaiBaseUrl } });
    await t.waitForText(/Probe request.*waiting for/, 15_000);
    const pressed = Date.now();
    await t.keys('C-c');
    expect(await t.waitForExit(5000)).toBe(130);
    expect(Date.now() - pressed).toBeLessThan(5000); // not the 25 s time limit
    const screen = await t.capture();
    expect(screen).toMatch(/✗ Probe request: interrupted/);
    expect(stepLines(screen, 'Probe request')).toHaveLength(1); // not followed by the aborted request's own failure
    expect(screen).not.toContain('Balance');
    expect(screen).not.toMatch(STACK);
  });

  it('ends at once with 130 on Ctrl-C during a live step that follows the prompts (stdin was paused by the last prompt)', async () => {
    const t = await doctorOnTerminal(['--model', 'gpt-5.4-mini']);
    await answerSetup(t, slow.key, slow.openaiBaseUrl);
    await t.waitForText(/Probe request.*waiting for/, 15_000);
    await t.keys('C-c');
    expect(await t.waitForExit(5000)).toBe(130);
    const screen = await t.capture();
    expect(screen).toMatch(/✗ Probe request: interrupted/);
    expect(screen).not.toMatch(STACK);
    expect(t.raw()).not.toContain(slow.key.slice(3, 15));
  });

  /** The doctor's prompts in the order it asks, each with the answer that leads to the next. */
  const SETUP: Array<{ prompt: string; shows: string; answer: (t: TmuxSession) => Promise<void> }> = [
    { prompt: 'protocol', shows: 'Which protocol', answer: (t) => t.keys('Enter') },
    {
      prompt: 'key',
      shows: 'RuAPI key',
      answer: async (t) => {
        await t.type(sim.key);
        await t.waitForText(`${sim.key.length} characters`);
        await t.keys('Enter');
      },
    },
    { prompt: 'base URL', shows: 'Base URL', answer: async (t) => (await t.type(sim.openaiBaseUrl), t.keys('Enter')) },
    { prompt: 'model', shows: 'Model id', answer: (t) => t.keys('Enter') },
  ];

  for (const [i, { prompt, shows }] of SETUP.entries()) {
    it(`exits 130 with no stack trace on Ctrl-C at the ${prompt} prompt`, async () => {
      const t = await doctorOnTerminal([]);
      for (const before of SETUP.slice(0, i)) {
        await t.waitForText(before.shows, 10_000);
        await before.answer(t);
      }
      await t.waitForText(new RegExp(`^\\? ${shows}`, 'm'), 10_000); // the prompt itself, still open
      await t.keys('C-c');
      expect(await t.waitForExit()).toBe(130);
      const screen = await t.capture();
      expect(screen).not.toMatch(STACK);
      expect(screen).not.toContain('problem'); // it stopped: no report
      expect(t.raw()).not.toContain(sim.key.slice(3, 15));
    });
  }

  it('exits 130 with no stack trace on Ctrl-C at an offered fix', async () => {
    const t = await doctorOnTerminal(['--model', 'gpt54-mini'], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl } });
    await t.waitForText('instead of gpt54-mini?', 15_000);
    await t.keys('C-c');
    expect(await t.waitForExit()).toBe(130);
    const screen = await t.capture();
    expect(screen).not.toMatch(STACK);
    expect(screen).not.toContain('Checking again');
  });

  it('lists each live step once on a terminal (the spinner lines), not again in the report; piped, the report lists them', async () => {
    const env = { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: sim.openaiBaseUrl };
    const t = await doctorOnTerminal(['--model', 'gpt54-mini'], { env });
    await t.waitForText('instead of gpt54-mini?', 15_000);
    await t.type('n');
    expect(await t.waitForExit(20_000)).toBe(1);
    const screen = await t.capture();
    for (const label of STEP_LABELS) expect(stepLines(screen, label), label).toHaveLength(1);
    expect(stepLines(screen, 'Balance')[0]).toMatch(/^- Balance: skipped, blocked by Model$/); // the spinner's line
    expect(screen).toMatch(/^ {2}✗ Live {6}http:\/\/127\.0\.0\.1:\d+\/v1/m); // the report keeps the Live row
    expect(screen).toContain('[live/404-model]'); // and the finding
    expect(screen).toMatch(/^✗ 1 problem\.$/m);

    const piped = await runCli(['doctor', '--model', 'gpt54-mini'], { env });
    expect(piped.code).toBe(1);
    for (const label of STEP_LABELS) expect(stepLines(piped.stdout, label), label).toHaveLength(1);
    expect(piped.stdout).toMatch(/^ {6}– Balance +skipped: blocked by Model$/m);
  });

  it('--fix shows the diff and asks first: n leaves the file alone, y writes it with a backup', async () => {
    const env = `# project\nOPENAI_API_KEY=${sim.key}\nOPENAI_BASE_URL=${sim.url}\n`;
    let t = await doctorOnTerminal(['--fix', '--offline', '--model', 'gpt-5.4-mini'], { project: { '.env': env } });
    expect(await t.waitForText('Apply this change to .env?')).toContain(`+OPENAI_BASE_URL=${sim.url}/v1`);
    await t.type('n');
    expect(await t.waitForExit()).toBe(1);
    expect(readFileSync(path.join(t.cwd, '.env'), 'utf8')).toBe(env);
    expect(await t.capture()).toContain('Not applied: .env is unchanged.');
    await t.kill();

    t = await doctorOnTerminal(['--fix', '--offline', '--model', 'gpt-5.4-mini'], { project: { '.env': env } });
    await t.waitForText('Apply this change to .env?');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(readFileSync(path.join(t.cwd, '.env'), 'utf8')).toBe(env.replace(sim.url, `${sim.url}/v1`));
    expect(readdirSync(t.cwd).filter((f) => f.startsWith('.env.ruapi-backup-'))).toHaveLength(1);
    const screen = await t.capture();
    expect(screen).toMatch(/✓ Fixed \.env: OPENAI_BASE_URL \(line 3\)/);
    expect(screen).not.toContain(sim.key.slice(3, 15));
  });

  it('--fix on a terminal names the file a symlinked .env leads to, even outside the project, and writes it once confirmed', async () => {
    const env = `OPENAI_API_KEY=${sim.key}\nOPENAI_BASE_URL=${sim.url}\n`;
    const elsewhere = tempDir({ 'shared.env': env });
    const shared = path.join(elsewhere, 'shared.env');
    const t = await doctorOnTerminal(['--fix', '--offline', '--model', 'gpt-5.4-mini'], { setup: (cwd) => symlinkSync(shared, path.join(cwd, '.env')) });
    expect(await t.waitForText(`Apply this change to .env (→ ${shared})?`)).toContain(`--- .env (→ ${shared})`);
    await t.type('y');
    expect(await t.waitForExit()).toBe(0);
    expect(readFileSync(shared, 'utf8')).toBe(env.replace(sim.url, `${sim.url}/v1`));
    expect(lstatSync(path.join(t.cwd, '.env')).isSymbolicLink()).toBe(true);
    expect(await t.capture()).toContain(`✓ Fixed .env (→ ${shared}): OPENAI_BASE_URL (line 2)`);
  });

  it('when the model list cannot be fetched, the spinner says why (a refused connection), not that the gateway gave none', async () => {
    const port = await refusedPort();
    const t = await doctorOnTerminal([], { env: { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1` } });
    await t.waitForText('Model id', 10_000);
    const screen = await t.capture();
    expect(screen).toMatch(new RegExp(`! Model list .*no list \\(127\\.0\\.0\\.1:${port} refused the connection\\), so the bundled list is offered`));
    expect(screen).not.toContain('gave none');
    await t.kill();
  });

  it("asks before running Claude Code's apiKeyHelper: no runs nothing, yes checks the key it prints, which never shows", async () => {
    const dir = tempDir();
    const marker = path.join(dir, 'ran');
    const helper = path.join(dir, 'key.sh');
    writeFileSync(helper, `touch '${marker}'\necho '${sim.key}'\n`);
    const settings = JSON.stringify({ apiKeyHelper: `/bin/sh ${helper}`, env: { ANTHROPIC_BASE_URL: sim.anthropicBaseUrl, ANTHROPIC_MODEL: 'claude-sonnet-4-6' } });
    const ask = /Claude Code gets its key by running `\/bin\/sh .*key\.sh`\. Run it to check that key\?/;
    let t = await doctorOnTerminal(['--client', 'claude-code'], { home: { '.claude/settings.json': settings } });
    expect(await t.waitForText('Run it to check that key?')).toMatch(ask);
    await t.keys('Enter'); // the default is no
    await t.waitForExit(15_000);
    expect(existsSync(marker)).toBe(false);
    expect(await t.capture()).toContain('apiKeyHelper): not run');
    await t.kill();

    t = await doctorOnTerminal(['--client', 'claude-code'], { home: { '.claude/settings.json': settings } });
    await t.waitForText('Run it to check that key?');
    await t.type('y');
    expect(await t.waitForExit(15_000)).toBe(0);
    expect(existsSync(marker)).toBe(true);
    const screen = await t.capture();
    expect(screen).toMatch(/✓ Claude Code +~\/\.claude\/settings\.json.* ready/);
    expect(screen).not.toContain(sim.key.slice(3, 15));
    await t.kill();
  });

  it('asks nothing with --ci, even on a terminal', async () => {
    const t = await doctorOnTerminal(['--ci', '--offline']);
    expect(await t.waitForExit()).toBe(1);
    const screen = await t.capture();
    expect(screen).not.toContain('Which protocol');
    expect(screen).toContain('[key/missing]');
  });
});

