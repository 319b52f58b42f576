import { redactKey } from '../../core/redact.js';
import { kindOf } from '../../config/sources/index.js';
import { keepOnlyKey } from '../fix.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'key/quotes',
  area: 'key',
  title: 'no quotes or brackets pasted around the key',
  severities: ['error'],
  needs: 'key',
  run: ({ target, key }) => {
    if (!key || key.wrappers.length === 0) return [];
    const what = key.wrappers.map((w) => (w.includes('…') ? `wrapped in ${w}` : `has a lone ${w}`)).join(', then ');
    const template = key.wrappers.some((w) => w.startsWith('${') || w.startsWith('<'));
    const note = target.key ? kindOf(target.key.source).notes?.quotesInside : undefined;
    return [
      {
        severity: 'error',
        title: template ? 'A placeholder wrapper was left around the key' : 'Quotes were pasted into the key',
        message: `The value is ${what}. These characters are sent as part of the key, and RuAPI answers 401.${note ? ` (${note})` : ''}`,
        fix: keepOnlyKey(redactKey(key.core), template ? 'without the wrapper' : 'without the quotes', target.key?.source),
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
