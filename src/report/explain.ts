import type { ChalkInstance } from 'chalk';
import { ENTRIES, KNOWN_CODES, type Cause, type ExplainJson, type Explanation, type InputKind, type KnowledgeEntry, type Match } from '../knowledge/index.js';
import { entryText } from '../knowledge/localized.js';
import { fillSays } from '../knowledge/match.js';
import { fill } from '../lang/t.js';
import { EN_WORDS, type ExplainWords } from './explain-words.js';

export function renderExplainJson(matches: Match[], kind: InputKind, ambiguous?: boolean): string {
  const out: ExplainJson = { matches, input: { kind }, ...(kind === 'text' ? { ambiguous: ambiguous ?? matches.length > 1 } : {}) };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * What a renderer says, in one language: its words and the clues' `says`. Each entry's text is the
 * knowledge base's own in the language in use (entryText, set by src/commands/language.ts).
 */
export interface ExplainTexts {
  words: ExplainWords;
  /** A clue's `says` in this language (the template, before `{url}` and `{model}` are filled), if it has one. */
  says(template: string): string | undefined;
}

export const ENGLISH: ExplainTexts = { words: EN_WORDS, says: (t) => t };

function entryOf(m: Match): KnowledgeEntry {
  return ENTRIES.find((e) => e.id === m.id) as KnowledgeEntry;
}

/**
 * The explanation in another language: each match's title and steps from that language's entry
 * text, and each reason from its clue's `says` there, filled with what the text gave. English
 * is the explanation as it is.
 */
export function localize(result: Explanation, t: ExplainTexts): Explanation {
  if (t === ENGLISH) return result;
  const matches = result.matches.map((m) => {
    const text = entryText(entryOf(m));
    const variant = m.cause ? text.variants?.[m.cause] : undefined;
    return { ...m, title: variant?.title ?? text.title, fix: [...(variant?.fix ?? text.fix)] };
  });
  const reasons = result.reasons.map((r, i) => {
    const template = result.said?.[i];
    const own = template ? t.says(template) : undefined;
    if (own) return fillSays(own, result.facts, t.words.none);
    if (template || !r) return r;
    const m = result.matches[i]!;
    const text = entryText(entryOf(m));
    return ((m.cause ? text.variants?.[m.cause]?.causes : undefined) ?? text.causes)[0] ?? r;
  });
  return { ...result, matches, reasons };
}

function heading(m: Match, c: ChalkInstance, w: ExplainWords): string {
  const code = m.cause ? `${m.code} (${w.cause[m.cause]})` : m.code;
  return `${c.bold.red(code)}  ${c.bold(m.title)}`;
}

function bullets(items: readonly string[], indent = '  '): string[] {
  return items.map((s) => `${indent}- ${s}`);
}

function steps(items: readonly string[], indent = '  '): string[] {
  return items.map((s, i) => `${indent}${i + 1}. ${s}`);
}

/** A code looked up: what it means, why it happens, what to do, what support needs. */
function renderLookup(m: Match, c: ChalkInstance, t: ExplainTexts): string[] {
  const { words: w } = t;
  const entry = entryOf(m);
  const text = entryText(entry);
  const lines = [heading(m, c, w)];
  if (!m.cause && text.variants) {
    lines.push('', w.twoCauses);
    Object.entries(text.variants).forEach(([cause, v], i) => {
      const title = fill(w.causeHeading, { n: i + 1, cause: w.cause[cause as Cause], title: v.title });
      lines.push('', c.bold(title), ...bullets(v.causes), '', `  ${w.whatToDo}`, ...steps(v.fix, '    '));
    });
  } else {
    const variant = m.cause ? text.variants?.[m.cause] : undefined;
    lines.push('', c.bold(w.why), ...bullets(variant?.causes ?? text.causes), '', c.bold(w.whatToDo), ...steps(m.fix));
  }
  lines.push('', c.bold(w.support), `  ${text.support}`);
  if (!entry.fromSheet) lines.push('', c.dim(w.notOnSheet));
  return lines;
}

/** Pasted text explained: the likely cause given what was found, the fix, the details pulled out. */
function renderFromText(result: Explanation, c: ChalkInstance, t: ExplainTexts): string[] {
  const { words: w } = t;
  const [m, ...others] = result.matches as [Match, ...Match[]];
  const text = entryText(entryOf(m));
  const { facts } = result;
  const lines = [heading(m, c, w), ''];
  if (result.ambiguous) lines.push(w.ambiguous, '');
  lines.push(`${c.bold(w.likelyCause)} ${result.reasons[0] ?? text.causes[0]}`);
  if (!m.cause && text.variants) lines.push(w.causeOpen);
  lines.push('', c.bold(w.whatToDo), ...steps(m.fix));

  const found: Array<[string, string | number | null]> = [
    [w.found.status, facts.status],
    [w.found.error, [facts.errorCode, facts.errorType].filter((v, i, a) => v && a.indexOf(v) === i).join(' / ') || facts.errorClass],
    [w.found.message, facts.message],
    [w.found.model, facts.model],
    [w.found.url, facts.url],
    [w.found.requestId, m.details.requestId],
    [w.found.from, facts.tool],
  ];
  const shown = found.filter(([, v]) => v !== null && v !== '');
  if (shown.length) {
    const width = Math.max(11, ...shown.map(([k]) => k.length + 1));
    lines.push('', c.bold(w.foundInText), ...shown.map(([k, v]) => `  ${k.padEnd(width)} ${v}`));
  }
  lines.push('');
  lines.push(m.details.requestId ? fill(w.quoteRequestId, { id: c.bold(m.details.requestId) }) : text.support);
  others.forEach((o, i) => {
    const why = result.reasons[i + 1];
    lines.push(c.dim(`${i === 0 ? w.secondReading : w.alsoPossible}: ${o.code}  ${o.title}  (ruapi explain ${o.code})`));
    if (i === 0 && why) lines.push(c.dim(`  ${why}`));
  });
  return lines;
}

export function renderExplainHuman(result: Explanation, kind: InputKind, c: ChalkInstance, t: ExplainTexts = ENGLISH): string {
  const lines: string[] = [];
  if (kind === 'code') {
    result.matches.forEach((m, i) => {
      if (i > 0) lines.push('', c.dim('─'.repeat(40)), '');
      lines.push(...renderLookup(m, c, t));
    });
  } else {
    lines.push(...renderFromText(result, c, t));
  }
  return `${lines.join('\n')}\n`;
}

/** Nothing matched: say so, and list what ruapi knows. */
export function renderNoMatch(kind: InputKind, c: ChalkInstance, w: ExplainWords = EN_WORDS): string {
  return [c.bold(kind === 'code' ? w.noEntry : w.noMatch), fill(w.knownCodes, { codes: KNOWN_CODES.join(', ') }), kind === 'code' ? w.tryCode : w.pasteWhole, ''].join('\n');
}
