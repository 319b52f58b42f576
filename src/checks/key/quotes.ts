import { redactKey } from '../../core/redact.js';
import { kindOf } from '../../config/sources/index.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { keepOnlyKey } from '../fix.js';
import { defineCheck } from '../types.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'key/quotes',
  area: 'key',
  get title() {
    return t('key/quotes.check');
  },
  severities: ['error'],
  needs: 'key',
  run: ({ target, key }) => {
    if (!key || key.wrappers.length === 0) return [];
    const what = key.wrappers
      .map((wrapper) => (wrapper.includes('…') ? t('key/quotes.wrapped', { wrapper }) : t('key/quotes.lone', { wrapper })))
      .reduce((first, next) => t('key/quotes.then', { first, next }));
    const template = key.wrappers.some((w) => w.startsWith('${') || w.startsWith('<'));
    const note = target.key ? kindOf(target.key.source).notes?.quotesInside : undefined;
    return [
      {
        severity: 'error',
        title: template ? t('key/quotes.title.template') : t('key/quotes.title'),
        message: note ? t('key/quotes.message.note', { what, note }) : t('key/quotes.message', { what }),
        fix: keepOnlyKey(redactKey(key.core), template ? t('key/quotes.how.wrapper') : t('key/quotes.how.quotes'), target.key?.source),
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
