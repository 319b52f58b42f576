import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState, type Status } from '@inquirer/core';
import input from '@inquirer/input';
import search from '@inquirer/search';
import select from '@inquirer/select';
import type { ChalkInstance } from 'chalk';
import type { Protocol } from '../core/finding.js';
import { RUAPI_BASE_URL } from '../core/ruapi.js';
import { colorFor } from '../core/color.js';
import { wrapText } from '../core/wrap.js';
import { Interrupted } from './interactive.js';
import { UI } from '../lang/en/ui.js';
import { messages } from '../lang/t.js';

const t = messages(UI);

/** inquirer's own key help names its actions in English: each one ruapi knows, in the language in use. */
const KEY_ACTION: Readonly<Record<string, () => string>> = { navigate: () => t('ui.keys.navigate'), select: () => t('ui.keys.select') };

let noColor = false;

/** `--no-color`: NO_COLOR, FORCE_COLOR and the terminal itself are read by colorFor. */
export function configurePrompts(opts: { noColor?: boolean }): void {
  noColor = opts.noColor === true;
}

/**
 * The look of every prompt, from ruapi's own colour decision for stderr (where prompts draw): no
 * colour with NO_COLOR, --no-color or TERM=dumb, as the rest of the output. Inquirer's default theme
 * colours by what Node's styleText makes of stdout, which is the wrong stream and, on Node 20,
 * no check at all.
 */
function themeFor(c: ChalkInstance) {
  return {
    prefix: { idle: c.cyan('?'), done: c.green('✔') },
    spinner: { interval: 80, frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'].map((f) => c.cyan(f)) },
    style: {
      answer: (text: string) => c.cyan(text),
      message: (text: string) => c.bold(text),
      error: (text: string) => c.red(`> ${text}`),
      defaultAnswer: (text: string) => c.dim(`(${text})`),
      help: (text: string) => c.dim(text),
      highlight: (text: string) => c.cyan(text),
      key: (text: string) => c.cyan(c.bold(`<${text}>`)),
      disabled: (text: string) => c.dim(text),
      description: (text: string) => c.dim(text),
      searchTerm: (text: string) => c.cyan(text),
      keysHelpTip: (keys: Array<[string, string]>) => keys.map(([key, action]) => `${c.bold(key)} ${c.dim(KEY_ACTION[action]?.() ?? action)}`).join(c.dim(' • ')),
    },
  };
}

type Context = { output: NodeJS.WriteStream; signal: AbortSignal };

/**
 * Runs one prompt on stderr, so that stdout stays the doctor's output (`ruapi report > report.md`
 * still asks for a missing key on the terminal). Ctrl-C (inquirer's ExitPromptError) and Esc end
 * it as Interrupted.
 */
async function ask<T>(run: (context: Context, c: ChalkInstance) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // readline decodes a lone Esc (after its 500 ms wait for a longer sequence) as the key 'escape'.
  const onKey = (_: unknown, key?: { name?: string }) => {
    if (key?.name === 'escape') controller.abort();
  };
  process.stdin.on('keypress', onKey);
  try {
    return await run({ output: process.stderr, signal: controller.signal }, colorFor(process.stderr, { noColor }));
  } catch (err) {
    const name = (err as Error | undefined)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new Interrupted();
    throw err;
  } finally {
    process.stdin.off('keypress', onKey);
  }
}

/** Config values can hold anything; never let one move the cursor or recolour the terminal. */
const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

export function askProtocol(initial: Protocol = 'openai'): Promise<Protocol> {
  return ask((context, c) =>
    select<Protocol>(
      {
        message: t('ui.protocol.question'),
        default: initial,
        // The tools beside each name are the one line that decides it (short enough for 60 columns).
        choices: [
          { value: 'openai', name: `openai     ${c.dim(t('ui.protocol.openai.tools'))}`, short: 'openai' },
          { value: 'anthropic', name: `anthropic  ${c.dim(t('ui.protocol.anthropic.tools'))}`, short: 'anthropic' },
        ],
        theme: themeFor(c),
      },
      context,
    ),
  );
}

/**
 * A prompt's line: a long one (a host, a file, a longer language) wraps at spaces, hanging under
 * its text, where inquirer alone would cut a word at the terminal's edge. The prefix (one column,
 * ? or ✔) goes in after the wrapping.
 */
function hangWrapped(prefix: string, rest: string): string {
  const wrapped = wrapText(`? ${rest}`, process.stderr.isTTY ? process.stderr.columns : undefined);
  return `${prefix}${wrapped.slice(1)}`;
}

interface KeyPromptConfig {
  message: string;
  /** Shown until the first character. */
  hint: string;
  empty: string;
  theme: ReturnType<typeof themeFor>;
}

/**
 * Hidden entry: readline's echo goes to inquirer's muted output, and the screen shows only a
 * fixed-width mask and the length, so a long key never wraps the line and a doubled paste shows.
 */
const keyPrompt = createPrompt<string, KeyPromptConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<Status>('idle');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (!isEnterKey(key)) {
      setValue(rl.line);
      setError(undefined);
      return;
    }
    if (!value.trim()) {
      setError(config.empty);
      return;
    }
    setStatus('done');
    done(value);
  });
  const n = value.length;
  const mask = (status === 'done' ? theme.style.answer : theme.style.help)('*'.repeat(Math.min(n, 12)));
  const shown = n > 0 ? `${mask}${theme.style.help(` ${t('ui.key.length', { n })}`)}` : theme.style.help(config.hint);
  return [hangWrapped(prefix, [theme.style.message(config.message, status), shown].filter(Boolean).join(' ')), error ? theme.style.error(error) : ''];
});

/**
 * Asks for the key with every character hidden. The answer is returned as typed (the key checks
 * report pasted spaces or quotes); it is never echoed, logged or stored by the prompt.
 */
export function askKey(): Promise<string> {
  return ask((context, c) =>
    keyPrompt({ message: t('ui.key.question'), hint: t('ui.key.hint'), empty: t('ui.key.empty'), theme: themeFor(c) }, context),
  );
}

/** Offers the base URL the protocol needs; Enter accepts it, Tab puts it in the line to edit. */
export async function askBaseUrl(protocol: Protocol): Promise<string> {
  const answer = await ask((context, c) =>
    input(
      {
        message: t(protocol === 'openai' ? 'ui.base-url.question.openai' : 'ui.base-url.question.anthropic'),
        default: RUAPI_BASE_URL[protocol],
        theme: themeFor(c),
      },
      context,
    ),
  );
  return answer.trim() || RUAPI_BASE_URL[protocol];
}

/** Exact id first, then ids starting with the input, then ids containing it; literal text, no patterns. */
function suggest(text: string, ids: readonly string[]): string[] {
  const s = text.toLowerCase();
  const rank = (id: string) => (id.toLowerCase() === s ? 0 : id.toLowerCase().startsWith(s) ? 1 : 2);
  return ids.filter((id) => id.toLowerCase().includes(s)).sort((a, b) => rank(a) - rank(b));
}

/**
 * Model ids with completion. The gateway's list may lag behind its catalog, so text that matches
 * nothing is offered as the one choice, to use as typed.
 */
export function askModel(ids: readonly string[], initial?: string): Promise<string> {
  const unique = [...new Set(ids.map(printable))];
  return ask((context, c) => {
    const theme = themeFor(c);
    return search<string>(
      {
        message: t('ui.model.question'),
        pageSize: 8,
        ...(initial && unique.includes(initial) ? { default: initial } : {}),
        source: (typed) => {
          const text = typed?.trim() ?? '';
          if (!text) return unique.map((id) => ({ value: id }));
          const found = suggest(text, unique);
          if (found.length > 0) return found.map((id) => ({ value: id }));
          return [{ value: text, name: printable(text), description: t('ui.model.not-listed') }];
        },
        theme: { ...theme, style: { ...theme.style, keysHelpTip: (keys: Array<[string, string]>) => `${theme.style.keysHelpTip(keys)}${c.dim(` • ${t('ui.model.exact-ids')}`)}` } },
      },
      context,
    );
  });
}

interface YesNoConfig {
  message: string;
  default: boolean;
  theme: ReturnType<typeof themeFor>;
}

/** y or n answers at once, Enter takes the default; other keys are ignored. */
const yesNoPrompt = createPrompt<boolean, YesNoConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<Status>('idle');
  const [answer, setAnswer] = useState<boolean | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const yes = isEnterKey(key) ? config.default : key.name === 'y' ? true : key.name === 'n' ? false : undefined;
    if (yes === undefined) {
      rl.clearLine(0);
      return;
    }
    setAnswer(yes);
    setStatus('done');
    done(yes);
  });
  const message = theme.style.message(config.message, status);
  const rest = `${message} ${status === 'done' ? theme.style.answer(t(answer ? 'ui.answer.yes' : 'ui.answer.no')) : theme.style.defaultAnswer(config.default ? 'Y/n' : 'y/N')}`;
  return hangWrapped(prefix, rest);
});

export function confirmFix(question: string, defaultYes = true): Promise<boolean> {
  return ask((context, c) => yesNoPrompt({ message: printable(question), default: defaultYes, theme: themeFor(c) }, context));
}

/** Asked before the key is sent to a host that is neither RuAPI's nor loopback; the safe answer is the default. */
export function confirmHost(host: string): Promise<boolean> {
  return ask((context, c) =>
    yesNoPrompt({ message: t('ui.host.question', { host: printable(host) }), default: false, theme: themeFor(c) }, context),
  );
}
