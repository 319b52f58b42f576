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
  // The gateway family's own checks of the request (new-api distributor and relay, one-api validator).
  { text: 'invalid request, ', weight: 10, says: 'The gateway could not read the request body: it is not valid JSON of the shape this endpoint expects.', source: 'QuantumNous/new-api@ef8ae4db middleware/distributor.go:39 Distribute' },
  { text: 'invalid request: ', weight: 10, says: 'The gateway could not read the request body: it is not valid JSON of the shape this endpoint expects.', source: 'QuantumNous/new-api@df3d6937 i18n/locales/en.yaml:249 distributor.invalid_request' },
  { text: '无效的请求，', weight: 10, says: 'The gateway could not read the request body: it is not valid JSON of the shape this endpoint expects.', source: 'QuantumNous/new-api@df3d6937 i18n/locales/zh-CN.yaml:250 distributor.invalid_request' },
  { text: 'invalid midjourney request', weight: 10, source: 'QuantumNous/new-api@df3d6937 i18n/locales/en.yaml:259 distributor.invalid_midjourney_request' },
  { text: '无效的midjourney请求', weight: 10, source: 'QuantumNous/new-api@df3d6937 i18n/locales/zh-CN.yaml:260 distributor.invalid_midjourney_request' },
  { text: 'max_tokens is invalid', weight: 12, says: 'max_tokens is out of range: send a positive value within the model\'s limit, or leave it out.', source: 'QuantumNous/new-api@ef8ae4db relay/relay-text.go:44 getAndValidateTextRequest' },
  { text: ' is required', near: 'field ', weight: 12, says: 'The request lacks a field this endpoint needs (messages, prompt, input…): the body does not fit the endpoint it was sent to.', source: 'QuantumNous/new-api@ef8ae4db relay/relay-text.go:56 getAndValidateTextRequest' },
  { text: 'sensitive words detected', weight: 14, says: 'The gateway\'s content filter refused the prompt (sensitive words): rephrase it.', source: 'QuantumNous/new-api@ef8ae4db service/sensitive.go:28' },
  { text: 'query is empty', weight: 10, source: 'QuantumNous/new-api@ef8ae4db relay/relay_rerank.go:39 RerankHelper' },
  { text: 'documents is empty', weight: 10, source: 'QuantumNous/new-api@ef8ae4db relay/relay_rerank.go:42 RerankHelper' },
  { text: 'prompt is required', weight: 12, source: 'songquanpeng/one-api@8df4a267 relay/controller/image.go:72 validateImageRequest' },
  { text: 'size not supported', weight: 12, source: 'songquanpeng/one-api@8df4a267 relay/controller/image.go:77 validateImageRequest' },
  { text: 'invalid value of n', weight: 12, source: 'songquanpeng/one-api@8df4a267 relay/controller/image.go:86 validateImageRequest' },
  { text: 'input is too long', weight: 12, source: 'songquanpeng/one-api@8df4a267 relay/controller/audio.go:53 RelayAudioHelper' },
  { text: 'неверный запрос: ', weight: 10, says: 'The gateway could not read the request body: it is not valid JSON of the shape this endpoint expects.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:375 distributor.invalid_request' },
  { text: 'неверный запрос midjourney', weight: 10, source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:385 distributor.invalid_midjourney_request' },
  { text: 'не удалось определить модель', weight: 12, says: 'The gateway could not read the model out of the request: the body is not what this endpoint expects.', source: 'QuantumNous/new-api@22ad9442 i18n/locales/ru.yaml:386 distributor.invalid_request_parse_model' },
  { text: 'instead of the multiplication sign', weight: 12, says: 'The image size is written with "×": write it with a plain x, as 1024x1024.', source: 'QuantumNous/new-api@ef8ae4db relay/relay-image.go:31 getAndValidImageRequest' },
  { text: 'size must be one of', weight: 12, says: 'The image size is not one this model accepts: use one of the sizes the message lists.', source: 'QuantumNous/new-api@ef8ae4db relay/relay-image.go:46 getAndValidImageRequest' },
  { text: 'input is empty', weight: 10, source: 'QuantumNous/new-api@ef8ae4db relay/relay_embedding.go:24 validateEmbeddingRequest' },
];
