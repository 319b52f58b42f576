import { EXAMPLE_MODEL } from '../../core/ruapi.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  id: 'model/missing',
  area: 'model',
  title: 'a model id is set',
  severities: ['info'],
  run: ({ target }) => {
    if (target.model && target.model.value.trim() !== '') return [];
    const empty = target.model ? `${target.model.source.label} is empty. ` : '';
    return [
      target.protocol === 'anthropic'
        ? {
            severity: 'info',
            title: 'No model set',
            message: `${empty}Without ANTHROPIC_MODEL, Claude Code asks for its own default Claude ids, which RuAPI may not list under those exact names. Set one to have it checked.`,
            fix: `ANTHROPIC_MODEL=${EXAMPLE_MODEL.anthropic}   (or: ruapi doctor --model <id>; \`ruapi models claude\` lists ids)`,
          }
        : {
            severity: 'info',
            title: 'No model set',
            message: `${empty}OpenAI-compatible code names the model in each request, where the doctor cannot see it. Give the id your code uses to have it checked.`,
            fix: `ruapi doctor --model ${EXAMPLE_MODEL.openai}   (or RUAPI_MODEL=<id>; \`ruapi models\` lists ids)`,
          },
    ];
  },
});
