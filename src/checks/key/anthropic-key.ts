import { defineCheck } from '../types.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'key/anthropic-key',
  area: 'key',
  get title() {
    return t('key/anthropic-key.check');
  },
  severities: ['error'],
  needs: 'key',
  run: ({ key }) => {
    if (key?.kind.kind !== 'anthropic') return [];
    return [
      {
        severity: 'error',
        title: t('key/anthropic-key.title'),
        message: t('key/anthropic-key.message', { what: key.kind.what }),
        fix: t('key/anthropic-key.fix'),
      },
    ];
  },
});
