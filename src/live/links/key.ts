import type { LiveLink } from '../link.js';
import { t } from '../words.js';

/**
 * The key. The gateway's answers prove it (the model list, else the probe), so this link stands
 * for the key only when it may not be sent at all: missing, unfit for a header, or bound for a
 * host it may not go to.
 */
export const key: LiveLink = {
  id: 'auth',
  steps: ['auth'],
  blockedBy: (ctx) => (ctx.keyBlockedBy ? [{ step: 'auth', status: 'skipped', detail: t('live.detail.key-not-sent'), blockedBy: ctx.keyBlockedBy }] : undefined),
  run: async () => ({ steps: [], findings: [] }),
};
