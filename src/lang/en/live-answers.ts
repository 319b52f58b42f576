/** The English messages of src/live/findings/answers.ts: what the gateway answered (see src/lang/t.ts). */
export const LIVE_ANSWERS = {
  'live/redirect.title.to': 'The base URL redirects to {origin} ({status})',
  'live/redirect.title': 'The base URL redirects ({status})',
  'live/redirect.message.to': '{request} answered {status}, pointing to {location}.',
  'live/redirect.message': '{request} answered {status} without saying where.',
  'live/redirect.message.not-sent.elsewhere': 'The doctor does not follow redirects, so the key was not sent to {host}.',
  'live/redirect.message.not-sent': 'The doctor does not follow redirects, so the key was not sent again.',
  'live/redirect.message.sdks': 'SDKs may follow one and drop the key or the request body on the way: point the base URL straight at the gateway.',
  'live/redirect.fix.trust': 'If you trust {host}, set the base URL to {url}',

  'live/not-ruapi.title': '{host} answered, but not like an LLM gateway',
  'live/not-ruapi.message.truncated':
    '{request} got an answer that went on past {mb} MB, so ruapi stopped reading it: no LLM gateway answers this request at such length. A broken server, or something in between, sends without end.',
  'live/not-ruapi.message.html.title':
    '{request} got an HTML page ("{title}") instead of JSON: a website, a Wi-Fi login page (captive portal) or a proxy\'s block page, not the API.',
  'live/not-ruapi.message.html': "{request} got an HTML page instead of JSON: a website, a Wi-Fi login page (captive portal) or a proxy's block page, not the API.",
  'live/not-ruapi.message.empty': '{request} got {status} with an empty body: a proxy or a wrong route swallowed the answer.',
  'live/not-ruapi.message.json': '{request} got JSON that fits neither protocol (keys: {keys}).',
  'live/not-ruapi.message.json.no-keys': '{request} got JSON that fits neither protocol (keys: none).',
  'live/not-ruapi.message.text': '{request} got text that is not JSON: "{text}".',
  'live/not-ruapi.fix.browser': 'Open {url} in a browser: a login page means the network wants you to sign in first.',

  'live/401.title': 'The gateway rejected the key ({status})',
  'live/401.message': 'The key was sent as {how}; the gateway does not accept it: not a RuAPI token, pasted with extra characters, or disabled.',
  'live/401.fix': 'Copy the key again from Console → Tokens: a RuAPI token sk-…, not an OpenAI or Anthropic key, and check it is active.',

  'live/402.title.quota': 'The balance or quota is used up ({status} {code})',
  'live/402.title': 'The balance is used up (402)',
  'live/402.message': "The key works, but the account (or this key's spend limit) has no funds left.",
  'live/402.message.429': "The key works, but the account (or this key's spend limit) has no funds left; despite the 429 this is not a rate limit, and retrying does not help.",
  'live/402.fix': "Top up the RuAPI balance, or raise this key's spend limit in Console → Tokens.",

  'live/403.title': 'The key is not allowed to do this ({status})',
  'live/403.message': 'The key was read, but it may not use this model or this endpoint, or your network or region is blocked.',
  'live/403.fix': "In Console → Tokens, check this key's Model access: it may be limited to other models.",

  'live/404-model.title': 'The gateway does not know the model "{model}"',
  'live/404-model.message.list': { one: "The gateway's own model list ({count} id) does not have it.", other: "The gateway's own model list ({count} ids) does not have it." },
  'live/404-model.message.listed.gateway':
    "The gateway's model list has this id, so the key may not be allowed to use it (Model access in Console → Tokens), or the model is out of service.",
  'live/404-model.message.listed.bundled':
    'The bundled model list has this id, so the key may not be allowed to use it (Model access in Console → Tokens), or the model is out of service.',
  'live/404-model.message.exact': 'Model ids must match exactly: case, hyphens, dots and dates.',
  'live/404-model.message.mean': 'Did you mean {models}?',
  'live/404-model.fix.set': 'Set the model to {model}',
  'live/404-model.fix.access': "Check this key's Model access in Console → Tokens, or try another model.",
  'live/404-model.fix.pick': 'Pick an exact id from: ruapi models',

  'live/404-url.title': '{path} does not exist on {host}: the base URL is wrong',
  'live/404-url.message': '{request} answered {status} for the path itself, not for the model.',
  'live/404-url.message.openai': 'For the OpenAI protocol the base URL must end in /v1.',
  'live/404-url.message.anthropic': 'For the Anthropic protocol the base URL has no /v1: the SDK adds /v1/messages.',
  'live/404-url.fix.base': "Check the base URL: RuAPI's is {url}",

  'live/429.title.recovered': 'Rate limited ({statuses}), then went through on try {try}',
  'live/5xx.title.recovered': 'The gateway failed ({statuses}), then went through on try {try}',
  'live/429.title': { one: 'Rate limited (429) on all {n} try', other: 'Rate limited (429) on all {n} tries' },
  'live/5xx.title': { one: 'The gateway or its provider failed ({statuses}) on all {n} try', other: 'The gateway or its provider failed ({statuses}) on all {n} tries' },
  'live/retry.message.recovered':
    '{request} got {statuses} first; waiting and retrying (1 s, 2 s, 4 s …, or what retry-after asked) worked. Your set-up is fine; your code should retry the same way.',
  'live/retry.message.stopped': 'The doctor stopped retrying when the time limit was near.',
  'live/429.message': 'Too many requests for this key or the upstream provider right now; the set-up itself is not the problem.',
  'live/5xx.message': 'A failure on the gateway or the provider behind it, not your key or code.',
  'live/429.fix': 'Retry with backoff (1 s, 2 s, 4 s, 8 s) and send fewer requests at once.',
  'live/5xx.fix': 'Retry in a few seconds; if it keeps failing, try another model or contact support with the request id.',

  'live/probe-refused.title': 'The gateway refused the probe request itself, so key, model and balance are not proven',
  'live/probe-refused.message': "{request} answered {status} about the probe's own answer limit, with max_tokens and with max_completion_tokens.",
  'live/probe-refused.message.nothing-against':
    'This says nothing against your set-up: your own requests may set no limit, or another one. The key and the model were read, but not proven by an answer.',
  'live/probe-refused.fix': 'Send one request from your own code or tool: if it gets an answer, the set-up works.',

  'live/bad-request.title': 'The gateway refused the test request ({status})',
  'live/unexpected-status.title': 'Unexpected answer {status}',
  'live/bad-request.message': '{request} (a minimal request, as the SDK sends it) answered {status}.',
  'live/bad-request.message.refused':
    'The request reached the gateway, but it would not run it: the model may not accept this request shape, or something in between changed it.',
} as const;
