import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../../src/config/formats/jsonc.js';
import { kindOfError } from '../../../src/config/formats/parsed.js';
import { parseToml } from '../../../src/config/formats/toml.js';
import { parseYaml } from '../../../src/config/formats/yaml.js';

const ok = <T>(p: T) => {
  if (typeof p === 'object' && p && 'error' in p) throw new Error(String((p as { error: string }).error));
  return p as Exclude<T, { error: string }>;
};

describe("the tools' config file parsers", () => {
  it("keep only the kind of a parser's error, never what it quotes from the file", () => {
    expect(kindOfError('Invalid key "sk-secret" here\n\n3:  b = sk-secret\n        ^')).toBe('invalid key … here');
    expect(kindOfError('Unresolved alias: sk-secret at line 2, column 3')).toBe('unresolved alias');
    expect(kindOfError('')).toBe('a syntax error');
  });

  it('TOML: finds keys after a multi-line string, in [[array]] tables, and places an inline table member on its line', () => {
    const text = 'a = """\nb = "not a key"\n"""\n[[p]]\nx = 1\n[[p]]\nx = 2\nh = { "X-A" = "v" }\n';
    const parsed = ok(parseToml(text));
    expect(parsed.data).toEqual({ a: 'b = "not a key"\n', p: [{ x: 1 }, { x: 2, h: { 'X-A': 'v' } }] });
    expect([parsed.at(['a']), parsed.at(['b']), parsed.at(['p', 0, 'x']), parsed.at(['p', 1, 'x']), parsed.at(['p', 1, 'h', 'X-A'])]).toEqual([
      { line: 1, column: 1 },
      undefined,
      { line: 5, column: 1 },
      { line: 7, column: 1 },
      { line: 8, column: 1 },
    ]);
  });

  it('JSON: strict mode refuses comments and trailing commas, and places a value on its key', () => {
    expect(parseJsonc('{\n  // note\n  "a": 1\n}', { strict: true })).toEqual({ error: 'it is not valid JSON: a comment, which this file may not have (line 2, column 3)' });
    const parsed = ok(parseJsonc('{\n  // note\n  "a": { "b": [1, 2], },\n}'));
    expect(parsed.data).toEqual({ a: { b: [1, 2] } });
    expect([parsed.at(['a', 'b']), parsed.at(['a', 'b', 1]), parsed.at(['nope'])]).toEqual([{ line: 3, column: 10 }, { line: 3, column: 19 }, undefined]);
    expect(ok(parseJsonc('')).data).toBeUndefined();
  });

  it('YAML: places a value on its key, a list item on itself, and resolves aliases', () => {
    const parsed = ok(parseYaml('base: &b https://www.ruapi.ai/v1\nmodels:\n  - apiBase: *b\n    roles: [chat, edit]\n'));
    expect(parsed.data).toEqual({ base: 'https://www.ruapi.ai/v1', models: [{ apiBase: 'https://www.ruapi.ai/v1', roles: ['chat', 'edit'] }] });
    expect([parsed.at(['models', 0, 'apiBase']), parsed.at(['models', 0, 'roles', 1]), parsed.at(['models', 0])]).toEqual([
      { line: 3, column: 5 },
      { line: 4, column: 19 },
      { line: 3, column: 5 },
    ]);
  });
});
