import { describe, expect, it } from 'vitest';
import { analyzeKey } from '../../src/checks/key/analyze.js';
import { INVISIBLE_CODES, KEY_SHAPES, keyShapePatterns, looksLikeKey } from '../../src/core/keys.js';
import { scrubKeys } from '../../src/core/redact.js';
import { keyCore, wouldLeakKey } from '../../src/config/secrets.js';

/**
 * One table of key shapes and one list of invisible characters serve the key checks, config
 * discovery, redaction and --fix. Where the copies they replace disagreed, the stricter one won:
 * these cases were a secret to one part and not to another.
 */
describe('key shapes', () => {
  it.each(KEY_SHAPES.map((s) => [s.prefix, s] as const))('%s: counts as a key, and is masked, from its least length on', (_prefix, shape) => {
    const body = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6'.slice(0, shape.minLength);
    const key = `${shape.prefix}${body}`;
    expect(looksLikeKey(key)).toBe(true);
    expect(looksLikeKey(`export X="${key}"`)).toBe(true);
    expect(scrubKeys(`the key ${key} here`)).not.toContain(key);
    // One character short is not a key, unless a wider shape (`sk-` for `sk-or-`) still takes it.
    const wider = KEY_SHAPES.some((other) => other !== shape && shape.prefix.startsWith(other.prefix));
    if (!wider) expect(looksLikeKey(`${shape.prefix}${body.slice(1)}`)).toBe(false);
  });

  it('counts pk- and rk- keys, which redaction always masked, as keys everywhere', () => {
    expect(looksLikeKey('pk-live0123456789abcdef')).toBe(true);
    expect(looksLikeKey('rk-live0123456789abcdef')).toBe(true);
  });

  it('masks a Google or Groq key shorter than the redaction used to need, as the key check counted it', () => {
    const google = 'AIzaSyA1b2C3d4E5f6G7';
    const groq = 'gsk_a1B2c3D4e5F6g7H8';
    for (const key of [google, groq]) {
      expect(looksLikeKey(key)).toBe(true);
      expect(scrubKeys(`key=${key}`)).not.toContain(key);
    }
  });

  it('counts a short sk- key (8 to 15 characters), which redaction always masked, as a key', () => {
    expect(looksLikeKey('sk-a1b2c3d4e5')).toBe(true);
    expect(looksLikeKey('a desk-lamp12345678')).toBe(false);
  });

  it('leaves model ids and words that only contain a prefix alone', () => {
    for (const text of ['gpt-4o-mini', 'claude-opus-4-8', 'task-runner', 'sk-short', 'hf_small']) expect(looksLikeKey(text), text).toBe(false);
  });

  it('answers as the key shape patterns do, for any text', () => {
    const shapes = new RegExp(keyShapePatterns().join('|'));
    const parts = ['sk-', 'sk-or-', 'AIza', 'gsk_', 'hf_', 'xai-', 'pk-', 'a', 'Z', '0', '_', '-', '*', ' ', '.', '\u200b', '\u00a0', 'é', '"', 'xsk-'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 5000; i++) {
      const text = Array.from({ length: Math.floor(next() * 24) }, () => parts[Math.floor(next() * parts.length)]).join('');
      expect(looksLikeKey(text), JSON.stringify(text)).toBe(shapes.test(text));
    }
  });

  it('stays linear on a long text of prefixes', () => {
    const started = performance.now();
    expect(looksLikeKey('sk-abcdefg.'.repeat(300_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('names the provider of a key from the same table', () => {
    expect(analyzeKey('gsk_a1B2c3D4e5F6g7H8i9J0k1L2m3N4').kind).toMatchObject({ kind: 'other', provider: 'Groq' });
    expect(analyzeKey('sk-or-v1-0123456789abcdef0123456789abcdef').kind).toMatchObject({ kind: 'other', provider: 'OpenRouter' });
  });
});

describe('invisible characters', () => {
  const key = 'sk-a1B2c3D4e5F6g7H8i9J0k1L2';
  const split = (ch: string) => `${key.slice(0, 10)}${ch}${key.slice(10)}`;

  it.each(INVISIBLE_CODES.map((code) => [`U+${code.toString(16).toUpperCase().padStart(4, '0')}`, code] as const))('a key split by a %s is still one key: found by the key check, masked whole, and cleaned by --fix', (_name, code) => {
    const ch = String.fromCodePoint(code);
    expect(analyzeKey(split(ch)).invisible.map((c) => c.code)).toEqual([code]);
    expect(scrubKeys(`Bearer-less ${split(ch)} end`)).not.toContain(key.slice(10));
    expect(keyCore(split(ch))).toBe(key);
    expect(wouldLeakKey('A=1\n', `A=${split(ch)}\n`, [key])).toBe(true);
  });
});
