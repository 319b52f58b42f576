import { describe, expect, it } from 'vitest';
import { analyzeUrl } from '../../src/checks/base-url/analyze.js';
import { collapseRepeatedSegment, htmlTitle, oneLine, withoutTrailing, withoutTrailingRepeats } from '../../src/core/text.js';

/** Runs `fn` and returns how long it took: a quadratic pass over these inputs takes minutes, a linear one milliseconds. */
function took(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

describe('text helpers for outside text', () => {
  it('drop trailing characters and repeated suffixes, without case for the suffix', () => {
    expect(withoutTrailing('https://x/v1///', '/')).toBe('https://x/v1');
    expect(withoutTrailing('////', '/')).toBe('');
    expect(withoutTrailingRepeats('/api/v1/V1/v1', '/v1')).toBe('/api');
    expect(withoutTrailingRepeats('/v1x', '/v1')).toBe('/v1x');
    expect(collapseRepeatedSegment('/v1/v1/V1/chat', 'v1')).toBe('/v1/chat');
    expect(collapseRepeatedSegment('/v1/api/v1', 'v1')).toBe('/v1/api/v1');
  });

  it('read an HTML title, at most 120 characters, and nothing when there is none', () => {
    expect(htmlTitle('<html><head><TITLE lang="en"> Sign in to Wi-Fi </TITLE>')).toBe('Sign in to Wi-Fi');
    expect(htmlTitle('<html><title>')).toBeUndefined();
    expect(htmlTitle(`<title>${'a'.repeat(500)}</title>`)).toHaveLength(120);
    expect(htmlTitle('<p>no title</p>')).toBeUndefined();
  });

  it('make outside text one line of data: breaks and runs of space collapsed, controls replaced, capped with an ellipsis', () => {
    expect(oneLine('  bad key\n::add-mask::sk-\r\n  ::error file=x::pwned\n##[error]legacy\t ', 300)).toBe('bad key ::add-mask::sk- ::error file=x::pwned ##[error]legacy');
    expect(oneLine('title \u001b]0;pwned\u0007 \u009b31m \u2028 end', 300)).toBe('title ?]0;pwned? ?31m end');
    expect(oneLine('x'.repeat(500), 100)).toBe(`${'x'.repeat(99)}…`);
    expect(oneLine('a\n\n\n', 10)).toBe('a');
    expect(oneLine(' \n\t', 10)).toBe('');
    // A surrogate pair is never cut in half.
    expect(oneLine(`${'a'.repeat(98)}😀😀`, 100)).toBe(`${'a'.repeat(98)}…`);
    expect(htmlTitle('<title>Sign in\n::error::x</title>')).toBe('Sign in ::error::x');
  });

  it('stay linear on adversarial input: repeated <title, a megabyte of slashes, /v1 repeated 300 000 times', () => {
    const titles = '<title'.repeat(200_000);
    const slashes = `${'/'.repeat(1_000_000)}x`;
    const v1s = `https://www.ruapi.ai${'/v1'.repeat(300_000)}`;
    expect(took(() => htmlTitle(titles))).toBeLessThan(1000);
    expect(took(() => oneLine(' '.repeat(1_000_000), 300))).toBeLessThan(1000);
    expect(took(() => oneLine('x'.repeat(1_000_000), 300))).toBeLessThan(1000);
    expect(took(() => oneLine('x\n'.repeat(500_000), 300))).toBeLessThan(1000);
    expect(took(() => withoutTrailing(slashes, '/'))).toBeLessThan(1000);
    expect(took(() => withoutTrailingRepeats(v1s, '/v1'))).toBeLessThan(1000);
    expect(took(() => collapseRepeatedSegment(v1s, 'v1'))).toBeLessThan(1000);
    // The offline check that used a replace-until-stable loop: 300 000 × /v1 ran for over 90 s.
    expect(took(() => analyzeUrl(`http://127.0.0.1:8080${'/v1'.repeat(300_000)}`, 'openai'))).toBeLessThan(3000);
    expect(analyzeUrl(`http://127.0.0.1:8080${'/v1'.repeat(3)}`, 'openai').corrected).toBe('http://127.0.0.1:8080/v1');
  });
});
