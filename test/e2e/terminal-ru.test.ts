import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { SGR, startRuapi, TMUX_MISSING, type TmuxSession } from '../helpers/tmux.js';

type SimModule = typeof import('../../src/simulate/server.js');
type Simulator = Awaited<ReturnType<SimModule['startSimulator']>>;

/** The doctor in Russian on a colour terminal 80 columns wide (TERM=xterm-256color, no NO_COLOR). */
const WIDTH = 80;
const CRASH = /internal error|is not a function|^\s+at .+:\d+:\d+\)?$|TypeError|ERR_USE_AFTER_CLOSE/m;
/** An ora frame anywhere on the screen: a spinner line that was not overwritten by its final line. */
const FRAME = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;
/** Lines wider than the terminal (every character printed here, Cyrillic included, is one column wide). */
const tooWide = (lines: string[]) => lines.filter((l) => [...l].length > WIDTH);
/** "51 символ", "52 символа", "55 символов". */
const chars = (n: number) => `${n} ${{ one: 'символ', few: 'символа', many: 'символов', other: 'символа' }[new Intl.PluralRules('ru').select(n) as 'one']}`;

/**
 * The report's area rows ("  ✓ Key       sk-…  (…)", "  ✓ OpenAI Python SDK  .env  ready"): in
 * each block under a heading, the column after the label starts at the same place.
 */
function valueColumns(screen: string): number[][] {
  const blocks: number[][] = [];
  let block: number[] = [];
  for (const line of screen.split('\n')) {
    if (/^\S/.test(line)) {
      if (block.length > 0) blocks.push(block);
      block = [];
      continue;
    }
    const row = /^ {2}[✓✗!–-] (.+?) {2,}(?=\S)/.exec(line);
    if (row && !/\[[a-z-]+\/[a-z0-9-]+\]/.test(line)) block.push([...row[0]].length);
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

async function ended(t: TmuxSession, code: number, timeoutMs = 20_000): Promise<string> {
  const status = await t.waitForExit(timeoutMs);
  const screen = await t.capture();
  expect(screen).not.toMatch(CRASH);
  expect(status, screen).toBe(code);
  expect(t.raw()).toMatch(SGR); // colour on, as on a user's terminal
  expect(screen).not.toMatch(FRAME);
  return screen;
}

describe.skipIf(TMUX_MISSING)(`ruapi in Russian on an 80-column colour terminal${TMUX_MISSING ? ` (skipped: ${TMUX_MISSING})` : ''}`, () => {
  let sim: Simulator;
  let slow: Simulator;
  beforeAll(async () => {
    const { startSimulator } = createRequire(import.meta.url)(path.join(ROOT, 'dist/sim.cjs')) as SimModule;
    sim = await startSimulator({ streamDelayMs: 5 });
    slow = await startSimulator({ fail: 'slow', slowMs: 60_000 });
  });
  afterAll(async () => {
    await sim?.close();
    await slow?.close();
  });
  const on = (args: string[], env: Record<string, string> = {}, project: Record<string, string | Buffer> = {}) =>
    startRuapi(args, { cwd: tempDir(project), home: tempDir(), env: { RUAPI_LANG: 'ru', ...env }, width: WIDTH, height: 60 });

  it('asks in Russian, spins through the live steps, offers the model fix, and every line fits 80 columns', async () => {
    const t = await on(['doctor']);
    const protocol = await t.waitForText('По какому протоколу работает ваш инструмент?');
    expect(protocol).toMatch(/^❯ openai {5}OpenAI SDK, LangChain, Cursor и многие другие$/m);
    expect(protocol).toMatch(/^↑↓ выбор • ⏎ ввод$/m);
    await t.keys('Enter');
    expect(await t.waitForText('Ключ RuAPI (ввод скрыт)')).toContain('вставьте его из раздела «Консоль → Токены»');
    await t.type(sim.key);
    await t.waitForText(chars(sim.key.length));
    await t.keys('Enter');
    expect(await t.waitForText('Базовый URL (должен заканчиваться на /v1)')).toContain('(https://www.ruapi.ai/v1)');
    await t.type(sim.openaiBaseUrl);
    await t.keys('Enter');
    await t.waitForText('ID модели (начните вводить для поиска)', 10_000);
    await t.type('gpt54-mini');
    const model = await t.waitForText('Нет в списке: Enter возьмёт ID как есть.');
    expect(model).toContain('• только точные ID');
    await t.keys('Enter');
    await t.waitForText('Использовать gpt-5.4-mini вместо gpt54-mini? (Y/n)', 15_000);
    await t.keys('Enter');
    const screen = await ended(t, 1);
    const lines = screen.split('\n');

    expect(screen).toMatch(/^✔ По какому протоколу работает ваш инструмент\? openai$/m);
    expect(screen).toMatch(new RegExp(`^✔ Ключ RuAPI \\(ввод скрыт\\) \\*{12} ${chars(sim.key.length)}$`, 'm'));
    expect(screen).toMatch(/^✔ ID модели \(начните вводить для поиска\) gpt54-mini$/m);
    expect(screen).toMatch(/^✓ Список моделей {2}\d+ мс: \d+ ID от шлюза$/m);
    expect(screen).toMatch(/^✔ Использовать gpt-5\.4-mini вместо gpt54-mini\? да$/m);
    expect(screen).toMatch(/^Повторная проверка с исправлением…$/m);
    // One heading per run, and each step's spinner line overwritten by its one final line.
    expect(lines.filter((l) => l === 'Проверка связи, OpenAI-совместимый протокол')).toHaveLength(2);
    expect(lines.filter((l) => /^[✓✗!] DNS\b/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^- .+: пропущено, /.test(l)).length).toBeGreaterThan(0);
    for (const english of ['Which protocol', 'RuAPI key (hidden)', 'Model id (type to filter)', 'Live checks,', 'Checking again', 'Model list', ': skipped']) expect(screen).not.toContain(english);
    expect(tooWide(lines)).toEqual([]);
    for (const block of valueColumns(screen)) expect(new Set(block).size, screen).toBe(1);
    expect(t.raw() + screen).not.toContain(sim.key.slice(3, 15));
  });

  it('marks the running step interrupted in Russian on Ctrl-C, with no spinner frame left (exit 130)', async () => {
    const t = await on(['doctor', '--model', 'gpt-5.4-mini'], { OPENAI_API_KEY: slow.key, OPENAI_BASE_URL: slow.openaiBaseUrl });
    // The probe spins once the steps before it have their final lines.
    await t.waitForText({ test: (s: string) => s.split('\n').filter((l) => /^[✓✗!] /.test(l)).length >= 5 && FRAME.test(s) } as RegExp, 15_000);
    expect(tooWide((await t.capture()).split('\n'))).toEqual([]); // the running line too
    await t.keys('C-c');
    const screen = await ended(t, 130, 5000);
    expect(screen).toMatch(/^✗ .+: прервано$/m);
    expect(screen).not.toContain('interrupted');
    expect(tooWide(screen.split('\n'))).toEqual([]);
  });

  it('--fix shows the diff and asks in Russian before it changes the file; then says what it fixed and checks again (exit 0)', async () => {
    const env = readFileSync(path.join(ROOT, 'fixtures/fix/dotenv/project.env'));
    const t = await on(['doctor', '--offline', '--fix', '--model', 'gpt-5.4-mini'], {}, { '.env': env });
    await t.waitForText('Применить это изменение к файлу .env? (Y/n)', 15_000);
    await t.type('y');
    const screen = await ended(t, 0);
    expect(screen).toMatch(/^✔ Применить это изменение к файлу \.env\? да$/m);
    expect(screen).toMatch(/^✓ Файл \.env исправлен: /m);
    expect(screen).toContain('Повторная проверка после исправления:');
    expect(screen).not.toMatch(/Apply this change|Fixed \.env|Checking again/);
  });

  it('asks in Russian before sending the key to a host that is not RuAPI; the safe answer is the default', async () => {
    const t = await on(['doctor', '--model', 'gpt-5.4-mini'], { OPENAI_API_KEY: sim.key, OPENAI_BASE_URL: 'https://gateway.example.invalid/v1' });
    const asked = await t.waitForText(/\(y\/N\)/, 15_000);
    // Wrapped at a space with its hanging indent (inquirer alone would cut the word at the edge).
    expect(asked.replace(/\n {2}/g, ' ')).toContain('? gateway.example.invalid не относится к RuAPI. Отправить туда ваш ключ, чтобы проверить его? (y/N)');
    expect(tooWide(asked.split('\n'))).toEqual([]);
    await t.keys('Enter');
    const status = await t.waitForExit(20_000);
    const screen = await t.capture();
    expect(screen).not.toMatch(CRASH);
    expect(screen.replace(/\n {2}/g, ' ')).toMatch(/^✔ gateway\.example\.invalid не относится к RuAPI\. Отправить туда ваш ключ, чтобы проверить его\? нет/m);
    expect(status).toBe(1);
  });

  it('doctor --demo narrates in Russian, its spinner lines and narration fit 80 columns (exit 0)', async () => {
    const t = await on(['doctor', '--demo']);
    const screen = await ended(t, 0, 30_000);
    expect(screen).toMatch(/^━━ Демо 1 из 2: правильная настройка ━━$/m);
    expect(screen).toMatch(/^━━ Демо 2 из 2: типичная сломанная настройка ━━$/m);
    expect(screen).toMatch(/^Доктор читает этот \.env \(вашу собственную настройку — нет\) и обращается к$/m);
    expect(screen).toContain('Проверка связи, протокол Anthropic');
    expect(screen).toMatch(/^✓ Демо прошло как задумано: первая настройка работает, а вторая показывает, о\n {2}чём сообщает доктор и как это исправить\.$/m);
    expect(screen).not.toMatch(/Demo \d of 2|The demo ran as expected|Live checks,/);
    const [first, second] = screen.split('━━ Демо 2 из 2');
    // The first demo has no code to copy: every line of it fits. Of the second, the narration and the spinner lines do.
    expect(tooWide(first!.split('\n'))).toEqual([]);
    const narration = second!.split('\n').filter((l) => /^(?:[✓✗!-] |Доктор|Claude Code или|локальной|базового|Живые|Дальше|чего)/.test(l));
    expect(narration.length).toBeGreaterThan(10);
    expect(tooWide(narration)).toEqual([]);
    for (const block of valueColumns(first!)) expect(new Set(block).size, first).toBe(1);
  });

  it('doctor --demo with RUAPI_LANG=en on the same terminal narrates in English as before', async () => {
    const t = await on(['doctor', '--demo'], { RUAPI_LANG: 'en' });
    const screen = await ended(t, 0, 30_000);
    expect(screen).toMatch(/^━━ Demo 1 of 2: a correct set-up ━━$/m);
    expect(screen).toContain('Live checks, OpenAI-compatible protocol');
    expect(screen).toMatch(/^✓ The demo ran as expected: the first set-up works, the second shows what the\n {2}doctor reports and how to fix it\.$/m);
    expect(screen).not.toContain('Демо');
  });
});
