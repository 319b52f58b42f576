import { describe, expect, it } from 'vitest';
import { BUNDLED_MODELS } from '../../src/models/bundled.js';
import { describeDifference } from '../../src/models/difference.js';
import { matchModel, suggestFilter } from '../../src/models/suggest.js';

const ids = BUNDLED_MODELS.ids;

describe('describeDifference', () => {
  it.each([
    ['claude-sonnet-4.6', 'claude-sonnet-4-6', 'a dot instead of a hyphen'],
    ['claude-sonnet-4_6', 'claude-sonnet-4-6', 'an underscore instead of a hyphen'],
    ['gpt-5.4-mnii', 'gpt-5.4-mini', 'two letters swapped'],
    ['gpt-5.4-mni', 'gpt-5.4-mini', 'one letter missing'],
    ['gpt-5.4-minii', 'gpt-5.4-mini', 'one extra letter'],
    ['gpt-5.4mini', 'gpt-5.4-mini', 'a hyphen missing'],
    ['gpt--5.4-mini', 'gpt-5.4-mini', 'an extra hyphen'],
    ['gpt-54-mini', 'gpt-5.4-mini', 'a dot missing'],
    ['gpt-5.44-mini', 'gpt-5.4-mini', 'one extra digit'],
    ['gpt-5.4-mni-2026-03-17', 'gpt-5.4-mini-2026-03-17', 'one letter missing'],
    ['claude.sonnet.4-6', 'claude-sonnet-4-6', 'a dot instead of a hyphen, twice'],
    ['claude-sonet-4.6', 'claude-sonnet-4-6', 'one letter missing and a dot instead of a hyphen'],
    ['gpt54mini', 'gpt-5.4-mini', '3 characters differ'],
    ['GPT-5.4-MINI', 'gpt-5.4-mini', 'only the case differs'],
  ])('%s → %s: %s', (typed, listed, words) => {
    expect(describeDifference(typed, listed)).toBe(words);
  });
});

describe('matchModel ranks by closeness', () => {
  it('puts the id fewest edits away first, not the docs-named or the first listed one', () => {
    expect(matchModel('gpt-4', ['gpt-4o-mini', 'gpt-4.1', 'gpt-4o']).suggestions).toEqual(['gpt-4o', 'gpt-4.1', 'gpt-4o-mini']);
  });

  it('breaks a tie by the longer start in common, then by list order', () => {
    // Both are one edit away; claude-opus-4-7 shares more of the start.
    expect(matchModel('claude-opus-4-7x', ['claude-opus-4-8x', 'claude-opus-4-7']).suggestions[0]).toBe('claude-opus-4-7');
    expect(matchModel('claude-opus-4', ['claude-opus-4-7', 'claude-opus-4-6']).suggestions).toEqual(['claude-opus-4-7', 'claude-opus-4-6']);
  });

  it('says how a typo differs from the first suggestion', () => {
    const match = matchModel('gpt-5.4-mnii', ids);
    expect(match).toMatchObject({ kind: 'typo', difference: 'two letters swapped' });
    expect(match.suggestions[0]).toBe('gpt-5.4-mini');
  });
});

describe('suggestFilter', () => {
  it.each([
    ['opsu', 'opus'],
    ['sonet', 'sonnet'],
    ['gpt-5.4-mnii', 'gpt-5.4-mini'],
  ])('corrects the misspelt word of %j to %j', (typed, filter) => {
    expect(suggestFilter(typed, ids).filter).toBe(filter);
  });

  it('finds the ids that hold the words in another order, or the family word alone', () => {
    expect(suggestFilter('haiku-3', ['claude-3-5-haiku-20241022', 'claude-haiku-4-5'])).toEqual({ ids: ['claude-3-5-haiku-20241022'] });
    expect(suggestFilter('haiku-3', ['claude-haiku-4-5', 'claude-opus-4-8'])).toEqual({ ids: ['claude-haiku-4-5'] });
  });

  it('offers nothing for numbers alone or words nothing resembles', () => {
    expect(suggestFilter('9-9', ids)).toEqual({ ids: [] });
    expect(suggestFilter('xyzzy', ids)).toEqual({ ids: [] });
  });
});
