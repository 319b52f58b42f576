import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DoctorResult } from '../../src/core/result.js';
import { RU } from '../../src/lang/ru/index.js';
import { useLanguage } from '../../src/lang/t.js';
import { summaryLine, verdictLine } from '../../src/report/summary-line.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { KEY } from '../helpers/doctor.js';

/**
 * The report in Russian (#18): the human report, the verdict lines, the Markdown step summary,
 * JUnit, the GitHub annotations and `ruapi report`, through the built CLI, each beside the English
 * run of the same case (chosen explicitly), which keeps its words.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({});
});
afterAll(() => sim?.close());

const CYRILLIC = /[А-Яа-яЁё]/;
const MISSING_V1 = { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai' };
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!;

/** The same run in Russian and in English. */
async function both(args: string[], env: Record<string, string> = {}, input?: string) {
  const run = (lang: string) => runCli(args, { home: tempDir(), cwd: tempDir(), env: { ...env, RUAPI_LANG: lang }, ...(input ? { input } : {}), timeoutMs: 20_000 });
  const [ru, en] = await Promise.all([run('ru'), run('en')]);
  expect(ru.code).toBe(en.code);
  expect(en.stdout).not.toMatch(CYRILLIC);
  return { ru, en };
}

describe('the human report in Russian', () => {
  it('names the rows, the source and the fix, and counts the problem', async () => {
    const { ru, en } = await both(['doctor', '--offline'], MISSING_V1);
    expect(ru.code).toBe(1);
    expect(ru.stdout).toContain('Клиенты\n');
    expect(ru.stdout).toContain('OpenAI-совместимый протокол');
    expect(ru.stdout).toMatch(/ {2}✓ Ключ {9}sk-…rS4t .*похож на токен RuAPI \(работает ли он, скажет только шлюз\)/);
    expect(ru.stdout).toContain('  ✗ Базовый URL  https://www.ruapi.ai');
    expect(ru.stdout).toContain('  – Модель       не задана');
    expect(ru.stdout).toContain('  – Связь        пропущено (--offline)');
    expect(ru.stdout).toMatch(/\n {8}откуда: OPENAI_BASE_URL/);
    expect(ru.stdout).toContain('        что сделать:  export OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(ru.stdout).toContain('Исправленная настройка для каждого клиента (ключ здесь не записан: каждый клиент берёт его из указанной переменной)');
    expect(lastLine(ru.stdout)).toBe('✗ 1 проблема. Офлайн: в RuAPI ничего не отправлялось, так что ключ и модель в деле не проверены.');

    expect(en.stdout).toContain('OpenAI-compatible protocol');
    expect(en.stdout).toContain('  ✗ Base URL  https://www.ruapi.ai');
    expect(en.stdout).toContain('  – Model     not set');
    expect(en.stdout).toContain('        fix:  export OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(lastLine(en.stdout)).toBe('✗ 1 problem. Offline: nothing was sent to RuAPI, so the key and model are not proven to work.');
  });

  it('says a real request proved the set-up, against the test gateway', async () => {
    const args = ['doctor', '--key-stdin', '--protocol', 'openai', '--base-url', sim.openaiBaseUrl, '--model', 'gpt-5.4-mini', '--timeout', '3'];
    const { ru, en } = await both(args, {}, sim.key);
    expect(ru.code).toBe(0);
    expect(ru.stdout).toMatch(/ {2}✓ Связь {8}http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(ru.stdout).toMatch(/ {2}✓ Модель {7}gpt-5\.4-mini .*есть в списке моделей шлюза/);
    expect(ru.stdout).toMatch(/ {2}✓ Ключ .*шлюз его принял/);
    expect(lastLine(ru.stdout)).toBe('✓ Готово: настоящий запрос подтвердил ключ, модель и баланс.');
    expect(lastLine(en.stdout)).toBe('✓ Ready: a real request proved the key, the model and the balance.');
  });

  it('says what was not proven when the gateway rate-limits every try', async () => {
    const args = ['doctor', '--key-stdin', '--protocol', 'openai', '--base-url', sim.openaiBaseUrl, '--model', 'gpt-5.4-mini', '--timeout', '3'];
    const { ru, en } = await both(args, {}, sim.faultKeys['429']!);
    expect(lastLine(ru.stdout)).toMatch(/^! Не подтверждено \(1 предупреждение\): баланс — .+\. Повторите через минуту \(код выхода 75\)\.$/);
    expect(lastLine(en.stdout)).toMatch(/^! Unverified \(1 warning\): balance not proven: .+\. Try again in a minute \(exit code 75\)\.$/);
  });
});

describe('the machine formats in Russian', () => {
  it('writes the Markdown step summary', async () => {
    const { ru, en } = await both(['doctor', '--offline', '--format', 'markdown'], MISSING_V1);
    expect(ru.stdout).toMatch(/^### ruapi doctor: ✗ 1 проверка не пройдена\n/);
    expect(ru.stdout).toContain('- протокол `openai` · базовый URL `https://www.ruapi.ai` · модель не задана · ключ из ');
    expect(ru.stdout).toContain('| | Проверка | Результат | Что сделать |');
    expect(ru.stdout).toMatch(/<summary>\d+ (проверка пройдена|проверки пройдены|проверок пройдено)<\/summary>/);
    expect(en.stdout).toMatch(/^### ruapi doctor: ✗ 1 failed check\n/);
    expect(en.stdout).toContain('| | Check | Result | Fix |');
  });

  it('writes JUnit messages, with the test names kept as check ids', async () => {
    const { ru, en } = await both(['doctor', '--offline', '--format', 'junit'], MISSING_V1);
    expect(ru.stdout).toContain('Что сделать: export OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(ru.stdout).toContain('Откуда: OPENAI_BASE_URL');
    expect(en.stdout).toContain('Fix: export OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    const names = (xml: string) => [...xml.matchAll(/<testcase classname="([^"]+)" name="([\w/-]+):/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(names(ru.stdout)).toEqual(names(en.stdout));
    expect(names(ru.stdout)).toContain('ruapi.doctor.openai base-url/missing-v1');
  });

  it('writes the GitHub annotations and the step summary', async () => {
    const run = async (lang: string) => {
      const cwd = tempDir();
      const summary = path.join(cwd, 'summary.md');
      const r = await runCli(['doctor', '--offline'], { cwd, home: tempDir(), env: { ...MISSING_V1, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, RUAPI_LANG: lang } });
      return { ...r, summary: readFileSync(summary, 'utf8') };
    };
    const [ru, en] = await Promise.all([run('ru'), run('en')]);
    expect(ru.stdout).toMatch(/::error title=ruapi base-url\/missing-v1%3A [^:]+::.*%0AОткуда: OPENAI_BASE_URL.*%0AЧто сделать: export OPENAI_BASE_URL=https/);
    expect(ru.summary).toMatch(/^### ruapi doctor: ✗ 1 проверка не пройдена/);
    expect(en.stdout).toMatch(/%0AFix: export OPENAI_BASE_URL=https/);
    expect(en.summary).toMatch(/^### ruapi doctor: ✗ 1 failed check/);
  });

  it('writes the support report; its JSON\'s sentences follow the language too', async () => {
    const { ru, en } = await both(['report', '--offline'], MISSING_V1);
    expect(ru.stdout).toContain('## Отчёт для поддержки RuAPI');
    expect(ru.stdout).toContain('Создан командой `ruapi report`, чтобы отправить на support@ruapi.ai.');
    expect(ru.stdout).toMatch(/\| результат \| problems: 1 проблема \|/);
    expect(ru.stdout).toContain('### Конфигурация (openai)');
    expect(ru.stdout).toContain('### Что найдено (1 проблема)');
    expect(ru.stdout).toContain('«Консоль → Журналы»');
    expect(en.stdout).toContain('## RuAPI support report');
    expect(en.stdout).toContain('### Findings (1 problem)');

    const json = await runCli(['report', '--offline', '--json'], { home: tempDir(), cwd: tempDir(), env: { ...MISSING_V1, RUAPI_LANG: 'ru' } });
    const data = JSON.parse(json.stdout) as { summary: string; reminder: string };
    expect(data.summary).toBe('1 проблема');
    expect(data.reminder).toMatch(/«Консоль → Журналы»/);
  });
});

describe('the counts and the verdict line, in Russian plural forms', () => {
  afterEach(() => useLanguage('en'));

  it('counts problems and warnings as Russian does', () => {
    useLanguage('ru', RU);
    expect(summaryLine({ errors: 1, warnings: 0 })).toBe('1 проблема.');
    expect(summaryLine({ errors: 2, warnings: 5 })).toBe('2 проблемы, 5 предупреждений.');
    expect(summaryLine({ errors: 0, warnings: 21 })).toBe('Проблем нет, 21 предупреждение.');
    expect(summaryLine({ errors: 0, warnings: 0 })).toBe('Проблем не найдено.');
    useLanguage('en');
    expect(summaryLine({ errors: 2, warnings: 5 })).toBe('2 problems, 5 warnings.');
    expect(summaryLine({ errors: 0, warnings: 1 })).toBe('No problems, 1 warning.');
  });

  it('lists what was not proven, and why', () => {
    const result = {
      verdict: 'unverified',
      findings: [{ id: 'live/429', severity: 'warning', title: 'Rate limited', message: '' }],
      configs: [],
      unverified: [
        { protocol: 'openai', step: 'model', kind: 'chosen', reason: 'Not checked: --no-probe' },
        { protocol: 'openai', step: 'balance', kind: 'chosen', reason: 'Not checked: --no-probe' },
      ],
    } as unknown as DoctorResult;
    useLanguage('ru', RU);
    expect(verdictLine(result, {}).text).toBe('Не подтверждено (1 предупреждение): модель и баланс — not checked: --no-probe. Уберите --no-probe, чтобы проверить их одним крошечным запросом.');
    useLanguage('en');
    expect(verdictLine(result, {}).text).toBe('Unverified (1 warning): model and balance not proven: not checked: --no-probe. Drop --no-probe to prove them with one tiny request.');
  });
});
