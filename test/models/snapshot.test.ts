import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, without types
import { buildCatalog, describeChanges, renderSnapshot, SNAPSHOT_FILE } from '../../scripts/models-snapshot.mjs';
import { catalog, catalogEntry } from '../../src/models/catalog.js';

interface Built {
  packages: string[];
  models: Array<{ id: string; retires: string; sources: number[] }>;
  labels: string[];
}

/**
 * The bundled catalogue is produced from the installed SDKs: when a dependency update brings an id
 * or a retirement date the snapshot lacks, this fails and says what changed.
 */
describe('the bundled model snapshot', () => {
  it('is what scripts/models-snapshot.mjs makes of the installed SDKs and the hand-kept file', () => {
    const committed = readFileSync(SNAPSHOT_FILE as string, 'utf8');
    const fresh = renderSnapshot() as string;
    const changes = (describeChanges(committed, fresh) as string[]).join('\n');
    expect(changes, `src/models/snapshot.ts is out of date; run \`node scripts/models-snapshot.mjs\`:\n${changes}`).toBe('');
    expect(committed).toBe(fresh);
  });

  it('has every id and every retirement date the installed SDKs know', () => {
    const built = buildCatalog() as Built;
    const fromSdk = built.models.filter((m) => m.sources.some((i) => built.packages.some((p) => built.labels[i]!.startsWith(p))));
    expect(fromSdk.length).toBeGreaterThan(50);
    for (const m of fromSdk) {
      const entry = catalogEntry(m.id);
      expect(entry, `${m.id} is missing`).toBeDefined();
      expect(entry!.retires ?? '', `${m.id}'s retirement`).toBe(m.retires);
    }
  });

  it('names a source for every id, and every replacement is itself in the catalogue', () => {
    for (const m of catalog()) {
      expect(m.sources.length, m.id).toBeGreaterThan(0);
      if (m.replacement) expect(catalogEntry(m.replacement), `${m.id} → ${m.replacement}`).toBeDefined();
      if (m.retires) expect(m.retires, m.id).toMatch(/^(retired|\d{4}-\d{2}-\d{2})$/);
    }
  });

  it('keeps the ids RuAPI\'s docs name, marked as such', () => {
    const docs = catalog().filter((m) => m.docs).map((m) => m.id).sort();
    expect(docs).toEqual(['claude-opus-4-8', 'deepseek-v3', 'gemini-3.5-flash', 'gpt-4o-mini', 'gpt-5', 'text-embedding-3-large', 'text-embedding-3-small']);
  });
});
