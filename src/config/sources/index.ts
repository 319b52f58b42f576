import type { Source } from '../types.js';
import { claudeSettingsLocal, claudeSettingsProject, claudeSettingsUser } from './claude-settings.js';
import type { ConfigSource, SourceKind } from './contract.js';
import { dotenv } from './dotenv.js';
import { environment } from './environment.js';
import { flags } from './flags.js';
import { prompt } from './prompt.js';

/**
 * Where the configuration comes from, highest precedence first: within a field, the first source
 * that sets a value wins and every later one is reported as shadowed. A variable set in the
 * environment, even empty, wins over `.env` (dotenv leaves it alone); Claude Code's settings come
 * last, local before project before the user's. A new source is one file in this folder plus its
 * test, and one line here.
 */
export const PRECEDENCE: readonly ConfigSource[] = [flags, environment, dotenv, claudeSettingsLocal, claudeSettingsProject, claudeSettingsUser];

/** Every kind of source a value can have, each once: the read ones in precedence order, then the prompt. */
export const SOURCE_KINDS: readonly SourceKind[] = [...PRECEDENCE, prompt].filter((s, i, all) => all.findIndex((o) => o.kind === s.kind) === i);

/** For a source of a kind nobody registered: its label is all there is to say. */
const PLAIN: SourceKind = { ...prompt, kind: '' };

/** The kind a value's source is, which knows how to describe, write and edit it. */
export function kindOf(source: Source | string): SourceKind {
  const kind = typeof source === 'string' ? source : source.kind;
  return SOURCE_KINDS.find((k) => k.kind === kind) ?? PLAIN;
}

export type { ConfigSource, FixForm, FormChange, FormContext, Meaning, Setting, SettingValue, Shell, SourceFile, SourceKind, SourceRead } from './contract.js';
export { fileAndLine } from './contract.js';
export { detectShell } from './environment.js';
export { isPrompted, promptSource } from './prompt.js';
