import { defineCheck } from '../types.js';
import { modelFindings } from './unknown.js';

export default defineCheck({
  id: 'model/retired',
  area: 'model',
  title: 'the model id is not retired upstream',
  // A warning once the probe proved that RuAPI still serves it (src/doctor/proven.ts).
  severities: ['error', 'warning'],
  needs: 'model',
  run: (ctx) => modelFindings(ctx, 'model/retired'),
});
