import type { KnowledgeEntry } from '../types.js';

export const tooLarge: KnowledgeEntry = {
  id: 'too-large',
  code: '413',
  statuses: [413],
  names: ['too large', 'request_too_large', 'RequestTooLargeError', 'payload too large', 'payload_too_large', 'entity too large', 'too-large'],
  fromSheet: false,
  title: 'Request too large: the body is bigger than a server on the way accepts',
  causes: [
    'The request body is very big: images or files encoded in base64, or a long conversation history.',
    'A proxy in between (nginx, Cloudflare, a corporate proxy) has a lower body-size limit than the API.',
  ],
  fix: [
    'Shrink the request: resize or compress images, send fewer files, trim the history.',
    'Send big documents in parts.',
    'If you run your own proxy, raise its body-size limit (nginx: client_max_body_size).',
  ],
  support: 'If small requests fail with 413 too, write to support@ruapi.ai with the request id from Console → Logs and the request size.',
};
