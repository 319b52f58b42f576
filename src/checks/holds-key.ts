import type { TargetConfig } from '../config/types.js';
import { keyCore } from '../config/secrets.js';

/**
 * Whether a value (a base URL, a model id) holds the target's key, so that no check echoes any
 * of it: redaction finds a whole key, not the pieces a shortened or lower-cased echo would show.
 */
export function holdsKey(value: string, target: TargetConfig): boolean {
  const key = target.key ? keyCore(target.key.value) : '';
  return key.length >= 8 && keyCore(value).toLowerCase().includes(key.toLowerCase());
}
