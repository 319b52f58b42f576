import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** Every .ts file under `dir`, as paths relative to src/. */
function sources(dir: string): string[] {
  const abs = path.join(ROOT, 'src', dir);
  return readdirSync(abs, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
}

/** The src/ folders a file's relative imports reach. */
function reaches(file: string): string[] {
  const text = readFileSync(path.join(ROOT, 'src', file), 'utf8');
  return [...text.matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) => path.normalize(path.join(path.dirname(file), m[1]!)).split(path.sep)[0]!);
}

describe('layers', () => {
  it('keeps src/live to core, config, models and knowledge: never checks, fix, doctor, report, ui or commands', () => {
    expect(reaches('live/index.ts')).toEqual(expect.arrayContaining(['core', 'config', 'live']));
    const allowed = new Set(['live', 'core', 'config', 'models', 'knowledge']);
    const wrong = sources('live').flatMap((f) => reaches(f).filter((to) => !allowed.has(to)).map((to) => `${f} → ${to}`));
    expect(wrong).toEqual([]);
  });

  it('keeps src/knowledge and src/core free of the live checks', () => {
    const wrong = [...sources('knowledge'), ...sources('core')].flatMap((f) => reaches(f).filter((to) => to === 'live').map(() => f));
    expect(wrong).toEqual([]);
  });
});
