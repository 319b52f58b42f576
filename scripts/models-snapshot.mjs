#!/usr/bin/env node
// Builds src/models/snapshot.ts, the bundled model catalogue, from what the installed SDK packages
// ship (their model id types and deprecation tables) plus data/models/hand-kept.json for what they
// do not. The SDK's own facts win over a hand-kept row. Deterministic: the same packages and the
// same file give the same output, so a test can compare it with the committed snapshot.
//
//   node scripts/models-snapshot.mjs           write src/models/snapshot.ts
//   node scripts/models-snapshot.mjs --check   exit 1 (and say what changed) when it is out of date
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SNAPSHOT_FILE = path.join(ROOT, 'src/models/snapshot.ts');
const HAND_FILE = path.join(ROOT, 'data/models/hand-kept.json');

const FAMILY_PROVIDER = { claude: 'anthropic', gpt: 'openai', gemini: 'google', grok: 'xai', deepseek: 'deepseek', qwen: 'alibaba', embedding: 'openai' };
const FAMILIES = Object.keys(FAMILY_PROVIDER);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const read = (rel) => fs.readFileSync(path.join(ROOT, 'node_modules', rel), 'utf8');
const version = (pkg) => JSON.parse(read(`${pkg}/package.json`)).version;

/** The string literals of `export type NAME = | 'a' | 'b' …;` in a TypeScript source. */
function unionIds(source, name) {
  const start = source.indexOf(`export type ${name} =`);
  if (start < 0) return [];
  const end = source.indexOf(';', start);
  return [...source.slice(source.indexOf('=', start), end).matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** "November 30th, 2026" → "2026-11-30". */
function isoDate(text) {
  const m = /([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(text);
  const month = m ? MONTHS.indexOf(m[1].toLowerCase()) : -1;
  if (!m || month < 0) throw new Error(`models-snapshot: cannot read the date "${text}"`);
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
}

/**
 * openai's "Deprecated values" doc block above ChatModel (openai 7 and later): `- "a", "b": Announced
 * shutdown date: YYYY-MM-DD.` or `Not a supported model ID.` The installed 6.x has no such block.
 */
function openaiDeprecations(source) {
  const at = source.indexOf('Deprecated values:');
  if (at < 0) return new Map();
  const block = source.slice(at, source.indexOf('*/', at)).replace(/\n\s*\*\s?/g, ' ');
  const out = new Map();
  for (const item of block.split(/\s-\s(?=")/).slice(1)) {
    const [ids, rest = ''] = item.split(/":\s/);
    const date = /shutdown date:\s*(\d{4}-\d{2}-\d{2})/.exec(rest)?.[1] ?? (/Not a supported model ID/.test(rest) ? 'retired' : undefined);
    if (!date) continue;
    for (const m of `${ids}"`.matchAll(/"([^"]+)"/g)) out.set(m[1], date);
  }
  return out;
}

/** What the installed SDKs say: rows with provider facts, each naming the package it came from. */
function fromSdks() {
  const rows = [];
  const anthropic = `@anthropic-ai/sdk ${version('@anthropic-ai/sdk')}`;
  const messages = read('@anthropic-ai/sdk/src/resources/messages/messages.ts');
  const deprecated = read('@anthropic-ai/sdk/src/internal/data/deprecated-models.ts');
  const dates = new Map([...deprecated.matchAll(/'([^']+)':\s*'([^']+)'/g)].map((m) => [m[1], isoDate(m[2])]));
  for (const id of unionIds(messages, 'Model')) {
    const retires = dates.get(id);
    rows.push({ id, family: 'claude', ...(retires ? { retires } : {}), source: retires ? `${anthropic} (DEPRECATED_MODELS)` : `${anthropic} (Model type)` });
  }
  for (const [id, retires] of dates) if (!rows.some((r) => r.id === id)) rows.push({ id, family: 'claude', retires, source: `${anthropic} (DEPRECATED_MODELS)` });

  const openai = `openai ${version('openai')}`;
  const shared = read('openai/src/resources/shared.ts');
  const shutdowns = openaiDeprecations(shared);
  const ids = [...new Set([...unionIds(shared, 'ChatModel'), ...unionIds(shared, 'AllModels')])];
  for (const id of ids) {
    const retires = shutdowns.get(id);
    rows.push({ id, family: 'gpt', ...(retires ? { retires } : {}), source: `${openai} (${retires ? 'deprecated values' : 'model types'})` });
  }
  const embeddings = read('openai/src/resources/embeddings.ts');
  for (const id of unionIds(embeddings, 'EmbeddingModel')) rows.push({ id, family: 'embedding', source: `${openai} (EmbeddingModel)` });
  return { rows, packages: [anthropic, openai] };
}

/** Merges the SDK rows with the hand-kept ones: SDK facts win, hand rows fill in the rest. */
export function buildCatalog() {
  const hand = JSON.parse(fs.readFileSync(HAND_FILE, 'utf8'));
  const sdk = fromSdks();
  const labels = [];
  const label = (text) => {
    if (!labels.includes(text)) labels.push(text);
    return labels.indexOf(text);
  };
  const byId = new Map();
  const order = [];
  const add = (row, sourceText, fromSdk) => {
    let entry = byId.get(row.id);
    if (!entry) {
      entry = { id: row.id, family: undefined, docs: false, released: '', retires: '', replacement: '', sources: [], sdkRetires: false, handIndex: Infinity, sdkIndex: Infinity };
      byId.set(row.id, entry);
      order.push(entry);
    }
    entry.family ??= row.family;
    if (row.docs) entry.docs = true;
    if (row.released && !entry.released) entry.released = row.released;
    if (row.replacement && !entry.replacement) entry.replacement = row.replacement;
    if (row.retires && (fromSdk || !entry.sdkRetires)) {
      entry.retires = row.retires;
      entry.sdkRetires ||= fromSdk;
    }
    for (const text of [sourceText].flat()) {
      const i = label(text);
      if (!entry.sources.includes(i)) entry.sources.push(i);
    }
    return entry;
  };
  sdk.rows.forEach((row, i) => (add(row, row.source, true).sdkIndex = Math.min(i, byId.get(row.id).sdkIndex)));
  hand.rows.forEach((row, i) => {
    const keys = [row.source].flat();
    for (const k of keys) if (!hand.sources[k]) throw new Error(`models-snapshot: ${row.id} names the unknown source "${k}"`);
    const entry = add(row, keys.map((k) => hand.sources[k].label), false);
    entry.handIndex = Math.min(i, entry.handIndex);
  });
  for (const e of order) {
    if (!e.family || !FAMILIES.includes(e.family)) throw new Error(`models-snapshot: ${e.id} has no known family (give it one in ${path.relative(ROOT, HAND_FILE)})`);
    if (e.replacement && !byId.has(e.replacement)) throw new Error(`models-snapshot: ${e.id}'s replacement ${e.replacement} is not in the catalogue`);
  }
  // Family by family; within one: ids with no retirement first (hand-kept rows, which carry what is
  // newer than the installed SDKs, then the SDKs' own order, newest first), then by retirement date,
  // latest first. Suggestions are taken in this order.
  const rank = (e) => (e.retires === '' ? 0 : e.retires === 'retired' ? 2 : 1);
  const sorted = [...order].sort(
    (a, b) =>
      FAMILIES.indexOf(a.family) - FAMILIES.indexOf(b.family) ||
      rank(a) - rank(b) ||
      (rank(a) === 1 ? b.retires.localeCompare(a.retires) : 0) ||
      Math.min(a.handIndex, 1e6 + a.sdkIndex) - Math.min(b.handIndex, 1e6 + b.sdkIndex),
  );
  return { date: hand.checked, packages: sdk.packages, labels, models: sorted };
}

/** The text of src/models/snapshot.ts. */
export function renderSnapshot(catalog = buildCatalog()) {
  const q = (s) => JSON.stringify(s);
  const rows = catalog.models.map((e) => `  [${[q(e.id), q(e.family), e.docs ? 1 : 0, q(e.released), q(e.retires), q(e.replacement), q(e.sources.join(','))].join(', ')}],`);
  return [
    '// Generated by scripts/models-snapshot.mjs from the installed SDK packages and data/models/hand-kept.json.',
    '// Do not edit: change the hand-kept file (or update the SDKs), then run `node scripts/models-snapshot.mjs`.',
    "import type { SnapshotRow } from './row.js';",
    '',
    `export const SNAPSHOT_DATE = ${q(catalog.date)};`,
    `export const SNAPSHOT_PACKAGES: readonly string[] = ${q(catalog.packages)};`,
    `export const SNAPSHOT_SOURCES: readonly string[] = [\n${catalog.labels.map((l) => `  ${q(l)},`).join('\n')}\n];`,
    '',
    '// id, family, docs (1: named in RuAPI\'s docs), released, retires ("": unknown, "retired": on a date not found), replacement, sources (indexes)',
    `export const SNAPSHOT: readonly SnapshotRow[] = [\n${rows.join('\n')}\n];`,
    '',
  ].join('\n');
}

/** What differs between two snapshots, as lines a person can read. */
export function describeChanges(before, after) {
  const parse = (text) => new Map([...text.matchAll(/^\s*\[("[^"]*"),.*\],$/gm)].map((m) => [JSON.parse(m[1]), m[0].trim()]));
  const a = parse(before);
  const b = parse(after);
  const lines = [];
  for (const [id, row] of b) if (!a.has(id)) lines.push(`+ ${row}`);
  for (const [id, row] of a) if (!b.has(id)) lines.push(`- ${row}`);
  for (const [id, row] of b) if (a.has(id) && a.get(id) !== row) lines.push(`~ ${a.get(id)}\n  → ${row}`);
  if (lines.length === 0 && before !== after) lines.push('(the header, the sources or the order changed)');
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const next = renderSnapshot();
  const current = fs.existsSync(SNAPSHOT_FILE) ? fs.readFileSync(SNAPSHOT_FILE, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current === next) {
      console.log(`models-snapshot: ${path.relative(ROOT, SNAPSHOT_FILE)} is up to date`);
    } else {
      console.error(`models-snapshot: ${path.relative(ROOT, SNAPSHOT_FILE)} is out of date with the installed SDKs or the hand-kept file:`);
      for (const line of describeChanges(current, next)) console.error(`  ${line}`);
      console.error('Run `node scripts/models-snapshot.mjs` and commit the result.');
      process.exit(1);
    }
  } else {
    fs.writeFileSync(SNAPSHOT_FILE, next);
    const n = describeChanges(current, next).length;
    console.log(`models-snapshot: wrote ${path.relative(ROOT, SNAPSHOT_FILE)} (${next.match(/^\s*\["/gm)?.length ?? 0} ids; ${n} change${n === 1 ? '' : 's'})`);
  }
}
