import type { ChalkInstance } from 'chalk';
import { ENTRIES, KNOWN_CODES, type ExplainJson, type Explanation, type InputKind, type KnowledgeEntry, type Match } from '../knowledge/index.js';

export function renderExplainJson(matches: Match[], kind: InputKind, ambiguous?: boolean): string {
  const out: ExplainJson = { matches, input: { kind }, ...(kind === 'text' ? { ambiguous: ambiguous ?? matches.length > 1 } : {}) };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const CAUSE_LABEL = { 'model-id': 'model id', 'base-url': 'base URL' } as const;

function entryOf(m: Match): KnowledgeEntry {
  return ENTRIES.find((e) => e.id === m.id) as KnowledgeEntry;
}

function heading(m: Match, c: ChalkInstance): string {
  const code = m.cause ? `${m.code} (${CAUSE_LABEL[m.cause]})` : m.code;
  return `${c.bold.red(code)}  ${c.bold(m.title)}`;
}

function bullets(items: readonly string[], indent = '  '): string[] {
  return items.map((s) => `${indent}- ${s}`);
}

function steps(items: readonly string[], indent = '  '): string[] {
  return items.map((s, i) => `${indent}${i + 1}. ${s}`);
}

function section(title: string, c: ChalkInstance): string {
  return c.bold(title);
}

/** A code looked up: what it means, why it happens, what to do, what support needs. */
function renderLookup(m: Match, c: ChalkInstance): string[] {
  const entry = entryOf(m);
  const lines = [heading(m, c)];
  if (!m.cause && entry.variants) {
    lines.push('', 'Two different causes give this same error; check both.');
    Object.entries(entry.variants).forEach(([cause, v], i) => {
      lines.push('', section(`Cause ${i + 1}: ${CAUSE_LABEL[cause as keyof typeof CAUSE_LABEL]} — ${v.title}`, c), ...bullets(v.causes), '', '  What to do', ...steps(v.fix, '    '));
    });
  } else {
    const variant = m.cause ? entry.variants?.[m.cause] : undefined;
    lines.push('', section('Why it happens', c), ...bullets(variant?.causes ?? entry.causes), '', section('What to do', c), ...steps(m.fix));
  }
  lines.push('', section('Support', c), `  ${entry.support}`);
  if (!entry.fromSheet) lines.push('', c.dim("(Not on RuAPI's support sheet: added by ruapi from what users commonly hit.)"));
  return lines;
}

/** Pasted text explained: the likely cause given what was found, the fix, the details pulled out. */
function renderFromText(result: Explanation, c: ChalkInstance): string[] {
  const [m, ...others] = result.matches as [Match, ...Match[]];
  const entry = entryOf(m);
  const { facts } = result;
  const lines = [heading(m, c), ''];
  if (result.ambiguous) lines.push('The text alone allows more than one reading; the most likely comes first.', '');
  lines.push(`${c.bold('Likely cause:')} ${result.reasons[0] ?? entry.causes[0]}`);
  if (!m.cause && entry.variants) lines.push('The text does not say which of its two causes it is: check both.');
  lines.push('', section('What to do', c), ...steps(m.fix));

  const found: Array<[string, string | number | null]> = [
    ['status', facts.status],
    ['error', [facts.errorCode, facts.errorType].filter((v, i, a) => v && a.indexOf(v) === i).join(' / ') || facts.errorClass],
    ['message', facts.message],
    ['model', facts.model],
    ['url', facts.url],
    ['request id', m.details.requestId],
    ['from', facts.tool],
  ];
  const shown = found.filter(([, v]) => v !== null && v !== '');
  if (shown.length) {
    lines.push('', section('Found in the text', c), ...shown.map(([k, v]) => `  ${k.padEnd(11)} ${v}`));
  }
  lines.push('');
  if (m.details.requestId) {
    lines.push(`Quote request id ${c.bold(m.details.requestId)} when you write to support (support@ruapi.ai): Console → Logs shows the full error for it.`);
  } else {
    lines.push(entry.support);
  }
  others.forEach((o, i) => {
    const why = result.reasons[i + 1];
    lines.push(c.dim(`${i === 0 ? 'Second reading' : 'Also possible'}: ${o.code}  ${o.title}  (ruapi explain ${o.code})`));
    if (i === 0 && why) lines.push(c.dim(`  ${why}`));
  });
  return lines;
}

export function renderExplainHuman(result: Explanation, kind: InputKind, c: ChalkInstance): string {
  const lines: string[] = [];
  if (kind === 'code') {
    result.matches.forEach((m, i) => {
      if (i > 0) lines.push('', c.dim('─'.repeat(40)), '');
      lines.push(...renderLookup(m, c));
    });
  } else {
    lines.push(...renderFromText(result, c));
  }
  return `${lines.join('\n')}\n`;
}

/** Nothing matched: say so, and list what ruapi knows. */
export function renderNoMatch(kind: InputKind, c: ChalkInstance): string {
  const what = kind === 'code' ? 'ruapi has no entry for that code.' : 'Nothing in this text matches an error ruapi knows.';
  return [
    c.bold(what),
    `Known codes: ${KNOWN_CODES.join(', ')}.`,
    kind === 'code'
      ? 'Try one of them (ruapi explain 429), or paste the whole error text.'
      : 'Paste the whole error, with the HTTP status and the response body if you have them, or look up a code (ruapi explain 429).',
    '',
  ].join('\n');
}
