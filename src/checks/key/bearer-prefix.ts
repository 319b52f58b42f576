import { redactKey } from '../../core/redact.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { keepOnlyKey } from '../fix.js';
import { defineCheck } from '../types.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'key/bearer-prefix',
  area: 'key',
  get title() {
    return t('key/bearer-prefix.check');
  },
  severities: ['error'],
  needs: 'key',
  run: ({ target, key }) => {
    if (!key?.prefix) return [];
    const pasted = key.prefix.trim();
    const header = target.auth === 'bearer' ? `Authorization: Bearer ${pasted} sk-…` : `x-api-key: ${pasted} sk-…`;
    return [
      {
        severity: 'error',
        title: t('key/bearer-prefix.title', { pasted }),
        message: t('key/bearer-prefix.message', { header }),
        fix: keepOnlyKey(redactKey(key.core), t('key/bearer-prefix.how', { pasted }), target.key?.source),
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
