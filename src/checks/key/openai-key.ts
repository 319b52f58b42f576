import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'key/openai-key',
  area: 'key',
  get title() {
    return t('key/openai-key.check');
  },
  severities: ['error'],
  needs: 'key',
  run: ({ key }) => {
    if (key?.kind.kind !== 'openai') return [];
    return [
      {
        severity: 'error',
        title: t('key/openai-key.title'),
        message: t('key/openai-key.message', { what: key.kind.what }),
        fix: t('key/openai-key.fix'),
      },
    ];
  },
});
