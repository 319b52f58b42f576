/**
 * How a typed model id differs from a listed one, in words a user can check by eye: "a dot
 * instead of a hyphen", "one letter missing", "two letters swapped". Counted on the ids as
 * written (case aside), not on the squashed forms the matcher compares, so that the words tell
 * every difference there is.
 */
import { MODELS } from '../lang/en/models.js';
import { messages } from '../lang/t.js';

const t = messages(MODELS);

/** One step from the typed id to the listed one. */
export type Edit =
  | { op: 'replace'; typed: string; listed: string }
  | { op: 'missing'; listed: string }
  | { op: 'extra'; typed: string }
  | { op: 'swap'; typed: string };

/**
 * The fewest edits (replace, insert, delete, swap of neighbours) that turn `typed` into `listed`,
 * in reading order. For model ids only: quadratic in their lengths.
 */
export function editsBetween(typed: string, listed: string): Edit[] {
  const a = typed.toLowerCase();
  const b = listed.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const swapped = (i: number, j: number) => i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && a[i - 1] !== a[i - 2];
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (swapped(i, j)) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  const edits: Edit[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const here = d[i]![j]!;
    if (i > 0 && j > 0 && a[i - 1] === b[j - 1] && here === d[i - 1]![j - 1]!) {
      i--;
      j--;
    } else if (swapped(i, j) && here === d[i - 2]![j - 2]! + 1) {
      edits.push({ op: 'swap', typed: a.slice(i - 2, i) });
      i -= 2;
      j -= 2;
    } else if (i > 0 && j > 0 && here === d[i - 1]![j - 1]! + 1) {
      edits.push({ op: 'replace', typed: a[i - 1]!, listed: b[j - 1]! });
      i--;
      j--;
    } else if (i > 0 && here === d[i - 1]![j]! + 1) {
      edits.push({ op: 'extra', typed: a[i - 1]! });
      i--;
    } else {
      edits.push({ op: 'missing', listed: b[j - 1]! });
      j--;
    }
  }
  return edits.reverse();
}

type Mark = 'dot' | 'hyphen' | 'underscore' | 'space' | 'slash' | 'colon';
const MARKS: Record<string, Mark> = { '.': 'dot', '-': 'hyphen', _: 'underscore', ' ': 'space', '/': 'slash', ':': 'colon' };
const kindOf = (c: string) => (/[a-z]/i.test(c) ? 'letter' : /\d/.test(c) ? 'digit' : 'character');
/** "a dot", "a hyphen", or the character itself in quotes; `of` is the form after "instead of". */
const named = (c: string, form: 'named' | 'of') => {
  const mark = MARKS[c];
  return mark ? t(`models.${form}.${mark}`) : t('models.char', { c });
};

function words(edit: Edit): string {
  switch (edit.op) {
    case 'replace':
      return t('models.diff.replace', { typed: named(edit.typed, 'named'), listed: named(edit.listed, 'of') });
    case 'missing': {
      const mark = MARKS[edit.listed];
      return t(mark ? `models.missing.${mark}` : `models.missing.${kindOf(edit.listed)}`);
    }
    case 'extra': {
      const mark = MARKS[edit.typed];
      return t(mark ? `models.extra.${mark}` : `models.extra.${kindOf(edit.typed)}`);
    }
    case 'swap':
      return t(kindOf(edit.typed[0]!) === 'letter' && kindOf(edit.typed[1]!) === 'letter' ? 'models.swap.letters' : 'models.swap.characters');
  }
}

/**
 * The difference in words: each edit when there are one or two ("a dot instead of a hyphen and
 * one letter missing", "one extra letter, twice"), else how many characters differ.
 */
export function describeDifference(typed: string, listed: string): string {
  const edits = editsBetween(typed, listed);
  if (edits.length === 0) return t('models.diff.case');
  if (edits.length > 2) return t('models.diff.many', { n: edits.length });
  const [first, second] = edits.map(words) as [string, string | undefined];
  if (second === undefined) return first;
  return first === second ? t('models.diff.twice', { first }) : t('models.diff.and', { first, second });
}
