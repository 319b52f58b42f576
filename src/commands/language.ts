import { chooseLang } from '../core/lang.js';
import { useEntryTexts } from '../knowledge/localized.js';
import { useLanguage, type Lang } from '../lang/t.js';

/**
 * Chooses the language of this run (--lang, RUAPI_LANG, then the locale: src/core/lang.ts) and
 * loads its messages before anything is said. English is in the code; Russian is dist/ru.cjs,
 * required only here and only when Russian is chosen.
 */
export async function useChosenLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Lang> {
  const lang = chooseLang(flag, env);
  if (lang === 'ru') {
    const [{ RU }, { ENTRY_TEXT_RU }] = await Promise.all([import('../lang/ru/index.js'), import('../knowledge/ru/index.js')]);
    useLanguage('ru', RU);
    useEntryTexts(ENTRY_TEXT_RU);
  } else {
    useLanguage('en');
    useEntryTexts(undefined);
  }
  return lang;
}
