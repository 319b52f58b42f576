import type { Message } from '../t.js';
import type { CORE as EN } from '../en/core.js';

/** The Russian messages of src/core/: every id of src/lang/en/core.ts. */
export const CORE: Record<keyof typeof EN, Message> = {
  'core.ms': '{n} мс',
  'core.s': '{n} с',
  'core.protocol.openai': 'OpenAI-совместимый',
  'core.protocol.anthropic': 'Anthropic',
};
