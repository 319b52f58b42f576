import { path } from '../../core/path.js';
import { UsageError } from '../../core/exit.js';
import { KEY_PLACEHOLDER } from '../../core/ruapi.js';
import { displayPath, readConfigText } from '../files.js';
import { dotenvLine, parseDotenv, setDotenvVar } from '../formats/dotenv.js';
import { fileAndLine, type ConfigSource } from './contract.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

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
      if (input.envFile !== undefined) throw new UsageError(t('config.dotenv.no-such-file', { file: input.envFile }));
      return { status: 'absent' };
    }
    if (read.kind === 'unreadable') return { status: 'unreadable', reason: read.reason, ...(read.fix ? { fix: read.fix } : {}) };
    // dotenv keeps the last assignment of a name: list it first, the earlier ones as overridden.
    const settings = parseDotenv(read.text)
      .reverse()
      .map((entry) => ({
        ...(entry.line === 1 && read.bom ? { afterBom: true as const } : {}),
        value: entry.value,
        source: { kind: KIND, name: entry.name, file: file!.label, path: file!.path, line: entry.line, label: t('config.label.file-line', { name: entry.name, file: file!.label, line: entry.line }) },
      }));
    return { status: 'read', settings };
  },
  line,
  assignment: (source, value) => `${line(source.name, value) ?? `${source.name}=${value}`}   (${fileAndLine(source)})`,
  place: (source) => t('config.label.file', { name: source.name, file: fileAndLine(source) }),
  holder: (source) => source.file ?? source.label,
  form: ({ variable, value }) => {
    const text = variable === undefined ? undefined : line(variable, value);
    if (text === undefined) return undefined;
    return { kind: KIND, label: value === undefined ? t('config.dotenv.form.key', { placeholder: KEY_PLACEHOLDER }) : '.env', text };
  },
  edit: (text, source, value) => setDotenvVar(text, source.name, value, { line: source.line }),
  repair: (label) => t('config.dotenv.repair', { label }),
  get notes() {
    return { quotesInside: t('config.dotenv.quotes-inside') };
  },
};
