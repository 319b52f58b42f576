import type { MessageId } from '../en/index.js';
import type { Message } from '../t.js';
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
 * ruapi in Russian: every message of src/lang/en/, by id. Loaded only when Russian is chosen
 * (dist/ru.cjs). A third language is a folder like this one plus its line in src/commands/language.ts.
 */
export const RU_TABLES = { core: CORE, checks: CHECKS, config: CONFIG, live: LIVE, doctor: DOCTOR, models: MODELS, report: REPORT, ui: UI, cli: CLI } as const;

export const RU: Readonly<Record<MessageId, Message>> = { ...CORE, ...CHECKS, ...CONFIG, ...LIVE, ...DOCTOR, ...MODELS, ...REPORT, ...UI, ...CLI };
