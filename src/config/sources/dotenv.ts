import path from 'node:path';
import { UsageError } from '../../core/exit.js';
import { KEY_PLACEHOLDER } from '../../core/ruapi.js';
import { displayPath, readConfigText } from '../files.js';
import { dotenvLine, parseDotenv, setDotenvVar } from '../formats/dotenv.js';
import { fileAndLine, type ConfigSource } from './contract.js';

const KIND = 'dotenv';

const line = (name: string, value: string | undefined) => (value === undefined ? `${name}=${KEY_PLACEHOLDER}` : dotenvLine(name, value));

/**
 * `.env` in the working folder, or the file given with `--env-file` (which must exist), read as the
 * `dotenv` package reads it; the last assignment of a name is the one in force.
 */
export const dotenv: ConfigSource = {
  kind: KIND,
  title: '.env',
  variables: true,
  suggest: { rank: 1 },
  file: ({ cwd, home, envFile }) => {
    const file = path.resolve(cwd, envFile ?? '.env');
    return { path: file, label: displayPath(file, cwd, home) };
  },
  read: (input, file) => {
    const read = readConfigText(file!.path);
    if (read.kind === 'absent') {
      if (input.envFile !== undefined) throw new UsageError(`--env-file ${input.envFile}: no such file`);
      return { status: 'absent' };
    }
    if (read.kind === 'unreadable') return { status: 'unreadable', reason: read.reason, ...(read.fix ? { fix: read.fix } : {}) };
    // dotenv keeps the last assignment of a name: list it first, the earlier ones as overridden.
    const settings = parseDotenv(read.text)
      .reverse()
      .map((entry) => ({
        ...(entry.line === 1 && read.bom ? { afterBom: true as const } : {}),
        value: entry.value,
        source: { kind: KIND, name: entry.name, file: file!.label, path: file!.path, line: entry.line, label: `${entry.name} in ${file!.label}, line ${entry.line}` },
      }));
    return { status: 'read', settings };
  },
  line,
  assignment: (source, value) => `${line(source.name, value) ?? `${source.name}=${value}`}   (${fileAndLine(source)})`,
  place: (source) => `${source.name} in ${fileAndLine(source)}`,
  holder: (source) => source.file ?? source.label,
  form: ({ variable, value }) => {
    const text = variable === undefined ? undefined : line(variable, value);
    if (text === undefined) return undefined;
    return { kind: KIND, label: value === undefined ? `.env (replace ${KEY_PLACEHOLDER} with your key: no quotes, no spaces)` : '.env', text };
  },
  edit: (text, source, value) => setDotenvVar(text, source.name, value, { line: source.line }),
  repair: (label) => `Save ${label} as plain UTF-8 text with one NAME=value per line, or point --env-file at the right file.`,
  notes: { quotesInside: 'Quotes around a whole .env value are fine; these are inside them.' },
};
