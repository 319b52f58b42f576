import { capitalise } from '../text.js';
import { defineCheck } from '../types.js';
import { CONSOLE_TOKENS } from '../../core/ruapi.js';

/**
 * RuAPI does not publish its token format, so this can only say a key does not look like one;
 * passing it never means the key is valid.
 */
export default defineCheck({
  id: 'key/format',
  area: 'key',
  title: 'shaped like a RuAPI token (sk-…); only the gateway can say it works',
  severities: ['warning'],
  needs: 'key',
  run: ({ key }) => {
    if (key?.kind.kind !== 'unknown' || key.nonAscii.length > 0) return [];
    return [
      {
        severity: 'warning',
        title: 'The key does not look like a RuAPI token',
        message: `${capitalise(key.kind.reason)}. RuAPI does not publish its token format, so this is a hint, not a verdict: the live check asks the gateway.`,
        fix: `Copy your token from RuAPI ${CONSOLE_TOKENS} (it starts with sk-).`,
      },
    ];
  },
});
