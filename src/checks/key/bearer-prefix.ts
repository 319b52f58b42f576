import { redactKey } from '../../core/redact.js';
import { keepOnlyKey } from '../fix.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'key/bearer-prefix',
  area: 'key',
  title: 'no "Bearer" or header name pasted before the key',
  severities: ['error'],
  needs: 'key',
  run: ({ target, key }) => {
    if (!key?.prefix) return [];
    const pasted = key.prefix.trim();
    const header = target.auth === 'bearer' ? `Authorization: Bearer ${pasted} sk-…` : `x-api-key: ${pasted} sk-…`;
    return [
      {
        severity: 'error',
        title: `"${pasted}" was pasted in front of the key`,
        message: `The client adds the header name and "Bearer" itself, so RuAPI receives "${header}" and answers 401.`,
        fix: keepOnlyKey(redactKey(key.core), `without "${pasted}"`, target.key?.source),
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
