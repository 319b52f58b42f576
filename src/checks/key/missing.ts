import { PRECEDENCE } from '../../config/sources/index.js';
import { emptyHides } from '../fix.js';
import { CONSOLE_TOKENS, VARIABLES } from '../../core/ruapi.js';
import { orList } from '../text.js';
import { defineCheck } from '../types.js';

/** "the environment, .env or Claude Code's settings": every place a tool reads variables from. */
const PLACES = orList([...new Set(PRECEDENCE.flatMap((s) => (s.title ? [s.title] : [])))]);

export default defineCheck({
  id: 'key/missing',
  area: 'key',
  title: 'a key is set',
  severities: ['error'],
  run: ({ target, key }) => {
    if (key) return [];
    const name = VARIABLES[target.protocol].key[0]!;
    const fix =
      target.protocol === 'openai'
        ? `${name}=<your RuAPI token from ${CONSOLE_TOKENS}>   (in .env or your environment; RUAPI_API_KEY works too)`
        : `${name}=<your RuAPI token from ${CONSOLE_TOKENS}>   (or ANTHROPIC_AUTH_TOKEN, e.g. in the "env" block of ~/.claude/settings.json for Claude Code)`;
    if (target.key) {
      const hides = emptyHides(target.key);
      return [
        {
          severity: 'error',
          title: 'The key is empty',
          message: `${target.key.source.label} is set but holds no key (blank or only invisible characters). Every request would be refused with 401.${hides?.note ?? ''}`,
          fix: hides ? `${hides.unset}   (or set it to your RuAPI token)` : fix,
          data: { fix: { field: 'key' } },
          source: target.key.source.label,
        },
      ];
    }
    const names = orList([...VARIABLES[target.protocol].key, ...VARIABLES.ruapi.key]);
    return [
      {
        severity: 'error',
        title: 'No key found',
        message: `None of ${names} is set in ${PLACES}, and no --key was given. Without a key every request is refused with 401.`,
        fix,
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
