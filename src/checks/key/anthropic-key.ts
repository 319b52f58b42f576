import { defineCheck } from '../types.js';
import { CONSOLE_TOKENS } from '../../core/ruapi.js';

export default defineCheck({
  id: 'key/anthropic-key',
  area: 'key',
  title: 'not an Anthropic key',
  severities: ['error'],
  needs: 'key',
  run: ({ key }) => {
    if (key?.kind.kind !== 'anthropic') return [];
    return [
      {
        severity: 'error',
        title: 'This is an Anthropic key, not a RuAPI token',
        message: `It is ${key.kind.what} (sk-ant-…), which only Anthropic's own API accepts: RuAPI answers 401. RuAPI uses its own token for both protocols, the Anthropic one included.`,
        fix: `Create a token in RuAPI ${CONSOLE_TOKENS} and use it instead (it starts with sk-, not sk-ant-).`,
      },
    ];
  },
});
