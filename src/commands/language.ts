import { chooseLang } from '../core/lang.js';
import { useLanguage, type Lang } from '../lang/t.js';

/**
 * Chooses the language of this run (--lang, RUAPI_LANG, then the locale: src/core/lang.ts) and
 * loads its messages before anything is said. English is in the code and needs nothing loaded;
 * Russian is dist/ru.cjs (with the entries' Russian text, which the live findings quote),
 * required only here and only when Russian is chosen.
 */
export async function useChosenLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Lang> {
  const lang = chooseLang(flag, env);
  if (lang === 'ru') {
    const [{ RU }, { ENTRY_TEXT_RU }, { useEntryTexts }] = await Promise.all([import('../lang/ru/index.js'), import('../knowledge/ru/index.js'), import('../knowledge/localized.js')]);
    useLanguage('ru', RU);
    useEntryTexts(ENTRY_TEXT_RU);
  } else useLanguage('en');
  return lang;
}
