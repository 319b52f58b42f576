/** The English messages of src/live/findings/stream.ts and safety.ts: the stream, where the key may go, the run that passed, a crash (see src/lang/t.ts). */
export const LIVE_SAFETY = {
  'live/stream-cut.title': 'The stream was cut before its end',
  'live/stream-cut.title.no-events': 'The streaming request got no events',
  'live/stream-cut.message.error': 'The streaming request sent an error inside the stream ({type}: {message}).',
  'live/stream-cut.message.no-message': 'no message',
  'live/stream-cut.message.broke': { one: 'The streaming request broke off after {events} event ({code}).', other: 'The streaming request broke off after {events} events ({code}).' },
  'live/stream-cut.message.closed': 'connection closed',
  'live/stream-cut.message.ended': {
    one: 'The streaming request ended after {events} event without its final {terminal}.',
    other: 'The streaming request ended after {events} events without its final {terminal}.',
  },
  'live/stream-cut.message':
    'Clients then see a half answer, or an error after the text stopped. A proxy or load balancer that limits long connections, or the gateway itself, ends it.',
  'live/stream-cut.fix.proxy': 'If you use a proxy, let text/event-stream through unbuffered and without a short idle time-out (or bypass it with NO_PROXY).',
  'live/stream-cut.fix.again': 'Run the doctor again with --stream: a single cut can be a hiccup.',
  'live/stream-cut.title.endless': 'The stream went on past {mb} MB, so ruapi stopped reading it',
  'live/stream-cut.message.endless': {
    one: 'The streaming request (at most one token of answer, a few hundred bytes of stream) went on past {mb} MB: {events} event and no final {terminal}, so ruapi stopped reading it. A client would wait for the end of a stream that does not end: the gateway, or something in between, sends without end.',
    other:
      'The streaming request (at most one token of answer, a few hundred bytes of stream) went on past {mb} MB: {events} events and no final {terminal}, so ruapi stopped reading it. A client would wait for the end of a stream that does not end: the gateway, or something in between, sends without end.',
  },
  'live/stream-cut.fix.base': 'Check the base URL: the server there does not stream like an LLM gateway.',
  'live/stream-cut.fix.support': 'If it is right, write to support with the request id: the gateway does not end its streams.',

  'live/stream-buffered.title': 'Streaming events arrive all at once',
  'live/stream-buffered.message':
    'The stream is complete, but {why}. Something between you and the gateway (a proxy, antivirus, or a server setting) holds the stream back: text appears only at the end, and long answers can hit time-outs.',
  'live/stream-buffered.why.content-length': 'the stream came with a Content-Length header: something collected the whole stream before passing it on',
  'live/stream-buffered.why.at-once': { one: 'all {events} events arrived at once after {after}', other: 'all {events} events arrived at once after {after}' },
  'live/stream-buffered.fix': 'If a proxy is in the way, have it pass text/event-stream unbuffered, or bypass it for this host with NO_PROXY.',

  'live/host-not-allowed.title.http': 'The key was not sent: the base URL uses plain http://',
  'live/host-not-allowed.message.http': 'Over http:// the key would cross the network unencrypted. The doctor checked the connection without the key.',
  'live/host-not-allowed.title': 'The key was not sent to {host}: not a RuAPI host',
  'live/host-not-allowed.message': '{host} is neither RuAPI ({hosts}) nor this computer.',
  'live/host-not-allowed.message.declined': '{host} is neither RuAPI ({hosts}) nor this computer, and you chose not to send the key there.',
  'live/host-not-allowed.message.why': 'A mistyped host would receive your key, so the doctor checked the connection without it.',
  'live/host-not-allowed.fix.allow': 'If {host} is your own gateway or proxy and you trust it, run: ruapi doctor --allow-host {host}',
  'live/host-not-allowed.fix.otherwise': 'Otherwise set the base URL to {url}',
  'live/host-not-allowed.unknown-address': 'an unknown address',
  'live/host-not-allowed.title.not-loopback': 'The key was not sent to {host}: it does not lead to this computer',
  'live/host-not-allowed.message.not-loopback':
    '{host} is named like this computer, but it resolves to {where}, which is not a loopback address (127.0.0.0/8, ::1): /etc/hosts, a DNS server or a search domain points it elsewhere. The doctor sends the key to such a name only when the connection really stays on this computer, so it checked the connection without the key.',
  'live/host-not-allowed.fix.address': 'Use the address itself in the base URL: {url}',
  'live/host-not-allowed.fix.trusted': 'If {host} is a gateway you trust, run: ruapi doctor --allow-host {host}',

  'live/ok.title': 'Live check passed: {host} works with this key and model',
  'live/ok.title.no-probe': 'Live check passed without the probe: {host} accepts the key',
  'live/ok.message.probed':
    'Key, model {model} and balance work: a real request ({probe}) went through. That request costs a tiny amount (a few input tokens, at most one output token).',
  'live/ok.message.probed.stream':
    'Key, model {model} and balance work: a real request ({probe}) went through, streaming too. That request costs a tiny amount (a few input tokens, at most one output token).',
  'live/ok.message.probed.no-model':
    'Key, model and balance work: a real request ({probe}) went through. That request costs a tiny amount (a few input tokens, at most one output token).',
  'live/ok.message.probed.no-model.stream':
    'Key, model and balance work: a real request ({probe}) went through, streaming too. That request costs a tiny amount (a few input tokens, at most one output token).',
  'live/ok.probe.embeddings': 'an embeddings request',
  'live/ok.message.no-probe': 'The gateway answers and accepts the key. Model and balance were not proven: --no-probe skips the one tiny paid request.',
  'live/ok.message.timings': 'Timings: {timings}.',
  'live/ok.timing.connect': 'connect',
  'live/ok.timing.first-byte': 'first byte',
  'live/ok.timing.total': 'total',
  'live/ok.message.first-event': 'First stream event after {ms}.',
  'live/ok.message.proxy': 'Through the proxy {proxy}.',

  'internal/live-crashed.title.link': "The live check's {label} link crashed",
  'internal/live-crashed.title': 'The live check crashed',
  'internal/live-crashed.message.link.overran':
    'This is a bug in ruapi, not in your set-up: the {label} link ({id}) did not finish within the time limit (it was given up after {limit}). The offline checks still ran; the links after it were not checked.',
  'internal/live-crashed.message.link.threw':
    'This is a bug in ruapi, not in your set-up: the {label} link ({id}) threw {error}. The offline checks still ran; the links after it were not checked.',
  'internal/live-crashed.message.overran':
    'This is a bug in ruapi, not in your set-up: the live check did not finish within the time limit (it was given up after {limit}). The offline checks still ran; the live links were not checked.',
  'internal/live-crashed.message.threw': 'This is a bug in ruapi, not in your set-up: the live check threw {error}. The offline checks still ran; the live links were not checked.',
  'internal/live-crashed.fix': 'Please report it with the output of `ruapi doctor --json` (the key in it is redacted).',
} as const;
