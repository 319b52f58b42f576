import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLang } from '../../src/core/lang.js';
import { ENTRIES } from '../../src/knowledge/index.js';
import { EN_WORDS } from '../../src/report/explain-words.js';
import { RU_WORDS } from '../../src/report/ru/explain.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { startRuapi, stripSgr, TMUX_MISSING } from '../helpers/tmux.js';

/**
 * `ruapi explain` in Russian (#18): chosen by --lang, RUAPI_LANG or the locale; the same answers,
 * in Russian words; the scripts' JSON the same but for the human-text fields.
 */

const CYRILLIC = /[А-Яа-яЁё]/;

describe('the language', () => {
  it.each([
    [{}, undefined, 'en'],
    [{ LANG: 'ru_RU.UTF-8' }, undefined, 'ru'],
    [{ LANG: 'C' }, undefined, 'en'],
    [{ LANG: 'POSIX', LC_ALL: 'ru_RU.UTF-8' }, undefined, 'ru'],
    [{ LC_ALL: 'C', LANG: 'ru_RU.UTF-8' }, undefined, 'en'],
    [{ LC_MESSAGES: 'ru_RU', LANG: 'en_US.UTF-8' }, undefined, 'ru'],
    [{ LANGUAGE: 'ru:en', LANG: 'en_US.UTF-8' }, undefined, 'ru'],
    [{ LANGUAGE: 'de:ru', LANG: 'ru_RU.UTF-8' }, undefined, 'en'],
    [{ RUAPI_LANG: 'en', LANG: 'ru_RU.UTF-8' }, undefined, 'en'],
    [{ RUAPI_LANG: 'ru', LANG: 'C' }, undefined, 'ru'],
    [{ RUAPI_LANG: 'ru' }, 'en', 'en'],
    [{ LANG: 'ru_RU.UTF-8' }, 'ru_RU', 'ru'],
  ] as const)('%o with --lang %s is %s', (env, flag, lang) => {
    expect(chooseLang(flag, env)).toBe(lang);
  });

  it('--lang with another value is a usage error, exit 2', async () => {
    const r = await runCli(['explain', '404', '--lang', 'de']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ruapi: --lang expects en or ru, not 'de'/);
  });
});

describe('the words of each language', () => {
  /** Every leaf of a words table, by its path ("found.status"). */
  const leaves = (o: object, at = ''): Record<string, string> =>
    Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${at}${k}`, v]] : Object.entries(leaves(v as object, `${at}${k}.`)))));
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has every word in every language, with the same placeholders', () => {
    const en = leaves(EN_WORDS);
    const ru = leaves(RU_WORDS);
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) expect(placeholders(ru[key]!), key).toEqual(placeholders(text));
  });
});

describe('ruapi explain in Russian', () => {
  it('looks up a code in Russian words, chosen by --lang or by the locale', async () => {
    const byFlag = await runCli(['explain', '404', '--lang', 'ru']);
    const byLocale = await runCli(['explain', '404'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(byFlag.code).toBe(0);
    expect(byLocale.stdout).toBe(byFlag.stdout);
    expect(byFlag.stdout).toContain(RU_WORDS.twoCauses);
    expect(byFlag.stdout).toMatch(/Причина 1: ID модели — /);
    expect(byFlag.stdout).toContain(RU_WORDS.support);
    expect(byFlag.stdout).not.toContain(EN_WORDS.whatToDo);
    // Commands, URLs and ids stay as they are.
    expect(byFlag.stdout).toContain('ruapi models');
    expect(byFlag.stdout).toContain('https://www.ruapi.ai/v1');
    const english = await runCli(['explain', '404'], { env: { LANG: 'C.UTF-8' } });
    expect(english.stdout).toContain(EN_WORDS.twoCauses);
    expect(english.stdout).not.toMatch(CYRILLIC);
  });

  it('every entry reads in Russian, each line of it', async () => {
    for (const entry of ENTRIES) {
      const r = await runCli(['explain', entry.code, '--lang', 'ru']);
      expect(r.code, entry.code).toBe(0);
      const prose = r.stdout.split('\n').filter((l) => /^\s*(\d+\.|-) /.test(l));
      for (const line of prose) expect(line, `${entry.code}: ${line}`).toMatch(CYRILLIC);
    }
  });

  it.each([
    ['Ошибка 401', '401'],
    ['Недостаточно средств', '402'],
    ['модель не найдена', '404'],
    ['превышен лимит запросов', '429'],
  ])('reads the Russian text "%s" as %s', async (text, code) => {
    const r = await runCli(['explain', text, '--json']);
    expect(JSON.parse(r.stdout).matches[0].code).toBe(code);
  });

  it('explains pasted text in Russian: the likely cause from the clue, with what the text gave filled in', async () => {
    const r = await runCli(['explain', '--lang', 'ru', '-'], { input: 'Error code: 404 - {"error": {"message": "The model `gpt-4o-mnii` does not exist", "type": "invalid_request_error", "code": "model_not_found"}}' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${RU_WORDS.likelyCause} .*[А-Яа-я]`, 'm'));
    expect(r.stdout).toContain(RU_WORDS.foundInText);
    expect(r.stdout).toMatch(/модель\s+gpt-4o-mnii/);
  });

  it('gives the same JSON in both languages but for the human-text fields (title, fix)', async () => {
    const en = JSON.parse((await runCli(['explain', '429', '--json'])).stdout);
    const ru = JSON.parse((await runCli(['explain', '429', '--json', '--lang', 'ru'])).stdout);
    const strip = (j: { matches: Array<Record<string, unknown>> }) => ({ ...j, matches: j.matches.map(({ title: _t, fix: _f, ...rest }) => rest) });
    expect(strip(ru)).toEqual(strip(en));
    expect(ru.matches[0].title).toMatch(CYRILLIC);
    expect(ru.matches[0].fix.length).toBe(en.matches[0].fix.length);
  });

  it('loads the Russian text only when Russian is chosen', async () => {
    const recorder = path.join(ROOT, 'test/helpers/record-loads.cjs');
    const loaded = async (env: Record<string, string>) => {
      const loads = path.join(tempDir(), 'loads.txt');
      await runCli(['explain', '404'], { env: { ...env, NODE_OPTIONS: `--require ${recorder}`, RUAPI_TEST_LOADS: loads } });
      return readFileSync(loads, 'utf8').split('\n').map((f) => path.basename(f));
    };
    expect(await loaded({})).not.toContain('ru.cjs');
    expect(await loaded({ LANG: 'ru_RU.UTF-8' })).toContain('ru.cjs');
  });

  it.skipIf(TMUX_MISSING)('keeps its layout on an 80-column colour terminal: every line fits, no word split', async () => {
    const cwd = tempDir();
    const t = await startRuapi(['explain', '404', '--lang', 'ru'], { cwd, home: cwd, width: 80, height: 60 });
    expect(await t.waitForExit(10_000)).toBe(0);
    const lines = stripSgr(t.raw()).replace(/\r/g, '').replace(/\n+$/, '').split('\n');
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(80);
    const piped = await runCli(['explain', '404', '--lang', 'ru']);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(lines.join(' '))).toEqual(words(piped.stdout));
    await t.kill();
  });
});
