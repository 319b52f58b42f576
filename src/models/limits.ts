/**
 * The OpenAI API's reasoning models (the o-series, gpt-5 and later, not their `-chat` ids) refuse
 * `max_tokens` on chat completions and take `max_completion_tokens`: the probe and the curl
 * examples send the one the model takes.
 */
export function takesMaxCompletionTokens(model: string): boolean {
  const id = model.toLowerCase().replace(/^[a-z0-9-]+\//, '');
  return /^(o\d|gpt-(5|6|7))(?![0-9])/.test(id) && !/-chat(-|$)/.test(id);
}
