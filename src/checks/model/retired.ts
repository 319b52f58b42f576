import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { defineCheck } from '../types.js';
import { modelFindings } from './unknown.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'model/retired',
  area: 'model',
  get title() {
    return t('model/retired.check');
  },
  // A warning once the probe proved that RuAPI still serves it (src/doctor/proven.ts).
  severities: ['error', 'warning'],
  needs: 'model',
  run: (ctx) => modelFindings(ctx, 'model/retired'),
});
