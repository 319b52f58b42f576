/** Small text helpers shared by the checks' messages. */
import { CHECKS } from '../lang/en/checks.js';
import { messages, num } from '../lang/t.js';

export { capitalise } from '../core/text.js';

const t = messages(CHECKS);

/** "a, b or c". */
const joined = (items: readonly string[], id: 'checks.list.or' | 'checks.list.and'): string =>
  items.length > 1 ? t(id, { items: items.slice(0, -1).join(', '), last: items.at(-1)! }) : (items[0] ?? '');

/** "a, b or c" */
export const orList = (items: readonly string[]): string => joined(items, 'checks.list.or');

/** "a, b and c" */
export const andList = (items: readonly string[]): string => joined(items, 'checks.list.and');

/** English only: the checks' own counts are plural messages (src/lang/en/checks.ts). */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** A value echoed in a message, cut in the middle when it is too long to read. */
export function shorten(value: string, max = 100): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  const half = Math.floor((max - 1) / 2);
  return t('checks.shortened', { start: chars.slice(0, half).join(''), end: chars.slice(-half).join(''), n: chars.length, count: num(chars.length) });
}
