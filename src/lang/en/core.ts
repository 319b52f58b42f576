/** The English messages of src/core/ (see src/lang/t.ts). */
export const CORE = {
  /** A time under a second, and over one (src/core/text.ts duration). */
  'core.ms': '{n} ms',
  'core.s': '{n} s',
  /** The protocols' names (src/core/ruapi.ts protocolName). */
  'core.protocol.openai': 'OpenAI-compatible',
  'core.protocol.anthropic': 'Anthropic',
} as const;
