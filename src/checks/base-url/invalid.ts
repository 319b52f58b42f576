import { capitalise } from '../text.js';
import { defineCheck } from '../types.js';
import { urlFix } from './common.js';

export default defineCheck({
  id: 'base-url/invalid',
  area: 'base-url',
  title: 'the base URL is a valid https URL',
  severities: ['error', 'warning'],
  needs: 'url',
  run: (ctx) => {
    const bad = ctx.url?.invalid;
    if (!bad) return [];
    return [
      {
        severity: bad.severity,
        title: bad.severity === 'error' ? 'The base URL is not a valid URL' : 'The base URL has whitespace around it',
        message: `${capitalise(bad.reason)}.`,
        ...urlFix(ctx),
      },
    ];
  },
});
