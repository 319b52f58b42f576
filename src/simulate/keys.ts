import { createHash } from 'node:crypto';
import { FAULT_NAMES, type FaultName } from './faults.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A fixed, documented key shaped like a RuAPI token (`sk-` + 48 letters and digits, the one-api
 * shape) so that key checks treat it like a real one. It starts with a readable tag (`sim401…`)
 * and is filled from a hash of the tag: the same on every run, so it can be written in README and
 * in a user's test config. These keys only ever work against the simulator.
 */
function simKey(tag: string): string {
  const digest = createHash('sha512').update(`ruapi-simulate:${tag}`).digest();
  let fill = '';
  for (let i = 0; fill.length < 48 - tag.length; i++) fill += BASE62[digest[i % digest.length]! % 62];
  return `sk-${tag}${fill}`;
}

/** The key that gets normal answers (and the run's `--fail` faults). */
export const READY_KEY = simKey('simready');

/** Fault name → a key that always triggers that fault, whatever `--fail` says. */
export const FAULT_KEYS: Readonly<Record<Exclude<FaultName, 'ok'>, string>> = Object.fromEntries(
  FAULT_NAMES.filter((f) => f !== 'ok').map((f) => [f, simKey(`sim${f.replace(/[^a-z0-9]/g, '')}`)]),
) as Record<Exclude<FaultName, 'ok'>, string>;

const faultByKey = new Map<string, FaultName>(Object.entries(FAULT_KEYS).map(([f, k]) => [k, f as FaultName]));

/** What a presented key means: the ready key, a fault key, or a key the simulator rejects. */
export function classifyKey(key: string | undefined): { kind: 'ready' } | { kind: 'fault'; fault: FaultName } | { kind: 'missing' | 'unknown' } {
  if (!key) return { kind: 'missing' };
  if (key === READY_KEY) return { kind: 'ready' };
  const fault = faultByKey.get(key);
  return fault ? { kind: 'fault', fault } : { kind: 'unknown' };
}
