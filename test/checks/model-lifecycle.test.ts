import { describe, expect, it } from 'vitest';
import { judgeModelId, type ModelIdInput } from '../../src/checks/model/judge.js';
import { diagnose } from '../../src/doctor/index.js';
import { catalog } from '../../src/models/catalog.js';
import { BUNDLED_MODELS } from '../../src/models/bundled.js';
import { currentAlternative, isRetired, lifecycleOf } from '../../src/models/lifecycle.js';
import { matchModel } from '../../src/models/suggest.js';

/**
 * The lifecycle findings with the clock given as a parameter: the same id is retiring (a note,
 * then a warning within 30 days) and then retired, depending on the day of the run alone.
 */
const day = (d: string) => new Date(`${d}T12:00:00Z`);
const flag = { kind: 'flag', name: '--model', label: '--model on the command line' };
const dotenv = { kind: 'dotenv', name: 'RUAPI_MODEL', file: '.env', line: 3, label: 'RUAPI_MODEL in .env, line 3' };
const judge = (value: string, now: Date, more: Partial<ModelIdInput> = {}) => judgeModelId({ value, source: flag, protocol: 'openai', models: BUNDLED_MODELS, now, ...more });
const ids = (value: string, now: Date, more: Partial<ModelIdInput> = {}) => judge(value, now, more).map((f) => [f.id, f.severity]);

describe('model/retiring and model/retired follow the date of the run', () => {
  // gpt-4o-mini, which RuAPI's docs name, shuts down upstream on 2027-01-14 (openai 7.59.0's table).
  it.each([
    ['2026-12-01', [['model/retiring', 'info']], /in 44 days/],
    ['2026-12-14', [['model/retiring', 'info']], /in 31 days/],
    ['2026-12-15', [['model/retiring', 'warning']], /in 30 days/],
    ['2027-01-13', [['model/retiring', 'warning']], /in 1 day\)/],
    ['2027-01-14', [['model/retired', 'error']], /retired upstream on 2027-01-14/],
    ['2030-01-01', [['model/retired', 'error']], /retired upstream on 2027-01-14/],
  ] as const)('gpt-4o-mini on %s', (date, expected, says) => {
    const found = judge('gpt-4o-mini', day(date));
    expect(found.map((f) => [f.id, f.severity])).toEqual(expected);
    expect(found[0]!.title).toMatch(says);
  });

  it('a run past an entry\'s date turns model/retiring into model/retired (gpt-5: 2026-12-11)', () => {
    expect(ids('gpt-5', day('2026-12-10'))).toEqual([['model/retiring', 'warning']]);
    expect(ids('gpt-5', day('2026-12-11'))).toEqual([['model/retired', 'error']]);
  });

  it('near misses: a current id, and an id with no announced date, get neither', () => {
    expect(judge('gpt-5.4-mini', day('2026-12-01'))).toEqual([]);
    expect(judge('claude-opus-4-8', day('2030-01-01'))).toEqual([]);
    expect(judge('deepseek-v3', day('2030-01-01'))).toEqual([]);
  });

  it('gives the replacement as the fix, in the form of the place the value came from', () => {
    const [f] = judge('claude-sonnet-4-20250514', day('2026-12-01'), { source: dotenv });
    expect(f).toMatchObject({ id: 'model/retired', severity: 'error', fix: 'RUAPI_MODEL=claude-sonnet-4-6   (.env, line 3)', source: 'RUAPI_MODEL in .env, line 3' });
    expect(f!.title).toBe('claude-sonnet-4-20250514 was retired upstream on 2026-06-15; use claude-sonnet-4-6');
    expect(f!.data).toMatchObject({ fix: { field: 'model', value: 'claude-sonnet-4-6' }, lifecycle: { status: 'retired', retires: '2026-06-15', replacement: 'claude-sonnet-4-6' } });
    const [soon] = judge('gpt-4o-mini', day('2027-01-01'), { source: dotenv });
    expect(soon!.fix).toBe('RUAPI_MODEL=gpt-5.4-mini   (.env, line 3)');
    expect(soon!.message).toMatch(/name no replacement; gpt-5\.4-mini is the newest current gpt id/);
  });

  it('follows a named replacement that is retired itself to one that is not', () => {
    // deepseek-chat → deepseek-v4-flash (current, itself pointing at deepseek-flash, no date)
    expect(lifecycleOf('deepseek-chat', day('2026-12-01'))!.replacement).toBe('deepseek-v4-flash');
    // gpt-5-chat-latest → gpt-5.3-chat-latest (retired 2026-08-10) → gpt-5.5
    expect(lifecycleOf('gpt-5-chat-latest', day('2026-12-01'))!.replacement).toBe('gpt-5.5');
  });

  it('says "retired" without inventing a date when the sources give none', () => {
    const [f] = judge('claude-opus-4-1', day('2026-12-01'));
    expect(f).toMatchObject({ id: 'model/retired', severity: 'error' });
    expect(f!.title).toMatch(/on a date the sources ruapi read do not give/);
    expect((f!.data as { lifecycle: { retires: unknown } }).lifecycle.retires).toBeNull();
  });

  it('a retired id written differently is reported as retired, not as a did-you-mean', () => {
    const [f] = judge('Claude-Sonnet-4-5', day('2026-12-01'));
    expect(f).toMatchObject({ id: 'model/retired', severity: 'error' });
    expect(f!.message).toMatch(/is claude-sonnet-4-5 written differently/);
  });

  it('with the gateway\'s own list: a retired id it still names is still model/retired, and it says the probe decides', () => {
    const [f] = judge('grok-3', day('2026-12-01'), { models: { ids: ['grok-3', 'grok-4.3'], source: 'gateway' } });
    expect(f).toMatchObject({ id: 'model/retired', severity: 'error' });
    expect(f!.message).toMatch(/gateway's own list still names it/);
    // A retiring id the gateway's list lacks: the list wins (model/unknown), and the note stays.
    expect(ids('gpt-4o', day('2026-12-01'), { models: { ids: ['gpt-4o-x'], source: 'gateway' } })).toEqual([['model/unknown', 'error'], ['model/retiring', 'info']]);
    // The gateway's list wins for ids the snapshot does not know.
    expect(judge('acme-hidden-7', day('2026-12-01'), { models: { ids: ['acme-hidden-7'], source: 'gateway' } })).toEqual([]);
  });
});

describe('the did-you-mean never suggests a retired id', () => {
  const now = day('2026-12-01');
  it('for a typo of a retired id', () => {
    const [f] = judge('claude-sonet-4-20250514', now);
    expect(f!.id).toBe('model/unknown');
    for (const s of (f!.data as { suggestions: string[] }).suggestions) expect(isRetired(s, now), s).toBe(false);
  });

  it('for every id in the catalogue written with a typo at its end', () => {
    for (const m of catalog()) {
      const [f] = judge(`${m.id}x`, now);
      const suggestions = ((f?.data as { suggestions?: string[] } | undefined)?.suggestions ?? []).filter((s) => isRetired(s, now));
      expect(suggestions, m.id).toEqual([]);
    }
  });

  it('matchModel still finds them when asked with the whole list (ruapi models --retired)', () => {
    expect(matchModel('claude-sonet-4-20250514', BUNDLED_MODELS.ids).suggestions).toContain('claude-sonnet-4-20250514');
  });

  it('the alternative offered when no replacement is named is current, of the same tier when there is one', () => {
    expect(currentAlternative('gpt-4o-mini', now)).toBe('gpt-5.4-mini');
    expect(currentAlternative('claude-sonnet-4-5', now)).toBe('claude-sonnet-5-5');
    for (const m of catalog()) {
      const alt = currentAlternative(m.id, now);
      if (alt) expect(lifecycleOf(alt, now)!.status, `${m.id} → ${alt}`).toBe('current');
    }
  });
});

describe('the doctor compares with the date it reports', () => {
  const env = { OPENAI_API_KEY: 'sk-Rf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7rS4t', OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' };
  it('reports the date in its result, and the clock given decides retiring or retired', async () => {
    const before = await diagnose({ offline: true, readFiles: false, env, model: 'o3', now: day('2026-12-01') });
    expect(before.date).toBe('2026-12-01');
    expect(before.findings.filter((f) => f.id.startsWith('model/')).map((f) => [f.id, f.severity])).toEqual([['model/retiring', 'warning']]);
    expect(before.verdict).toBe('ready');
    const after = await diagnose({ offline: true, readFiles: false, env, model: 'o3', now: day('2026-12-11') });
    expect(after.date).toBe('2026-12-11');
    expect(after.findings.filter((f) => f.id.startsWith('model/')).map((f) => [f.id, f.severity])).toEqual([['model/retired', 'error']]);
    expect(after.verdict).toBe('problems');
    expect(after.checks.find((c) => c.id === 'model/retired')).toMatchObject({ status: 'fail', findings: ['model/retired'] });
  });
});
