import { CHECKS } from './checks.js';
import { CLI } from './cli.js';
import { CONFIG } from './config.js';
import { CORE } from './core.js';
import { DOCTOR } from './doctor.js';
import { LIVE } from './live.js';
import { MODELS } from './models.js';
import { REPORT } from './report.js';
import { UI } from './ui.js';

/**
 * Every English table, by the part of src/ that speaks it. The code imports each table where it
 * uses it; this index is for the types and the test that every language has every id with the
 * same placeholders (test/lang/tables.test.ts).
 */
export const EN_TABLES = { core: CORE, checks: CHECKS, config: CONFIG, live: LIVE, doctor: DOCTOR, models: MODELS, report: REPORT, ui: UI, cli: CLI } as const;

type Tables = typeof EN_TABLES;
/** Every message id, of every part. */
export type MessageId = { [P in keyof Tables]: keyof Tables[P] & string }[keyof Tables];
