import { afterEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.js';
import { judgeModelId, type ModelIdInput } from '../../src/checks/model/judge.js';
import { shorten } from '../../src/checks/text.js';
import { orList } from '../../src/core/text.js';
import type { TargetConfig } from '../../src/config/types.js';
import type { DoctorResult } from '../../src/core/result.js';
import { RU } from '../../src/lang/ru/index.js';
import { useLanguage } from '../../src/lang/t.js';
import { BUNDLED_MODELS } from '../../src/models/bundled.js';
import { doctor, KEY } from '../helpers/doctor.js';
import { withoutHumanText } from '../helpers/lang.js';

/**
 * The offline checks in Russian: the doctor's findings and the passing checks' labels, through
 * the built CLI and through the checks themselves, beside the English run of the same case.
 */
const ru = { RUAPI_LANG: 'ru' };
const en = { RUAPI_LANG: 'en' };

/** A result without its human text and its times: what scripts read, the same in both languages. */
const withoutText = (r: DoctorResult | undefined): unknown => withoutHumanText(JSON.parse(JSON.stringify(r, (key, value: unknown) => (['ms', 'version'].includes(key) ? undefined : value))));

describe('the offline checks in Russian, through the CLI', () => {
  const bearerAnthropic = { '.env': 'OPENAI_API_KEY="Bearer sk-ant-api03-abcdefghijklmnopqrstuvwxyz12"\nOPENAI_BASE_URL=https://www.ruapi.ai\n' };

  it('says what is wrong with a pasted "Bearer", an Anthropic key and a base URL without /v1, in Russian; --json keeps every id, severity and source', async () => {
    const [r, e] = await Promise.all([
      doctor(['doctor', '--offline', '--json', '--model', 'gpt-4o-mni'], { project: bearerAnthropic, env: ru }),
      doctor(['doctor', '--offline', '--json', '--model', 'gpt-4o-mni'], { project: bearerAnthropic, env: en }),
    ]);
    const byId = (id: string) => r.json!.findings.find((f) => f.id === id)!;
    expect(byId('key/bearer-prefix').title).toBe('Перед ключом вставлено «Bearer»');
    expect(byId('key/bearer-prefix').message).toBe('Клиент сам добавляет имя заголовка и «Bearer», поэтому RuAPI получает «Authorization: Bearer Bearer sk-…» и отвечает 401.');
    expect(byId('key/bearer-prefix').fix).toMatch(/^Оставьте только сам ключ, sk-ant-…yz12, без «Bearer»: исправьте /);
    expect(byId('key/anthropic-key').message).toMatch(/^Это ключ API Anthropic \(sk-ant-…\): такой ключ принимает только API самой Anthropic/);
    expect(byId('base-url/missing-v1').title).toBe('В базовом URL нет /v1');
    expect(byId('base-url/missing-v1').message).toContain('поэтому запросы уйдут на https://www.ruapi.ai/chat/completions, а не на https://www.ruapi.ai/v1/chat/completions, и получат 404.');
    expect(byId('model/unknown').title).toBe('Неизвестный ID модели: может быть, gpt-4o-mini?');
    expect(byId('model/unknown').message).toMatch(/^gpt-4o-mni нет во встроенном списке из \d+ ID \(снимок от \d{4}-\d\d-\d\d; его выводит `ruapi models`\)\./);
    expect(byId('model/unknown').fix).toMatch(/^--model gpt-4o-mini {3}\(или: /);

    const eById = (id: string) => e.json!.findings.find((f) => f.id === id)!;
    expect(eById('key/bearer-prefix').title).toBe('"Bearer" was pasted in front of the key');
    expect(eById('base-url/missing-v1').message).toMatch(/^OpenAI-compatible clients add \/chat\/completions to the base URL/);
    expect(eById('model/unknown').title).toBe('Unknown model id: did you mean gpt-4o-mini?');
    expect(withoutText(r.json)).toEqual(withoutText(e.json));
    expect(r.code).toBe(e.code);
  });

  it('names the missing key and base URL in Russian, with the console page by its Russian name', async () => {
    const r = await doctor(['doctor', '--offline', '--protocol', 'openai'], { env: ru });
    expect(r.stdout).toContain('Ключ не найден');
    expect(r.stdout).toContain('и --key не передан. Без ключа каждый запрос получит отказ 401.');
    expect(r.stdout).toContain('OPENAI_API_KEY=<ваш токен RuAPI из раздела «Консоль → Токены»>');
    expect(r.stdout).toContain('Базовый URL не задан: запросы уйдут в OpenAI, а не в RuAPI');
    expect(r.stdout).toContain('Базовый URL не задан: OpenAI-совместимые SDK отправят каждый запрос');
    expect(r.stdout).not.toContain('No key found');
    const e = await doctor(['doctor', '--offline', '--protocol', 'openai'], { env: en });
    expect(e.stdout).toContain('No key found');
    expect(e.stdout).toContain('No base URL: requests would go to OpenAI, not RuAPI');
  });

  it('describes a Cyrillic look-alike in the key and an Anthropic base URL ending in /v1, and labels the passing checks in Russian (--verbose)', async () => {
    const project = { '.env': `ANTHROPIC_API_KEY=${KEY.slice(0, 25)}В${KEY.slice(26)}\nANTHROPIC_BASE_URL=https://www.ruapi.ai/v1\n` };
    const r = await doctor(['doctor', '--offline', '--verbose', '--protocol', 'anthropic'], { project, env: ru, secrets: [`${KEY.slice(0, 25)}В${KEY.slice(26)}`] });
    expect(r.stdout).toContain('В ключе есть символы не из ASCII');
    expect(r.stdout).toContain('Символ 26 — кириллическая буква «В» (U+0412), с виду как «B». Ключи состоят только из символов ASCII');
    expect(r.stdout).toContain('Замените символ 26 на «B» (или скопируйте ключ заново в разделе «Консоль → Токены»).');
    expect(r.stdout).toContain('Базовый URL для Anthropic заканчивается на /v1');
    expect(r.stdout).toContain('✓ хост принадлежит RuAPI (www.ruapi.ai)');
    expect(r.stdout).toContain('✓ в базовом URL нет двойного /v1/v1');
    expect(r.stdout).toContain('✓ перед ключом нет «Bearer» или имени заголовка');
    const e = await doctor(['doctor', '--offline', '--verbose', '--protocol', 'anthropic'], { project, env: en, secrets: [`${KEY.slice(0, 25)}В${KEY.slice(26)}`] });
    expect(e.stdout).toContain("Character 26 is the Cyrillic letter 'В' (U+0412), which looks like 'B'");
    expect(e.stdout).toContain("✓ the host is RuAPI's (www.ruapi.ai)");
  });
});

describe('the checks themselves in Russian', () => {
  afterEach(() => useLanguage('en'));

  const target = (values: { key?: string; baseUrl?: string; model?: string }, protocol: 'openai' | 'anthropic' = 'openai'): TargetConfig => {
    const field = (name: string, value: string) => ({ value, source: { kind: 'dotenv', name, file: '.env', line: 1, label: `${name} in .env, line 1` } });
    return {
      protocol,
      auth: protocol === 'openai' ? 'bearer' : 'x-api-key',
      ...(values.key !== undefined ? { key: field('OPENAI_API_KEY', values.key) } : {}),
      ...(values.baseUrl !== undefined ? { baseUrl: field('OPENAI_BASE_URL', values.baseUrl) } : {}),
      ...(values.model !== undefined ? { model: field('OPENAI_MODEL', values.model) } : {}),
    } as TargetConfig;
  };
  const findings = (t: TargetConfig) => runChecks(t, BUNDLED_MODELS, new Date('2026-12-01T12:00:00Z')).findings;

  it('counts characters in Russian plural forms: 12 символов, 261 символ, 24 символа', () => {
    useLanguage('ru', RU);
    const says = (key: string) => findings(target({ key, baseUrl: 'https://www.ruapi.ai/v1' })).find((f) => f.id === 'key/format')!.message;
    expect(says('sk-abcdefghi')).toBe(
      'В ключе всего 12 символов: скопированный ключ обычно намного длиннее, так что часть его могла потеряться. RuAPI не публикует формат своих токенов, так что это подсказка, а не приговор: живая проверка спросит сам шлюз.',
    );
    expect(says(`sk-${'a'.repeat(258)}`)).toMatch(/^В ключе 261 символ, намного больше, чем в любом ключе API: вместе с ним вставлено что-то ещё\./);
    const stray = findings(target({ key: ' sk-abcdefghijklmnopqrstu' })).find((f) => f.id === 'key/whitespace')!;
    expect(stray.message).toBe('В начале ключа — пробел. Эти символы уходят как часть ключа, и RuAPI отвечает 401.');
    expect(stray.fix).toMatch(/^Оставьте только сам ключ, sk-…rstu \(24 символа\), без пробелов и других символов вокруг и внутри: исправьте .+\. Если не уверены, скопируйте его заново в разделе «Консоль → Токены»\.$/);
    useLanguage('en');
    expect(says('sk-abcdefghi')).toMatch(/^It is only 12 characters long: a copied key is usually much longer/);
  });

  it('says a base URL of 3 KB is too long with the length grouped as Russian writes it, and English keeps its commas', () => {
    const huge = `https://www.ruapi.ai/v1/${'a'.repeat(3000)}`;
    useLanguage('ru', RU);
    const r = findings(target({ key: KEY, baseUrl: huge })).find((f) => f.id === 'base-url/invalid')!;
    expect(r.title).toBe('Базовый URL — некорректный URL');
    expect(r.message).toMatch(/^Его длина — 3\u00a0024 символа \(https:\/\/www\.ruapi\.ai\/v1\/a+…a+\), а базовый URL не длиннее 2 КБ \(2\u00a0048 символов\)/);
    useLanguage('en');
    const e = findings(target({ key: KEY, baseUrl: huge })).find((f) => f.id === 'base-url/invalid')!;
    expect(e.message).toMatch(/^It is 3,024 characters long \(.*\), over the 2 KB \(2,048 characters\) a base URL can be/);
  });

  it('writes a retiring and a retired model in Russian, days counted in Russian plural forms', () => {
    const flag = { kind: 'flag', name: '--model', label: '--model on the command line' };
    const judge = (value: string, date: string) => judgeModelId({ value, source: flag, protocol: 'openai', models: BUNDLED_MODELS, now: new Date(`${date}T12:00:00Z`) } as ModelIdInput)[0]!;
    useLanguage('ru', RU);
    expect(judge('gpt-4o-mini', '2027-01-13').title).toMatch(/^gpt-4o-mini отключается у провайдера с 2027-01-14 \(через 1 день\)/);
    expect(judge('gpt-4o-mini', '2027-01-12').title).toMatch(/\(через 2 дня\)/);
    expect(judge('gpt-4o-mini', '2026-12-15').title).toMatch(/\(через 30 дней\)/);
    const retired = judge('gpt-4o-mini', '2027-02-01');
    expect(retired.title).toMatch(/^gpt-4o-mini отключена у провайдера с 2027-01-14/);
    expect(retired.message).toMatch(/^Провайдер отключил модель gpt-4o-mini с 2027-01-14 \(источник: .*\), поэтому запросы к ней не пройдут/);
    useLanguage('en');
    expect(judge('gpt-4o-mini', '2027-01-13').title).toMatch(/^gpt-4o-mini retires upstream on 2027-01-14 \(in 1 day\)/);
  });

  it('cuts a long value with its length, and lists alternatives, in Russian', () => {
    useLanguage('ru', RU);
    expect(shorten('a'.repeat(1001))).toMatch(/^a{49}…a{49} \(1\u00a0001 символ\)$/);
    expect(shorten('a'.repeat(150))).toMatch(/ \(150 символов\)$/);
    expect(orList(['OPENAI_API_KEY', 'RUAPI_API_KEY', 'RUAPI_KEY'])).toBe('OPENAI_API_KEY, RUAPI_API_KEY или RUAPI_KEY');
    useLanguage('en');
    expect(shorten('a'.repeat(1001))).toMatch(/ \(1001 characters\)$/);
    expect(orList(['a', 'b'])).toBe('a or b');
  });

  it('reports a crashed check in Russian', () => {
    useLanguage('ru', RU);
    const boom = { id: 'test/boom', area: 'key' as const, title: 'explodes', severities: ['error' as const], run: () => { throw new Error('kaboom'); } };
    const f = runChecks(target({ key: KEY }), BUNDLED_MODELS, new Date(), [boom]).findings[0]!;
    expect(f.title).toBe('Проверка test/boom упала');
    expect(f.message).toBe('Это ошибка в ruapi, а не в вашей настройке (Error: kaboom). Остальные проверки всё равно выполнены.');
  });
});
