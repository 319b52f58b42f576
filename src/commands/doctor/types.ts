import type { Session } from '../../core/session.js';
import type { Format } from '../../report/format-names.js';
import type { Output } from '../../core/output.js';

export type Ui = typeof import('../../ui/index.js');

/** The options commander hands over (see register.ts). */
export interface DoctorFlags {
  /** --lang: en or ru; else RUAPI_LANG, then the locale. */
  lang?: string;
  protocol?: 'openai' | 'anthropic';
  baseUrl?: string;
  key?: string;
  keyStdin?: boolean;
  model?: string;
  envFile?: string;
  offline?: boolean;
  probe?: boolean;
  stream?: boolean;
  /** Seconds, already validated by commander. */
  timeout?: number;
  allowHost?: string[];
  client?: string;
  allowKeyHelper?: boolean;
  ci?: boolean;
  json?: boolean;
  strict?: boolean;
  verbose?: boolean;
  fix?: boolean;
  yes?: boolean;
  report?: boolean;
  format?: Format;
  output?: string;
  demo?: boolean;
  color?: boolean;
}

/** One `ruapi doctor` invocation: its flags, where it talks, and the prompts when a person is there. */
export interface DoctorSession {
  opts: DoctorFlags;
  format: Format;
  io: Session;
  out: Output;
  /** Loaded only when the session can prompt: prompts and spinners. */
  ui?: Ui;
}
