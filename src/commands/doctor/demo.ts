import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { path } from '../../core/path.js';
import { EXIT, UsageError } from '../../core/exit.js';
import type { DoctorResult } from '../../core/result.js';
import type { DiagnoseOptions } from '../../doctor/index.js';
import { runWithSpinners } from './interactive.js';
import { wrapText } from '../../core/wrap.js';
import { printResult } from './print.js';
import { terminalWidth } from '../../core/session.js';
import { timeoutMs } from './options.js';
import type { DoctorFlags, DoctorSession } from './types.js';
import { UI } from '../../lang/en/ui.js';
import { messages } from '../../lang/t.js';

const t = messages(UI);

/** Flags that would bring the user's own set-up into the demo, which must never see it. */
const NOT_WITH_DEMO: Array<[keyof DoctorFlags, string]> = [
  ['protocol', '--protocol'],
  ['baseUrl', '--base-url'],
  ['key', '--key'],
  ['keyStdin', '--key-stdin'],
  ['model', '--model'],
  ['envFile', '--env-file'],
  ['offline', '--offline'],
  ['report', '--report'],
  ['output', '--output'],
];

export function refuseDemoFlags(opts: DoctorFlags, format: string): void {
  for (const [flag, name] of NOT_WITH_DEMO) {
    if (opts[flag] !== undefined && opts[flag] !== false) throw new UsageError(t('ui.usage.demo-flag', { flag: name }));
  }
  if (format !== 'human' && format !== 'json') throw new UsageError(t('ui.usage.demo-format'));
}

interface DemoCase {
  title: string;
  why: string;
  dotenv: string;
  /** Undefined when the run went as the demo means it to, else what went differently. */
  check: (result: DoctorResult) => string | undefined;
}

function demoCases(sim: { openaiBaseUrl: string; anthropicBaseUrl: string; key: string }): DemoCase[] {
  return [
    {
      title: t('ui.demo.good.title'),
      why: t('ui.demo.good.why'),
      dotenv: ['# OpenAI SDK, LangChain, Cursor …', `OPENAI_API_KEY=${sim.key}`, `OPENAI_BASE_URL=${sim.openaiBaseUrl}`, 'RUAPI_MODEL=gpt-5.4-mini', ''].join('\n'),
      check: (r) => {
        const steps = r.live[0]?.steps ?? [];
        if (!r.ok) return t('ui.demo.problem.found', { ids: r.findings.filter((f) => f.severity === 'error').map((f) => f.id).join(', ') });
        return steps.length > 0 && steps.every((s) => s.status === 'ok') ? undefined : t('ui.demo.problem.steps');
      },
    },
    {
      title: t('ui.demo.broken.title'),
      why: t('ui.demo.broken.why'),
      dotenv: ['# Claude Code, Anthropic SDK', `ANTHROPIC_API_KEY=${sim.key}`, `ANTHROPIC_BASE_URL=${sim.anthropicBaseUrl}/v1`, 'RUAPI_MODEL=claude-opus-4.8', ''].join('\n'),
      check: (r) => {
        const ids = r.findings.map((f) => f.id);
        const missing = ['base-url/extra-v1', 'model/unknown', 'live/404-url'].filter((id) => !ids.includes(id));
        if (r.ok) return t('ui.demo.problem.none');
        return missing.length > 0 ? t('ui.demo.problem.missing', { ids: missing.join(', ') }) : undefined;
      },
    },
  ];
}

/**
 * `--demo`: starts the simulator in this process (on 127.0.0.1 only) and runs the whole doctor
 * (offline, live, streaming) on two set-ups written to a temporary folder: one right, one broken.
 * The user's environment and files are never read; nothing goes beyond 127.0.0.1 (proxy variables
 * are dropped for this process). Exit 0 when both runs came out as the demo means them to.
 */
export async function runDemo(s: DoctorSession): Promise<number> {
  for (const name of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY']) delete process.env[name];
  const { startSimulator } = await import('../../simulate/server.js');
  const sim = await startSimulator({ streamDelayMs: 5 });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ruapi-demo-'));
  const c = s.io.color('stdout');
  const human = s.format === 'human';
  const json: Array<{ title: string; asExpected: boolean; problem?: string; result: DoctorResult }> = [];
  const problems: string[] = [];
  // The narration wraps to the terminal as the report does (the .env lines are shown as they are).
  const width = terminalWidth(s.io);
  const say = (text: string) => s.out.out(wrapText(text, width));
  try {
    const cases = demoCases(sim);
    for (const [i, demo] of cases.entries()) {
      const folder = path.join(dir, String(i + 1));
      mkdirSync(folder);
      writeFileSync(path.join(folder, '.env'), demo.dotenv);
      s.out.learn([sim.key]);
      if (human) {
        say(`${i > 0 ? '\n' : ''}${c.bold(t('ui.demo.heading', { i: i + 1, n: cases.length, title: demo.title }))}\n${demo.why}\n`);
        say(c.dim(`${t('ui.demo.reads', { host: new URL(sim.url).host })}\n`));
        s.out.out(`${demo.dotenv.replace(/^(?=.)/gm, '    ')}\n`);
      }
      const options: DiagnoseOptions = {
        env: {},
        cwd: folder,
        home: folder,
        stream: true,
        timeoutMs: timeoutMs(s.opts),
        strict: s.opts.strict === true,
      };
      const demoRun = await runWithSpinners(s, options);
      const problem = demo.check(demoRun.result);
      if (problem) problems.push(t('ui.demo.problem', { i: i + 1, title: demo.title, problem }));
      if (human) printResult(s, demoRun);
      else json.push({ title: demo.title, asExpected: !problem, ...(problem ? { problem } : {}), result: s.out.cleanDeep(demoRun.result) });
    }
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!human) s.out.out(`${JSON.stringify({ demo: json, asExpected: problems.length === 0 }, null, 2)}\n`);
  else if (problems.length === 0) {
    say(`\n${c.green('✓')} ${t('ui.demo.ok')}\n`);
    say(`${t('ui.demo.next')}\n`);
  } else say(`\n${c.red('✗')} ${t('ui.demo.failed', { problems: problems.join('; ') })}\n`);
  return problems.length === 0 ? EXIT.ok : EXIT.problem;
}
