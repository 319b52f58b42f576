import Enquirer from 'enquirer';
import type { Protocol } from '../core/finding.js';
import { RUAPI_BASE_URL } from '../config/protocol.js';
import { Interrupted } from './interactive.js';

// enquirer's typings declare only `prompt()`; the prompt classes are there at run time.
type PromptInstance = { run(): Promise<unknown> };
type PromptClass = new (options: Record<string, unknown>) => PromptInstance;
const prompts = Enquirer as unknown as Record<'Password' | 'AutoComplete' | 'Select' | 'Confirm' | 'Input' | 'Prompt', PromptClass>;

/**
 * Prompts draw on stderr so that stdout stays the doctor's output (`ruapi report > report.md`
 * still asks for a missing key on the terminal).
 */
async function ask<T>(Prompt: PromptClass, options: Record<string, unknown>): Promise<T> {
  try {
    return (await new Prompt({ stdout: process.stderr, ...options }).run()) as T;
  } catch (err) {
    // enquirer rejects with an empty string (not an Error) when Ctrl-C or Esc cancels the prompt.
    if (!(err instanceof Error)) throw new Interrupted();
    throw err;
  }
}

/** Config values can hold anything; never let one move the cursor or recolour the terminal. */
const printable = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

export function askProtocol(initial: Protocol = 'openai'): Promise<Protocol> {
  return ask<Protocol>(prompts.Select, {
    name: 'protocol',
    message: 'Which protocol does your tool use?',
    initial: initial === 'anthropic' ? 1 : 0,
    // The tools in the hints are the one line that decides it.
    choices: [
      { name: 'openai', message: 'openai   ', hint: 'OpenAI SDK, LangChain, Cursor and most other tools' },
      { name: 'anthropic', message: 'anthropic', hint: 'Claude Code, Anthropic SDK' },
    ],
  });
}

/**
 * Asks for the key with every character shown as `*`. The answer is returned as typed (the key
 * checks report pasted spaces or quotes); it is never echoed, logged or stored by the prompt.
 */
export function askKey(): Promise<string> {
  return ask<string>(prompts.Password, {
    name: 'key',
    message: 'RuAPI key (Console → Tokens; hidden)',
    // A fixed-width mask plus the length: a long key never wraps the line, and a doubled paste shows.
    format(this: { input: string; state: { submitted: boolean }; styles: Record<'primary' | 'muted', (s: string) => string> }) {
      const n = this.input.length;
      if (!n) return '';
      const mask = (this.state.submitted ? this.styles.primary : this.styles.muted)('*'.repeat(Math.min(n, 12)));
      return `${mask}${this.styles.muted(` ${n} characters`)}`;
    },
    validate: (value: string) => (value.trim() ? true : 'Paste the key, or press Ctrl-C to stop.'),
  });
}

/** Offers the base URL the protocol needs; Enter accepts it. */
export async function askBaseUrl(protocol: Protocol): Promise<string> {
  const answer = await ask<string>(prompts.Input, {
    name: 'baseUrl',
    message: `Base URL (${protocol === 'openai' ? 'must end in /v1' : 'no /v1: the SDK adds it'})`,
    initial: RUAPI_BASE_URL[protocol],
  });
  return answer.trim() || RUAPI_BASE_URL[protocol];
}

let ModelPrompt: PromptClass | undefined;
/** enquirer's AutoComplete, made safe for model ids and open to ids that are not in the list. */
function modelPromptClass(): PromptClass {
  if (ModelPrompt) return ModelPrompt;
  // Untyped on purpose: this subclass reaches into enquirer internals (state, choices, focused).
  const AutoComplete = prompts.AutoComplete as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const selectRender: () => Promise<void> = Object.getPrototypeOf(AutoComplete.prototype).render;
  const promptSubmit: () => Promise<void> = (prompts.Prompt.prototype as unknown as { submit: () => Promise<void> }).submit;
  ModelPrompt = class extends AutoComplete {
    // The stock render builds a RegExp from the raw input, so typing '(' or '+' threw.
    async render() {
      if (this.state.status !== 'pending' || !this.input) return selectRender.call(this);
      const pattern = new RegExp(this.input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'ig');
      const mark = this.options.highlight || this.styles.complement;
      // ansi-colors styles are callable objects without Function.prototype (hence `.stack`, as upstream checks).
      const paint = (m: string) => (mark.stack ? mark(m) : mark.call(this, m));
      const choices = this.choices;
      this.choices = choices.map((ch: { message: string }) => ({ ...ch, message: ch.message.replace(pattern, paint) }));
      await selectRender.call(this);
      this.choices = choices;
    }
    // The gateway's list may lag behind its catalog: Enter on text that matches nothing uses it as typed.
    submit() {
      if (!this.focused && this.input.trim()) {
        this.value = this.input.trim();
        return promptSubmit.call(this);
      }
      return super.submit();
    }
  } as unknown as PromptClass;
  return ModelPrompt;
}

/** Exact id first, then ids starting with the input, then ids containing it. */
function suggest(input: string, choices: Array<{ name: string }>) {
  const s = input.toLowerCase();
  const rank = (name: string) => (name.toLowerCase() === s ? 0 : name.toLowerCase().startsWith(s) ? 1 : 2);
  return choices.filter((c) => c.name.toLowerCase().includes(s)).sort((a, b) => rank(a.name) - rank(b.name));
}

export function askModel(ids: readonly string[], initial?: string): Promise<string> {
  const unique = [...new Set(ids.map(printable))];
  return ask<string>(modelPromptClass(), {
    name: 'model',
    message: 'Model id (type to filter)',
    footer: 'Exact ids only. Enter on text that matches nothing uses it as typed.',
    limit: 8,
    choices: unique,
    initial: initial && unique.includes(initial) ? initial : undefined,
    suggest,
  });
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function confirmFix(question: string, defaultYes = true): Promise<boolean> {
  return ask<boolean>(prompts.Confirm, { name: 'fix', message: printable(question), initial: defaultYes, format: yesNo });
}

/** Asked before the key is sent to a host that is neither RuAPI's nor loopback; the safe answer is the default. */
export function confirmHost(host: string): Promise<boolean> {
  return ask<boolean>(prompts.Confirm, {
    name: 'host',
    message: `${printable(host)} is not a RuAPI host. Send your key there to test it?`,
    initial: false,
    format: yesNo,
  });
}
