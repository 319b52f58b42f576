import type { Protocol } from '../../core/finding.js';
import type { Field } from '../../core/ruapi.js';
import type { EditOutcome } from '../formats/text-edit.js';
import type { DiscoverInput, Source } from '../types.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

/**
 * The contract every configuration source keeps: one file per source in this folder, registered in
 * the precedence table (./index.ts). Discovery, the checks' fix lines, the fix forms and --fix all
 * ask the source; none of them tests which source it is.
 */

/** The shell a line for the environment is written for (see detectShell in ./environment.ts). */
export type Shell = 'posix' | 'fish' | 'powershell' | 'cmd';

/** A file a source reads: as shown (relative to the working folder, or with `~`), and its absolute path. */
export interface SourceFile {
  label: string;
  path: string;
}

/**
 * A value as a source holds it: the text itself, or the name of the environment variable that
 * holds it (`{ fromEnv: 'RUAPI_API_KEY' }`, for a config such as Codex's `env_key = "RUAPI_API_KEY"`
 * or opencode's `"{env:RUAPI_API_KEY}"`). Discovery looks the variable up in the environment; the
 * value's source is then that variable, reached `via` the setting that named it.
 */
export type SettingValue = string | { fromEnv: string };

/** What a value configures: one field of one protocol, or of either (`ruapi`, as the RUAPI_* variables do). */
export interface Meaning {
  field: Field;
  protocol: Protocol | 'ruapi';
}

/** One value a source holds, and where it is. */
export interface Setting {
  value: SettingValue;
  /** Where it is, labelled for the user; `source.name` is the variable or setting as written there. */
  source: Source;
  /**
   * What it configures. Without it, `source.name` must be one of the variables in VARIABLES
   * (src/core/ruapi.ts), which says what it configures; a setting with any other name is ignored.
   */
  means?: Meaning;
  /**
   * The file starts with a UTF-8 byte order mark and this is its first line: loaders that keep the
   * mark (python-dotenv) read this name with it in front, so the variable is lost for them.
   */
  afterBom?: true;
}

/** What reading a source gives: nothing there, something there that cannot be read (and why, never quoting it), or its values. */
/** `fix` on an unreadable file: advice for what the file is (UTF-16), before the source's own `repair`. */
export type SourceRead = { status: 'absent' } | { status: 'unreadable'; reason: string; fix?: string } | { status: 'read'; settings: Setting[] };

/** A change a fix form shows. The key has no value here, by design: a key is never written out. */
export interface FormChange {
  field: Field;
  /** Undefined for the key. */
  value: string | undefined;
  /** The variable to set; undefined when the protocol has none for this field (the OpenAI SDKs read no model variable). */
  variable: string | undefined;
}

export interface FormContext {
  protocol: Protocol;
  shell: Shell;
}

/** A fix written for one place: what to paste (`text`) and where it goes (`label`, one line). */
export interface FixForm {
  /** The kind of place: a source kind's form kind (`dotenv`, `shell`, `claude-settings`, `flag`) or code (`python`, `node`, `curl`). */
  kind: string;
  label: string;
  text: string;
}

/**
 * A kind of source: how its values are described, written and edited. `Source.kind` names one.
 * Every text here is for the user, so each says where the value is in that source's own words.
 */
export interface SourceKind {
  /** Stable id, stored as `Source.kind` on every value from it. */
  readonly kind: string;
  /** In words, for "set in the environment, .env or Claude Code's settings". Absent for flags and prompts, which are not places a tool reads. */
  readonly title?: string;
  /**
   * Its names are variables the user's own tools read (the environment, .env, Claude Code's `env`
   * block): a fix can name the variable, and SDK code can read the key from it. Not so for a flag
   * or a prompt.
   */
  readonly variables: boolean;
  /** One variable set to one value in this source's format; `value` undefined stands for the key, which is never written out. */
  line?(variable: string, value: string | undefined, shell?: Shell): string | undefined;
  /** The corrected value written for where `source` is, on one line, ready to copy, with where it goes: `OPENAI_BASE_URL=…   (.env, line 3)`. Not for secrets. */
  assignment(source: Source, value: string): string;
  /** Where to edit the value, in words: "OPENAI_BASE_URL in .env, line 3". */
  place(source: Source): string;
  /** What holds the value, for "Remove the value you do not mean from …". */
  holder(source: Source): string;
  /** The fix form for this kind of place, or undefined when it cannot hold the change. */
  form?(change: FormChange, ctx: FormContext): FixForm | undefined;
  /**
   * Offer this kind's form also for values that came from elsewhere: `rank` orders such forms
   * (lower first), `protocols` limits them. Without it the form is shown only for values from here.
   */
  readonly suggest?: { rank: number; protocols?: readonly Protocol[] };
  /** Sets `source.name` to `value` in the file's text, changing nothing else. Only kinds that `--fix` may write have it. */
  edit?(text: string, source: Source, value: string): EditOutcome;
  /** What to do when the file cannot be read (the `config/unreadable` fix). */
  repair?(label: string): string;
  /** The command that removes the value, where an empty one still counts as set (the environment), for the shell in use. */
  unset?(source: Source, shell?: Shell): string;
  /** A base URL from here is a choice for this run (`--base-url`): it narrows the check to the protocol it points at. */
  readonly narrows?: boolean;
  /** What to say about values from here, in situations only some sources have. */
  readonly notes?: {
    /** When a value from here is overridden by one from another kind of source. */
    overridden?: string;
    /** When a key from here has quotes inside it, in a format that removes quotes around a whole value. */
    quotesInside?: string;
    /** Model aliases the tool reading this source expands itself, and what to say about one. */
    modelAliases?: { ids: readonly string[]; note: string };
  };
}

/** A source discovery reads: a kind, plus where it is and how to read it. */
export interface ConfigSource extends SourceKind {
  /** The file it reads, if it reads one (then `readFiles: false` skips it). */
  file?(input: DiscoverInput): SourceFile;
  /** Reads it; never throws, except a UsageError for a file the user named that does not exist. */
  read(input: DiscoverInput, file: SourceFile | undefined): SourceRead;
}

/** "`.env`, line 3": the file and line a value is on. */
export const fileAndLine = (source: Source): string => (source.line ? t('config.file-line', { file: source.file!, line: source.line }) : `${source.file}`);
