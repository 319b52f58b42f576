/**
 * The Russian text of the knowledge base: what `ruapi explain` shows when the language is Russian.
 * Only text lives here; ids, codes, statuses and names stay in the English entries.
 *
 * Names of the console's pages. RuAPI's own docs (docs.ruapi.ai, summarised in
 * /work/shared/spec/ruapi.md) and its support cheat sheet give them only in English: «Console →
 * Tokens», «Console → Logs», the key's «Model access» field. RuAPI very likely runs new-api, so the
 * Russian names come from new-api's web UI locale (QuantumNous/new-api,
 * web/src/i18n/locales/ru.json at 00223727): "Console" → «Консоль», "Tokens" → «Токены», "Logs" →
 * «Журналы», "Model Access" → «Доступ к моделям». They are written «Консоль → Токены» and «Консоль →
 * Журналы» (CONSOLE_NAMES_RU below; the test holds every text to it). Caveat: new-api's newer
 * sidebar labels the same pages "API Keys" → «Ключи API» and "Usage Logs" → «Журнал
 * использования»; we follow the English names RuAPI's docs use (Tokens, Logs), whose Russian in
 * the same locale is the one above. Fields with no console name in the docs (spend limit, expiry,
 * IP allow-list, group) are described in plain words.
 */
import type { EntryText } from './types.js';
import { badRequest } from './bad-request.js';
import { connectionRefused } from './connection-refused.js';
import { dns } from './dns.js';
import { forbidden } from './forbidden.js';
import { gatewayError } from './gateway-error.js';
import { keyRejected } from './key-rejected.js';
import { notFound } from './not-found.js';
import { outOfBalance } from './out-of-balance.js';
import { rateLimited } from './rate-limited.js';
import { streamTimeout } from './stream-timeout.js';
import { tls } from './tls.js';
import { tooLarge } from './too-large.js';

export type { EntryText } from './types.js';
export { SAYS_RU } from './says.js';

/** The console's names as the English text writes them, and as the Russian console shows them. */
export const CONSOLE_NAMES_RU: Readonly<Record<string, string>> = {
  'Console → Tokens': 'Консоль → Токены',
  'Console → Logs': 'Консоль → Журналы',
  'Model access': 'Доступ к моделям',
};

/** The Russian text of each entry, by entry id. */
export const ENTRY_TEXT_RU: Record<string, EntryText> = {
  'bad-request': badRequest,
  'connection-refused': connectionRefused,
  dns,
  forbidden,
  'gateway-error': gatewayError,
  'key-rejected': keyRejected,
  'not-found': notFound,
  'out-of-balance': outOfBalance,
  'rate-limited': rateLimited,
  'stream-timeout': streamTimeout,
  tls,
  'too-large': tooLarge,
};
