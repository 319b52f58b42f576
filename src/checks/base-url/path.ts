import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { RUAPI_BASE_URL } from '../../core/ruapi.js';
import { shorten } from '../text.js';
import { defineCheck } from '../types.js';
import { urlFix } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/path',
  area: 'base-url',
  get title() {
    return t('base-url/path.check');
  },
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const { url, target } = ctx;
    if (url?.path?.kind !== 'path') return [];
    return [
      {
        severity: 'error',
        title: t('base-url/path.title'),
        message: t(target.protocol === 'openai' ? 'base-url/path.message.openai' : 'base-url/path.message.anthropic', { base: RUAPI_BASE_URL[target.protocol], path: shorten(url.path.path) }),
        ...urlFix(ctx),
      },
    ];
  },
});
