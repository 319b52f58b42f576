import type { Finding } from '../../core/finding.js';
import type { LiveReport } from '../../core/result.js';
import { OUTSIDE_MAX, oneLine } from '../../core/text.js';
import { RUAPI_HOSTS } from '../hosts.js';
import { baseSource, defaultBase, make, msText, secs, t, type FindingContext } from './make.js';

/** Where the key may go, the run that passed, and a link of the chain that crashed. */

export function hostNotAllowedFinding(c: FindingContext, declined: boolean): Finding {
  const host = c.base.hostname;
  const plainHttp = c.base.protocol === 'http:' && RUAPI_HOSTS.includes(host);
  if (plainHttp) {
    return make(
      c,
      'live/host-not-allowed',
      'error',
      t('live/host-not-allowed.title.http'),
      t('live/host-not-allowed.message.http'),
      [t('live.set-base', { url: new URL(c.base.href.replace(/^http:/, 'https:')).href.replace(/\/$/, '') })],
      baseSource(c),
      { host },
    );
  }
  return make(
    c,
    'live/host-not-allowed',
    declined ? 'warning' : 'error',
    t('live/host-not-allowed.title', { host }),
    `${t(declined ? 'live/host-not-allowed.message.declined' : 'live/host-not-allowed.message', { host, hosts: RUAPI_HOSTS.join(', ') })} ${t('live/host-not-allowed.message.why')}`,
    [t('live/host-not-allowed.fix.allow', { host }), t('live/host-not-allowed.fix.otherwise', { url: defaultBase(c) })],
    baseSource(c),
    { host },
  );
}

/**
 * A host trusted as this machine (`localhost`, `*.localhost`) that resolves, or connected, to
 * another address: its name was not proof, so the key stayed here.
 */
export function notLoopbackFinding(c: FindingContext, addresses: readonly string[]): Finding {
  const host = c.base.hostname;
  const where = addresses.length > 0 ? addresses.join(', ') : t('live/host-not-allowed.unknown-address');
  return make(
    c,
    'live/host-not-allowed',
    'error',
    t('live/host-not-allowed.title.not-loopback', { host }),
    t('live/host-not-allowed.message.not-loopback', { host, where }),
    [
      t('live/host-not-allowed.fix.address', { url: `${c.base.protocol}//127.0.0.1${c.base.port ? `:${c.base.port}` : ''}${c.base.pathname.replace(/\/$/, '')}` }),
      t('live/host-not-allowed.fix.trusted', { host }),
    ],
    baseSource(c),
    { host, addresses: [...addresses] },
  );
}

type Timings = LiveReport['timings'];

function formatTimings(timings: Timings): string {
  const part = (label: string, ms: number | undefined) => (ms === undefined ? [] : [`${label} ${msText(ms)}`]);
  return [
    ...part('DNS', timings.dnsMs),
    ...part(t('live/ok.timing.connect'), timings.connectMs),
    ...part('TLS', timings.tlsMs),
    ...part(t('live/ok.timing.first-byte'), timings.firstByteMs),
    ...part(t('live/ok.timing.total'), timings.totalMs),
  ].join(', ');
}

export function okFinding(c: FindingContext, ctx: { timings: Timings; probed: boolean; probe?: string; model?: string; requestId?: string; streamed?: { firstEventMs?: number } }): Finding {
  const model = ctx.model ? '' : '.no-model';
  const what = ctx.probed
    ? t(`live/ok.message.probed${model}${ctx.streamed ? '.stream' : ''}` as 'live/ok.message.probed', { model: ctx.model ?? '', probe: ctx.probe ?? 'max_tokens 1' })
    : t('live/ok.message.no-probe');
  const more = [
    t('live/ok.message.timings', { timings: formatTimings(ctx.timings) }),
    ...(ctx.streamed?.firstEventMs !== undefined ? [t('live/ok.message.first-event', { ms: msText(ctx.streamed.firstEventMs) })] : []),
    ...(ctx.requestId ? [t('live.request-id', { id: ctx.requestId })] : []),
    ...(c.proxy ? [t('live/ok.message.proxy', { proxy: c.proxy.url })] : []),
  ];
  return make(
    c,
    'live/ok',
    'info',
    t(ctx.probed ? 'live/ok.title' : 'live/ok.title.no-probe', { host: c.base.host }),
    [what, ...more].join(' '),
    [],
    undefined,
    { timings: ctx.timings, probed: ctx.probed, requestId: ctx.requestId, proxy: c.proxy?.url },
  );
}

/**
 * A link of the chain that threw, or did not end within the time limit (without `link`: the chain
 * itself): a bug in ruapi, not in the set-up.
 */
export function crashedFinding(c: FindingContext, link: { id: string; label: string } | undefined, why: { error: unknown } | { overranMs: number }): Finding {
  const overran = 'overranMs' in why;
  const p = {
    label: link?.label ?? '',
    id: link?.id ?? '',
    limit: overran ? secs(why.overranMs) : '',
    error: overran ? '' : oneLine(why.error instanceof Error ? `${why.error.name}: ${why.error.message.split('\n')[0]}` : String(why.error), OUTSIDE_MAX.message),
  };
  const message = link
    ? t(overran ? 'internal/live-crashed.message.link.overran' : 'internal/live-crashed.message.link.threw', p)
    : t(overran ? 'internal/live-crashed.message.overran' : 'internal/live-crashed.message.threw', p);
  return make(
    c,
    'internal/live-crashed',
    'error',
    link ? t('internal/live-crashed.title.link', p) : t('internal/live-crashed.title'),
    message,
    [t('internal/live-crashed.fix')],
    undefined,
    link ? { link: link.id } : {},
  );
}
