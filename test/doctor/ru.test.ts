import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientVerdict } from '../../src/core/result.js';
import { diagnose } from '../../src/doctor/index.js';
import { applyFix } from '../../src/fix/apply.js';
import { renderDiff } from '../../src/fix/diff.js';
import { resolveTarget } from '../../src/fix/target.js';
import { RU } from '../../src/lang/ru/index.js';
import { useLanguage } from '../../src/lang/t.js';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { KEY, doctor, type DoctorCase } from '../helpers/doctor.js';

/**
 * The doctor's own words in Russian (#18): the client findings, the clients' summaries, what the
 * probe proved, values given at a prompt, and --fix. Each case runs the built CLI in Russian and
 * in English: the Russian is real Russian, the English is what it always was, and what scripts
 * read (ids, verdicts, exit codes) is the same in both.
 */

const RU_ENV = { RUAPI_LANG: 'ru' };
const EN_ENV = { RUAPI_LANG: 'en' };

let sim: Simulator;
const RETIRED = 'claude-sonnet-4-20250514';
beforeAll(async () => {
  sim = await startSimulator({ unlisted: ['gpt-hidden-1', RETIRED] });
});
afterAll(() => sim?.close());

/** The same run in Russian and in English. */
async function both(args: string[], c: DoctorCase = {}) {
  const [ru, en] = await Promise.all([doctor(args, { ...c, env: { ...c.env, ...RU_ENV } }), doctor(args, { ...c, env: { ...c.env, ...EN_ENV } })]);
  expect(ru.code).toBe(en.code);
  expect(ru.ids).toEqual(en.ids);
  return { ru, en };
}

const scripted = (clients: ClientVerdict[] | undefined) => (clients ?? []).map(({ summary: _summary, foundBy: _foundBy, sources: _sources, ...rest }) => rest);
const finding = (r: Awaited<ReturnType<typeof doctor>>, id: string) => r.json!.findings.find((f) => f.id === id)!;

describe('ruapi doctor in Russian', () => {
  it('says in Russian which variable a client does not read, and what to set instead', async () => {
    const env = { OPENAI_API_BASE: 'https://www.ruapi.ai/v1', OPENAI_API_KEY: KEY, RUAPI_MODEL: 'gpt-5.4-mini' };
    const { ru, en } = await both(['doctor', '--offline', '--json', '--client', 'openai-python'], { env });
    expect(finding(ru, 'client/variable-not-read')).toMatchObject({
      title: 'OpenAI Python SDK не читает OPENAI_API_BASE: задайте OPENAI_BASE_URL',
      message: 'OpenAI Python SDK читает OPENAI_BASE_URL, а не OPENAI_API_BASE: без неё он отправит запрос на https://api.openai.com/v1.',
    });
    expect(finding(ru, 'client/variable-not-read').fix).toMatch(/^Задайте OPENAI_BASE_URL вместо неё \(или вместе с ней\): /);
    expect(finding(en, 'client/variable-not-read')).toMatchObject({
      title: 'OPENAI_API_BASE is not read by OpenAI Python SDK: set OPENAI_BASE_URL',
      message: 'OpenAI Python SDK reads OPENAI_BASE_URL, not OPENAI_API_BASE: without it, it goes to https://api.openai.com/v1.',
    });
    expect(ru.json!.clients![0]!.summary).toBe('OpenAI Python SDK не читает OPENAI_API_BASE: задайте OPENAI_BASE_URL');
    // What a script reads does not change with the language.
    expect(scripted(ru.json!.clients)).toEqual(scripted(en.json!.clients));
    expect([ru.json!.verdict, ru.json!.ok]).toEqual([en.json!.verdict, en.json!.ok]);
  });

  it("says in Russian that ruapi's own variables reach an SDK only through code, with plural forms", async () => {
    const one = await both(['doctor', '--offline', '--json', '--client', 'openai-node'], { env: { RUAPI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' } });
    expect(finding(one.ru, 'client/ruapi-variables').title).toBe('Переменная RUAPI_API_KEY попадает в OpenAI Node SDK, только если ваш код передаёт её сам');
    expect(finding(one.en, 'client/ruapi-variables').title).toBe('RUAPI_API_KEY reach OpenAI Node SDK only through code that passes them');
    const two = await both(['doctor', '--offline', '--json', '--client', 'openai-node'], { env: { RUAPI_API_KEY: KEY, RUAPI_BASE_URL: 'https://www.ruapi.ai/v1' } });
    const f = finding(two.ru, 'client/ruapi-variables');
    expect(f.title).toBe('Переменные RUAPI_API_KEY и RUAPI_BASE_URL попадают в OpenAI Node SDK, только если ваш код передаёт их сам');
    expect(f.message).toBe('Ни один SDK не читает RUAPI_API_KEY или RUAPI_BASE_URL: они работают, только если ваш код передаёт их сам. OpenAI Node SDK читает OPENAI_API_KEY и OPENAI_BASE_URL.');
    // The code to copy stays code.
    expect(f.fix).toContain('new OpenAI({ apiKey: process.env.RUAPI_API_KEY, baseURL: "https://www.ruapi.ai/v1" })');
    expect(finding(two.en, 'client/ruapi-variables').title).toBe('RUAPI_API_KEY and RUAPI_BASE_URL reach OpenAI Node SDK only through code that passes them');
  });

  it("Claude Code's short time limit and an apiKeyHelper not run, in Russian words and numbers", async () => {
    const settings = { apiKeyHelper: 'echo not-run', env: { ANTHROPIC_BASE_URL: sim.anthropicBaseUrl, ANTHROPIC_MODEL: 'claude-sonnet-4-6', API_TIMEOUT_MS: '30000' } };
    const { ru, en } = await both(['doctor', '--json', '--client', 'claude-code'], { home: { '.claude/settings.json': JSON.stringify(settings) } });
    // Intl writes the Russian thousands with a no-break space.
    expect(finding(ru, 'client/timeout').title).toBe('API_TIMEOUT_MS = 30\u00a0000 мс: длинные ответы будут обрываться');
    expect(finding(ru, 'client/timeout').message).toMatch(/^Claude Code перестаёт ждать ответа через 30 с\. /);
    expect(finding(en, 'client/timeout').title).toBe('API_TIMEOUT_MS is 30000 ms: long answers will be cut off');
    expect(finding(ru, 'client/key-helper').title).toBe('Claude Code получает ключ от команды (apiKeyHelper): она не запускалась');
    expect(finding(ru, 'client/key-helper').fix).toBe('Запустите доктор ещё раз с --allow-key-helper, чтобы проверить ключ, который выводит команда.');
    expect(ru.json!.clients![0]).toMatchObject({ verdict: 'unverified', summary: 'не подтверждено: ключ — это вывод apiKeyHelper, а он не запускался' });
    expect(en.json!.clients![0]).toMatchObject({ verdict: 'unverified', summary: 'unverified: the key is what apiKeyHelper prints, and it was not run' });
    expect(ru.json!.unverified[0]).toEqual({ ...en.json!.unverified[0], reason: 'ключ — это вывод apiKeyHelper, а он не запускался' });
    expect(ru.json!.unverified.map(({ reason: _reason, ...u }) => u)).toEqual(en.json!.unverified.map(({ reason: _reason, ...u }) => u));
  });

  it('an apiKeyHelper that fails, in Russian', async () => {
    const settings = { apiKeyHelper: 'exit 3', env: { ANTHROPIC_BASE_URL: 'https://www.ruapi.ai', ANTHROPIC_MODEL: 'claude-sonnet-4-6' } };
    const { ru, en } = await both(['doctor', '--json', '--offline', '--client', 'claude-code', '--allow-key-helper'], { home: { '.claude/settings.json': JSON.stringify(settings) } });
    expect(finding(ru, 'client/key-helper-failed').title).toBe('Команда apiKeyHelper в Claude Code не дала ключа: завершилась с ошибкой (3)');
    expect(finding(ru, 'client/key-helper-failed').message).toMatch(/; при таком запуске команда завершилась с ошибкой \(3\)\. Тогда Claude Code отправит запрос без ключа\.$/);
    expect(finding(en, 'client/key-helper-failed').title).toBe("Claude Code's apiKeyHelper gave no key: exited with an error (3)");
  });

  it('what the probe proved, in Russian: a model the list lacks, a retired one still served, a probe not sent', async () => {
    const openai = (model: string, ...more: string[]) => ['doctor', '--json', '--key-stdin', '--protocol', 'openai', '--base-url', sim.openaiBaseUrl, '--model', model, ...more];
    const hidden = await both(openai('gpt-hidden-1'), { input: sim.key });
    expect(finding(hidden.ru, 'model/not-listed').title).toBe('gpt-hidden-1 работает, хотя её нет в списке моделей шлюза');
    expect(finding(hidden.ru, 'model/not-listed').message).toBe('На пробный запрос к gpt-hidden-1 пришёл ответ, значит, шлюз её обслуживает. В списке из GET /models её нет, но важен именно ответ.');
    expect(finding(hidden.en, 'model/not-listed').title).toBe("gpt-hidden-1 works, though the gateway's model list lacks it");

    const args = ['doctor', '--json', '--key-stdin', '--protocol', 'anthropic', '--base-url', sim.anthropicBaseUrl, '--model', RETIRED];
    const retired = await both(args, { input: sim.key });
    const f = finding(retired.ru, 'model/retired');
    expect(f.title).toBe(`RuAPI пока обслуживает ${RETIRED}, хотя провайдер вывел её из эксплуатации 2026-06-15`);
    expect(f.message).toMatch(/и она может перестать работать в любой момент\. Перейдите на claude-sonnet-4-6, пока этого не случилось\.$/);
    expect(f.fix).toBe('--model claude-sonnet-4-6');
    expect(finding(retired.en, 'model/retired').message).toMatch(/its provider retired it on 2026-06-15, so it may stop at any time\. Move to claude-sonnet-4-6 before it does\.$/);

    const noProbe = await both(openai('gpt-5.4-mini', '--no-probe'), { input: sim.key });
    expect(noProbe.ru.json!.unverified).toEqual([{ step: 'balance', protocol: 'openai', kind: 'chosen', reason: 'пробный запрос не отправлялся (--no-probe)' }]);
    expect(noProbe.en.json!.unverified).toEqual([{ step: 'balance', protocol: 'openai', kind: 'chosen', reason: 'the probe was not sent (--no-probe)' }]);
  });

  it('a .env with a BOM, a base URL wrong for one client, and another provider\'s set-up, in Russian', async () => {
    const bom = await both(['doctor', '--json', '--offline'], { project: { '.env': `\uFEFFOPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\nRUAPI_MODEL=gpt-5.4-mini\n` } });
    expect(finding(bom.ru, 'client/dotenv-bom').title).toBe('.env начинается с метки порядка байтов (BOM): OpenAI Python SDK теряет OPENAI_API_KEY');
    expect(finding(bom.ru, 'client/dotenv-bom').fix).toMatch(/^Сохраните \.env в UTF-8 без BOM \(в VS Code: «Сохранить с кодировкой» → UTF-8; /);
    expect(finding(bom.en, 'client/dotenv-bom').title).toBe('.env starts with a byte order mark: OpenAI Python SDK loses OPENAI_API_KEY');

    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai' };
    const url = await both(['doctor', '--json', '--offline', '--client', 'ai-sdk-anthropic'], { env });
    const f = finding(url.ru, 'client/request-url');
    expect(f.title).toBe('Vercel AI SDK (Anthropic) отправит запрос на https://www.ruapi.ai/messages');
    expect(f.message).toMatch(/^Vercel AI SDK \(Anthropic\) добавляет \/messages к своему базовому URL \(.+\), поэтому запрос уходит на https:\/\/www\.ruapi\.ai\/messages, а это не эндпоинт RuAPI\. Для этого клиента базовый URL — https:\/\/www\.ruapi\.ai\/v1\.$/);
    expect(finding(url.en, 'client/request-url').title).toBe('Vercel AI SDK (Anthropic) would post to https://www.ruapi.ai/messages');

    const openaiKey = `sk-proj-${'A1b2C3d4E5'.repeat(4)}T3BlbkFJ${'x9Y8'.repeat(5)}`;
    const other = await both(['doctor', '--json', '--offline', '--client', 'openai-node'], { env: { OPENAI_API_KEY: openaiKey }, secrets: [openaiKey] });
    expect(other.ru.json!.clients![0]).toMatchObject({ verdict: 'not-ruapi', summary: 'настроен на OpenAI, а не на RuAPI' });
    expect(finding(other.ru, 'client/other-provider').title).toBe('OpenAI Node SDK настроен на OpenAI, а не на RuAPI');
    expect(other.en.json!.clients![0]).toMatchObject({ verdict: 'not-ruapi', summary: 'set up for OpenAI, not RuAPI' });
  });

  it("Codex's config.toml refused and ignored, in Russian around Codex's own reasons", async () => {
    const provider = (more: string[]) => ['model = "gpt-5.4-mini"', 'model_provider = "ruapi"', '', '[model_providers.ruapi]', 'name = "RuAPI"', 'base_url = "https://www.ruapi.ai/v1"', 'env_key = "RUAPI_API_KEY"', ...more, ''].join('\n');
    const args = ['doctor', '--json', '--offline', '--client', 'codex'];
    const refused = await both(args, { env: { RUAPI_API_KEY: KEY }, home: { '.codex/config.toml': provider(['wire_api = "chat"']) } });
    expect(finding(refused.ru, 'client/config-refused').title).toMatch(/^Codex CLI не запускается из-за ~\/\.codex\/config\.toml: /);
    expect(finding(refused.ru, 'client/config-refused').message).toMatch(/^Codex CLI останавливается уже на загрузке ~\/\.codex\/config\.toml \(.+\), какой бы провайдер ни был выбран, и не отправляет ни одного запроса\.$/);
    expect(finding(refused.en, 'client/config-refused').title).toMatch(/^Codex CLI refuses to start with ~\/\.codex\/config\.toml: /);
    const ignored = await both(args, { env: { RUAPI_API_KEY: KEY }, project: { '.codex/config.toml': provider([]) } });
    expect(finding(ignored.ru, 'client/config-ignored').title).toMatch(/^Codex CLI не учитывает \S+ в \.codex\/config\.toml$/);
    expect(finding(ignored.ru, 'client/config-ignored').message).toMatch(/: .+ на него не влияет\.$/);
    expect(finding(ignored.en, 'client/config-ignored').message).toMatch(/: .+ changes nothing for it\.$/);
  });

  it('--fix shows its diff and what it changed in Russian; the file gets the same bytes', async () => {
    const env = readFileSync(path.join(ROOT, 'fixtures/fix/dotenv/project.env'));
    const key = /sk-FIXTURE\w+/.exec(env.toString('utf8'))![0];
    const { ru, en } = await both(['doctor', '--offline', '--fix', '--yes', '--model', 'gpt-5.4-mini'], { project: { '.env': env }, secrets: [key], timeoutMs: 10_000 });
    expect(ru.stdout).toContain('--- .env\n+++ .env (исправлено)\n');
    expect(ru.stdout).toContain('OPENAI_BASE_URL (строка 5)');
    expect(en.stdout).toContain('--- .env\n+++ .env (fixed)\n');
    expect(en.stdout).toContain('OPENAI_BASE_URL (line 5)');
    expect(readFileSync(path.join(ru.cwd, '.env'))).toEqual(readFileSync(path.join(en.cwd, '.env')));
  });
});

describe('the doctor and --fix in Russian, from the source', () => {
  afterEach(() => useLanguage('en'));

  it('a value typed at the prompt: used for this run only, and where it belongs', async () => {
    const run = (lang: 'ru' | 'en') => {
      useLanguage(lang, RU);
      return diagnose({
        protocol: 'openai',
        offline: true,
        readFiles: false,
        env: { OPENAI_API_KEY: KEY },
        prompted: { openai: { baseUrl: { value: 'https://www.ruapi.ai/v1', how: 'typed' } } },
      });
    };
    const ru = (await run('ru')).findings.find((f) => f.id === 'config/prompt-only')!;
    expect(ru.title).toBe('Значение, введённое в ответ на вопрос доктора, действует только в этом запуске: базовый URL');
    expect(ru.message).toBe(
      'SDK и инструменты читают ваши файлы и окружение, а не ответы доктору, так что их запросы по-прежнему не пройдут. Базовый URL: задайте OPENAI_BASE_URL: OPENAI_BASE_URL=https://www.ruapi.ai/v1.',
    );
    const en = (await run('en')).findings.find((f) => f.id === 'config/prompt-only')!;
    expect(en.title).toBe('The base URL given at the prompt was used for this run only');
    expect(en.fix).toBe('The base URL: set OPENAI_BASE_URL: OPENAI_BASE_URL=https://www.ruapi.ai/v1.');
  });

  it('refuses a read-only file in Russian, naming the command that makes it writable', async () => {
    const dir = tempDir({ '.env': 'OPENAI_BASE_URL=https://www.ruapi.ai\n' });
    const file = path.join(dir, '.env');
    chmodSync(file, 0o444);
    useLanguage('ru', RU);
    const r = await applyFix({ file, before: 'OPENAI_BASE_URL=https://www.ruapi.ai\n', after: 'OPENAI_BASE_URL=https://www.ruapi.ai/v1\n' }, { label: '.env' });
    expect(r).toMatchObject({
      ok: false,
      reason: 'read-only',
      message: 'Файл .env доступен только для чтения (права 0444): ничего не изменено. Если --fix должен его изменить, сначала разрешите запись (chmod u+w .env) и запустите ещё раз.',
    });
    chmodSync(file, 0o644);
    writeFileSync(file, 'changed meanwhile\n');
    const changed = await applyFix({ file, before: 'OPENAI_BASE_URL=https://www.ruapi.ai\n', after: 'x\n' }, { label: '.env' });
    expect(changed).toMatchObject({ ok: false, reason: 'changed', message: 'Файл .env изменился после чтения; запустите доктор ещё раз.' });
  });

  it('a link that leads out of the folders --yes may write in, in Russian', () => {
    const cwd = tempDir();
    const elsewhere = tempDir({ 'shared.env': 'OPENAI_BASE_URL=https://www.ruapi.ai\n' });
    symlinkSync(path.join(elsewhere, 'shared.env'), path.join(cwd, '.env'));
    const places = { env: {}, cwd, home: tempDir() };
    useLanguage('ru', RU);
    expect(resolveTarget(path.join(cwd, '.env'), '.env', places).outside).toMatch(/^\.env указывает на .*shared\.env, за пределами рабочей папки( и .+)?$/);
    useLanguage('en');
    expect(resolveTarget(path.join(cwd, '.env'), '.env', places).outside).toMatch(/^\.env leads to .*shared\.env, outside the working folder( and .+)?$/);
  });

  it('a diff in Russian: its labels, the missing final newline, and the length of a line cut short', () => {
    const long = `OPENAI_MODEL=${'x'.repeat(1500)}`;
    useLanguage('ru', RU);
    const ru = renderDiff(`${long}\n`, 'OPENAI_MODEL=gpt-5.4-mini', '.env', { secrets: [] });
    expect(ru).toContain('+++ .env (исправлено)\n');
    expect(ru).toContain('\\ В конце файла нет новой строки');
    expect(ru).toContain('(1\u00a0513 символов)');
    useLanguage('en');
    const en = renderDiff(`${long}\n`, 'OPENAI_MODEL=gpt-5.4-mini', '.env', { secrets: [] });
    expect(en).toContain('+++ .env (fixed)\n');
    expect(en).toContain('\\ No newline at end of file');
    expect(en).toContain('(1,513 characters)');
  });
});
