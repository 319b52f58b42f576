import type { Message } from '../t.js';
import type { CORE as EN } from '../en/core.js';

/** The Russian messages of src/core/: every id of src/lang/en/core.ts. */
export const CORE: Record<keyof typeof EN, Message> = {
  'core.ms': '{n} мс',
  'core.s': '{n} с',
  'core.list.and': '{items} и {last}',
  'core.list.or': '{items} или {last}',
  'core.protocol.openai': 'OpenAI-совместимый',
  'core.protocol.anthropic': 'Anthropic',
  'core.usage-hint': 'Справка: {command} --help',
  'core.internal-error': 'ruapi: внутренняя ошибка: {message}',
  'core.debug-hint': 'Подробности покажет запуск с --debug.',
  'core.lang.invalid': '--lang принимает {langs}, а не «{value}»',
  'core.output.cannot-write': '--output {path}: не удалось записать файл ({code}): проверьте, что его папка существует и доступна для записи',
  'core.output.step-summary': 'ruapi: не удалось дописать в GITHUB_STEP_SUMMARY ({file})',
};
