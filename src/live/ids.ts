/**
 * Every finding id the live checks can produce. README's `live` section documents each (a test
 * keeps the two in step). No imports: reading the list must not load the HTTP client.
 */
export const LIVE_FINDING_IDS = [
  'live/ok',
  'live/dns',
  'live/unreachable',
  'live/tls',
  'live/timeout',
  'live/proxy',
  'live/reset',
  'live/redirect',
  'live/not-ruapi',
  'live/401',
  'live/402',
  'live/403',
  'live/404-model',
  'live/404-url',
  'live/429',
  'live/5xx',
  'live/bad-request',
  'live/probe-refused',
  'live/unexpected-status',
  'live/stream-cut',
  'live/stream-buffered',
  'live/host-not-allowed',
  'internal/live-crashed',
] as const;

export type LiveFindingId = (typeof LIVE_FINDING_IDS)[number];
