import { appendFileSync, writeFileSync } from 'node:fs';
import { UsageError } from './exit.js';
import { CORE } from '../lang/en/core.js';
import { messages } from '../lang/t.js';
import { mapStrings, redactor, secretForms, type Redactor } from './redact.js';
import type { Session } from './session.js';
import { withoutControls } from './text.js';

/**
 * The one place output leaves ruapi. It knows every secret the run has seen and redacts all that
 * passes through it, once. Commands hand it what renderers made (src/report/write.ts tees a doctor
 * result to `--output`, the GitHub annotations and the step summary); they never redact.
 */
const MEMO_MAX_LENGTH = 1024;
const t = messages(CORE);
const MEMO_MAX_ENTRIES = 10_000;

/**
 * What withoutControls would replace, as JSON writes it: C0 controls but tab and line feed are
 * escaped (\b, \f, \r, \u00XX; the pattern also takes an escaped backslash before such a letter,
 * which only costs the slower way), DEL and the C1 controls are written as they are.
 */
const CONTROL_IN_JSON = /\\[bfr]|\\u00[01]|[\u007f-\u009f]/;

export class Output {
  private readonly secrets = new Set<string>();
  /** The secrets prepared for redaction; made again after `learn`. */
  private prepared?: Redactor;
  /** The secrets also as JSON writes them, escaped once more (for cleanDeep's look at a whole JSON text). */
  private preparedJson?: Redactor;
  /** Short texts already cleaned with `prepared`: a result is cleaned for each renderer, and its labels repeat. */
  private readonly cleaned = new Map<string, string>();

  constructor(readonly session: Session) {}

  /** Adds values to redact from everything written from now on (keys, whatever their shape). */
  learn(secrets: Iterable<string | undefined>): this {
    for (const s of secrets) if (s) this.secrets.add(s);
    this.prepared = undefined;
    this.preparedJson = undefined;
    this.cleaned.clear();
    return this;
  }

  /** What it redacts, for a renderer that must mask a key even when noise splits it (the --fix diff). */
  get known(): readonly string[] {
    return [...this.secrets];
  }

  /**
   * Text, redacted: every piece (8 characters or more, any case) of every secret learnt, and the
   * user info, query values, fragment and token-like path segments of any URL.
   */
  clean(text: string): string {
    this.prepared ??= redactor(this.secrets);
    if (text.length > MEMO_MAX_LENGTH) return this.prepared(text);
    let clean = this.cleaned.get(text);
    if (clean === undefined) {
      clean = this.prepared(text);
      if (this.cleaned.size < MEMO_MAX_ENTRIES) this.cleaned.set(text, clean);
    }
    return clean;
  }

  /**
   * Data before a renderer sees it (a doctor result, an explanation): every secret redacted, and
   * every control character of outside text replaced, so that only ruapi's own colours reach the
   * terminal.
   */
  cleanDeep<T>(value: T): T {
    // Most data needs nothing done: when its JSON text holds no control character and no piece of a
    // secret in any form a string of it could hold one (redactor knows each secret as written and
    // as JSON escapes it; in the JSON text each of those is escaped once more), no string in it
    // would change, and JSON.parse gives the copy mapStrings would. Else, or for what JSON cannot
    // write, each string on its own.
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      // A BigInt or a cycle: mapStrings says what it says.
    }
    if (json !== undefined && !CONTROL_IN_JSON.test(json)) {
      this.preparedJson ??= this.jsonRedactor();
      if (this.preparedJson(json) === json) return JSON.parse(json) as T;
    }
    return mapStrings(value, (s) => withoutControls(this.clean(s)));
  }

  /** For cleanDeep's JSON text: `prepared` itself unless a secret reads otherwise once JSON escapes it (a quote, a backslash, a control character). */
  private jsonRedactor(): Redactor {
    const forms = [...this.secrets].flatMap(secretForms);
    if (forms.every((f) => JSON.stringify(f) === `"${f}"`)) return (this.prepared ??= redactor(this.secrets));
    return redactor(forms);
  }

  out(text: string): void {
    this.session.stdout.write(guardLines(this.clean(text)));
  }

  err(text: string): void {
    this.session.stderr.write(guardLines(this.clean(text)));
  }

  /**
   * ruapi's own GitHub workflow commands (annotations, stop-commands markers): the only text that
   * may start a line with `::`. Redacted like the rest.
   */
  workflowCommands(text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    if (text) this.session[stream].write(this.clean(text));
  }

  /** `line` plus a line break, on stdout or stderr. */
  line(text = '', stream: 'stdout' | 'stderr' = 'stdout'): void {
    (stream === 'stdout' ? this.out : this.err).call(this, `${text}\n`);
  }

  /** Writes `text` to the file named by --output (a usage error, exit 2, when it cannot). */
  file(path: string, text: string): void {
    try {
      writeFileSync(path, guardLines(this.clean(text)));
    } catch (err) {
      throw new UsageError(t('core.output.cannot-write', { path, code: (err as NodeJS.ErrnoException).code ?? 'error' }));
    }
  }

  /** Appends to `$GITHUB_STEP_SUMMARY`, which GitHub Actions shows on the run's summary page. */
  stepSummary(markdown: string): void {
    const file = this.session.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    try {
      appendFileSync(file, guardLines(this.clean(markdown)));
    } catch {
      this.err(`${t('core.output.step-summary', { file })}\n`);
    }
  }
}

/**
 * A CI runner reads a line that starts (after spaces) with `::` or `##[` as a workflow command
 * (`::add-mask::`, `::error::`, the legacy `##[error]`). ruapi writes its own through
 * `workflowCommands`; any other such line can only hold text from outside (a gateway's answer, a
 * pasted error), so it is marked as quoted text and stops being a command.
 */
export function guardLines(text: string): string {
  if (!text.includes('::') && !text.includes('##[')) return text;
  return text.replace(/^([ \t]*)(?=::|##\[)/gm, '$1» ');
}
