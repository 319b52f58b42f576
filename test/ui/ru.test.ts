import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { doctor, expectCleanFailure, KEY } from '../helpers/doctor.js';

/** The doctor's own flow off a terminal (usage errors, --fix, --report, the demo), in Russian and, for the same case, in English. */
const RU = { RUAPI_LANG: 'ru' };
const EN = { RUAPI_LANG: 'en' };
const fixFixture = (name: string): Buffer => readFileSync(path.join(ROOT, 'fixtures/fix', name));
const FIX_KEY = /sk-FIXTURE[A-Za-z0-9\u200b]+/.exec(fixFixture('dotenv/project.env').toString('utf8'))![0].replace('\u200b', '');

describe.concurrent('the doctor in Russian (src/lang/ru/ui.ts)', () => {
  it.each([
    [['--key', KEY, '--key-stdin'], '--key и --key-stdin оба задают ключ: оставьте один из них', '--key and --key-stdin both give a key: use one of them'],
    [['--yes'], '--yes работает только вместе с --fix (применить исправления без вопросов)', '--yes goes with --fix (apply the fixes without asking)'],
    [['--fix', '--demo'], '--fix и --demo делают разные вещи: оставьте что-то одно', '--fix and --demo do different things: use one'],
    [['--json', '--format', 'junit'], '--json и --format junit задают разный формат вывода: оставьте что-то одно', '--json and --format junit ask for different outputs: use one'],
    [['--demo', '--model', 'gpt-4o'], '--demo работает со своей настройкой и локальным симулятором: уберите --model', '--demo brings its own set-up and a local simulator: drop --model'],
    [['--client', 'claude-cod'], '--client claude-cod: такого клиента ruapi не знает. Может быть, claude-code? Известные ID: ', '--client claude-cod: not a client ruapi knows. Did you mean claude-code? The ids: '],
    [['--client', 'zzzzzzzzzz'], '--client zzzzzzzzzz: такого клиента ruapi не знает. Известные ID: ', '--client zzzzzzzzzz: not a client ruapi knows. The ids: '],
  ])('refuses %j with a Russian usage error (exit 2), and the English one is as before', async (args, ru, en) => {
    const [r, e] = await Promise.all([doctor(['doctor', ...args], { env: RU }), doctor(['doctor', ...args], { env: EN })]);
    expectCleanFailure(r, 2);
    expect(r.stderr).toContain(ru);
    expect(r.stderr).not.toContain(en);
    expectCleanFailure(e, 2);
    expect(e.stderr).toContain(en);
  });

  it('--fix without a terminal or --yes says in Russian that it changed nothing (exit 1)', async () => {
    const project = { '.env': fixFixture('dotenv/project.env') };
    const args = ['doctor', '--offline', '--ci', '--fix', '--model', 'gpt-5.4-mini'];
    const r = await doctor(args, { env: RU, project, secrets: [FIX_KEY] });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Не применено: --fix меняет файлы только после подтверждения в терминале или с --yes (ruapi doctor --fix --yes).');
    const e = await doctor(args, { env: EN, project, secrets: [FIX_KEY] });
    expect(e.stdout).toContain('Not applied: --fix changes files only after you confirm on a terminal, or with --yes (ruapi doctor --fix --yes).');
  });

  it('--fix --yes says in Russian what it fixed, where the backup is, and checks again', async () => {
    const project = { '.env': fixFixture('dotenv/project.env') };
    const args = ['doctor', '--offline', '--fix', '--yes', '--model', 'gpt-5.4-mini'];
    const [r, e] = await Promise.all([doctor(args, { env: RU, project, secrets: [FIX_KEY] }), doctor(args, { env: EN, project, secrets: [FIX_KEY] })]);
    expect(r.stdout).toMatch(/✓ Файл \.env исправлен: OPENAI_BASE_URL \(\S+ 5\)\. Резервная копия: \.env\.ruapi-backup-\d{8}-\d{6}/);
    expect(r.stdout).toContain('В резервной копии есть ваш ключ, как и в самом файле: удалите её, когда убедитесь, что всё в порядке, и никогда не коммитьте.');
    expect(r.stdout).toContain('Повторная проверка после исправления:');
    expect(r.stdout).not.toContain('Checking again after the fix:');
    expect(r.code).toBe(e.code);
    expect(e.stdout).toMatch(/✓ Fixed \.env: OPENAI_BASE_URL \(line 5\)\. Backup: \.env\.ruapi-backup-/);
    expect(e.stdout).toContain('Checking again after the fix:');
  });

  it('--report --output says in Russian where the support report went', async () => {
    const args = ['doctor', '--report', '--offline', '--output', 'support.md'];
    const env = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' };
    const [r, e] = await Promise.all([doctor(args, { env: { ...env, ...RU } }), doctor(args, { env: { ...env, ...EN } })]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toContain('Отчёт для поддержки записан в support.md: приложите его к письму на support@ruapi.ai.');
    expect(e.stdout + e.stderr).toContain('Support report written to support.md: attach it to your email to support@ruapi.ai.');
  });

  it('--demo narrates in Russian (exit 0), and in English as before', async () => {
    const [r, e] = await Promise.all([doctor(['doctor', '--demo'], { env: RU, timeoutMs: 30_000 }), doctor(['doctor', '--demo'], { env: EN, timeoutMs: 30_000 })]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^━━ Демо 1 из 2: правильная настройка ━━\nOpenAI-совместимая настройка, как она должна быть: все проверки проходят, пробный запрос и поток получают ответы\.$/m);
    expect(r.stdout).toMatch(/^Доктор читает этот \.env \(вашу собственную настройку — нет\) и обращается к локальной замене RuAPI на 127\.0\.0\.1:\d+:$/m);
    expect(r.stdout).toMatch(/^━━ Демо 2 из 2: типичная сломанная настройка ━━$/m);
    expect(r.stdout).toContain('✓ Демо прошло как задумано: первая настройка работает, а вторая показывает, о чём сообщает доктор и как это исправить.');
    expect(r.stdout).toContain('Дальше: запустите `ruapi doctor` в своём проекте (в терминале он спросит всё, чего не хватает).');
    expect(r.stdout).not.toMatch(/Demo \d of 2|The demo ran as expected/);
    expect(e.code).toBe(0);
    expect(e.stdout).toMatch(/^━━ Demo 1 of 2: a correct set-up ━━\nAn OpenAI-compatible set-up as it should be: every check passes, the probe and the stream get answers\.$/m);
    expect(e.stdout).toContain('✓ The demo ran as expected: the first set-up works, the second shows what the doctor reports and how to fix it.');
    expect(e.stdout).toContain('Next: run `ruapi doctor` in your project (on a terminal it asks for anything missing).');
  });

  it('--demo --json gives the same JSON in both languages but for the human titles', async () => {
    const [r, e] = await Promise.all([doctor(['doctor', '--demo', '--json'], { env: RU, timeoutMs: 30_000 }), doctor(['doctor', '--demo', '--json'], { env: EN, timeoutMs: 30_000 })]);
    type Demo = { asExpected: boolean; demo: Array<{ title: string; asExpected: boolean; result: { ok: boolean } }> };
    const ru = JSON.parse(r.stdout) as Demo;
    const en = JSON.parse(e.stdout) as Demo;
    expect(ru.demo.map((d) => d.title)).toEqual(['правильная настройка', 'типичная сломанная настройка']);
    expect(en.demo.map((d) => d.title)).toEqual(['a correct set-up', 'a typical broken set-up']);
    const shape = (j: Demo) => [j.asExpected, ...j.demo.map((d) => [d.asExpected, d.result.ok])];
    expect(shape(ru)).toEqual(shape(en));
    expect(shape(ru)).toEqual([true, [true, true], [true, false]]);
  });
});
