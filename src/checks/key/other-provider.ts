import { defineCheck } from '../types.js';
import { CONSOLE_TOKENS } from '../../core/ruapi.js';

export default defineCheck({
  id: 'key/other-provider',
  area: 'key',
  title: "not another provider's key",
  severities: ['error'],
  needs: 'key',
  run: ({ key }) => {
    if (key?.kind.kind !== 'other') return [];
    return [
      {
        severity: 'error',
        title: `This is a ${key.kind.provider} key, not a RuAPI token`,
        message: `It starts with ${key.kind.prefix}, the prefix of ${key.kind.provider} keys. RuAPI accepts only its own tokens and answers 401.`,
        fix: `Use the token from RuAPI ${CONSOLE_TOKENS} instead (it starts with sk-).`,
      },
    ];
  },
});
