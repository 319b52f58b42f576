import { UsageError } from '../../core/exit.js';
import { CLIENT_PROFILE_IDS } from '../../config/clients/index.js';
import { editDistance } from '../../core/edit-distance.js';
import { DEFAULT_TIMEOUT_MS, type DiagnoseOptions } from '../../doctor/index.js';
import type { Format } from '../../report/format-names.js';
import type { DoctorFlags } from './types.js';
import { UI } from '../../lang/en/ui.js';
import { messages } from '../../lang/t.js';

const t = messages(UI);

/** --timeout is in seconds; the doctor counts milliseconds. */
export const timeoutMs = (opts: DoctorFlags) => (opts.timeout !== undefined ? Math.round(opts.timeout * 1000) : DEFAULT_TIMEOUT_MS);

/** The output format the flags ask for (commander has refused unknown ones); a usage error for contradictory ones. */
export function chooseFormat(opts: DoctorFlags): Format {
  if (opts.json && opts.format && opts.format !== 'json') throw new UsageError(t('ui.usage.json-and-format', { format: opts.format }));
  return opts.json ? 'json' : ((opts.format as Format | undefined) ?? 'human');
}

/** Flags that do not go together, refused before anything runs. */
export function refuseConflicts(opts: DoctorFlags, format: Format): void {
  if (opts.key !== undefined && opts.keyStdin) throw new UsageError(t('ui.usage.key-twice'));
  if (opts.yes && !opts.fix) throw new UsageError(t('ui.usage.yes-without-fix'));
  if (opts.fix && (opts.report || opts.demo)) throw new UsageError(t('ui.usage.fix-and', { flag: opts.report ? '--report' : '--demo' }));
  if (opts.report && (format === 'junit' || format === 'markdown')) throw new UsageError(t('ui.usage.report-format'));
}

/** What the doctor is asked, as data (the programmatic API builds the same). */
export function diagnoseOptions(opts: DoctorFlags, key: string | undefined, interactive: boolean): DiagnoseOptions {
  return {
    ...(opts.protocol ? { protocol: opts.protocol } : {}),
    ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
    ...(key !== undefined ? { key, keyFrom: opts.keyStdin ? ('stdin' as const) : ('flag' as const) } : {}),
    ...(opts.model !== undefined ? { model: opts.model } : {}),
    ...(opts.envFile !== undefined ? { envFile: opts.envFile } : {}),
    offline: opts.offline === true,
    probe: opts.probe !== false,
    stream: opts.stream === true,
    timeoutMs: timeoutMs(opts),
    allowHosts: opts.allowHost ?? [],
    ...(opts.client !== undefined ? { client: clientId(opts.client) } : {}),
    ...(opts.allowKeyHelper ? { allowKeyHelper: true } : {}),
    interactive,
    strict: opts.strict === true,
  };
}

/** `--client ID`, one of the profiles' ids; anything else is a usage error with the closest id. */
function clientId(id: string): string {
  if (CLIENT_PROFILE_IDS.includes(id)) return id;
  const far = (a: string) => editDistance(a, id, 3);
  const close = [...CLIENT_PROFILE_IDS].sort((a, b) => far(a) - far(b))[0]!;
  const ids = CLIENT_PROFILE_IDS.join(', ');
  throw new UsageError(far(close) <= 3 || close.includes(id) ? t('ui.usage.client.close', { id, close, ids }) : t('ui.usage.client', { id, ids }));
}
