import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { RUAPI_BASE_URL, SDK_DEFAULT_BASE_URL } from '../../core/ruapi.js';
import { assignment, emptyHides } from '../fix.js';
import { defineCheck } from '../types.js';
import { BASE_URL_VARIABLE, sourceNextToKey } from './common.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'base-url/missing',
  area: 'base-url',
  get title() {
    return t('base-url/missing.check');
  },
  severities: ['error'],
  run: ({ target, url }) => {
    if (url) return [];
    const p = target.protocol;
    const owner = p === 'openai' ? 'OpenAI' : 'Anthropic';
    const hides = emptyHides(target.baseUrl);
    const params = { default: SDK_DEFAULT_BASE_URL[p], hides: hides?.note ?? '' };
    return [
      {
        severity: 'error',
        title: t('base-url/missing.title', { owner }),
        message: target.baseUrl
          ? t(p === 'openai' ? 'base-url/missing.message.empty.openai' : 'base-url/missing.message.empty.anthropic', { ...params, label: target.baseUrl.source.label })
          : t(p === 'openai' ? 'base-url/missing.message.openai' : 'base-url/missing.message.anthropic', params),
        fix: hides ? t('base-url/missing.fix.hides', { unset: hides.unset }) : assignment(target.baseUrl?.source ?? sourceNextToKey(target), BASE_URL_VARIABLE[p], RUAPI_BASE_URL[p]),
        data: { fix: { field: 'baseUrl', value: RUAPI_BASE_URL[p] } },
      },
    ];
  },
});
