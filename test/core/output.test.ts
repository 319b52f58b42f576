import { describe, expect, it } from 'vitest';
import { Output } from '../../src/core/output.js';
import { mapStrings } from '../../src/core/redact.js';
import type { Session } from '../../src/core/session.js';
import { withoutControls } from '../../src/core/text.js';

const session = { stdout: { write: () => true }, stderr: { write: () => true } } as unknown as Session;
const KEY = 'sk-Rf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7rS4t';
const ODD = 'sk-a"b\\c\u001bd\u00a0e-0123456789abcdefgh';

/** What cleanDeep did before its quick way: every string on its own. */
const eachString = (out: Output, value: unknown) => mapStrings(value, (s) => withoutControls(out.clean(s)));

describe('the output point', () => {
  it('cleans data as it cleans each of its strings, whatever they hold', () => {
    const SPACED = '  sk-spaced0123456789abcdef  ';
    const out = new Output(session).learn([KEY, ODD, SPACED]);
    const parts = [KEY, KEY.slice(10, 30), KEY.slice(12, 22).toUpperCase(), `Bearer ${KEY}`, `"${KEY}"`, `https://x.y/${KEY.slice(3)}`, `https://x.y/?k=${KEY}`, SPACED, SPACED.trim().slice(4), JSON.stringify(JSON.stringify(ODD)).slice(4, 20), ODD, ODD.slice(2, 14), JSON.stringify(ODD).slice(3, 15), 'sk-Rf3***rS4t', 'sk-…rS4t', 'sk-a"b...efgh', 'https://u:p@www.ruapi.ai/v1?key=1#f', 'https://www.ruapi.ai/v1', '\u001b[31m', '\u0085', '\\', '"', '\\u001b', ' ', 'plain', 'é', '\n', '\t', '::error::'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () => Array.from({ length: Math.floor(next() * 5) }, () => parts[Math.floor(next() * parts.length)]).join('');
    for (let i = 0; i < 6000; i++) {
      const value = { [text()]: text(), list: [text(), 1, null, { deep: text() }], n: Number.NaN, gone: undefined, at: new Date(0) };
      expect(out.cleanDeep(value)).toEqual(eachString(out, value));
    }
    // Mostly harmless text, so that most values take the quick way: one odd part decides.
    const calm = ['plain', 'https://www.ruapi.ai/v1', ' ', 'é', '"', '\\', '\n', 'sk-…rS4t', 'gpt-5.4-mini', '.env, line 1'];
    for (let i = 0; i < 6000; i++) {
      const pick = () => {
        const from = next() < 0.03 ? parts : calm;
        return from[Math.floor(next() * from.length)]!;
      };
      const calmText = () => Array.from({ length: Math.floor(next() * 4) }, pick).join('');
      const value = { [calmText()]: calmText(), list: [calmText(), { deep: calmText() }] };
      expect(out.cleanDeep(value)).toEqual(eachString(out, value));
    }
  });

  it('takes what JSON cannot write the slower way', () => {
    const out = new Output(session).learn([KEY]);
    const value = { big: 10n, text: `a ${KEY}` } as unknown;
    expect(out.cleanDeep(value)).toEqual({ big: 10n, text: 'a sk-…rS4t' });
    expect(out.cleanDeep(undefined)).toBeUndefined();
    expect(out.cleanDeep(`key ${KEY}`)).toBe('key sk-…rS4t');
  });
});
