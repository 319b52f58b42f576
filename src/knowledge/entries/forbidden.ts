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
  patterns: [
    { text: 'country, region, or territory not supported', weight: 14, says: 'The request came from a region the provider does not serve.' },
    { text: 'unsupported_country_region_territory', weight: 14 },
    // A key the provider knows but has restricted (OpenAI's restricted keys answer a 401 that names the missing scope).
    { text: 'missing scopes', weight: 16, says: 'The key is valid but restricted: it lacks the permission (scope) this endpoint needs. Use an unrestricted key, or give this one that scope.', source: '176-codex-401-insufficient-permissions-missing-scopes.txt' },
    { text: 'insufficient permissions', weight: 10, source: '176-codex-401-insufficient-permissions-missing-scopes.txt' },
    { text: 'permission denied', weight: 6 },
    { text: 'permission_error', weight: 8 },
    { text: 'forbidden', weight: 4, word: true },
    { text: '该令牌只能在指定网段使用', weight: 14, says: 'The key may only be used from certain networks, and this address is not one of them.' },
    { text: '用户已被封禁', weight: 14, says: 'The account is blocked.' },
    // The gateway family (new-api distributor.*, one-api middleware/auth.go): the key's Model access.
    { text: '该令牌无权使用模型', weight: 14, says: 'This key may not use that model: add it to the key\'s Model access in Console → Tokens, or use another key.' },
    { text: '该令牌无权访问模型', weight: 14, says: 'This key may not use that model: add it to the key\'s Model access in Console → Tokens, or use another key.' },
    { text: 'has no access to model', weight: 14, says: 'This key may not use that model: add it to the key\'s Model access in Console → Tokens, or use another key.' },
    { text: 'не имеет доступа к модели', weight: 14, says: 'This key may not use that model: add it to the key\'s Model access in Console → Tokens, or use another key.' },
    { text: 'has no access to any models', weight: 14, says: 'This key may use no model at all: set its Model access in Console → Tokens.' },
    { text: '该令牌无权访问任何模型', weight: 14, says: 'This key may use no model at all: set its Model access in Console → Tokens.' },
    { text: 'no permission to access this group', weight: 12 },
    { text: '无权访问该分组', weight: 12 },
    { text: 'this user has been disabled', weight: 14, says: 'The account is disabled.' },
    { text: '该用户已被禁用', weight: 14, says: 'The account is disabled.' },
    { text: 'пользователь заблокирован', weight: 14, says: 'The account is blocked.' },
  ],
};
