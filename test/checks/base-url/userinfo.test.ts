import { describe, expect, it } from 'vitest';
import userinfo from '../../../src/checks/base-url/userinfo.js';
import { analyzeUrl } from '../../../src/checks/base-url/analyze.js';
import type { CheckContext } from '../../../src/checks/types.js';
import { BUNDLED_MODELS } from '../../../src/models/bundled.js';

const ctx = (baseUrl: string): CheckContext => ({
  target: { protocol: 'openai', protocolGuessed: false, auth: 'bearer', baseUrl: { value: baseUrl, source: { kind: 'flag', name: 'base-url', label: '--base-url' } } },
  models: BUNDLED_MODELS,
  now: new Date('2026-12-01T12:00:00Z'),
  url: analyzeUrl(baseUrl, 'openai'),
});

describe('base-url/userinfo', () => {
  it.each([
    ['https://user:pw@www.ruapi.ai/v1', 'https://www.ruapi.ai/v1'],
    ['https://token@gw.example.com/v1', 'https://gw.example.com/v1'],
    ['http://:pw@127.0.0.1:8787/v1', 'http://127.0.0.1:8787/v1'],
  ])('is an error for %s, and proposes %s', (url, corrected) => {
    const [f, ...rest] = userinfo.run(ctx(url));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', data: { fix: { field: 'baseUrl', value: corrected } } });
    expect(`${f!.title} ${f!.message} ${f!.fix}`).not.toMatch(/pw|token@/);
  });

  it.each(['https://www.ruapi.ai/v1', 'https://gw.example.com/team@acme/v1', 'https://gw.example.com/v1?user=a@b'])('passes %s', (url) => {
    expect(userinfo.run(ctx(url))).toEqual([]);
  });
});
