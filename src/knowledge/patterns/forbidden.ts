import type { Pattern } from '../types.js';

/** What points at the `forbidden` entry (src/knowledge/entries/forbidden.ts) in pasted text. */
export const forbidden: readonly Pattern[] = [
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
  { text: 'этот пользователь отключён', weight: 14, says: 'The account is disabled.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:75 user.disabled' },
  { text: '不支持指定渠道', weight: 14, says: 'The key as sent has an extra part after a "-" (the gateway reads it as a channel id, which only admins may name): copy the key again, exactly.', source: 'QuantumNous/new-api@ef8ae4db middleware/auth.go:243 TokenAuth' },
  { text: '不在令牌允许访问的列表中', weight: 14, says: 'This key may only be used from certain IP addresses, and this one is not among them: add it to the key\'s IP allow-list in Console → Tokens, or use another key.', source: 'QuantumNous/new-api@ef8ae4db middleware/distributor.go:31 Distribute' },
  { text: '令牌分组', weight: 12, says: 'The key\'s group is disabled on the gateway: pick another group for the key in Console → Tokens.', source: 'QuantumNous/new-api@ef8ae4db middleware/distributor.go:47 Distribute' },
  { text: '已被弃用', near: '分组 ', weight: 12, says: 'The key\'s group is deprecated on the gateway: pick another group for the key in Console → Tokens.', source: 'QuantumNous/new-api@ef8ae4db middleware/distributor.go:52 Distribute' },
  { text: 'не имеет доступа ни к одной модели', weight: 14, says: 'This key may use no model at all: set its Model access in Console → Tokens.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:378 distributor.token_no_model_access' },
  { text: 'нет прав для доступа к этой группе', weight: 12, source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:382 distributor.group_access_denied' },
  { text: 'не входит в список разрешённых для этого токена', weight: 14, says: 'This key may only be used from certain IP addresses, and this one is not among them: add it to the key\'s IP allow-list in Console → Tokens, or use another key.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:434 auth.ip_not_allowed' },
  { text: 'нет доступа к группе', weight: 12, says: 'The key\'s group may not be used (disabled, or not open to this account): pick another group for the key in Console → Tokens.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:435 auth.group_access_denied' },
  { text: 'устарела', near: 'группа ', weight: 12, says: 'The key\'s group is deprecated on the gateway: pick another group for the key in Console → Tokens.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:436 auth.group_deprecated' },
  { text: 'не могут указывать канал', weight: 14, says: 'The key as sent has an extra part after a "-" (the gateway reads it as a channel id, which only admins may name): copy the key again, exactly.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:437 auth.non_admin_channel_denied' },
];
