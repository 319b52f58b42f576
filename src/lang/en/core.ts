/** The English messages of src/core/ (see src/lang/t.ts). */
export const CORE = {
  /** A time under a second, and over one (src/core/text.ts duration). */
  'core.ms': '{n} ms',
  'core.s': '{n} s',
  /** "a, b and c", "a, b or c" (src/core/text.ts andList, orList). */
  'core.list.and': '{items} and {last}',
  'core.list.or': '{items} or {last}',
  /** The protocols' names (src/core/ruapi.ts protocolName). */
  'core.protocol.openai': 'OpenAI-compatible',
  'core.protocol.anthropic': 'Anthropic',
  /** Under a usage error ({command}: `ruapi` or `ruapi doctor`), and an internal error (src/core/exit.ts). */
  'core.usage-hint': "Run '{command} --help' for usage.",
  'core.internal-error': 'ruapi: internal error: {message}',
  'core.debug-hint': 'Run with --debug for details.',
  /** A bad --lang: said before any language is chosen, so always in English (src/core/lang.ts). */
  'core.lang.invalid': "--lang expects {langs}, not '{value}'",
  /** The output files (src/core/output.ts). */
  'core.output.cannot-write': '--output {path}: cannot write it ({code}): check that its folder exists and is writable',
  'core.output.step-summary': 'ruapi: could not append to GITHUB_STEP_SUMMARY ({file})',
} as const;
