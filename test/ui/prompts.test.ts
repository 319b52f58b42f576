import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { SGR, startNodeScript, stripSgr, TMUX_MISSING } from '../helpers/tmux.js';

const DRIVER = path.join(ROOT, 'test/helpers/tty-driver.mjs');
const KEY = 'sk-Zq7wTt3Lr9Kp2Vx8Ny4Mb6Hc1Jd5Fg0Ae3Rs7Uw9Io2Pk4Ql6';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

let chunk = '';

/** Runs one driver scenario on a real terminal (ended with the test); the answer lands in result.json. */
async function drive(scenario: string, env: Record<string, string> = {}) {
  const dir = tempDir();
  const session = await startNodeScript(DRIVER, [scenario], {
    cwd: dir,
    width: 80,
    height: 20,
    env: { RUAPI_UI_CHUNK: chunk, RESULT_FILE: path.join(dir, 'result.json'), ...env },
  });
  return Object.assign(session, {
    result: () => {
      const file = path.join(dir, 'result.json');
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
    },
  });
}

/** What a crash would print: no prompt may end like this. */
const STACK = /^\s+at .+\(.+:\d+:\d+\)|TypeError|Error:/m;

describe.skipIf(TMUX_MISSING)(`terminal prompts and spinners${TMUX_MISSING ? ` (skipped: ${TMUX_MISSING})` : ''}`, () => {
  beforeAll(() => {
    // A private copy: another test run rebuilding dist/ must not pull the chunk away mid-test.
    // The chunks it requires (shared ones such as chalk.cjs) come along.
    const dist = tempDir();
    cpSync(path.join(ROOT, 'dist'), dist, { recursive: true, filter: (src) => !src.endsWith(`${path.sep}ruapi`) }); // not the 80 MB binary
    chunk = path.join(dist, 'ui.cjs');
  });

  it('asks for the key with every character masked: the key never reaches the terminal, and comes back exactly as typed', async () => {
    const t = await drive('key');
    await t.waitForText('RuAPI key');
    await t.type(KEY);
    const typing = await t.waitForText(`${KEY.length} characters`);
    expect(typing).toContain('*');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ sha256: sha256(KEY), length: KEY.length });
    const everything = t.raw() + (await t.capture());
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(KEY.slice(3, 15));
    expect(everything).not.toContain(KEY.slice(-12));
  });

  it('refuses an empty key and asks again instead of going on without one', async () => {
    const t = await drive('key');
    await t.waitForText('RuAPI key');
    await t.keys('Enter');
    await t.waitForText('Paste the key');
    await t.type(KEY);
    await t.waitForText(`${KEY.length} characters`);
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toMatchObject({ sha256: sha256(KEY) });
  });

  for (const [scenario, waitFor, key] of [
    ['key', 'RuAPI key', 'C-c'],
    ['protocol', 'Which protocol', 'C-c'],
    ['base-url-openai', 'Base URL', 'C-c'],
    ['model', 'Model id', 'C-c'],
    ['confirm-fix', 'instead?', 'C-c'],
    ['confirm-host', 'not a RuAPI host', 'C-c'],
    ['key', 'RuAPI key', 'Escape'],
    ['protocol', 'Which protocol', 'Escape'],
    ['base-url-openai', 'Base URL', 'Escape'],
    ['model', 'Model id', 'Escape'],
    ['confirm-fix', 'instead?', 'Escape'],
    ['confirm-host', 'not a RuAPI host', 'Escape'],
  ] as const) {
    it(`exits with code 130 and no stack trace on ${key === 'C-c' ? 'Ctrl-C' : 'Esc'} at the ${scenario} prompt`, async () => {
      const t = await drive(scenario);
      await t.waitForText(waitFor);
      if (scenario === 'key') await t.type(KEY.slice(0, 10));
      await t.keys(key);
      expect(await t.waitForExit()).toBe(130);
      const screen = await t.capture();
      expect(screen).not.toMatch(STACK);
      expect(screen).not.toContain('driver: done');
      expect(t.raw()).not.toContain(KEY.slice(0, 10));
      expect(t.result()).toBeUndefined();
    });
  }

  it('names the tools that go with each protocol and returns the one picked', async () => {
    const t = await drive('protocol');
    const screen = await t.waitForText('Which protocol');
    expect(screen).toMatch(/openai\s+OpenAI SDK, LangChain, Cursor/);
    expect(screen).toMatch(/anthropic\s+Claude Code, Anthropic SDK/);
    await t.keys('Down');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ protocol: 'anthropic' });
  });

  it('offers https://www.ruapi.ai/v1 for openai and https://www.ruapi.ai for anthropic, Enter accepting it', async () => {
    for (const [protocol, url] of [['openai', 'https://www.ruapi.ai/v1'], ['anthropic', 'https://www.ruapi.ai']] as const) {
      const t = await drive(`base-url-${protocol}`);
      expect(await t.waitForText('Base URL')).toContain(url);
      await t.keys('Enter');
      expect(await t.waitForExit()).toBe(0);
      expect(t.result()).toEqual({ baseUrl: url });
      await t.kill();
    }
  });

  it('takes another base URL when the user types one', async () => {
    const t = await drive('base-url-anthropic');
    await t.waitForText('Base URL');
    await t.type('https://gw.example/api');
    await t.waitForText('gw.example/api');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ baseUrl: 'https://gw.example/api' });
  });

  it('filters the model list as the user types and returns the highlighted id', async () => {
    const t = await drive('model');
    await t.waitForText('Model id');
    await t.type('mini');
    const screen = await t.waitForText(/\(type to filter\) mini\n❯ gpt-4o-mini\n {2}gemini-3\.5-flash\n/); // the list drawn after the term
    expect(screen).toContain('gpt-4o-mini');
    expect(screen).not.toContain('claude-opus-4-8');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ model: 'gpt-4o-mini' });
  });

  it('puts the exact id first, so typing a full id and Enter picks that id, not a longer one', async () => {
    const t = await drive('model', { MODEL_IDS: JSON.stringify(['gpt-4o-mini', 'gpt-4o']) });
    await t.waitForText('Model id');
    await t.type('gpt-4o');
    await t.waitForText(/\(type to filter\) gpt-4o\n❯ gpt-4o\n/);
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ model: 'gpt-4o' });
  });

  it('starts on the model already configured when it is in the list', async () => {
    const t = await drive('model', { MODEL_INITIAL: 'claude-opus-4-8' });
    await t.waitForText('Model id');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ model: 'claude-opus-4-8' });
  });

  it('accepts an id that is not in the list as typed, even one with regular-expression characters', async () => {
    const t = await drive('model');
    await t.waitForText('Model id');
    await t.type('my-model(+[');
    await t.waitForText('Not on the list: Enter uses it as typed.');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ model: 'my-model(+[' });
    expect(await t.capture()).not.toMatch(STACK);
  });

  it('asks yes/no for a fix with yes as the default, and takes n for no', async () => {
    let t = await drive('confirm-fix');
    expect(await t.waitForText('Use gpt-4o-mini instead?')).toContain('(Y/n)');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ yes: true });
    await t.kill();
    t = await drive('confirm-fix');
    await t.waitForText('instead?');
    await t.type('n');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ yes: false });
  });

  it('does not send the key to a foreign host when the user just presses Enter', async () => {
    const t = await drive('confirm-host');
    expect(await t.waitForText('api.evil.example is not a RuAPI host')).toContain('(y/N)');
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ yes: false });
  });

  it('runs the whole set-up in the order the doctor asks, and the key stays off the terminal', async () => {
    const t = await drive('setup');
    await t.waitForText('Which protocol');
    await t.keys('Enter');
    await t.waitForText('RuAPI key');
    await t.type(KEY);
    await t.waitForText(`${KEY.length} characters`);
    await t.keys('Enter');
    expect(await t.waitForText('Base URL')).toContain('https://www.ruapi.ai/v1');
    await t.keys('Enter');
    await t.waitForText('Model id');
    await t.type('gpt-5');
    await t.waitForText(/\(type to filter\) gpt-5\n❯ gpt-5\n/);
    await t.keys('Enter');
    expect(await t.waitForExit()).toBe(0);
    expect(t.result()).toEqual({ protocol: 'openai', key: sha256(KEY), baseUrl: 'https://www.ruapi.ai/v1', model: 'gpt-5' });
    expect(t.raw() + (await t.capture())).not.toContain(KEY.slice(3, 15));
  });

  it('shows a spinner for each live step, resolving to ✓ or ✗ with its time, and skipped steps with their cause', async () => {
    const t = await drive('spinner');
    await t.waitForText('✓ DNS lookup');
    expect(await t.waitForExit()).toBe(0);
    const screen = await t.capture();
    expect(screen).toMatch(/✓ DNS lookup\s+12 ms/);
    // No ms given: no time shown. The spinner shows a step's own time, the one the report shows, and never times a step itself.
    expect(screen).toMatch(/✓ TCP connect(?!\s+\d+ ms)/);
    expect(screen).toMatch(/✗ Authentication\s+230 ms: the gateway answered 401/);
    expect(screen).toContain('- Model: skipped, blocked by Authentication');
    // spinner frames were drawn while steps ran
    expect(stripSgr(t.raw())).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] (DNS lookup|TCP connect)/);
    expect(t.raw()).toMatch(SGR); // in colour, as on a user's terminal
  });

  it('says what a slow step waits for, swallows stray keys, and on Ctrl-C marks the step interrupted and exits 130', async () => {
    const t = await drive('spinner', { STALL: '1' });
    await t.waitForText('Authentication: still waiting (2 s) for the response headers');
    await t.type('typed-while-waiting');
    await t.keys('C-c');
    expect(await t.waitForExit()).toBe(130);
    const screen = await t.capture();
    expect(screen).toContain('✗ Authentication: interrupted');
    expect(screen).not.toContain('typed-while-waiting');
    expect(screen).not.toMatch(STACK);
    expect(t.raw()).toMatch(/\u001b\[\?25h[^]*$/); // cursor shown again
  });
});
