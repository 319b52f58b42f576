import { chooseLang } from '../core/lang.js';
import { language, useLanguage, type Lang } from '../lang/t.js';

/**
 * Chooses the language of this run (--lang, RUAPI_LANG, then the locale: src/core/lang.ts) and
 * loads its messages before anything is said. English is in the code and loads nothing. Russian
 * is two chunks, required only here and only when Russian is chosen: dist/ru.cjs (explain's words,
 * the entries' text and the few messages `explain` says) and dist/ru-messages.cjs (every other
 * message). `explain` asks for its own messages only, so that it starts about as fast in Russian.
 * The entries' text goes to the knowledge base (its chunk, explain.cjs, is required only then, so
 * an English doctor run that never quotes an entry does not load it).
 */
export async function useChosenLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, only?: 'explain'): Promise<Lang> {
  const lang = chooseLang(flag, env);
  if (lang === 'ru') {
    const [table, { ENTRY_TEXT_RU }, { useEntryTexts }] = await Promise.all([
      only === 'explain' ? import('../lang/ru/explain.js').then((m) => m.RU_EXPLAIN) : import('../lang/ru/index.js').then((m) => m.RU),
      import('../knowledge/ru/index.js'),
      import('../knowledge/localized.js'),
    ]);
    useLanguage('ru', table);
    useEntryTexts(ENTRY_TEXT_RU);
  } else {
    // Another language spoken before (src/lang/t.ts holds the one state) handed its entry texts over too: take them back.
    const before = language();
    useLanguage('en');
    if (before !== 'en') (await import('../knowledge/localized.js')).useEntryTexts(undefined);
  }
  return lang;
}
