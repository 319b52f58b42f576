import { redactKey } from '../../core/redact.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { keepOnlyKey } from '../fix.js';
import { capitalise } from '../text.js';
import { defineCheck } from '../types.js';
import { spaceName } from './analyze.js';

const t = messages(CHECKS);

/** The kinds of whitespace in a run, once each: "a space and a tab". Vertical tabs and form feeds count as whitespace. */
const describeRun = (run: string) =>
  [...new Set(Array.from(run).map((c) => (' \t\n\r'.includes(c) ? spaceName(c) : t('key/space.other'))))].reduce((first, next) => t('key/whitespace.run', { first, next }));

export default defineCheck({
  id: 'key/whitespace',
  area: 'key',
  get title() {
    return t('key/whitespace.check');
  },
  severities: ['error', 'warning'],
  needs: 'key',
  run: ({ target, key }) => {
    if (!key) return [];
    const parts: string[] = [];
    if (key.leading) parts.push(t('key/whitespace.leading', { what: describeRun(key.leading) }));
    if (key.trailing) parts.push(t('key/whitespace.trailing', { what: describeRun(key.trailing) }));
    for (const w of key.inner.slice(0, 3)) parts.push(t('key/whitespace.inner', { what: w.what, after: w.after }));
    for (const c of key.invisible.slice(0, 3)) parts.push(t('key/whitespace.invisible', { position: c.position, name: c.name, hex: `U+${c.code.toString(16).toUpperCase().padStart(4, '0')}` }));
    const more = key.inner.length + key.invisible.length - Math.min(3, key.inner.length) - Math.min(3, key.invisible.length);
    if (more > 0) parts.push(t('key/whitespace.more', { n: more }));
    if (parts.length === 0) return [];

    const onlyTrailing = !key.leading && key.inner.length === 0 && key.invisible.length === 0;
    const why = onlyTrailing ? 'key/whitespace.message.trailing' : key.invisible.length > 0 ? 'key/whitespace.message.invisible' : 'key/whitespace.message';
    const shown = t('key/whitespace.key', { key: redactKey(key.core), n: key.core.length });
    return [
      {
        severity: onlyTrailing ? 'warning' : 'error',
        title: key.invisible.length > 0 ? t('key/whitespace.title.invisible') : t('key/whitespace.title'),
        message: t(why, { parts: capitalise(parts.join('; ')) }),
        fix: t('key/whitespace.fix', { keep: keepOnlyKey(shown, t('key/whitespace.how'), target.key?.source) }),
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
