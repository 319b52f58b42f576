import { defineCheck } from '../types.js';

const VARS = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' } as const;

export default defineCheck({
  id: 'key/missing',
  area: 'key',
  title: 'a key is set',
  severities: ['error'],
  run: ({ target, key }) => {
    if (key) return [];
    const name = VARS[target.protocol];
    const fix =
      target.protocol === 'openai'
        ? `${name}=<your RuAPI token from Console → Tokens>   (in .env or your environment; RUAPI_API_KEY works too)`
        : `${name}=<your RuAPI token from Console → Tokens>   (or ANTHROPIC_AUTH_TOKEN, e.g. in the "env" block of ~/.claude/settings.json for Claude Code)`;
    if (target.key) {
      const blocked = target.key.shadowed?.find((s) => s.value.trim() !== '');
      const note = blocked
        ? ` It also hides the value in ${blocked.source.label}: an empty variable in the environment still counts as set, so .env loaders leave it alone.`
        : '';
      return [
        {
          severity: 'error',
          title: 'The key is empty',
          message: `${target.key.source.label} is set but holds no key (blank or only invisible characters). Every request would be refused with 401.${note}`,
          fix: blocked && target.key.source.kind === 'env' ? `unset ${target.key.source.name}   (or set it to your RuAPI token)` : fix,
          data: { fix: { field: 'key' } },
          source: target.key.source.label,
        },
      ];
    }
    const names = target.protocol === 'openai' ? 'OPENAI_API_KEY or RUAPI_API_KEY' : 'ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN or RUAPI_API_KEY';
    return [
      {
        severity: 'error',
        title: 'No key found',
        message: `None of ${names} is set in the environment, .env or Claude Code's settings, and no --key was given. Without a key every request is refused with 401.`,
        fix,
        data: { fix: { field: 'key' } },
      },
    ];
  },
});
