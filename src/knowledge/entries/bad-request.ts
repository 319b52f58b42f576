import type { KnowledgeEntry } from '../types.js';

export const badRequest: KnowledgeEntry = {
  id: 'bad-request',
  code: '400',
  statuses: [400, 422],
  names: [
    'bad request',
    'bad_request',
    'BadRequestError',
    'UnprocessableEntityError',
    'context length',
    'context_length_exceeded',
    'string_above_max_length',
    'invalid_request',
    'bad-request',
  ],
  fromSheet: false,
  title: 'Bad request: the request itself was refused',
  causes: [
    'The prompt plus max_tokens is longer than the model\'s context window.',
    'A parameter is not valid for this model: an unknown field, a wrong type, a value out of range, or a feature the model lacks.',
    'On the Anthropic protocol, the anthropic-version header is missing or sent twice.',
  ],
  fix: [
    'Read the message: it usually names the field or the limit.',
    'For a context-length error: shorten the prompt or the history, lower max_tokens, or pick a model with a larger context.',
    'Drop optional parameters and retry with a minimal request, then add them back one by one.',
    'With the Anthropic protocol, send `anthropic-version: 2023-06-01` exactly once (the SDKs do it for you).',
  ],
  support: 'If a minimal request to the same model is also refused, write to support@ruapi.ai with the request id from Console → Logs.',
};
