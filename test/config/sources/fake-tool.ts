import { readFileSync } from 'node:fs';
import path from 'node:path';
// Not through ../../src/config/sources/index.js: a test registers this source by mocking that module.
import { fileAndLine, type ConfigSource, type Setting } from '../../../src/config/sources/contract.js';

const LINE = /^(\w+) = "(.*)"$/;

/**
 * A made-up tool's config, `fake.toml` in the working folder, one `name = "value"` per line. Like
 * Codex's `env_key`, it names the variable that holds the key instead of holding it; `base_url`
 * holds the OpenAI-compatible base URL itself. It can be edited in place, one line at a time.
 */
export const fakeTool: ConfigSource = {
  kind: 'fake-tool',
  title: "Fake Tool's config",
  variables: false,
  file: ({ cwd }) => ({ path: path.join(cwd, 'fake.toml'), label: 'fake.toml' }),
  read: (_input, file) => {
    let text: string;
    try {
      text = readFileSync(file!.path, 'utf8');
    } catch {
      return { status: 'absent' };
    }
    const settings = text.split('\n').flatMap((line, i): Setting[] => {
      const m = LINE.exec(line);
      if (!m) return [];
      const [, name, value] = m as unknown as [string, string, string];
      const source = { kind: 'fake-tool', name, file: file!.label, path: file!.path, line: i + 1, label: `${name} in ${file!.label}, line ${i + 1}` };
      if (name === 'env_key') return [{ value: { fromEnv: value }, source, means: { field: 'key', protocol: 'openai' } }];
      if (name === 'base_url') return [{ value, source, means: { field: 'baseUrl', protocol: 'openai' } }];
      return [];
    });
    return { status: 'read', settings };
  },
  line: (name, value) => (value === undefined ? undefined : `${name} = ${JSON.stringify(value)}`),
  assignment: (source, value) => `${source.name} = ${JSON.stringify(value)}   (${fileAndLine(source)})`,
  place: (source) => `${source.name} in ${fileAndLine(source)}`,
  holder: (source) => source.file ?? source.label,
  form: ({ field, value }) => (field === 'baseUrl' && value !== undefined ? { kind: 'fake-tool', label: 'fake.toml', text: `base_url = ${JSON.stringify(value)}` } : undefined),
  edit: (text, source, value) => {
    const lines = text.split('\n');
    const at = source.line === undefined ? -1 : source.line - 1;
    if (!LINE.test(lines[at] ?? '') || !lines[at]!.startsWith(`${source.name} =`)) return { error: `${source.name} is no longer on line ${source.line}` };
    lines[at] = `${source.name} = ${JSON.stringify(value)}`;
    return { after: lines.join('\n'), line: at + 1, action: 'replaced' };
  },
};
