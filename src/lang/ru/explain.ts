import type { Message } from '../t.js';
import { CLI_EXPLAIN } from './cli-explain.js';
import { CORE } from './core.js';

/**
 * The Russian messages `ruapi explain` needs (its usage errors, core's words and one-line errors):
 * a small table of its own in dist/ru.cjs, so that `explain --lang ru` does not load every message
 * of ruapi (dist/ru-messages.cjs). The text of its answers is in src/report/ru/explain.ts.
 */
export const RU_EXPLAIN: Readonly<Record<string, Message>> = { ...CORE, ...CLI_EXPLAIN };
