import { RUAPI_BASE_URL } from '../../core/ruapi.js';
import { protocolName } from '../../core/text.js';
import { shorten } from '../text.js';
import { defineCheck } from '../types.js';
import { urlFix } from './common.js';

export default defineCheck({
  id: 'base-url/path',
  area: 'base-url',
  title: "the path is the one RuAPI documents for this protocol",
  severities: ['error'],
  needs: 'url',
  run: (ctx) => {
    const { url, target } = ctx;
    if (url?.path?.kind !== 'path') return [];
    return [
      {
        severity: 'error',
        title: 'RuAPI does not serve this path',
        message: `On RuAPI's host the ${protocolName(target.protocol)} base URL is ${RUAPI_BASE_URL[target.protocol]}; the path ${shorten(url.path.path)} is not one RuAPI documents, so requests would most likely get a 404.`,
        ...urlFix(ctx),
      },
    ];
  },
});
