/**
 * ruapi as a library: `import { explain, doctor } from 'ruapi'` (or `require('ruapi')`).
 *
 * The same knowledge base and checks as the CLI, returning the JSON structures that
 * `ruapi explain --json` and `ruapi doctor --json` print. Nothing here prints, prompts or exits;
 * a key passed in or found in the environment never appears whole in a result.
 */
import type { DiagnoseOptions } from './doctor/index.js';
import type { DoctorResult } from './core/result.js';
import { VERSION } from './core/version.js';
import { explainInput, type ExplainJson } from './knowledge/index.js';

export { classifyResponse, ENTRIES, KNOWN_CODES, lookup } from './knowledge/index.js';
export type { InputKind } from './knowledge/index.js';
export type { Cause, EntryCode, EntryVariant, KnowledgeEntry, Match, MatchDetails, ObservedResponse, Pattern } from './knowledge/index.js';
export type { Finding, Protocol, Severity } from './core/finding.js';
export type { CheckResult, ConfigSummary, DoctorResult, LiveReport, LiveStep } from './core/result.js';

/** The package version. */
export const version: string = VERSION;

/** What {@link explain} returns: exactly what `ruapi explain --json` prints. */
export type ExplainResult = ExplainJson;

/**
 * What {@link doctor} can be asked: the flags of `ruapi doctor`, plus where to look for the
 * configuration. A value given here wins over the environment and the config files, as a flag does.
 */
export type DoctorOptions = Pick<
  DiagnoseOptions,
  'protocol' | 'baseUrl' | 'key' | 'model' | 'envFile' | 'offline' | 'probe' | 'stream' | 'timeoutMs' | 'allowHosts' | 'strict' | 'onStep'
> & {
  /** The environment to read `OPENAI_*` / `ANTHROPIC_*` variables from (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** The project folder whose `.env` and tool config files are read (default `process.cwd()`). */
  cwd?: string;
  /** The home folder for user-level config such as `~/.claude/settings.json` (default: the user's). */
  home?: string;
};

/**
 * Explains an error: a code or name (`"401"`, `"5xx"`, `"insufficient_quota"`) or pasted error
 * output of any shape (SDK traceback, JSON body, `curl -i`, log lines). Offline and synchronous.
 * `matches` is best first and empty when nothing fits.
 */
export function explain(input: string): ExplainResult {
  if (typeof input !== 'string') throw new TypeError(`explain() expects the error text or code as a string, got ${typeof input}`);
  const { kind, explanation } = explainInput(input);
  return { matches: explanation.matches, input: { kind }, ...(kind === 'text' ? { ambiguous: explanation.ambiguous } : {}) };
}

/**
 * Checks a RuAPI set-up as `ruapi doctor` does: finds the configuration (options, environment,
 * `.env`, tool config files), checks it offline and, unless `offline`, live against the gateway.
 * Resolves to the `ruapi doctor --json` structure, keys redacted: `verdict` is `ready`, `problems`
 * or `unverified`, and `ok` is true exactly when the CLI would exit 0. Rejects only on bad options or an
 * internal error, never because the set-up is broken.
 */
export async function doctor(options: DoctorOptions = {}): Promise<DoctorResult> {
  if (options.protocol !== undefined && options.protocol !== 'openai' && options.protocol !== 'anthropic') {
    throw new TypeError(`doctor(): protocol must be 'openai' or 'anthropic', got ${JSON.stringify(options.protocol)}`);
  }
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    throw new TypeError(`doctor(): timeoutMs must be a positive number of milliseconds, got ${String(options.timeoutMs)}`);
  }
  // Loaded on first call: explain() users never pay for the config readers and checks.
  const { diagnose } = await import('./doctor/index.js');
  return diagnose({ ...options, interactive: false });
}
