import { answerTokens, randomId, type CompletionInput } from './responses.js';

/**
 * OpenAI's Responses API (`POST /v1/responses`), which Codex CLI speaks: a whole response, and
 * the events of a streamed one in the order the official SDK's stream helper accumulates them.
 * RuAPI's docs do not mention this endpoint; the simulator answers it so Codex users can try it.
 */

const now = () => Math.floor(Date.now() / 1000);

/** The response object, `completed` (or `incomplete` when max_output_tokens cut it). */
export function responseObject(i: CompletionInput, id = randomId('resp_'), msgId = randomId('msg_')): Record<string, unknown> {
  const { tokens, truncated } = answerTokens(i.maxTokens);
  const text = tokens.join('');
  return {
    id,
    object: 'response',
    created_at: now(),
    status: truncated ? 'incomplete' : 'completed',
    incomplete_details: truncated ? { reason: 'max_output_tokens' } : null,
    model: i.model,
    output: [{ id: msgId, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }],
    usage: { input_tokens: i.inputTokens, output_tokens: tokens.length, total_tokens: i.inputTokens + tokens.length },
  };
}

/** The events of a streamed response, each `{event, data}`, ending with `response.completed`. */
export function responseEvents(i: CompletionInput): Array<{ event: string; data: Record<string, unknown> }> {
  const id = randomId('resp_');
  const msgId = randomId('msg_');
  const done = responseObject(i, id, msgId);
  const output = done.output as Array<{ content: Array<{ text: string }> }>;
  const text = output[0]!.content[0]!.text;
  const started = { ...done, status: 'in_progress', incomplete_details: null, output: [], usage: null };
  const item = { id: msgId, type: 'message', status: 'in_progress', role: 'assistant', content: [] };
  const part = { type: 'output_text', text: '', annotations: [] };
  const deltas = answerTokens(i.maxTokens).tokens;
  let seq = 0;
  const ev = (type: string, data: Record<string, unknown>) => ({ event: type, data: { type, sequence_number: seq++, ...data } });
  const at = { item_id: msgId, output_index: 0, content_index: 0 };
  return [
    ev('response.created', { response: started }),
    ev('response.output_item.added', { output_index: 0, item }),
    ev('response.content_part.added', { ...at, part }),
    ...deltas.map((delta) => ev('response.output_text.delta', { ...at, delta, logprobs: [] })),
    ev('response.output_text.done', { ...at, text, logprobs: [] }),
    ev('response.content_part.done', { ...at, part: { ...part, text } }),
    ev('response.output_item.done', { output_index: 0, item: output[0] }),
    ev(done.status === 'completed' ? 'response.completed' : 'response.incomplete', { response: done }),
  ];
}
