import type { Message } from '../t.js';
import type { CHECKS as EN } from '../en/checks.js';

/** The Russian messages of src/checks/: every id of src/lang/en/checks.ts. */
export const CHECKS: Record<keyof typeof EN, Message> = {
  'key/anthropic-key.title': 'Это ключ Anthropic, а не токен RuAPI',
  'key/anthropic-key.message': 'Это {what} (sk-ant-…): такой ключ принимает только API самой Anthropic, а RuAPI ответит 401. У RuAPI свой токен для обоих протоколов, в том числе для Anthropic.',
  'key/anthropic-key.fix': 'Создайте токен в RuAPI в разделе «Консоль → Токены» и используйте его (он начинается с sk-, а не с sk-ant-).',
};
