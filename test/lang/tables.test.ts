import { describe, expect, it } from 'vitest';
import { EN_TABLES } from '../../src/lang/en/index.js';
import { RU_TABLES } from '../../src/lang/ru/index.js';
import { messages, num, useLanguage, type Message } from '../../src/lang/t.js';

/** Every other language's tables, by part: a third language adds its line here. */
const LANGUAGES = { ru: RU_TABLES } as const;

const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string'));
const placeholders = (m: Message): string[] => [...new Set(forms(m).flatMap((f) => [...f.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();

describe('the message tables', () => {
  const allEn = Object.values(EN_TABLES).flatMap((t) => Object.keys(t));

  it('give each id to one part only', () => {
    expect(allEn.filter((id, i) => allEn.indexOf(id) !== i)).toEqual([]);
  });

  describe.each(Object.entries(LANGUAGES))('%s', (_lang, tables) => {
    it.each(Object.keys(EN_TABLES))('has every id of %s, and no other', (part) => {
      const en = EN_TABLES[part as keyof typeof EN_TABLES] as Record<string, Message>;
      const other = tables[part as keyof typeof tables] as Record<string, Message>;
      expect(Object.keys(en).filter((id) => !(id in other)), 'missing').toEqual([]);
      expect(Object.keys(other).filter((id) => !(id in en)), 'not in English').toEqual([]);
    });

    it.each(Object.keys(EN_TABLES))('keeps the placeholders of every message of %s', (part) => {
      const en = EN_TABLES[part as keyof typeof EN_TABLES] as Record<string, Message>;
      const other = tables[part as keyof typeof tables] as Record<string, Message>;
      const differ = Object.keys(en)
        .filter((id) => id in other && placeholders(en[id]!).join() !== placeholders(other[id]!).join())
        .map((id) => `${id}: {${placeholders(en[id]!).join('}, {')}} vs {${placeholders(other[id]!).join('}, {')}}`);
      expect(differ).toEqual([]);
    });

    it.each(Object.keys(EN_TABLES))('writes a plural message of %s with every form the language needs', (part) => {
      const other = tables[part as keyof typeof tables] as Record<string, Message>;
      const lacking = Object.entries(other)
        .filter(([, m]) => typeof m !== 'string' && !(m.one && m.few && m.many && m.other))
        .map(([id]) => id);
      expect(lacking).toEqual([]);
    });
  });
});

describe('a message in use', () => {
  const t = messages({ 'x.count': { one: '{n} problem', other: '{n} problems' }, 'x.plain': 'at {url}' } as const);
  const ru = { 'x.count': { one: '{n} проблема', few: '{n} проблемы', many: '{n} проблем', other: '{n} проблемы' }, 'x.plain': 'по адресу {url}' };

  it('is English, from the code, until another language is chosen', () => {
    useLanguage('en');
    expect([1, 2, 5].map((n) => t('x.count', { n }))).toEqual(['1 problem', '2 problems', '5 problems']);
    expect(t('x.plain', { url: 'https://www.ruapi.ai' })).toBe('at https://www.ruapi.ai');
  });

  it('takes the Russian plural forms by Intl.PluralRules', () => {
    useLanguage('ru', ru);
    try {
      expect([1, 2, 5, 11, 21, 22, 25, 1.5].map((n) => t('x.count', { n }))).toEqual([
        '1 проблема', '2 проблемы', '5 проблем', '11 проблем', '21 проблема', '22 проблемы', '25 проблем', '1.5 проблемы',
      ]);
      expect(t('x.plain', { url: 'x' })).toBe('по адресу x');
    } finally {
      useLanguage('en');
    }
  });

  it('writes numbers as the language does: Russian groups thousands and uses a decimal comma', () => {
    useLanguage('ru', {});
    try {
      expect([num(1.5, 1), num(12345), num(340)]).toEqual(['1,5', '12\u00a0345', '340']);
    } finally {
      useLanguage('en');
    }
    expect([num(1.5, 1), num(12345), num(340)]).toEqual(['1.5', '12345', '340']);
  });
});
