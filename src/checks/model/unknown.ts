import { looksLikeKey } from '../../core/keys.js';
import { kindOf } from '../../config/sources/index.js';
import { EXAMPLE_MODEL } from '../../core/ruapi.js';
import { CATALOG_AUTHORITY } from '../../models/catalog.js';
import { holdsKey } from '../holds-key.js';
import { matchModel } from '../../models/suggest.js';
import { assignment } from '../fix.js';
import { plural, shorten } from '../text.js';
import type { Draft } from '../types.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'model/unknown',
  area: 'model',
  title: 'the model id is on the list',
  severities: ['error', 'warning'],
  needs: 'model',
  run: ({ target, models }): Draft[] => {
    const model = target.model;
    if (!model || model.value.trim() === '') return [];
    if (looksLikeKey(model.value) || holdsKey(model.value, target)) {
      return [
        {
          severity: 'error',
          title: 'The model id is an API key',
          message: `${model.source.label} holds a key, not a model id: the key was pasted where the model goes. It is not shown here.`,
          fix: `Set the model to an id from \`ruapi models\` (e.g. ${EXAMPLE_MODEL[target.protocol]}), and keep the key only where the key goes.`,
        },
      ];
    }
    const match = matchModel(model.value, models.ids);
    if (match.kind === 'exact') return [];

    const listed =
      models.source === 'gateway'
        ? `the gateway's own list (${plural(models.ids.length, 'id')})`
        : `the bundled list of ${plural(models.ids.length, 'id')} (snapshot ${models.date}; \`ruapi models\` prints it)`;
    // A tool that reads this source may expand aliases itself (Claude Code: opus, sonnet …).
    const aliases = kindOf(model.source).notes?.modelAliases;
    const toolAlias = aliases?.ids.includes(model.value.trim().toLowerCase()) ? aliases.note : undefined;
    const why: Record<typeof match.kind, string> = {
      variant: match.prefix
        ? `The ${match.prefix} prefix is for routers such as LiteLLM and aider, which remove it before sending; RuAPI expects the bare id, exactly.`
        : 'RuAPI matches ids exactly, case, hyphens and dots included: this is a listed id written differently.',
      alias: toolAlias ?? 'RuAPI accepts exact ids only, not family names or aliases.',
      dated: 'The list has this model with a different (or no) date suffix.',
      partial: 'This is the beginning of longer ids; RuAPI accepts complete ids only.',
      typo: 'It is one or two characters away from a listed id.',
      none:
        models.source === 'gateway'
          ? 'Nothing on the list is close.'
          : `Nothing on the list is close. The bundled list is a snapshot and may miss newer models: ${CATALOG_AUTHORITY} is the authority.`,
    };
    const certain = models.source === 'gateway' || match.kind === 'variant' || (match.kind === 'alias' && !toolAlias);
    const [best, ...others] = match.suggestions;
    return [
      {
        severity: certain ? 'error' : 'warning',
        title: best ? `Unknown model id: did you mean ${best}?` : `Unknown model id ${shorten(model.value.trim(), 60)}`,
        message: `${shorten(model.value)} is not on ${listed}. ${why[match.kind]}`,
        fix: best
          ? `${assignment(model.source, model.source.name, best)}${others.length > 0 ? `   (or: ${others.join(', ')})` : ''}`
          : `Pick an id from \`ruapi models\` or ${CATALOG_AUTHORITY}.`,
        data: {
          suggestions: match.suggestions,
          list: { source: models.source, count: models.ids.length, ...(models.date ? { date: models.date } : {}) },
          ...(best ? { fix: { field: 'model', value: best } } : {}),
        },
      },
    ];
  },
});
