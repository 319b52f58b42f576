import { SAYS_RU } from '../../knowledge/ru/index.js';
import type { ExplainWords } from '../explain-words.js';
import type { ExplainTexts } from '../explain.js';

/** `ruapi explain` in Russian: its own words (the entries' text is in src/knowledge/ru/). */
export const RU_WORDS: ExplainWords = {
  cause: { 'model-id': 'ID модели', 'base-url': 'базовый URL' },
  twoCauses: 'У этой ошибки две разные причины; проверьте обе.',
  causeHeading: 'Причина {n}: {cause} — {title}',
  why: 'Почему так бывает',
  whatToDo: 'Что сделать',
  support: 'Поддержка',
  notOnSheet: '(Этого нет в памятке поддержки RuAPI: ruapi добавил это из того, с чем пользователи сталкиваются чаще всего.)',
  ambiguous: 'По одному тексту нельзя сказать наверняка; сначала самое вероятное.',
  likelyCause: 'Вероятная причина:',
  causeOpen: 'Текст не говорит, какая из двух причин: проверьте обе.',
  foundInText: 'Найдено в тексте',
  found: { status: 'статус', error: 'ошибка', message: 'сообщение', model: 'модель', url: 'url', requestId: 'request id', from: 'откуда' },
  quoteRequestId: 'Укажите request id {id}, когда пишете в поддержку (support@ruapi.ai): по нему в разделе «Консоль → Журналы» видна вся ошибка.',
  secondReading: 'Второе прочтение',
  alsoPossible: 'Также возможно',
  noEntry: 'Для этого кода в ruapi нет статьи.',
  noMatch: 'В этом тексте нет ошибки, которую знает ruapi.',
  knownCodes: 'Известные коды: {codes}.',
  tryCode: 'Попробуйте один из них (ruapi explain 429) или вставьте текст ошибки целиком.',
  pasteWhole: 'Вставьте ошибку целиком, с HTTP-статусом и телом ответа, если они есть, или найдите код (ruapi explain 429).',
  none: { url: 'этот адрес', model: 'эта модель' },
};

/** The Russian texts of `ruapi explain`: loaded only when Russian is chosen (src/commands/explain.ts). */
export function russianTexts(): ExplainTexts {
  return {
    words: RU_WORDS,
    says: (template: string) => SAYS_RU[template],
  };
}

