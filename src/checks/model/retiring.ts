import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { modelFindings } from './unknown.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'model/retiring',
  area: 'model',
  get title() {
    return t('model/retiring.check');
  },
  severities: ['warning', 'info'],
  needs: 'model',
  run: (ctx) => modelFindings(ctx, 'model/retiring'),
});
