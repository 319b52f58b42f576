import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commanderError } from '../../src/commands/help-text.js';
import { reportError, UsageError } from '../../src/core/exit.js';
import { RU } from '../../src/lang/ru/index.js';
import { useLanguage } from '../../src/lang/t.js';
import { BIN, NODE, ROOT, cleanEnv, runCli, tempDir } from '../helpers/cli.js';
import { withoutHumanText } from '../helpers/lang.js';

/**
 * The command line in Russian (#18): help, usage errors (ruapi's and commander's), the models list,
 * the simulator's banner and completion, chosen by --lang or RUAPI_LANG; each case also run in
 * English, which must say what it said before the Russian work (fixtures/golden/en/).
 */
const ru = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { RUAPI_LANG: 'ru', ...env } });
const en = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { RUAPI_LANG: 'en', ...env } });
const golden = (name: string) => readFileSync(path.join(ROOT, 'fixtures/golden/en', `${name}.txt`), 'utf8');
const CYRILLIC = /[а-яё]/i;

describe('help in Russian', () => {
  it("prints the overview with Russian headings, flags and examples, and the commands' syntax as it is", async () => {
    const r = await ru(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Использование: ruapi \[параметры\] \[команда\]\n\nВыясняет, почему запрос к RuAPI не проходит, и что нужно поменять\.\n\nПараметры:\n/);
    expect(r.stdout).toContain('  --lang <lang>                   язык вывода: en или ru (по умолчанию:');
    expect(r.stdout).toContain('\nКоманды:\n  explain [параметры] [input...]  объяснить код ошибки или вставленную ошибку,');
    expect(r.stdout).toContain('  $ ruapi explain 404                 что значит 404 от RuAPI и как это исправить');
    expect(r.stdout).toContain('Коды выхода: 0 — всё в порядке, 1 — найдена проблема или ничего не подошло,');
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|Examples:|display help/);
    // Wrapped to 80 columns, Cyrillic included.
    for (const line of r.stdout.split('\n').filter((l) => !l.startsWith('  $ '))) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("shows every command's own help in Russian: doctor's flags with their choices, explain's --lang", async () => {
    const doctor = await ru(['doctor', '--help']);
    expect(doctor.stdout).toContain('Использование: ruapi doctor [параметры]\n\nНаходит настройку RuAPI (флаги, переменные окружения, .env, настройки Claude');
    expect(doctor.stdout).toContain('--protocol <protocol>  какой протокол проверять (варианты: "openai",');
    expect(doctor.stdout).toContain('(можно повторять) (по умолчанию: [])');
    expect(doctor.stdout).toContain('  $ ruapi doctor --offline                       без сети, только настройка');
    const explain = await runCli(['explain', '--help', '--lang', 'ru'], { env: { RUAPI_LANG: 'en' } });
    expect(explain.stdout).toContain('Аргументы:\n  input          код, название ошибки, вставленный текст ошибки или «-» для');
    expect(explain.stdout).toContain('--lang <lang>  язык объяснения: en или ru (по умолчанию: RUAPI_LANG, затем');
    expect(explain.stdout).toContain('Примеры:\n  $ ruapi explain 401');
  });

  it('is English again with --lang en, or an English locale, whatever else the environment says', async () => {
    const flag = await runCli(['doctor', '--help', '--lang', 'en'], { env: { RUAPI_LANG: 'ru' } });
    const locale = await runCli(['doctor', '--help'], { env: { LANG: 'en_US.UTF-8' } });
    for (const r of [flag, locale]) {
      expect(r.stdout).toContain('Usage: ruapi doctor [options]');
      expect(r.stdout).not.toMatch(CYRILLIC);
    }
    expect((await en(['simulate', '--help'])).stdout).toBe((await runCli(['simulate', '--help'], { env: { LANG: 'C' } })).stdout);
  });

  it('speaks Russian from the locale too (LANG=ru_RU.UTF-8)', async () => {
    const r = await runCli(['models', '--help'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(r.stdout).toContain('Использование: ruapi models [параметры] [filter]');
    expect(r.stdout).toContain('только ID, в которых есть этот текст');
  });
});

describe('usage errors in Russian', () => {
  it.each([
    [['docter'], 'ruapi: неизвестная команда «docter»\n(Может быть, doctor?)\nСправка: ruapi --help\n', 'usage-unknown-command'],
    [['doctor', '--bogus'], 'ruapi: неизвестный параметр «--bogus»\nСправка: ruapi doctor --help\n', 'usage-unknown-option'],
    [['doctor', '--protocol', 'grpc'], 'ruapi: у параметра «--protocol <protocol>» недопустимое значение «grpc». Допустимые значения: openai, anthropic.\nСправка: ruapi doctor --help\n', 'usage-bad-protocol'],
    [['doctor', '--timeout', 'x'], 'ruapi: у параметра «--timeout <seconds>» недопустимое значение «x». Нужно число секунд больше 0 и не больше 3600, например 25 или 0.5.\nСправка: ruapi doctor --help\n', 'usage-bad-timeout'],
  ])('%j: %j, and in English as before', async (args, russian, name) => {
    const r = await ru(args);
    expect([r.code, r.stderr]).toEqual([2, russian]);
    const e = await en(args);
    expect(`exit ${e.code}\n--- stdout\n${e.stdout}\n--- stderr\n${e.stderr}`).toBe(golden(name));
  });

  it.each([
    [['models', 'a', 'b'], 'ruapi: слишком много аргументов для «models»: ожидался 1 аргумент, а передано 2.\nСправка: ruapi models --help\n'],
    [['doctor', '--model'], 'ruapi: у параметра «--model <id>» не указано значение\nСправка: ruapi doctor --help\n'],
    [['completion'], 'ruapi: не указан обязательный аргумент «shell»\nСправка: ruapi completion --help\n'],
    [['completion', 'tcsh'], 'ruapi: для shell «tcsh» автодополнения нет: выберите bash, zsh, fish.\nСправка: ruapi completion --help\n'],
    [['help', 'docto'], 'ruapi: неизвестная команда «docto»\n(Может быть, doctor?)\nСправка: ruapi --help\n'],
    [['explain', ''], 'ruapi: объяснять нечего: укажите код (ruapi explain 401) или текст ошибки.\nСправка: ruapi explain --help\n'],
    [['explain', '-'], 'ruapi: стандартный ввод пуст: передайте через него текст ошибки или укажите код (ruapi explain 401).\nСправка: ruapi explain --help\n'],
    [['simulate', '--port', 'abc'], 'ruapi: --port «abc» — не порт: укажите целое число от 1 до 65535 (или 0, чтобы получить свободный).\nСправка: ruapi simulate --help\n'],
    [['simulate', '--fail', '429:2'], 'ruapi: вероятность «2» в шаге «429:2» для --fail должна быть числом от 0 до 1, например 429:0.3\nСправка: ruapi simulate --help\n'],
  ])('%j says %j (exit 2)', async (args, russian) => {
    const r = await ru(args);
    expect([r.code, r.stderr]).toEqual([2, russian]);
  });

  it('keeps the English usage error and hint of the same lines', async () => {
    expect((await en(['models', 'a', 'b'])).stderr).toBe("ruapi: too many arguments for 'models'. Expected 1 argument but got 2.\nRun 'ruapi models --help' for usage.\n");
    expect((await en(['explain', ''])).stderr).toBe("ruapi: nothing to explain: give a code (ruapi explain 401) or the error text.\nRun 'ruapi explain --help' for usage.\n");
    expect((await en(['completion', 'tcsh'])).stderr).toBe("ruapi: no completion for shell 'tcsh': choose bash, zsh, fish.\nRun 'ruapi completion --help' for usage.\n");
  });

  it('says a bad --lang in English, as a usage error, whatever the locale, on every path', async () => {
    for (const args of [['--lang', 'de'], ['doctor', '--offline', '--lang', 'de'], ['explain', '404', '--lang=de'], ['models', '--lang', 'de']]) {
      const r = await ru(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^ruapi: --lang expects en or ru, not 'de'\nRun 'ruapi( \w+)? --help' for usage\.\n$/);
    }
  });
});

describe('commander\'s messages, rewritten in Russian', () => {
  afterEach(() => useLanguage('en'));
  it.each([
    ["error: unknown option '--jsno'\n(Did you mean --json?)\n", 'ruapi: неизвестный параметр «--jsno»\n(Может быть, --json?)\n'],
    ["error: unknown command 'rep'\n(Did you mean one of report, help?)\n", 'ruapi: неизвестная команда «rep»\n(Может быть, одна из этих: report, help?)\n'],
    ["error: too many arguments. Expected 0 arguments but got 5.\n", 'ruapi: слишком много аргументов: ожидалось 0 аргументов, а передано 5.\n'],
    ["error: too many arguments for 'doctor'. Expected 2 arguments but got 3.\n", 'ruapi: слишком много аргументов для «doctor»: ожидалось 2 аргумента, а передано 3.\n'],
    ['error: something commander says that ruapi has no words for\n', 'ruapi: something commander says that ruapi has no words for\n'],
  ])('%j → %j', (english, russian) => {
    expect(commanderError(english)).toBe(english.replace(/^error: /, 'ruapi: '));
    useLanguage('ru', RU);
    expect(commanderError(english)).toBe(russian);
  });
});

describe('ruapi models in Russian', () => {
  it('heads the list, marks each status and counts the hidden ids in Russian', async () => {
    const r = await ru(['models', 'claude']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID моделей с «claude», встроенный снимок от \d{4}-\d\d-\d\d, на \d{4}-\d\d-\d\d:\n/);
    expect(r.stdout).toMatch(/ claude-opus-4-8 +работает {2}docs\n/);
    expect(r.stdout).toMatch(/\n\d+ снят(ый ID не показан|ых ID не показаны): `ruapi models --retired` покажет/);
    expect(r.stdout).toContain('RuAPI принимает только точные ID; последнее слово за страницей цен на https://www.ruapi.ai.');
    const e = await en(['models', 'claude']);
    expect(e.stdout).toMatch(/^Model ids, bundled snapshot of \d{4}-\d\d-\d\d, as of \d{4}-\d\d-\d\d, containing "claude":\n/);
    expect(e.stdout).toMatch(/\n\d+ retired ids are not shown: `ruapi models --retired` lists them with their replacements\.\n/);
    expect(e.stdout).not.toMatch(CYRILLIC);
  });

  it('lists retired ids with their replacements, and says so when nothing matches', async () => {
    const retired = await ru(['models', 'claude-opus-4', '--retired']);
    expect(retired.stdout).toMatch(/^ID моделей с «claude-opus-4», снятые у провайдеров к \d{4}-\d\d-\d\d, — с них пора переходить:/);
    expect(retired.stdout).toMatch(/снят (\d{4}-\d\d-\d\d|\(дата не объявлена\))/);
    const none = await ru(['models', 'zzzq']);
    expect([none.code, none.stderr]).toEqual([1, expect.stringMatching(/^ruapi: во встроенном списке \(снимок от \d{4}-\d\d-\d\d\) нет ID модели с «zzzq»\.\n$/)]);
    // --json is the same in both languages but for its note, which a person reads.
    const json = [await ru(['models', 'claude', '--json']), await en(['models', 'claude', '--json'])].map((r) => JSON.parse(r.stdout) as { note: string });
    expect(json[0]!.note).toMatch(/^ID с отметкой docs названы в документации RuAPI/);
    expect(json[1]!.note).toMatch(/^Ids marked docs/);
    expect(withoutHumanText(json[0])).toEqual(withoutHumanText(json[1]));
  });
});

describe('ruapi simulate and completion in Russian', () => {
  it('prints the banner with each fault described in Russian, and its stop line', async () => {
    const home = tempDir();
    const child = spawn(NODE, ['--', BIN, 'simulate', '--lang', 'ru'], { cwd: home, env: cleanEnv(home), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${stdout}${stderr}`)), 10_000);
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        if (stdout.includes('только здесь.')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGINT');
    expect(await closed).toBe(0);
    expect(stdout).toMatch(/^ruapi simulate: локальная замена RuAPI на http:\/\/127\.0\.0\.1:\d+ \(Ctrl-C — остановить\)\n\n {2}Протокол OpenAI {5}базовый URL {2}http/);
    expect(stdout).toMatch(/\n {2}Ключ \(рабочий\) {19}sk-sim/);
    expect(stdout).toContain('Сбоев в этом запуске нет\n');
    expect(stdout).toMatch(/ 402 баланс исчерпан\n/);
    expect(stdout).toMatch(/ GET \/v1\/models отвечает 404; всё остальное работает\n/);
    expect(stderr).toBe('ruapi simulate: остановлен (SIGINT) после 0 запросов.\n');
  });

  it('writes the completion script with Russian descriptions, which the English run keeps English', async () => {
    const r = await ru(['completion', 'fish']);
    expect(r.stdout).toContain('# автодополнение ruapi для fish. Сохраните его как ~/.config/fish/completions/ruapi.fish');
    expect(r.stdout).toContain("-a doctor -d 'проверить настройку RuAPI перед первым запросом'");
    const e = await en(['completion', 'fish']);
    expect(e.stdout).toContain("-a doctor -d 'check your RuAPI set-up before a first request'");
    expect(e.stdout).not.toMatch(CYRILLIC);
  });
});

describe("ruapi's one-line errors in Russian", () => {
  afterEach(() => {
    useLanguage('en');
    vi.restoreAllMocks();
  });

  it('says an internal error and a usage error with their hints in the language of the run', () => {
    const said: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (said.push(String(s)), true));
    expect(reportError(new Error('boom\nmore'), false, 'doctor')).toBe(70);
    expect(reportError(new UsageError('bad'), false)).toBe(2);
    useLanguage('ru', RU);
    expect(reportError(new Error('boom\nmore'), false, 'doctor')).toBe(70);
    expect(reportError(new UsageError('плохо'), false, 'models')).toBe(2);
    expect(said.join('')).toBe(
      "ruapi: internal error: boom\nRun with --debug for details.\nruapi: bad\nRun 'ruapi --help' for usage.\n" +
        'ruapi: внутренняя ошибка: boom\nПодробности покажет запуск с --debug.\nruapi: плохо\nСправка: ruapi models --help\n',
    );
  });

  it('says that --output cannot be written in Russian, and in English as before', async () => {
    const args = ['doctor', '--offline', '--output', '/nonexistent/dir/x.txt'];
    expect((await ru(args)).stderr).toBe(
      'ruapi: --output /nonexistent/dir/x.txt: не удалось записать файл (ENOENT): проверьте, что его папка существует и доступна для записи\nСправка: ruapi doctor --help\n',
    );
    expect((await en(args)).stderr).toBe(
      "ruapi: --output /nonexistent/dir/x.txt: cannot write it (ENOENT): check that its folder exists and is writable\nRun 'ruapi doctor --help' for usage.\n",
    );
  });
});
