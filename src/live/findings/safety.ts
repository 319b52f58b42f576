import type { Finding } from '../../core/finding.js';
import type { LiveReport } from '../../core/result.js';
import { OUTSIDE_MAX, oneLine } from '../../core/text.js';
import { RUAPI_HOSTS } from '../hosts.js';
import { baseSource, defaultBase, make, secs, type FindingContext } from './make.js';

/** Where the key may go, the run that passed, and a link of the chain that crashed. */

export function hostNotAllowedFinding(c: FindingContext, declined: boolean): Finding {
  const host = c.base.hostname;
  const plainHttp = c.base.protocol === 'http:' && RUAPI_HOSTS.includes(host);
  if (plainHttp) {
    return make(
      c,
      'live/host-not-allowed',
      'error',
      'The key was not sent: the base URL uses plain http://',
      `Over http:// the key would cross the network unencrypted. The doctor checked the connection without the key.`,
      [`Set the base URL to ${new URL(c.base.href.replace(/^http:/, 'https:')).href.replace(/\/$/, '')}`],
      baseSource(c),
      { host },
    );
  }
  return make(
    c,
    'live/host-not-allowed',
    declined ? 'warning' : 'error',
    `The key was not sent to ${host}: not a RuAPI host`,
    `${host} is neither RuAPI (${RUAPI_HOSTS.join(', ')}) nor this computer${declined ? ', and you chose not to send the key there' : ''}. A mistyped host would receive your key, so the doctor checked the connection without it.`,
    [`If ${host} is your own gateway or proxy and you trust it, run: ruapi doctor --allow-host ${host}`, `Otherwise set the base URL to ${defaultBase(c)}`],
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
  const where = addresses.length > 0 ? addresses.join(', ') : 'an unknown address';
  return make(
    c,
    'live/host-not-allowed',
    'error',
    `The key was not sent to ${host}: it does not lead to this computer`,
    `${host} is named like this computer, but it resolves to ${where}, which is not a loopback address (127.0.0.0/8, ::1): /etc/hosts, a DNS server or a search domain points it elsewhere. The doctor sends the key to such a name only when the connection really stays on this computer, so it checked the connection without the key.`,
    [`Use the address itself in the base URL: ${c.base.protocol}//127.0.0.1${c.base.port ? `:${c.base.port}` : ''}${c.base.pathname.replace(/\/$/, '')}`, `If ${host} is a gateway you trust, run: ruapi doctor --allow-host ${host}`],
    baseSource(c),
    { host, addresses: [...addresses] },
  );
}

type Timings = LiveReport['timings'];

function formatTimings(t: Timings): string {
  const part = (label: string, ms: number | undefined) => (ms === undefined ? [] : [`${label} ${Math.round(ms)} ms`]);
  return [...part('DNS', t.dnsMs), ...part('connect', t.connectMs), ...part('TLS', t.tlsMs), ...part('first byte', t.firstByteMs), ...part('total', t.totalMs)].join(', ');
}

export function okFinding(c: FindingContext, ctx: { timings: Timings; probed: boolean; probe?: string; model?: string; requestId?: string; streamed?: { firstEventMs?: number } }): Finding {
  const what = ctx.probed
    ? `Key, model${ctx.model ? ` ${ctx.model}` : ''} and balance work: a real request (${ctx.probe ?? 'max_tokens 1'}) went through${ctx.streamed ? ', streaming too' : ''}. That request costs a tiny amount (a few input tokens, at most one output token).`
    : 'The gateway answers and accepts the key. Model and balance were not proven: --no-probe skips the one tiny paid request.';
  return make(
    c,
    'live/ok',
    'info',
    ctx.probed ? `Live check passed: ${c.base.host} works with this key and model` : `Live check passed without the probe: ${c.base.host} accepts the key`,
    `${what} Timings: ${formatTimings(ctx.timings)}.${ctx.streamed?.firstEventMs !== undefined ? ` First stream event after ${Math.round(ctx.streamed.firstEventMs)} ms.` : ''}${ctx.requestId ? ` Request id: ${ctx.requestId}.` : ''}${c.proxy ? ` Through the proxy ${c.proxy.url}.` : ''}`,
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
  const what =
    'overranMs' in why
      ? `did not finish within the time limit (it was given up after ${secs(why.overranMs)})`
      : `threw ${oneLine(why.error instanceof Error ? `${why.error.name}: ${why.error.message.split('\n')[0]}` : String(why.error), OUTSIDE_MAX.message)}`;
  return make(
    c,
    'internal/live-crashed',
    'error',
    link ? `The live check's ${link.label} link crashed` : 'The live check crashed',
    `This is a bug in ruapi, not in your set-up: ${link ? `the ${link.label} link (${link.id})` : 'the live check'} ${what}. The offline checks still ran; ${link ? 'the links after it were' : 'the live links were'} not checked.`,
    ['Please report it with the output of `ruapi doctor --json` (the key in it is redacted).'],
    undefined,
    link ? { link: link.id } : {},
  );
}
