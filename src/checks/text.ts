/** Small text helpers shared by the checks' messages. */
export { capitalise } from '../core/text.js';

/** "a, b or c". */
const joined = (items: readonly string[], word: string): string => (items.length > 1 ? `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}` : (items[0] ?? ''));

/** "a, b or c" */
export const orList = (items: readonly string[]): string => joined(items, 'or');

/** "a, b and c" */
export const andList = (items: readonly string[]): string => joined(items, 'and');

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** A value echoed in a message, cut in the middle when it is too long to read. */
export function shorten(value: string, max = 100): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  const half = Math.floor((max - 1) / 2);
  return `${chars.slice(0, half).join('')}…${chars.slice(-half).join('')} (${chars.length} characters)`;
}
