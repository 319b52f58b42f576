import { capitalise } from '../text.js';
import { defineCheck } from '../types.js';
import { CONSOLE_TOKENS } from '../../core/ruapi.js';

export default defineCheck({
  id: 'key/non-ascii',
  area: 'key',
  title: 'only plain ASCII characters in the key',
  severities: ['error'],
  needs: 'key',
  run: ({ key }) => {
    if (!key || key.nonAscii.length === 0) return [];
    const shown = key.nonAscii.slice(0, 3);
    const list = shown.map((c) => `character ${c.position} is ${c.what}${c.ascii ? `, which looks like '${c.ascii}'` : ''}`).join('; ');
    const more = key.nonAscii.length > shown.length ? `; ${key.nonAscii.length - shown.length} more` : '';
    const masked = key.nonAscii.some((c) => c.code === 0x2026);
    const placeholder = key.nonAscii.some((c) => c.code >= 0x3000 && c.code <= 0x9fff);
    const hint = masked
      ? ' An ellipsis usually means a shortened key (sk-ab…yz) was copied instead of the full one.'
      : placeholder
        ? ' This looks like placeholder text from an example, not a key.'
        : '';
    const replaceable = shown.every((c) => c.ascii) && !masked;
    return [
      {
        severity: 'error',
        title: 'The key has characters that are not plain ASCII',
        message: `${capitalise(list)}${more}. Keys are plain ASCII: Node refuses to send this one ("Cannot convert argument to a ByteString") and Python fails with UnicodeEncodeError, before any request is made.${hint}`,
        fix: replaceable
          ? `${shown.map((c) => `Replace character ${c.position} with '${c.ascii}'`).join('; ')} (or copy the key again from ${CONSOLE_TOKENS}).`
          : `Copy the full key again from ${CONSOLE_TOKENS} (it is shown in full only once: create a new token if you no longer have it).`,
      },
    ];
  },
});
