import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTRIES, explainText } from '../../src/knowledge/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * Real error texts users posted publicly (fixtures/errors, labelled by hand) must each be explained
 * as labelled: the best match's code and cause, the status, and the request id and model when the
 * label gives them; a text labelled `null` must match nothing.
 */

interface Label {
  file: string;
  source: string;
  protocol: string | null;
  tool: string | null;
  expect: { code: string | null; cause: 'model-id' | 'base-url' | null; status: number | null; requestId?: string; model?: string };
  note: string;
}

const DIR = path.join(ROOT, 'fixtures/errors');
const LABELS: Label[] = JSON.parse(readFileSync(path.join(DIR, 'labels.json'), 'utf8'));
const textOf = (l: Label) => readFileSync(path.join(DIR, l.file), 'utf8');
/**
 * Texts set aside before any pattern was written for them (issue #16), and never tuned on: only
 * their overall accuracy is checked, so a miss there is a measurement, not a pattern to add.
 */
const HELD_OUT_DIR = path.join(DIR, 'held-out');
const HELD_OUT: Label[] = JSON.parse(readFileSync(path.join(HELD_OUT_DIR, 'labels.json'), 'utf8'));
/**
 * How many held-out texts were explained as labelled when the set was last scored: it may rise,
 * never fall. Texts only ever join the set (none is removed, or moved to the corpus), so the count
 * is the floor; the share is printed beside it. It read 25 of 32, then 55 of 60 after the second
 * round; the third round's three texts (one of them right) made it 56 of 63.
 */
const HELD_OUT_RIGHT_FLOOR = 56;
const HELD_OUT_SIZE = 63;

interface Seen {
  code: string | null;
  cause: string | null;
  status: number | null;
  requestId?: string | null;
  model?: string | null;
}

/** What to compare: the label's fields, and the same fields of what ruapi found. */
function compare(label: Label, seen: Seen): { want: Seen; got: Seen } {
  const e = label.expect;
  const want: Seen = { code: e.code, cause: e.cause, status: e.status };
  const got: Seen = { code: seen.code, cause: seen.code === null ? null : seen.cause, status: seen.status };
  if (e.requestId !== undefined) [want.requestId, got.requestId] = [e.requestId, seen.requestId ?? null];
  if (e.model !== undefined) [want.model, got.model] = [e.model, seen.model ?? null];
  return { want, got };
}

/** Whether ruapi's answer to a labelled text is the label's. */
function explainedAsLabelled(label: Label, text: string): boolean {
  const r = explainText(text);
  const best = r.matches[0];
  const { want, got } = compare(label, { code: best?.code ?? null, cause: best?.cause ?? null, status: r.facts.status, requestId: r.facts.requestId, model: r.facts.model });
  return JSON.stringify(got) === JSON.stringify(want) && (label.expect.code !== null || r.matches.length === 0);
}

let passed = 0;
afterAll(() => {
  console.log(`corpus accuracy: ${passed}/${LABELS.length} texts explained as labelled (${((100 * passed) / LABELS.length).toFixed(1)}%)`);
});

describe('the error corpus', () => {
  it('holds at least 60 labelled texts covering every entry, both protocols and texts that match nothing', () => {
    expect(LABELS.length).toBeGreaterThanOrEqual(60);
    const codes = new Set(LABELS.map((l) => (l.expect.code && /^5\d\d$/.test(l.expect.code) ? '5xx' : l.expect.code)));
    for (const e of ENTRIES) expect(codes, e.code).toContain(e.code);
    expect(codes).toContain(null);
    const protocols = new Set(LABELS.map((l) => l.protocol));
    expect(protocols).toContain('openai');
    expect(protocols).toContain('anthropic');
  });

  it.each(LABELS.map((l) => [l.file, l] as const))('explains %s as labelled', (_file, label) => {
    const r = explainText(textOf(label));
    const best = r.matches[0];
    const { want, got } = compare(label, {
      code: best?.code ?? null,
      cause: best?.cause ?? null,
      status: r.facts.status,
      requestId: r.facts.requestId,
      model: r.facts.model,
    });
    expect(got, label.note).toEqual(want);
    if (label.expect.code === null) expect(r.matches).toEqual([]);
    passed++;
  });

  it('explains the held-out texts, never tuned on, at least as well as when last measured', () => {
    const missed = HELD_OUT.filter((l) => !explainedAsLabelled(l, readFileSync(path.join(HELD_OUT_DIR, l.file), 'utf8')));
    const right = HELD_OUT.length - missed.length;
    console.log(`held-out accuracy: ${right}/${HELD_OUT.length} (${((100 * right) / HELD_OUT.length).toFixed(1)}%); missed: ${missed.map((l) => l.file).join(', ') || 'none'}`);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(HELD_OUT_SIZE);
    expect(right).toBeGreaterThanOrEqual(HELD_OUT_RIGHT_FLOOR);
  });

  it('gives the same answers through the built CLI (one text per expected code)', async () => {
    const sample = [...new Map(LABELS.map((l) => [`${l.expect.code}/${l.expect.cause}`, l])).values()];
    const results = await Promise.all(
      sample.map(async (label) => {
        const r = await runCli(['explain', '--json', '-'], { input: textOf(label) });
        const best = JSON.parse(r.stdout).matches[0];
        // With no match there are no details in the JSON; only the empty list is checked then.
        const details = best?.details ?? { status: label.expect.status, requestId: label.expect.requestId, model: label.expect.model };
        return {
          file: label.file,
          exit: r.code,
          ...compare(label, { code: best?.code ?? null, cause: best?.cause ?? null, ...details }),
        };
      }),
    );
    expect(sample.length).toBeGreaterThanOrEqual(10);
    for (const { file, exit, want, got } of results) {
      expect(got, file).toEqual(want);
      expect(exit, file).toBe(want.code === null ? 1 : 0);
    }
  });
});
