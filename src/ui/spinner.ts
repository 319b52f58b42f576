import ora, { type Ora } from 'ora';
import type { ChalkInstance } from 'chalk';
import { duration } from '../core/text.js';
import { colorFor } from '../core/color.js';
import { wrapText } from '../core/wrap.js';
import type { LiveStep } from '../core/result.js';
import { Interrupted } from './interactive.js';
import { UI } from '../lang/en/ui.js';
import { messages } from '../lang/t.js';

const t = messages(UI);

/**
 * A live step that has started and not finished. The live checks send one when a link starts, again
 * whenever what it waits for changes (detail "still waiting (3 s) for the response headers"), then
 * the finished LiveStep with the same id. The detail is shown as sent: the live checks own the
 * wording and the waiting time.
 */
export type RunningStep = LiveStep & { status: 'running' };

/** What the live checks' `onStep` sends: a LiveStep, `running` while under way. */
export type StepUpdate = LiveStep;

const isRunning = (step: StepUpdate): step is RunningStep => step.status === 'running';

export interface StepSpinner {
  /** Pass as the live checks' `onStep`. */
  onStep(step: StepUpdate): void;
  /** Aborted when the user presses Ctrl-C: pass it to the live checks. */
  readonly signal: AbortSignal;
  /** Rejects with Interrupted on Ctrl-C; race the live checks against it. Never resolves. */
  readonly interrupted: Promise<never>;
  /** Stops any spinner and the Ctrl-C handler. Call in a `finally`. */
  stop(): void;
}

/**
 * While the live checks run, keys typed on the terminal must not smear the spinner lines, and
 * Ctrl-C must still interrupt. ora's own stdin discarder does not resume a stdin that was never
 * read (or was paused by a prompt), which leaves the terminal raw and deaf to Ctrl-C; this reads it, so it works.
 */
function holdKeyboard(onCtrlC: () => void): () => void {
  const stdin = process.stdin;
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return () => {};
  const wasRaw = stdin.isRaw;
  const onData = (chunk: Buffer) => {
    if (chunk.includes(0x03)) onCtrlC();
  };
  stdin.setRawMode(true);
  stdin.on('data', onData);
  // A prompt before (readline closing) leaves stdin paused, and 'data' alone does not resume it.
  stdin.resume();
  return () => {
    stdin.off('data', onData);
    stdin.setRawMode(wasRaw);
    stdin.pause();
  };
}

/** One finished step as a line: mark, label, time, detail. */
function stepLine(step: LiveStep, c: ChalkInstance): string {
  const time = step.ms !== undefined ? c.dim(`  ${duration(step.ms)}`) : '';
  const detail = step.detail ? `: ${step.detail}` : '';
  switch (step.status) {
    case 'ok':
      return `${c.green('✓')} ${step.label}${time}${c.dim(detail)}`;
    case 'fail':
      return `${c.red('✗')} ${step.label}${time}${detail}`;
    case 'warn':
      return `${c.yellow('!')} ${step.label}${time}${detail}`;
    case 'skipped':
      return c.dim(`- ${step.detail ? t('ui.step.skipped.why', { label: step.label, detail: step.detail }) : t('ui.step.skipped', { label: step.label })}`);
    case 'running':
      return `${c.cyan('…')} ${step.label}${c.dim(detail)}`;
  }
}

/**
 * Spinners for the live chain, on stderr: each running step spins with what it waits for, then
 * resolves to ✓ / ✗ / ! with its own time (`ms`, the number the report shows). Ctrl-C while one runs marks it interrupted, aborts
 * `signal` and rejects `interrupted`.
 */
export function createStepSpinner(opts: { stream?: NodeJS.WriteStream; noColor?: boolean } = {}): StepSpinner {
  const stream = opts.stream ?? process.stderr;
  const c = colorFor(stream, { noColor: opts.noColor });
  const controller = new AbortController();
  let reject!: (err: Interrupted) => void;
  const interrupted = new Promise<never>((_, r) => (reject = r));
  interrupted.catch(() => {}); // a caller that never races on it must not see an unhandled rejection

  let current: { step: RunningStep; spinner: Ora } | undefined;

  const runningText = (step: RunningStep) => `${step.label}${step.detail ? c.dim(`: ${step.detail}`) : ''}`;

  // A finished line fits the terminal as the report does (a long detail, or a longer language's,
  // hangs under the label), so the terminal never wraps it mid-word.
  const fit = (line: string) => wrapText(line, stream.isTTY ? stream.columns : undefined);
  // The running text follows ora's frame and a space: it wraps as if it had a two-column mark.
  const fitRunning = (text: string) => fit(`- ${text}`).slice(2);

  const settle = (line: string) => {
    if (!current) return;
    current.spinner.stopAndPersist({ symbol: '', text: fit(line) });
    current = undefined;
  };

  const print = (line: string) => stream.write(`${fit(line)}\n`);

  const onSigint = () => {
    if (controller.signal.aborted) return;
    if (current) settle(`${c.red('✗')} ${t('ui.step.interrupted', { label: current.step.label })}`);
    controller.abort(new Interrupted());
    reject(new Interrupted());
  };
  process.prependListener('SIGINT', onSigint);
  const releaseKeyboard = holdKeyboard(onSigint);

  return {
    signal: controller.signal,
    interrupted,
    onStep(step) {
      // After Ctrl-C the live checks still wind down (an aborted request ends as a failed step): that is not news.
      if (controller.signal.aborted) return;
      if (isRunning(step)) {
        if (current?.step.id === step.id) {
          current.step = step;
          current.spinner.text = fitRunning(runningText(step));
          return;
        }
        // The step shown so far is still open: its line comes when it ends.
        current?.spinner.stop();
        const spinner = ora({ stream, text: fitRunning(runningText(step)), color: c.level > 0 ? 'cyan' : false, discardStdin: false });
        // ora alone decides whether the stream can animate; when it cannot, only final lines are printed.
        if (spinner.isEnabled) spinner.start();
        current = { step, spinner };
        return;
      }
      // The step's own time, as the report shows it: the spinner does not time steps itself.
      if (current?.step.id === step.id) settle(stepLine(step, c));
      else if (current) {
        // Another step is spinning: the finished line goes above it.
        current.spinner.clear();
        print(stepLine(step, c));
        current.spinner.render();
      } else print(stepLine(step, c));
    },
    stop() {
      settle(c.dim(`- ${current?.step.label}`));
      process.removeListener('SIGINT', onSigint);
      releaseKeyboard();
    },
  };
}
