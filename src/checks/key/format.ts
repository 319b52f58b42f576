import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { capitalise } from '../text.js';
import { defineCheck } from '../types.js';

const t = messages(CHECKS);

/**
 * RuAPI does not publish its token format, so this can only say a key does not look like one;
 * passing it never means the key is valid.
 */
export default defineCheck({
  id: 'key/format',
  area: 'key',
  get title() {
    return t('key/format.check');
  },
  severities: ['warning'],
  needs: 'key',
  run: ({ key }) => {
    if (key?.kind.kind !== 'unknown' || key.nonAscii.length > 0) return [];
    return [
      {
        severity: 'warning',
        title: t('key/format.title'),
        message: t('key/format.message', { reason: capitalise(key.kind.reason) }),
        fix: t('key/format.fix'),
      },
    ];
  },
});
