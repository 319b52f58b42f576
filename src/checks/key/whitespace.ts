import { capitalise } from '../text.js';
import { redactKey } from '../../core/redact.js';
import { keepOnlyKey } from '../fix.js';
import { defineCheck } from '../types.js';
import { CONSOLE_TOKENS } from '../../core/ruapi.js';

const NAMES: Record<string, string> = { ' ': 'a space', '\t': 'a tab', '\n': 'a line break', '\r': 'a carriage return' };
const describeRun = (run: string) => [...new Set(Array.from(run).map((c) => NAMES[c] ?? 'whitespace'))].join(' and ');

export default defineCheck({
  id: 'key/whitespace',
  area: 'key',
  title: 'no stray whitespace or invisible characters in the key',
  severities: ['error', 'warning'],
  needs: 'key',
  run: ({ target, key }) => {
    if (!key) return [];
    const parts: string[] = [];
    if (key.leading) parts.push(`it starts with ${describeRun(key.leading)}`);
    if (key.trailing) parts.push(`it ends with ${describeRun(key.trailing)}`);
    for (const w of key.inner.slice(0, 3)) parts.push(`${w.what} sits after character ${w.after} of the key`);
    for (const c of key.invisible.slice(0, 3)) parts.push(`character ${c.position} is an invisible ${c.name} (U+${c.code.toString(16).toUpperCase().padStart(4, '0')})`);
    const more = key.inner.length + key.invisible.length - Math.min(3, key.inner.length) - Math.min(3, key.invisible.length);
    if (more > 0) parts.push(`and ${more} more`);
    if (parts.length === 0) return [];

    const onlyTrailing = !key.leading && key.inner.length === 0 && key.invisible.length === 0;
    const why = onlyTrailing
      ? 'The Node SDKs trim it before sending, but curl, Python clients and some proxies send it or refuse the header, and RuAPI then answers 401.'
      : key.invisible.length > 0
        ? 'Node refuses to send such a key ("Cannot convert argument to a ByteString"), Python fails with UnicodeEncodeError, and a no-break space that does get through is refused with 401.'
        : 'The whitespace is sent as part of the key, and RuAPI answers 401.';
    return [
      {
        severity: onlyTrailing ? 'warning' : 'error',
        title: key.invisible.length > 0 ? 'The key has invisible characters' : 'The key has stray whitespace',
        message: `${capitalise(parts.join('; '))}. ${why}`,
        fix: `${keepOnlyKey(`${redactKey(key.core)} (${key.core.length} characters)`, 'with nothing around or inside it', target.key?.source)} If unsure, copy it again from ${CONSOLE_TOKENS}.`,
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
