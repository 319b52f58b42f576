import type { Lang } from '../lang/t.js';
import { UsageError } from './exit.js';
import { CORE } from '../lang/en/core.js';
import { messages } from '../lang/t.js';

const t = messages(CORE);

export type { Lang } from '../lang/t.js';

/**
 * The language of the human output. English is the default and the fallback; Russian when asked
 * for or when the locale is Russian. Scripts' output (JSON keys, ids, codes, exit codes) never
 * changes with it.
 */
export const LANGS: readonly Lang[] = ['en', 'ru'];

/** `ru`, `ru_RU.UTF-8`, `ru-RU` → ru; `en…` → en; anything else is no language ruapi has. */
const asLang = (value: string): Lang | undefined => (/^ru(?:[_.@-]|$)/i.test(value) ? 'ru' : /^en(?:[_.@-]|$)/i.test(value) ? 'en' : undefined);

/** `--lang`: en or ru (a locale such as ru_RU counts), else a usage error. */
export function parseLang(value: string): Lang {
  const lang = asLang(value.trim());
  if (!lang) throw new UsageError(t('core.lang.invalid', { langs: LANGS.join(' or '), value }));
  return lang;
}

/**
 * `--lang` wins, then RUAPI_LANG, then the locale variables in the order gettext reads them:
 * LANGUAGE (its first entry), LC_ALL, LC_MESSAGES, LANG. `C` and `POSIX` mean English; a locale
 * that starts with `ru` means Russian; any other means English.
 */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) return parseLang(flag);
  const own = env.RUAPI_LANG?.trim();
  const fromOwn = own ? asLang(own) : undefined;
  if (fromOwn) return fromOwn;
  for (const name of ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    const first = name === 'LANGUAGE' ? (value.split(':')[0] ?? '') : value;
    if (!first) continue;
    return asLang(first) === 'ru' ? 'ru' : 'en';
  }
  return 'en';
}
