import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'key/other-provider',
  area: 'key',
  get title() {
    return t('key/other-provider.check');
  },
  severities: ['error'],
  needs: 'key',
  run: ({ key }) => {
    if (key?.kind.kind !== 'other') return [];
    const { provider, prefix } = key.kind;
    return [
      {
        severity: 'error',
        title: t('key/other-provider.title', { provider }),
        message: t('key/other-provider.message', { provider, prefix }),
        fix: t('key/other-provider.fix'),
      },
    ];
  },
});
