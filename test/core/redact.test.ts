import { describe, expect, it } from 'vitest';
import { mapStrings, redactDeep, redactKey, redactText, scrubDeep } from '../../src/core/redact.js';
import { looksLikeSecretSegment, maskUrl, maskUrlsIn, urlSecrets } from '../../src/core/urls.js';

const KEY = 'sk-Rf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7rS4t';
const HEX = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJydWFwaS11c2VyLTQyIiwiaWF0IjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1oZXJl';

/** Every 12-character piece of `secret`, in lower case. */
const pieces = (secret: string) => Array.from({ length: secret.length - 11 }, (_, i) => secret.slice(i, i + 12).toLowerCase());

function expectNoPiece(text: string, secret: string) {
  const lower = text.toLowerCase();
  for (const p of pieces(secret)) expect(lower.includes(p), `"${text}" holds ${p}`).toBe(false);
}

describe('redaction of a known secret', () => {
  it.each([
    ['the key whole', (k: string) => `Incorrect API key provided: ${k}.`],
    ['without its sk- prefix', (k: string) => `Incorrect API key provided: ${k.replace(/^sk-/, '')}.`],
    ['upper-cased', (k: string) => `INVALID KEY ${k.toUpperCase()}`],
    ['lower-cased', (k: string) => `invalid key ${k.toLowerCase()}`],
    ['its last 20 characters', (k: string) => `key ending in ${k.slice(-20)} is revoked`],
    ['its first 20 characters in a request id', (k: string) => `{"request_id":"req-${k.slice(0, 20)}"}`],
    ['twice in a row, glued', (k: string) => `${k}${k.toUpperCase()}`],
    ['inside a longer token', (k: string) => `x${k.slice(2, -2)}y`],
  ])('masks %s, for an sk- key, a 64-hex token and a JWT', (_name, echo) => {
    for (const secret of [KEY, HEX, JWT]) {
      const out = redactText(echo(secret), [secret]);
      expectNoPiece(out, secret);
    }
  });

  it('keeps the sk-…abcd display of the key, and does not mask it again', () => {
    expect(redactText(`key ${KEY}`, [KEY])).toBe('key sk-…rS4t');
    expect(redactText('key sk-…rS4t', [KEY])).toBe('key sk-…rS4t');
    const once = redactText(`a ${KEY.toUpperCase()} b ${KEY.slice(5)} c`, [KEY]);
    expect(redactText(once, [KEY])).toBe(once);
  });

  it('shows the end of a secret as …abcd and any other piece as …', () => {
    expect(redactText(`ends ${KEY.slice(-20)}.`, [KEY])).toBe('ends …rS4t.');
    expect(redactText(`starts ${KEY.slice(0, 20)}.`, [KEY])).toBe('starts ….');
  });

  it('leaves what every key of a kind shares: its prefix, OpenAI\'s marker, the simulator\'s fault name', () => {
    const proj = `sk-proj-${'q1W2e3R4t5'.repeat(6)}T3BlbkFJ${'z9X8c7V6b5'.repeat(6)}`;
    const text = 'An OpenAI key (sk-proj-…) carries the T3BlbkFJ marker of OpenAI keys.';
    expect(redactText(text, [proj])).toBe(text);
    expect(redactText('live/redirect: the base URL answers with a redirect', ['sk-simredirectKZELwyS2mHASfaTNQz926FBuRlRvkBxGxBCr9'])).toBe('live/redirect: the base URL answers with a redirect');
    expectNoPiece(redactText(`echo ${proj.slice(4).toUpperCase()}`, [proj]), proj.slice(8));
  });

  it('leaves runs shorter than 8 characters, and other text, alone', () => {
    const text = `the key starts ${KEY.slice(0, 7)} and ends ${KEY.slice(-4)}; Incorrect API key provided`;
    expect(redactText(text, [KEY])).toBe(text);
  });

  it("turns a gateway's masked echo of a key of any shape into the redacted form", () => {
    expect(redactText(`Incorrect API key provided: ${KEY.slice(0, 6)}***${KEY.slice(-4)}`, [KEY])).toBe('Incorrect API key provided: sk-…rS4t');
    expect(redactText(`token ${HEX.slice(0, 6)}...${HEX.slice(-4)} rejected`, [HEX])).toBe(`token …${HEX.slice(-4)} rejected`);
    expect(redactText(`token ${JWT.slice(0, 5)}****${JWT.slice(-6)}`, [JWT])).toBe(`token …${JWT.slice(-4)}`);
  });

  it('does not rewrite the masked form of another key that shares a few characters', () => {
    const text = `Ignored: sk-…${KEY.slice(-3)}z`;
    expect(redactText(text, [KEY])).toBe(text);
  });

  it('masks inside JSON values and object keys, and leaves valid JSON', () => {
    const odd = 'p"ss\\word-with-quote';
    const value = { message: `key ${KEY.toUpperCase()}`, [KEY.slice(3)]: 1, list: [`x${odd}y`] };
    const out = redactDeep(value, [KEY, odd]);
    expectNoPiece(JSON.stringify(out), KEY);
    expect(JSON.stringify(out)).not.toContain('ss\\\\word');
    expect(scrubDeep(value, [KEY])).toBeTypeOf('object');
  });

  it('masks the same with few secrets as with more pieces than its quick test takes (400)', () => {
    const many = Array.from({ length: 12 }, (_, i) => `sk-many${i}${KEY.slice(10)}`);
    const texts = [`key ${KEY} here`, `piece ${KEY.slice(15, 30)}`, `echo sk-Rf3***rS4t`, 'nothing of it', `${many[7]} and ${KEY}`];
    for (const text of texts) {
      const few = redactText(text, [KEY, many[7]]);
      expect(redactText(text, [KEY, ...many])).toBe(few);
      expectNoPiece(few, KEY);
    }
    expect(redactText('echo sk-Rf3***rS4t', [KEY])).toBe('echo sk-…rS4t');
  });

  it('masks whole a secret with no piece of its own (all public prefix or marker), and a 100 KB one', () => {
    expect(redactText('x sk-proj- y', ['sk-proj-'])).toBe('x … y');
    expect(redactText('x T3BlbkFJ y', ['T3BlbkFJ'])).toBe('x … y');
    const huge = `sk-${'A'.repeat(100_000)}`;
    expect(redactText(`key ${huge} end`, [huge])).toBe('key sk-…AAAA end');
  });

  it('stays linear: megabytes of text made of the secret\'s own characters', () => {
    const text = `${'abcdefgh0123456789'.repeat(200_000)} ${KEY}`;
    const started = performance.now();
    const out = redactText(text, [KEY, HEX, JWT]);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(out.endsWith(' sk-…rS4t')).toBe(true);
  });

  it('redactKey shows the prefix and the last four characters', () => {
    expect(redactKey(KEY)).toBe('sk-…rS4t');
    expect(redactKey(HEX)).toBe('…0a08');
  });
});

describe('URLs in any output', () => {
  it.each([
    ['https://user:pw@www.ruapi.ai/v1', 'https://***@www.ruapi.ai/v1'],
    [`https://${KEY}@gw.example/v1`, 'https://***@gw.example/v1'],
    ['https://gw.example/v1?api-key=abc&access_token=xyz&flag', 'https://gw.example/v1?api-key=***&access_token=***&***'],
    ['https://gw.example/v1#secret-after-hash', 'https://gw.example/v1#***'],
    [`https://gw.example/${HEX}/v1`, 'https://gw.example/***/v1'],
    [`https://gw.example/t/${JWT}/v1`, 'https://gw.example/t/***/v1'],
    ['https://gw.example/openai/deployments/claude-3-5-sonnet-20241022/v1', 'https://gw.example/openai/deployments/claude-3-5-sonnet-20241022/v1'],
    ['https://www.ruapi.ai/v1', 'https://www.ruapi.ai/v1'],
  ])('%s is shown as %s', (url, shown) => {
    expect(maskUrl(url)).toBe(shown);
    expect(maskUrl(shown)).toBe(shown);
  });

  it('masks URLs inside text, up to a quote, a bracket or a control character', () => {
    expect(maskUrlsIn('see "https://a:b@h/v1#x" and (https://h/v1?key=1)\x1b[0m')).toBe('see "https://***@h/v1#***" and (https://h/v1?key=***)\x1b[0m');
    expect(redactText('GET https://gw.example/v1?api-key=abc/models', [])).toBe('GET https://gw.example/v1?api-key=***');
  });

  it('maps the strings of a value as a JSON round trip would give it', () => {
    const value = { a: 'x', u: undefined, f: () => 1, n: Number.NaN, d: new Date(0), list: ['y', undefined, () => 2, { k: 'z' }], nested: { 'key-x': null, t: true, i: 3 } };
    const upper = (s: string) => s.toUpperCase();
    const viaJson = JSON.parse(JSON.stringify(value), (_k, v: unknown) => v) as unknown;
    const mapOfJson = (v: unknown): unknown =>
      typeof v === 'string' ? upper(v) : Array.isArray(v) ? v.map(mapOfJson) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [upper(k), mapOfJson(x)])) : v;
    expect(mapStrings(value, upper)).toStrictEqual(mapOfJson(viaJson));
    expect(mapStrings(undefined, upper)).toBeUndefined();
  });

  it('finds the URLs a pattern over the scheme and the URL characters would find', () => {
    // The reading by hand (src/core/urls.ts) against the regular expression it replaced, on random text
    // made of the characters that decide where a URL starts and ends.
    const PATTERN = /[a-z][a-z0-9+.-]{0,31}:\/\/[^\s"'<>`\\|)\]\u0000-\u001f\u007f]*/gi;
    const alphabet = ['a', 'Z', '9', '+', '.', '-', ':', '/', '://', ' ', '"', ')', '@', '?', '#', '\u00a0', '\u2028', '\x1b', 'é', 'x'.repeat(30), 'y'.repeat(31)];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const long = (n: number) => `${'s'.repeat(n)}://u:p@h`;
    for (const text of [long(31), long(32), long(33), `9${long(31)}`, `-${long(32)}`]) expect(maskUrlsIn(text)).toBe(text.replace(PATTERN, maskUrl));
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(maskUrlsIn(text), JSON.stringify(text)).toBe(text.includes('://') ? text.replace(PATTERN, maskUrl) : text);
    }
  });

  it('stays linear on a long run of letters that is not a scheme, before a URL', () => {
    const text = `${'a'.repeat(2_000_000)} https://u:p@h/v1`;
    const started = performance.now();
    expect(maskUrlsIn(text).endsWith(' https://***@h/v1')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('tells token-like path segments from names', () => {
    expect(looksLikeSecretSegment(HEX)).toBe(true);
    expect(looksLikeSecretSegment('0e9a3f1c-5b2d-4c8e-9f7a-1b2c3d4e5f60')).toBe(true);
    expect(looksLikeSecretSegment('aB3dE5fG7hJ9kL1mN3pQ5rS7')).toBe(true);
    expect(looksLikeSecretSegment('anthropic-compatible-endpoint')).toBe(false);
    expect(looksLikeSecretSegment('v1')).toBe(false);
  });

  it("lists a base URL's secret parts, as written and decoded", () => {
    expect(urlSecrets('https://user:p%40ss@www.ruapi.ai/v1')).toEqual(['user:p%40ss', 'user:p@ss', 'user', 'p%40ss', 'p@ss']);
    expect(urlSecrets(`gw.example/${HEX}/v1?api-key=k1#frag`)).toEqual(['k1', 'frag', HEX]);
    expect(urlSecrets('https://www.ruapi.ai/v1')).toEqual([]);
  });
});
