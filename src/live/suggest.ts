/**
 * Did-you-mean for a model id against the gateway's own list: the ids a typo, a case or separator
 * slip, a provider prefix or a dropped date most likely meant.
 */
const norm = (id: string): string => id.toLowerCase().replace(/^[a-z0-9-]+\//, '').replace(/[^a-z0-9]/g, '');

/** Levenshtein distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to `limit` ids from `ids` close to `model`, closest first; empty when none is close. */
export function suggestModels(model: string, ids: readonly string[], limit = 3): string[] {
  const m = norm(model);
  if (!m) return [];
  const scored: Array<[string, number]> = [];
  for (const id of ids) {
    if (id === model) continue;
    const n = norm(id);
    const max = Math.max(2, Math.floor(m.length / 4));
    const d = n === m ? 0 : distance(m, n, max);
    // One id extending the other (a dated snapshot, a dropped suffix) counts as close, but a real
    // one-letter typo is closer still.
    const prefix = n.startsWith(m) || m.startsWith(n) ? 1.5 : Infinity;
    const score = Math.min(d <= max ? d : Infinity, prefix);
    if (score !== Infinity) scored.push([id, score]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([id]) => id);
}
