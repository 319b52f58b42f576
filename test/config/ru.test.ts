import { afterEach, describe, expect, it } from 'vitest';
import { discoverConfig } from '../../src/config/discover.js';
import { readConfigText } from '../../src/config/files.js';
import { readEnvBlock } from '../../src/config/formats/json-env.js';
import { parseJsonc } from '../../src/config/formats/jsonc.js';
import { parseToml } from '../../src/config/formats/toml.js';
import { parseYaml } from '../../src/config/formats/yaml.js';
import { kindOf, PRECEDENCE } from '../../src/config/sources/index.js';
import { RU } from '../../src/lang/ru/index.js';
import { useLanguage } from '../../src/lang/t.js';
import { tempDir } from '../helpers/cli.js';
import { doctor, fixture, KEY } from '../helpers/doctor.js';

/**
 * Where values came from, and what went wrong reading them, in Russian (#18): the config/*
 * findings, the sources' labels and fix places, the reasons a file is unreadable and the parsers'
 * errors. Each case runs in both languages: the Russian run speaks Russian, the English one is the
 * English it always was, and the ids, severities and exit code are the same in both.
 */

const ru = (args: string[], c: Parameters<typeof doctor>[1] = {}) => doctor(args, { ...c, env: { ...c.env, RUAPI_LANG: 'ru' } });
const en = (args: string[], c: Parameters<typeof doctor>[1] = {}) => doctor(args, { ...c, env: { ...c.env, RUAPI_LANG: 'en' } });

describe('the doctor in Russian, for what discovery found', () => {
  it('says in Russian that a settings file is broken, and why, with the position', async () => {
    const c = { project: { '.claude/settings.json': fixture('claude-settings-broken.json') } };
    const [r, e] = await Promise.all([ru(['doctor', '--offline'], c), en(['doctor', '--offline'], c)]);
    expect(r.stdout).toContain('! Не удалось прочитать .claude/settings.json  [config/unreadable]');
    expect(r.stdout).toMatch(/Это некорректный JSON: .+ \(строка 4, столбец 29\)\. Доктор продолжил с остальными источниками; в этом файле ничего не проверено\./);
    expect(r.stdout).toContain('Исправьте JSON в .claude/settings.json (или удалите файл, если он вам не нужен) и запустите доктор снова.');
    expect(e.stdout).toContain('! .claude/settings.json could not be read  [config/unreadable]');
    expect(e.stdout).toContain('It is not valid JSON: an unexpected character (a value without quotes, or a stray character) (line 4, column 29). The doctor went on with the other sources; nothing in this file was checked.');
    expect(r.code).toBe(e.code);
  });

  it('names the overridden value and the one in use, each with its place, and the key given with --key', async () => {
    const c = {
      project: { '.env': `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai\n` },
      env: { OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' },
    };
    const args = ['doctor', '--offline', '--json', '--key', `${KEY.slice(0, -4)}zzzz`];
    const [r, e] = await Promise.all([ru(args, c), en(args, c)]);
    const byId = (run: typeof r, id: string) => run.json!.findings.filter((f) => f.id === id);
    const [keyShadow, baseShadow] = byId(r, 'config/shadowed');
    expect(keyShadow!.title).toBe('Значение OPENAI_API_KEY в .env, строка 1 перекрыто: действует --key в командной строке');
    expect(keyShadow!.source).toBe('OPENAI_API_KEY в .env, строка 1');
    expect(keyShadow!.fix).toBe('Удалите ненужное из двух значений; перекрытое задано здесь: .env.');
    expect(baseShadow!.message).toBe('Используется: https://www.ruapi.ai/v1. Не учитывается: https://www.ruapi.ai.');
    expect(byId(r, 'config/key-on-command-line')[0]).toMatchObject({ title: 'Ключ передан через --key', source: '--key в командной строке' });
    expect(r.json!.config.sources.protocol).toBe('задан через OPENAI_API_KEY, OPENAI_BASE_URL');
    expect(r.json!.config.sources.baseUrl).toBe('OPENAI_BASE_URL в окружении');

    const [enKey] = byId(e, 'config/shadowed');
    expect(enKey!.title).toBe('OPENAI_API_KEY in .env, line 1 is overridden by --key on the command line');
    expect(enKey!.fix).toBe('Remove the value you do not mean from .env.');
    expect(e.json!.config.sources.protocol).toBe('set by OPENAI_API_KEY, OPENAI_BASE_URL');
    // The same findings, in the same order and severities: only the words differ.
    expect(r.ids).toEqual(e.ids);
    expect(r.json!.findings.map((f) => f.severity)).toEqual(e.json!.findings.map((f) => f.severity));
  });

  it('says in Russian that the protocol is a guess, and why', async () => {
    const [r, e] = await Promise.all([ru(['doctor', '--offline']), en(['doctor', '--offline'])]);
    expect(r.stdout).toContain('i Проверяется OpenAI-совместимый протокол: это догадка  [config/protocol-guessed]');
    expect(r.stdout).toContain('Ничего не настроено, поэтому доктор проверяет настройку OpenAI-совместимого протокола. Если ваш код работает по другому протоколу, проверки ниже к нему не относятся.');
    expect(r.stdout).toContain('ruapi doctor --protocol anthropic   (или --protocol openai, чтобы подтвердить)');
    expect(e.stdout).toContain('i Checking the OpenAI-compatible protocol: a guess  [config/protocol-guessed]');
    expect(e.stdout).toContain('Nothing is configured, so the doctor checks the OpenAI-compatible set-up. If your code uses the other protocol');
  });

  it('guesses the Anthropic protocol from RUAPI_BASE_URL, and says so in Russian', async () => {
    const c = { env: { RUAPI_BASE_URL: 'https://www.ruapi.ai', RUAPI_API_KEY: KEY } };
    const [r, e] = await Promise.all([ru(['doctor', '--offline', '--json'], c), en(['doctor', '--offline', '--json'], c)]);
    const guess = r.json!.findings.find((f) => f.id === 'config/protocol-guessed')!;
    expect(guess.title).toBe('Проверяется протокол Anthropic: это догадка');
    expect(guess.message).toBe('Угадан по RUAPI_BASE_URL в окружении: в URL нет /v1. Если ваш код работает по другому протоколу, проверки ниже к нему не относятся.');
    expect(e.json!.findings.find((f) => f.id === 'config/protocol-guessed')!.message).toBe(
      'Guessed from RUAPI_BASE_URL in the environment: it has no /v1. If your code uses the other protocol, the checks below do not apply to it.',
    );
  });

  it('explains a UTF-16 .env in Russian, with the commands to save it again as they are', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`OPENAI_API_KEY=${KEY}\n`, 'utf16le')]);
    const c = { project: { '.env': utf16 } };
    const [r, e] = await Promise.all([ru(['doctor', '--offline'], c), en(['doctor', '--offline'], c)]);
    expect(r.stdout).toContain('Это текст в UTF-16 (little-endian), как его записывают > и Out-File в Windows PowerShell, а не в UTF-8.');
    expect(r.stdout).toContain('Сохраните .env заново в UTF-8 без BOM: в PowerShell 7 — (Get-Content .env) | Set-Content -Encoding utf8NoBOM .env');
    expect(e.stdout).toContain("It is UTF-16 text (little-endian), as Windows PowerShell's > and Out-File write it, not UTF-8.");
  });

  it("shows Codex's refusal of wire_api = \"chat\" in Russian, with the fix for its table", async () => {
    const toml = 'model_provider = "ruapi"\n\n[model_providers.ruapi]\nbase_url = "https://www.ruapi.ai/v1"\nenv_key = "RUAPI_API_KEY"\nwire_api = "chat"\n';
    const c = { home: { '.codex/config.toml': toml }, env: { RUAPI_API_KEY: KEY } };
    const [r, e] = await Promise.all([ru(['doctor', '--offline'], c), en(['doctor', '--offline'], c)]);
    expect(r.stdout).toContain('wire_api = "chat" не поддерживается (только "responses")');
    expect(r.stdout).toContain('Задайте wire_api = "responses" в [model_providers.ruapi] (~/.codex/config.toml).');
    expect(e.stdout).toContain('wire_api = "chat" is not supported (only "responses" is)');
    expect(r.code).toBe(e.code);
  });

  it('refuses an --env-file that does not exist in Russian, exit 2 as in English', async () => {
    const [r, e] = await Promise.all([ru(['doctor', '--offline', '--env-file', 'nope.env']), en(['doctor', '--offline', '--env-file', 'nope.env'])]);
    expect(r.stderr).toContain('ruapi: --env-file nope.env: такого файла нет');
    expect(e.stderr).toContain('ruapi: --env-file nope.env: no such file');
    expect([r.code, e.code]).toEqual([2, 2]);
  });
});

describe('the config part in Russian, from the source', () => {
  afterEach(() => useLanguage('en'));

  it("the parsers' errors, in the language of the run", () => {
    useLanguage('ru', RU);
    expect(parseJsonc('{\n  "a": 1\n  "b": 2\n}')).toEqual({ error: 'это некорректный JSON (с комментариями): не хватает запятой (строка 3, столбец 3)' });
    expect(parseJsonc('{ "a": 1 // no\n}', { strict: true })).toEqual({ error: 'это некорректный JSON: комментарий, а в этом файле их быть не должно (строка 1, столбец 10)' });
    // V8's own words for this one changed between versions; both are translated.
    const trailingComma = () => (readEnvBlock('{"env": {"A": "b",}}') as { error: string }).error;
    expect(trailingComma()).toMatch(/^это некорректный JSON: (ожидается имя свойства или '}'|имя свойства должно быть в двойных кавычках) \(строка 1, столбец 19\)$/);
    expect(readEnvBlock('{"env": [1]}')).toEqual({ error: '"env" — не объект с переменными' });
    expect(readEnvBlock('')).toEqual({ error: 'это некорректный JSON: файл обрывается (не хватает закрывающей скобки или кавычки)' });
    expect((parseToml('a = \n') as { error: string }).error).toMatch(/^это некорректный TOML: .+ \(строка 1, столбец \d+\)$/);
    expect((parseYaml('a: [1\n') as { error: string }).error).toMatch(/^это некорректный YAML: .+ \(строка \d+, столбец \d+\)$/);
    useLanguage('en');
    expect(trailingComma()).toMatch(/^it is not valid JSON: expected (property name or '}'|double-quoted property name) \(line 1, column 19\)$/);
  });

  it('a folder where a file should be, and the size of one too big, in Russian numbers', () => {
    useLanguage('ru', RU);
    expect(readConfigText(tempDir())).toEqual({ kind: 'unreadable', reason: 'это папка, а не файл' });
    const big = tempDir({ 'big.env': Buffer.alloc(1.5 * 1024 * 1024, 'a') });
    expect(readConfigText(`${big}/big.env`)).toEqual({ kind: 'unreadable', reason: 'его размер 1,5 МБ — слишком много для файла настроек' });
    useLanguage('en');
    expect(readConfigText(`${big}/big.env`)).toEqual({ kind: 'unreadable', reason: 'it is 1.5 MB, too big for a configuration file' });
  });

  it("the sources' words follow the language chosen after the modules loaded", () => {
    const settings = PRECEDENCE.find((s) => s.kind === 'claude-settings')!;
    useLanguage('ru', RU);
    expect(PRECEDENCE.map((s) => s.title).filter(Boolean)).toEqual(['окружение', '.env', 'настройки Claude Code', 'настройки Claude Code', 'настройки Claude Code']);
    expect(settings.notes?.modelAliases?.note).toMatch(/^Claude Code сам превращает этот псевдоним/);
    expect(kindOf('env').place({ kind: 'env', name: 'OPENAI_BASE_URL', label: '' })).toBe('OPENAI_BASE_URL в вашем окружении (профиль оболочки или переменные CI)');
    expect(kindOf('dotenv').assignment({ kind: 'dotenv', name: 'OPENAI_BASE_URL', file: '.env', line: 3, label: '' }, 'https://www.ruapi.ai/v1')).toBe('OPENAI_BASE_URL=https://www.ruapi.ai/v1   (.env, строка 3)');
    const found = discoverConfig({ flags: { key: KEY }, env: { OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' }, cwd: tempDir(), home: tempDir(), readFiles: false });
    expect(found.targets[0]!.key!.source.label).toBe('--key в командной строке');
    expect(found.targets[0]!.baseUrl!.source.label).toBe('OPENAI_BASE_URL в окружении');
    useLanguage('en');
    expect(settings.title).toBe("Claude Code's settings");
    expect(kindOf('env').place({ kind: 'env', name: 'OPENAI_BASE_URL', label: '' })).toBe('OPENAI_BASE_URL in your environment (shell profile or CI variables)');
  });
});
