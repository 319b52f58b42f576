import { CHECKS } from '../../lang/en/checks.js';
import { messages } from '../../lang/t.js';
import { capitalise } from '../text.js';
import { defineCheck } from '../types.js';

const t = messages(CHECKS);

export default defineCheck({
  id: 'key/non-ascii',
  area: 'key',
  get title() {
    return t('key/non-ascii.check');
  },
  severities: ['error'],
  needs: 'key',
  run: ({ key }) => {
    if (!key || key.nonAscii.length === 0) return [];
    const shown = key.nonAscii.slice(0, 3);
    const items = shown.map((c) => (c.ascii ? t('key/non-ascii.char.lookalike', { position: c.position, what: c.what, ascii: c.ascii }) : t('key/non-ascii.char', { position: c.position, what: c.what })));
    if (key.nonAscii.length > shown.length) items.push(t('key/non-ascii.more', { n: key.nonAscii.length - shown.length }));
    const masked = key.nonAscii.some((c) => c.code === 0x2026);
    const placeholder = key.nonAscii.some((c) => c.code >= 0x3000 && c.code <= 0x9fff);
    const message = masked ? 'key/non-ascii.message.ellipsis' : placeholder ? 'key/non-ascii.message.placeholder' : 'key/non-ascii.message';
    const replaceable = shown.every((c) => c.ascii) && !masked;
    return [
      {
        severity: 'error',
        title: t('key/non-ascii.title'),
        message: t(message, { list: capitalise(items.join('; ')) }),
        fix: replaceable
          ? t('key/non-ascii.fix.replace', { steps: shown.map((c) => t('key/non-ascii.replace', { position: c.position, ascii: c.ascii! })).join('; ') })
          : t('key/non-ascii.fix'),
      },
    ];
  },
});
