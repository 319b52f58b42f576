import { chooseLang } from '../core/lang.js';
import { language, useLanguage, type Lang } from '../lang/t.js';

/**
 * Chooses the language of this run (--lang, RUAPI_LANG, then the locale: src/core/lang.ts) and
 * loads its messages before anything is said. English is in the code; Russian is dist/ru.cjs,
 * required only here and only when Russian is chosen. The knowledge base's entry texts are handed
 * over the same way: its chunk (explain.cjs) is required only then, so that an English doctor
 * run that never explains an answer does not load it.
 */
export async function useChosenLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Lang> {
  const lang = chooseLang(flag, env);
  if (lang === 'ru') {
    const [{ RU }, { ENTRY_TEXT_RU }, { useEntryTexts }] = await Promise.all([import('../lang/ru/index.js'), import('../knowledge/ru/index.js'), import('../knowledge/localized.js')]);
    useLanguage('ru', RU);
    useEntryTexts(ENTRY_TEXT_RU);
  } else {
    // Another language spoken before (src/lang/t.ts holds the one state) handed its entry texts over too: take them back.
    const before = language();
    useLanguage('en');
    if (before !== 'en') (await import('../knowledge/localized.js')).useEntryTexts(undefined);
  }
  return lang;
}
