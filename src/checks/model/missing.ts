import { EXAMPLE_MODEL } from '../../core/ruapi.js';
import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'model/missing',
  area: 'model',
  get title() {
    return t('model/missing.check');
  },
  severities: ['info'],
  run: ({ target }) => {
    if (target.model && target.model.value.trim() !== '') return [];
    /** "OPENAI_MODEL in .env is empty.", before the message, when the value is there but blank. */
    const withEmpty = (message: string) => (target.model ? `${t('model/missing.empty', { label: target.model.source.label })} ${message}` : message);
    return [
      target.protocol === 'anthropic'
        ? {
            severity: 'info',
            title: t('model/missing.title'),
            message: withEmpty(t('model/missing.message.anthropic')),
            fix: t('model/missing.fix.anthropic', { model: EXAMPLE_MODEL.anthropic }),
          }
        : {
            severity: 'info',
            title: t('model/missing.title'),
            message: withEmpty(t('model/missing.message.openai')),
            fix: t('model/missing.fix.openai', { model: EXAMPLE_MODEL.openai }),
          },
    ];
  },
});
