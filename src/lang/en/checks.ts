/** The English messages of src/checks/ (see src/lang/t.ts). */
export const CHECKS = {
  'key/anthropic-key.title': 'This is an Anthropic key, not a RuAPI token',
  'key/anthropic-key.message': "It is {what} (sk-ant-…), which only Anthropic's own API accepts: RuAPI answers 401. RuAPI uses its own token for both protocols, the Anthropic one included.",
  'key/anthropic-key.fix': 'Create a token in RuAPI Console → Tokens and use it instead (it starts with sk-, not sk-ant-).',
} as const;
