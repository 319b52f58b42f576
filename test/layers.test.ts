import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

const SRC = path.join(ROOT, 'src');

/** Every import of one src folder into another: `config/discover.ts → core/ruapi.ts`. */
function imports(): Array<{ from: string; to: string }> {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  return files(SRC).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => ({
      from: path.relative(SRC, file),
      to: path.relative(SRC, path.resolve(path.dirname(file), m[1]!)).replace(/\.js$/, '.ts'),
    })),
  );
}

const layer = (file: string) => (file.includes('/') ? file.split('/')[0]! : file);

/** What each layer may not import: lower layers never reach up. */
const FORBIDDEN: Record<string, readonly string[]> = {
  core: ['config', 'checks', 'fix', 'live', 'doctor', 'report', 'ui', 'commands', 'knowledge', 'models', 'simulate'],
  config: ['checks', 'fix', 'live', 'doctor', 'report', 'ui', 'commands'],
  checks: ['live', 'fix', 'doctor', 'report', 'ui', 'commands'],
  fix: ['checks', 'live', 'doctor', 'report', 'ui', 'commands'],
  report: ['doctor', 'commands', 'ui'],
};

describe('layers', () => {
  it('the scan sees the imports between folders', () => {
    expect(imports()).toContainEqual({ from: 'doctor/index.ts', to: 'checks/index.ts' });
    expect(imports()).toContainEqual({ from: 'live/hosts.ts', to: 'core/hosts.ts' });
  });

  it.each(Object.entries(FORBIDDEN))('%s imports no layer above it', (from, above) => {
    const wrong = imports().filter((i) => layer(i.from) === from && above.includes(layer(i.to)));
    expect(wrong.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it("RuAPI's facts are data: src/core/ruapi.ts imports only types and holds no function", () => {
    const text = readFileSync(path.join(SRC, 'core/ruapi.ts'), 'utf8');
    expect(text.match(/^import (?!type ).*$/gm) ?? []).toEqual([]);
    expect(text).not.toMatch(/\bfunction\b|=>/);
  });
});
