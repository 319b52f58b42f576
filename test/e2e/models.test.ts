import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_DATE } from '../../src/models/catalog.js';
import { runCli } from '../helpers/cli.js';

describe.concurrent('ruapi models', () => {
  it('lists every bundled id by family, with the snapshot date and which ids RuAPI docs name', async () => {
    const r = await runCli(['models']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Model ids, bundled snapshot of ${CATALOG_DATE}:`));
    for (const m of CATALOG) expect(r.stdout).toMatch(new RegExp(`^  ${m.id.replace(/\./g, '\\.')} *${m.docs ? ' {2}docs' : ''}$`, 'm'));
    expect(r.stdout).toMatch(/^claude$/m);
    expect(r.stdout).toMatch(/not checked against RuAPI's price list/);
  });

  it('names every model id that RuAPI docs name, and marks them', () => {
    // ../shared/spec/ruapi.md §4: the ids that appear in docs.ruapi.ai pages.
    const docs = ['claude-opus-4-8', 'gpt-4o-mini', 'gpt-5', 'gemini-3.5-flash', 'deepseek-v3', 'text-embedding-3-small', 'text-embedding-3-large'];
    expect(CATALOG.filter((m) => m.docs).map((m) => m.id).sort()).toEqual([...docs].sort());
    expect(new Set(CATALOG.map((m) => m.id)).size).toBe(CATALOG.length);
  });

  it('filters by text, any case', async () => {
    const r = await runCli(['models', 'CLAUDE-OPUS']);
    expect(r.code).toBe(0);
    const ids = r.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/\s+/)[0]);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.every((id) => id!.startsWith('claude-opus'))).toBe(true);
    expect(r.stdout).toMatch(/containing "CLAUDE-OPUS"/);
  });

  it('prints JSON with the date, the source and the docs flag', async () => {
    const r = await runCli(['models', 'gemini', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ source: 'bundled', date: CATALOG_DATE, filter: 'gemini' });
    expect(json.models).toContainEqual({ id: 'gemini-3.5-flash', family: 'gemini', docs: true });
    expect(json.models.every((m: { id: string }) => m.id.includes('gemini'))).toBe(true);
    expect(json.note).toMatch(/not checked against RuAPI's price list/);
  });

  it('exits 1 with a did-you-mean when nothing matches', async () => {
    const r = await runCli(['models', 'gpt-4o-mni']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no model id in the bundled list .* contains "gpt-4o-mni"\. Did you mean gpt-4o-mini\b/);
    const json = await runCli(['models', 'nothing-like-this', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).models).toEqual([]);
  });
});
