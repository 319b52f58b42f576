import { PRECEDENCE } from '../../config/sources/index.js';
import { VARIABLES } from '../../core/ruapi.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { emptyHides } from '../fix.js';
import { orList } from '../../core/text.js';
import { defineCheck } from '../types.js';

const t = messages(CHECKS);

/** "the environment, .env or Claude Code's settings": every place a tool reads variables from. */
const places = () => orList([...new Set(PRECEDENCE.flatMap((s) => (s.title ? [s.title] : [])))]);

export default defineCheck({
  id: 'key/missing',
  area: 'key',
  get title() {
    return t('key/missing.check');
  },
  severities: ['error'],
  run: ({ target, key }) => {
    if (key) return [];
    const name = VARIABLES[target.protocol].key[0]!;
    const fix = t(target.protocol === 'openai' ? 'key/missing.fix.openai' : 'key/missing.fix.anthropic', { name });
    if (target.key) {
      const hides = emptyHides(target.key);
      return [
        {
          severity: 'error',
          title: t('key/missing.title.empty'),
          message: t('key/missing.message.empty', { label: target.key.source.label, hides: hides?.note ?? '' }),
          fix: hides ? t('key/missing.fix.hides', { unset: hides.unset }) : fix,
          data: { fix: { field: 'key' } },
          source: target.key.source.label,
        },
      ];
    }
    const names = orList([...VARIABLES[target.protocol].key, ...VARIABLES.ruapi.key]);
    return [
      {
        severity: 'error',
        title: t('key/missing.title'),
        message: t('key/missing.message', { names, places: places() }),
        fix,
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
