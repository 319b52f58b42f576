import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readTools, type ToolConfig, type ToolSetting, type ToolSource } from '../../../src/config/tools/index.js';
import type { DiscoverInput } from '../../../src/config/types.js';
import { ROOT, tempDir } from '../../helpers/cli.js';

/** A tool's fixture, as the tool's docs write it (fixtures/config/<tool>/). */
export const toolFixture = (tool: string, name: string): string => readFileSync(path.join(ROOT, 'fixtures/config', tool, name), 'utf8');

/** An input with its own working folder, home and system root, none of them the machine's. */
export function place(files: { cwd?: Record<string, string>; home?: Record<string, string>; system?: Record<string, string> } = {}, env: NodeJS.ProcessEnv = {}): DiscoverInput {
  return { flags: {}, env, cwd: tempDir(files.cwd), home: tempDir(files.home), systemRoot: tempDir(files.system), platform: 'linux' };
}

export const read = (input: DiscoverInput, sources: readonly ToolSource[]): ToolConfig[] => readTools(input, sources);

/** A value as the tests compare it: name, value, line and role. */
export const brief = (s: ToolSetting | undefined) => s && { name: s.name, value: s.value, line: s.source.line, role: s.role };
