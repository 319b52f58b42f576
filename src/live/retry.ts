import type { Headers } from './client.js';
import { header } from './protocol.js';

/**
 * Retries as RuAPI's support sheet tells users to: 429 and 5xx, waiting 1 s, 2 s, 4 s, 8 s, or what
 * the gateway asks for in `retry-after` (`retry-after-ms` first, as the official SDKs read it).
 */
export const BACKOFF_MS: readonly number[] = [1000, 2000, 4000, 8000];

/** Statuses worth another try. A quota/balance 429 is not one of them: the caller checks that first. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** The wait the gateway asked for, in ms, or undefined when it did not ask (or asked nonsense). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const msText = header(headers, 'retry-after-ms');
  const ms = Number(msText);
  if (msText !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = header(headers, 'retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The wait before retry number `retry` (0 for the first retry), or undefined when no retries are left. */
export function backoffMs(retry: number, headers: Headers): number | undefined {
  if (retry >= BACKOFF_MS.length) return undefined;
  return retryAfterMs(headers) ?? BACKOFF_MS[retry]!;
}

/** Waits `ms`, or less if `signal` aborts first (then resolves false). */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
