import type { KnowledgeEntry } from '../types.js';

export const forbidden: KnowledgeEntry = {
  id: 'forbidden',
  code: '403',
  statuses: [403],
  names: ['forbidden', 'permission_error', 'permission denied', 'PermissionDeniedError', 'unsupported_country_region_territory', 'access_denied'],
  fromSheet: false,
  title: 'Forbidden: the key or your network may not make this request',
  causes: [
    'The key is not allowed to use this model or endpoint (Model access is restricted on the key).',
    'The request comes from an address or region that is not allowed: a network restriction on the key, or a provider\'s region rule.',
    'The account or the key was blocked.',
  ],
  fix: [
    'Check the key in Console → Tokens: model access, allowed networks, expiry.',
    'Try from another network, without VPN or proxy, to rule out an address-based block.',
    'Create a fresh key without restrictions and compare.',
  ],
  support: 'If an unrestricted key is also refused, write to support@ruapi.ai with the request id from Console → Logs and the address you call from.',
};
