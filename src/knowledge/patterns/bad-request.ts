import type { Pattern } from '../types.js';

/** What points at the `bad-request` entry (src/knowledge/entries/bad-request.ts) in pasted text. */
export const badRequest: readonly Pattern[] = [
  { text: 'context_length_exceeded', weight: 14, says: 'The prompt and the answer together exceed the model\'s context window.' },
  { text: 'maximum context length', weight: 14, says: 'The prompt and the answer together exceed the model\'s context window.' },
  { text: 'context length', weight: 10, says: 'The request is longer than the model\'s context window.' },
  { text: 'prompt is too long', weight: 14, says: 'The prompt is longer than the model accepts.' },
  { text: 'anthropic-version: header is required', weight: 12, says: 'The anthropic-version header is missing: an Anthropic-protocol request without it is refused (or the request reached the wrong endpoint).' },
  { text: 'is not a valid version', weight: 10, says: 'The anthropic-version header holds a bad value (often sent twice by a proxy).' },
  { text: 'invalid_request_error', weight: 3 },
  { text: 'unsupported parameter', weight: 10 },
  // The gateway family could not read the model out of the request body.
  { text: 'unable to parse model', weight: 12, says: 'The gateway could not read the model out of the request: the body is not what this endpoint expects.', source: 'QuantumNous/new-api@002f9122 i18n/locales/en.yaml distributor.invalid_request_parse_model' },
  { text: '无法解析模型', weight: 12, says: 'The gateway could not read the model out of the request: the body is not what this endpoint expects.', source: 'QuantumNous/new-api@002f9122 i18n/locales/zh-CN.yaml distributor.invalid_request_parse_model' },
  { text: 'невозможно разобрать модель', weight: 12, says: 'The gateway could not read the model out of the request: the body is not what this endpoint expects.', source: 'QuantumNous/new-api@221f50ea i18n/locales/ru.yaml distributor.invalid_request_parse_model' },
];
