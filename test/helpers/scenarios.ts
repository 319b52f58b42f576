import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { ROOT, runCli, tempDir, type RunResult } from './cli.js';
import { KEY, fixture } from './doctor.js';

/**
 * Runs of every command and output format, over the set-ups and gateway answers users meet: the
 * English ones are recorded (test/e2e/english.test.ts), the same runs in Russian are read for
 * English left behind (test/e2e/russian.test.ts). The simulator gives the live answers.
 */
export interface Scenario {
  args: () => string[];
  env?: () => Record<string, string>;
  project?: Record<string, string | Buffer>;
  home?: Record<string, string | Buffer>;
  input?: () => string;
}

const openai = (base = 'https://www.ruapi.ai/v1') => ({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: base });
const anthropic = (base = 'https://www.ruapi.ai') => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: base });
const offline = (env: Record<string, string>, ...more: string[]): Scenario => ({ args: () => ['doctor', '--offline', ...more], env: () => env });

/** Each offline set-up in every output format. */
const OFFLINE: Record<string, Scenario> = {
  'empty': offline({}),
  'openai-good': offline(openai()),
  'openai-missing-v1': offline(openai('https://www.ruapi.ai')),
  'openai-double-v1': offline(openai('https://www.ruapi.ai/v1/v1')),
  'openai-endpoint': offline(openai('https://www.ruapi.ai/v1/chat/completions')),
  'openai-http': offline(openai('http://www.ruapi.ai/v1')),
  'openai-typo-host': offline(openai('https://www.rupai.ai/v1')),
  'openai-other-host': offline(openai('https://api.openai.com/v1')),
  'openai-query': offline(openai('https://www.ruapi.ai/v1?x=1#y')),
  'openai-userinfo': offline(openai('https://user:pw@www.ruapi.ai/v1')),
  'openai-invalid-url': offline(openai('www ruapi ai')),
  'anthropic-good': offline(anthropic(), '--protocol', 'anthropic'),
  'anthropic-extra-v1': offline(anthropic('https://www.ruapi.ai/v1/'), '--protocol', 'anthropic'),
  'anthropic-key': offline({ ...openai(), OPENAI_API_KEY: 'sk-ant-api03-' + 'a'.repeat(90) }),
  'key-quotes': offline({ ...openai(), OPENAI_API_KEY: `"${KEY}"` }),
  'key-space': offline({ ...openai(), OPENAI_API_KEY: `${KEY} ` }),
  'key-bearer': offline({ ...openai(), OPENAI_API_KEY: `Bearer ${KEY}` }),
  'key-non-ascii': offline({ ...openai(), OPENAI_API_KEY: `${KEY.slice(0, 20)}\u200b${KEY.slice(20)}` }),
  'key-short': offline({ ...openai(), OPENAI_API_KEY: 'sk-abc' }),
  'key-other-provider': offline({ ...openai(), OPENAI_API_KEY: 'gsk_' + 'a'.repeat(52) }),
  'key-missing': offline({ OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' }),
  'model-typo': offline(openai(), '--model', 'gpt-5.4-mnii'),
  'model-unknown': offline(openai(), '--model', 'nothing-like-it'),
  'model-retired': offline(anthropic(), '--protocol', 'anthropic', '--model', 'claude-3-opus-20240229'),
  'both-protocols': offline({ ...openai('https://www.ruapi.ai'), ...anthropic('https://www.ruapi.ai/v1') }),
};

const FORMATS: Record<string, string[]> = { human: [], verbose: ['--verbose'], json: ['--json'], markdown: ['--format', 'markdown'], junit: ['--format', 'junit'], report: ['--report'] };

const FILES: Record<string, Scenario> = {
  'dotenv-missing-v1': { args: () => ['doctor', '--offline', '--verbose'], project: { '.env': fixture('openai-missing-v1.env') } },
  'claude-settings-extra-v1': { args: () => ['doctor', '--offline', '--verbose'], project: { '.claude/settings.json': fixture('claude-settings-extra-v1.json') } },
  'claude-settings-broken': { args: () => ['doctor', '--offline'], project: { '.claude/settings.json': fixture('claude-settings-broken.json') } },
  'codex-config': { args: () => ['doctor', '--offline'], home: { '.codex/config.toml': fixture('codex/config.toml') }, env: () => ({ RUAPI_API_KEY: KEY }) },
  'codex-broken': { args: () => ['doctor', '--offline'], home: { '.codex/config.toml': fixture('codex/broken.toml') } },
  'continue-config': { args: () => ['doctor', '--offline'], home: { '.continue/config.yaml': fixture('continue/config.yaml') } },
  'opencode-config': { args: () => ['doctor', '--offline'], project: { 'opencode.jsonc': fixture('opencode/opencode.jsonc') } },
  'aider-config': { args: () => ['doctor', '--offline'], project: { '.aider.conf.yml': fixture('aider/cwd.aider.conf.yml'), '.env': fixture('aider/aider.env') } },
  'client-claude-code': { args: () => ['doctor', '--offline', '--client', 'claude-code'], env: () => openai() },
  'github-annotations': { args: () => ['doctor', '--offline'], env: () => ({ ...openai('https://www.ruapi.ai'), GITHUB_ACTIONS: 'true' }) },
};

type Sim = Pick<Simulator, 'openaiBaseUrl' | 'anthropicBaseUrl' | 'key' | 'faultKeys'>;

const sim1 = (sim: Sim, protocol: 'openai' | 'anthropic', fault: string, ...more: string[]): Scenario => ({
  args: () => [
    'doctor', '--key-stdin', '--protocol', protocol,
    '--base-url', protocol === 'openai' ? sim.openaiBaseUrl : sim.anthropicBaseUrl,
    '--model', protocol === 'openai' ? 'gpt-5.4-mini' : 'claude-opus-4-8', '--timeout', '3', ...more,
  ],
  input: () => (fault === 'ok' ? sim.key : sim.faultKeys[fault]!),
});

const live = (sim: Sim): Record<string, Scenario> => Object.fromEntries([
  ...['ok', '401', '402', '403', '404-model', '404-url', '429', '429-quota', '500', '503', 'html', 'empty', 'redirect', 'no-models', 'reset', 'slow'].map((f) => [`live-openai-${f}`, sim1(sim, 'openai', f)]),
  ...['ok', '401', '402', '404-model', '529'].map((f) => [`live-anthropic-${f}`, sim1(sim, 'anthropic', f)]),
  ['live-openai-stream-ok', sim1(sim, 'openai', 'ok', '--stream')],
  ['live-openai-cut', sim1(sim, 'openai', 'cut', '--stream')],
  ['live-openai-ok-json', sim1(sim, 'openai', 'ok', '--json')],
  ['live-openai-401-json', sim1(sim, 'openai', '401', '--json')],
  ['live-openai-401-verbose', sim1(sim, 'openai', '401', '--verbose')],
  ['live-openai-429-json', sim1(sim, 'openai', '429', '--json')],
  ['live-openai-404-model-json', sim1(sim, 'openai', '404-model', '--json')],
  ['live-anthropic-402-json', sim1(sim, 'anthropic', '402', '--json')],
  ['live-openai-cut-json', sim1(sim, 'openai', 'cut', '--stream', '--json')],
  ['live-refused', { args: () => ['doctor', '--key-stdin', '--base-url', 'http://127.0.0.1:9/v1', '--timeout', '2'], input: () => KEY }],
]);

const OTHER: Record<string, Scenario> = {
  'help': { args: () => ['--help'] },
  'help-doctor': { args: () => ['doctor', '--help'] },
  'help-explain': { args: () => ['explain', '--help'] },
  'help-models': { args: () => ['models', '--help'] },
  'help-report': { args: () => ['report', '--help'] },
  'help-simulate': { args: () => ['simulate', '--help'] },
  'usage-unknown-command': { args: () => ['docter'] },
  'usage-unknown-option': { args: () => ['doctor', '--bogus'] },
  'usage-bad-protocol': { args: () => ['doctor', '--protocol', 'grpc'] },
  'usage-bad-timeout': { args: () => ['doctor', '--timeout', 'x'] },
  'usage-bad-client': { args: () => ['doctor', '--client', 'claude-cod'] },
  'usage-explain-nothing': { args: () => ['explain', '999'] },
  'explain-404': { args: () => ['explain', '404'] },
  'explain-401': { args: () => ['explain', '401'] },
  'explain-pasted': { args: () => ['explain', '-'], input: () => readFileSync(path.join(ROOT, 'fixtures/errors/018-anthropic-404-model-claude-code.txt'), 'utf8') },
  'models-claude': { args: () => ['models', 'claude'] },
  'models-json': { args: () => ['models', 'opus', '--json'] },
  'explain-404-json': { args: () => ['explain', '404', '--json'] },
  'demo': { args: () => ['doctor', '--demo'] },
  'demo-json': { args: () => ['doctor', '--demo', '--json'] },
  'report-json': { args: () => ['report', '--offline', '--json'], env: () => openai('https://www.ruapi.ai') },
  'report-offline': { args: () => ['report', '--offline'], env: () => openai('https://www.ruapi.ai') },
};

export function scenarios(sim: Sim): Record<string, Scenario> {
  const LIVE = live(sim);
  return {
  ...Object.fromEntries(Object.entries(OFFLINE).flatMap(([name, s]) => Object.entries(FORMATS).map(([f, extra]) => [`${name}.${f}`, { ...s, args: () => [...s.args(), ...extra] }]))),
  ...FILES,
  ...LIVE,
  ...OTHER,
  };
}

/** What varies from run to run: times, ports, temporary folders, request ids, dates. */
export function stable(text: string, dirs: string[]): string {
  let t = text;
  for (const d of dirs) t = t.split(d).join('<dir>');
  return t
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>')
    .replace(/\b\d+(?:\.\d+)?(?: ?)(ms|s)\b/g, '<t>$1')
    .replace(/"(\w*Ms|ms)": ?\d+(\.\d+)?/g, '"$1": <t>')
    .replace(/time="[\d.]+"/g, 'time="<t>"')
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\b/g, '<date>')
    .split(new Date().toISOString().slice(0, 10)).join('<today>')
    .replace(/\b(req|msg|chatcmpl|resp)[-_][A-Za-z0-9_-]{6,}/g, '$1-<id>')
    .replace(/\b[0-9a-f]{24,}\b/g, '<hex>')
    .replace(/v\d+\.\d+\.\d+/g, 'v<node>')
    .replace(/\b(Linux|Darwin|Windows_NT) \S+ (x64|arm64|ia32|arm)\b/g, '<os>')
    .replace(/ {2,}/g, '  '); // columns widen with the digits of a time

}


/** One scenario, run as a user would in `lang`, with what varies made stable. */
export async function runScenario(s: Scenario, lang: 'en' | 'ru'): Promise<{ text: string; run: RunResult }> {
  const home = tempDir(s.home ?? {});
  const cwd = tempDir(s.project ?? {});
  const run = await runCli(s.args(), { home, cwd, env: { RUAPI_LANG: lang, ...(s.env?.() ?? {}) }, ...(s.input ? { input: s.input() } : {}), timeoutMs: 20_000 });
  return { text: stable(`exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`, [cwd, home]), run };
}

/**
 * Every scenario, against a simulator this test file starts before its first test and stops after
 * its last. The names are known at once: the simulator's addresses are read only when a scenario runs.
 */
export function scenariosWithSimulator(): Record<string, Scenario> {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ slowMs: 1500 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  const live = () => sim as Simulator;
  return scenarios({
    get openaiBaseUrl() { return live().openaiBaseUrl; },
    get anthropicBaseUrl() { return live().anthropicBaseUrl; },
    get key() { return live().key; },
    get faultKeys() { return live().faultKeys; },
  });
}
