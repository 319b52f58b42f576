import type { Pattern } from '../types.js';

/** What points at the `not-found` entry (src/knowledge/entries/not-found.ts) in pasted text. */
export const notFound: readonly Pattern[] = [
  { text: 'model_not_found', weight: 10, cause: 'model-id', says: 'The gateway does not know the model id {model}.' },
  { text: 'does not exist or you do not have access', weight: 12, cause: 'model-id', says: 'The gateway does not know the model id {model}, or the key may not use it.' },
  { text: 'model not found', weight: 10, cause: 'model-id', says: 'The gateway does not know the model id {model}.' },
  { text: '"message":"model:', weight: 10, cause: 'model-id', says: 'The gateway does not know the model id {model}.' },
  { text: "'message': 'model:", weight: 10, cause: 'model-id', says: 'The gateway does not know the model id {model}.', source: '261-gac-anthropic-python-404-model-colon-provider-prefix.txt' },
  { text: '无可用渠道', weight: 20, cause: 'model-id', second: 'gateway-error', says: 'No channel serves the model {model} for your group: most likely the id is not one RuAPI offers (or not for this key); less likely, every channel for it is down for now.' },
  { text: 'no available channel for model', weight: 20, cause: 'model-id', second: 'gateway-error', says: 'No channel serves the model {model} for your group: most likely the id is not one RuAPI offers (or not for this key); less likely, every channel for it is down for now.' },
  { text: 'нет доступного канала для модели', weight: 20, cause: 'model-id', second: 'gateway-error', says: 'No channel serves the model {model} for your group: most likely the id is not one RuAPI offers (or not for this key); less likely, every channel for it is down for now.' },
  // The gateway family's failed channel lookup (a 503 with code model_not_found): the same two readings.
  { text: 'failed to get available channel for model', weight: 20, cause: 'model-id', second: 'gateway-error', says: 'The gateway found no channel for the model {model} in your group: most likely the id is not one RuAPI offers (or not for this key); less likely, its channels are failing for now.', source: 'QuantumNous/new-api@002f9122 i18n/locales/en.yaml distributor.get_channel_failed' },
  { text: '的可用渠道失败', weight: 20, cause: 'model-id', second: 'gateway-error', says: 'The gateway found no channel for the model {model} in your group: most likely the id is not one RuAPI offers (or not for this key); less likely, its channels are failing for now.', source: 'QuantumNous/new-api@002f9122 i18n/locales/zh-CN.yaml distributor.get_channel_failed' },
  { text: 'ошибка получения доступного канала для модели', weight: 20, cause: 'model-id', second: 'gateway-error', says: 'The gateway found no channel for the model {model} in your group: most likely the id is not one RuAPI offers (or not for this key); less likely, its channels are failing for now.', source: 'QuantumNous/new-api@221f50ea i18n/locales/ru.yaml distributor.get_channel_failed' },
  // A request that names no model at all (a 400 from the gateway family).
  { text: 'model name not specified', weight: 16, cause: 'model-id', says: 'The request names no model: set the `model` field (or your tool\'s model setting) to an id RuAPI serves.', source: 'QuantumNous/new-api@002f9122 i18n/locales/en.yaml distributor.model_name_required' },
  { text: '未指定模型名称', weight: 16, cause: 'model-id', says: 'The request names no model: set the `model` field (or your tool\'s model setting) to an id RuAPI serves.', source: 'QuantumNous/new-api@002f9122 i18n/locales/zh-CN.yaml distributor.model_name_required' },
  { text: 'имя модели не указано', weight: 16, cause: 'model-id', says: 'The request names no model: set the `model` field (or your tool\'s model setting) to an id RuAPI serves.', source: 'QuantumNous/new-api@221f50ea i18n/locales/ru.yaml distributor.model_name_required' },
  { text: '模型不存在', weight: 18, cause: 'model-id', says: 'The provider says the model {model} does not exist: check the id.' },
  { text: '` does not exist', weight: 10, cause: 'model-id', says: 'The server does not serve a model named {model}: use the exact id it serves.' },
  { text: 'no matching model', weight: 14, cause: 'model-id', says: 'The router has no model matching {model}.' },
  { text: 'not a chat model', weight: 12, cause: 'model-id', says: 'The model {model} exists but is not a chat model: pick a chat model id for /chat/completions.' },
  { text: '"param": "model"', weight: 6, cause: 'model-id' },
  // Providers' own short forms (#16): DeepSeek and SiliconFlow answer an unknown model with a 400, Google with a 400 or 404.
  { text: 'model not exist', weight: 20, cause: 'model-id', says: 'The provider says the model {model} does not exist (some answer so with a 400): check the id.', source: '224-langbot-deepseek-400-model-not-exist-log-500-trap.txt' },
  { text: 'model does not exist', weight: 20, cause: 'model-id', says: 'The provider says the model {model} does not exist (some answer so with a 400): check the id.', source: '160-bettafish-siliconflow-400-model-does-not-exist-20012.txt' },
  { text: 'that model does not exist', weight: 12, cause: 'model-id', says: 'The server does not know the model {model}: check the id.', source: '233-node-chatgpt-api-that-model-does-not-exist.txt' },
  { text: "don't have access to this model", weight: 20, cause: 'model-id', says: 'The provider says the key may not use this model, or the name is wrong: it answers so with a 400, but it is the model id (or the key\'s model access).', source: '204-gemini-cli-400-no-access-to-this-model-spanish.txt' },
  { text: '` is not supported', near: 'model `', weight: 16, cause: 'model-id', says: 'The server does not serve the model {model}: use an id it offers.', source: '242-qwen-code-400-model-is-not-supported.txt' },
  { text: "' not found", near: "model '", weight: 10, cause: 'model-id', says: 'The gateway does not know the model id {model}.', source: '166-claude-code-404-model-quoted-not-found-errors-json.txt' },
  { text: 'requested entity was not found', weight: 8, cause: 'model-id', says: 'Google finds no model (or resource) by the name the request gave: check the model id {model}.', source: '205-gemini-cli-404-requested-entity-not-found-forced-model.txt' },
  { text: '/v1/v1/', weight: 14, cause: 'base-url', says: 'The path has /v1 twice ({url}): the base URL ends in /v1 and the SDK added another. For the Anthropic protocol use https://www.ruapi.ai.' },
  { text: 'invalid url (post', weight: 12, cause: 'base-url', says: 'The server has no endpoint at {url}: the base URL is wrong for the protocol.' },
  { text: 'cannot post /', weight: 14, cause: 'base-url', says: 'A web server\'s default 404 ("Cannot POST …"): nothing serves that path, so the base URL or the path is wrong.', source: '230-manifest-express-cannot-post-chat-completions.txt' },
  { text: 'page not found', weight: 8, cause: 'base-url', says: 'A web page, not the API, answered: the base URL points at the wrong path.' },
  { text: '404 status code (no body)', weight: 8, cause: 'base-url', says: 'The server answered 404 with no API error body: nothing serves that path, so the base URL is likely wrong.' },
  { text: 'message: not found', weight: 8, cause: 'base-url', says: 'The 404 says only "Not Found", without naming a model: the path is wrong, so check the base URL.' },
  { text: ']: not found', weight: 6 },
  { text: '"detail":"not found"', weight: 6, cause: 'base-url' },
  { text: '<title>404', weight: 6, cause: 'base-url', says: 'A web page, not the API, answered: the base URL points at the wrong path.' },
];
