/** Small text helpers shared by the checks' messages. */
import { CHECKS } from '../lang/en/checks.js';
import { messages, num } from '../lang/t.js';

export { capitalise } from '../core/text.js';

const t = messages(CHECKS);


/** A value echoed in a message, cut in the middle when it is too long to read. */
export function shorten(value: string, max = 100): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  const half = Math.floor((max - 1) / 2);
  return t('checks.shortened', { start: chars.slice(0, half).join(''), end: chars.slice(-half).join(''), n: chars.length, count: num(chars.length) });
}
