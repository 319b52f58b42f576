import { defineCheck } from '../types.js';
import { modelFindings } from './unknown.js';

export default defineCheck({
  id: 'model/retiring',
  area: 'model',
  title: 'the model id is not about to retire upstream',
  severities: ['warning', 'info'],
  needs: 'model',
  run: (ctx) => modelFindings(ctx, 'model/retiring'),
});
