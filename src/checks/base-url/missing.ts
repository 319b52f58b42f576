import { RUAPI_BASE_URL, SDK_DEFAULT_BASE_URL } from '../../core/ruapi.js';
import { protocolName } from '../../core/text.js';
import { assignment, emptyHides } from '../fix.js';
import { defineCheck } from '../types.js';
import { BASE_URL_VARIABLE, sourceNextToKey } from './common.js';

export default defineCheck({
  id: 'base-url/missing',
  area: 'base-url',
  title: 'a base URL is set',
  severities: ['error'],
  run: ({ target, url }) => {
    if (url) return [];
    const p = target.protocol;
    const owner = p === 'openai' ? 'OpenAI' : 'Anthropic';
    const empty = target.baseUrl ? `${target.baseUrl.source.label} is empty, so` : 'No base URL is set:';
    const hides = emptyHides(target.baseUrl);
    return [
      {
        severity: 'error',
        title: `No base URL: requests would go to ${owner}, not RuAPI`,
        message: `${empty} the ${protocolName(p)} SDKs send every request, and your key, to their default ${SDK_DEFAULT_BASE_URL[p]}, where a RuAPI token is refused with 401.${hides?.note ?? ''}`,
        fix: hides ? `${hides.unset}   (then the value it hides is used)` : assignment(target.baseUrl?.source ?? sourceNextToKey(target), BASE_URL_VARIABLE[p], RUAPI_BASE_URL[p]),
        data: { fix: { field: 'baseUrl', value: RUAPI_BASE_URL[p] } },
      },
    ];
  },
});
