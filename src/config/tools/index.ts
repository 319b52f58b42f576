import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';
import type { DiscoverInput } from '../types.js';
import { aiderConf, aiderEnv } from './aider.js';
import { claudeEnvironment, claudeLocal, claudeManaged, claudeProject, claudeUser } from './claude-code.js';
import { codexLogin, codexProject, codexSystem, codexUser } from './codex.js';
import { continueUser } from './continue.js';
import type { ToolConfig, ToolSetting, ToolSource } from './contract.js';
import { opencodeCustom, opencodeGlobal, opencodeManaged, opencodeProject } from './opencode.js';
import { qwenProject, qwenSystem, qwenUser } from './qwen-code.js';

const t = messages(CONFIG);

/**
 * Every place a coding tool reads its configuration, per tool in that tool's own precedence,
 * highest first (CLIENT_PRECEDENCE in src/core/clients.ts says the same in scope names). A new tool
 * is one file in this folder plus its test, and its lines here.
 */
export const TOOL_SOURCES: readonly ToolSource[] = [
  codexProject,
  codexUser,
  codexSystem,
  codexLogin,
  opencodeManaged,
  opencodeProject,
  opencodeCustom,
  opencodeGlobal,
  qwenSystem,
  qwenProject,
  qwenUser,
  continueUser,
  ...aiderEnv,
  ...aiderConf,
  claudeManaged,
  claudeLocal,
  claudeProject,
  claudeUser,
  claudeEnvironment,
];

/**
 * Reads every tool's files and reports those found, read or unreadable, in TOOL_SOURCES order. A file
 * two places of one tool name (its project and user config when the working folder is home) is
 * read once, by the later, more general place. Never throws: a source that does is reported as
 * unreadable, since what a tool's file says must never stop the doctor.
 */
export function readTools(input: DiscoverInput, sources: readonly ToolSource[] = TOOL_SOURCES): ToolConfig[] {
  const files = sources.map((s) => s.file?.(input));
  return sources.flatMap((source, i): ToolConfig[] => {
    const file = files[i];
    if (source.file && !file) return [];
    if (file && sources.some((other, j) => j > i && other.client === source.client && files[j]?.path === file.path)) return [];
    let read;
    try {
      read = source.read(input, file);
    } catch (err) {
      read = { status: 'unreadable' as const, reason: t('config.read.failed', { code: (err as Error).name || t('config.read.error') }) };
    }
    if (read.status === 'absent') return [];
    const base = { client: source.client, scope: source.scope, ...(file ? { file } : {}), ...(source.readOnly ? { readOnly: true } : {}) };
    if (read.status === 'unreadable') return [{ ...base, status: 'unreadable', reason: read.reason, values: [], endpoints: [] }];
    return [{ ...base, status: 'read', values: inFileOrder(read.values), endpoints: read.endpoints, ...(read.refused ? { refused: read.refused } : {}), ...(read.unused ? { unused: read.unused } : {}) }];
  });
}

/** Values as they stand in the file, top to bottom (a stable sort: values on one line keep their order). */
const inFileOrder = (values: ToolSetting[]) =>
  values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (a.v.source.line ?? 0) - (b.v.source.line ?? 0) || (a.v.column ?? 0) - (b.v.column ?? 0) || a.i - b.i)
    .map(({ v }) => v);

export type { ModelSlot, ToolConfig, ToolEndpoint, ToolRead, ToolRefusal, ToolRole, ToolSetting, ToolSource } from './contract.js';
