import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/models/catalog.js';
import { CATALOG_DATE } from '../../src/models/bundled.js';
import { dayOf, lifecycleOf } from '../../src/models/lifecycle.js';
import { runCli } from '../helpers/cli.js';

// `ruapi models` gives each id's status on the day it runs: the tests compute it for the same day.
const today = () => new Date();
const escape = (s: string) => s.replace(/[.()]/g, (c) => `\\${c}`);
const statusWords = (id: string) => {
  const l = lifecycleOf(id, today())!;
  if (l.status === 'current') return 'current';
  const when = l.retires ? ` ${l.status === 'retiring' ? 'on ' : ''}${l.retires}` : ' (date not published)';
  return `${l.status}${when}${l.replacement ? `, use ${l.replacement}` : ''}`;
};

describe.concurrent('ruapi models', () => {
  it('lists every id that still works upstream by family, with its status, the snapshot date and which ids RuAPI docs name', async () => {
    const r = await runCli(['models']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Model ids, bundled snapshot of ${CATALOG_DATE}, as of ${dayOf(today())}:`));
    for (const m of catalog()) {
      const line = new RegExp(`^  ${escape(m.id)} +${escape(statusWords(m.id))}${m.docs ? ' {2}docs' : ''}$`, 'm');
      if (lifecycleOf(m.id, today())!.status === 'retired') expect(r.stdout, m.id).not.toMatch(new RegExp(`^  ${escape(m.id)} `, 'm'));
      else expect(r.stdout, m.id).toMatch(line);
    }
    expect(r.stdout).toMatch(/^claude$/m);
    expect(r.stdout).toMatch(/^ {2}claude-opus-4-8 +current {2}docs$/m);
    expect(r.stdout).toMatch(/retired ids are not shown: `ruapi models --retired` lists them/);
    expect(r.stdout).toMatch(/not checked against RuAPI's price list/);
  });

  it('--retired lists what to migrate from, with the replacement the provider names (retired on purpose: dates long past)', async () => {
    const r = await runCli(['models', '--retired', 'claude-sonnet-4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Model ids retired upstream as of \d{4}-\d{2}-\d{2}, to migrate from, containing "claude-sonnet-4":/);
    expect(r.stdout).toMatch(/^ {2}claude-sonnet-4-20250514 +retired 2026-06-15, use claude-sonnet-4-6$/m);
    expect(r.stdout).not.toMatch(/claude-sonnet-4-6 +current/);
    const json = JSON.parse((await runCli(['models', '--retired', '--json', 'grok-3'])).stdout);
    expect(json).toMatchObject({ retired: true, filter: 'grok-3' });
    expect(json.models).toContainEqual(expect.objectContaining({ id: 'grok-3', status: 'retired', retires: '2026-05-15', replacement: 'grok-4.3' }));
    expect(json.models.map((m: { id: string }) => m.id)).not.toContain('grok-3-mini');
  });

  it('names every model id that RuAPI docs name, and marks them', () => {
    // ../shared/spec/ruapi.md §4: the ids that appear in docs.ruapi.ai pages.
    const docs = ['claude-opus-4-8', 'gpt-4o-mini', 'gpt-5', 'gemini-3.5-flash', 'deepseek-v3', 'text-embedding-3-small', 'text-embedding-3-large'];
    expect(catalog().filter((m) => m.docs).map((m) => m.id).sort()).toEqual([...docs].sort());
    expect(new Set(catalog().map((m) => m.id)).size).toBe(catalog().length);
  });

  it('filters by text, any case', async () => {
    const r = await runCli(['models', 'CLAUDE-OPUS']);
    expect(r.code).toBe(0);
    const ids = r.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim().split(/\s+/)[0]);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.every((id) => id!.startsWith('claude-opus'))).toBe(true);
    expect(r.stdout).toMatch(/containing "CLAUDE-OPUS"/);
  });

  it('prints JSON with the date, the day, the packages, the docs flag and each id\'s lifecycle', async () => {
    const r = await runCli(['models', 'gemini', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ source: 'bundled', date: CATALOG_DATE, today: dayOf(today()), filter: 'gemini', retired: false });
    expect(json.packages).toEqual([expect.stringMatching(/^@anthropic-ai\/sdk \d/), expect.stringMatching(/^openai \d/)]);
    expect(json.models).toContainEqual({
      id: 'gemini-3.5-flash',
      family: 'gemini',
      provider: 'google',
      docs: true,
      status: 'current',
      released: '2026-05-19',
      retires: null,
      replacement: null,
      sources: ["RuAPI's docs"],
    });
    expect(json.models.every((m: { id: string; status: string }) => m.id.includes('gemini') && m.status !== 'retired')).toBe(true);
    expect(json.note).toMatch(/not checked against RuAPI's price list/);
  });

  it('exits 1 with a did-you-mean when nothing matches, never offering a retired id', async () => {
    const r = await runCli(['models', 'gpt-5.4-mnii']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no model id in the bundled list .* contains "gpt-5\.4-mnii"\. Did you mean "gpt-5\.4-mini"\? `ruapi models gpt-5\.4-mini` lists 2 ids\.\n$/);
    const retired = await runCli(['models', 'claude-sonet-4-5']);
    expect(retired.stderr).not.toMatch(/claude-sonnet-4-5\b/);
    const json = await runCli(['models', 'nothing-like-this', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).models).toEqual([]);
  });

  it.each([
    ['opsu', 'opus'],
    ['sonet', 'sonnet'],
    ['Sonet', 'sonnet'],
    ['claude-sonet', 'claude-sonnet'],
    ['gemni', 'gemini'],
  ])('answers the misspelt word %j with the filter that lists its family (%j), and that filter works', async (typed, meant) => {
    const r = await runCli(['models', typed]);
    expect(r.code).toBe(1);
    const listed = await runCli(['models', meant, '--json']);
    const ids = (JSON.parse(listed.stdout) as { models: Array<{ id: string }> }).models.map((m) => m.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(r.stderr).toBe(`ruapi: no model id in the bundled list (snapshot ${CATALOG_DATE}) contains "${typed}". Did you mean "${meant}"? \`ruapi models ${meant}\` lists ${ids.length} ids.\n`);
  });

  it('answers words in another order (haiku-3) with the ids that hold them, or those with its family word', async () => {
    const r = await runCli(['models', 'haiku-3']);
    expect(r.code).toBe(1);
    const near = /Did you mean (.+)\?\n$/.exec(r.stderr)?.[1]?.split(', ') ?? [];
    expect(near.length).toBeGreaterThan(0);
    for (const id of near) expect(id).toMatch(/^claude-haiku-/);
    // Among the retired ids, one holds both words: claude-3-5-haiku-20241022.
    const retired = await runCli(['models', 'haiku-3', '--retired']);
    expect(retired.stderr).toMatch(/contains "haiku-3"\. Did you mean claude-3-5-haiku-20241022\?\n$/);
  });

  it('says when the ids containing the filter are all of the other kind: retired, or still working', async () => {
    const retired = catalog().filter((m) => lifecycleOf(m.id, today())?.status === 'retired' && m.id.includes('claude-3-5-haiku'));
    expect(retired.length).toBe(1);
    const r = await runCli(['models', 'claude-3-5-haiku']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('ruapi: no model id that still works upstream contains "claude-3-5-haiku", but 1 id retired upstream does: `ruapi models claude-3-5-haiku --retired` lists it with its replacement.\n');
    const current = await runCli(['models', '--retired', 'claude-opus-4-8']);
    expect(current.stderr).toBe(`ruapi: no retired model id in the bundled list (snapshot ${CATALOG_DATE}) contains "claude-opus-4-8", but 1 id that still works upstream does: \`ruapi models claude-opus-4-8\` lists it.\n`);
  });

  it('says nothing more than "no id contains it" when nothing is close', async () => {
    const r = await runCli(['models', 'xyzzy']);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `ruapi: no model id in the bundled list (snapshot ${CATALOG_DATE}) contains "xyzzy".\n` });
  });
});
