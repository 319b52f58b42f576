import type { Field } from '../../core/ruapi.js';
import { posixQuote } from '../../core/text.js';
import type { ConfigSource, Setting } from './contract.js';

const KIND = 'flag';

const FLAG: Record<Field, string> = { key: '--key', baseUrl: '--base-url', model: '--model' };
const KEY_STDIN = '--key-stdin';

const line = (flag: string, value: string | undefined) => (value === undefined ? undefined : `${flag} ${posixQuote(value)}`);

/** `--key` (or the key piped with `--key-stdin`), `--base-url`, `--model`: over every other source, for both protocols. */
export const flags: ConfigSource = {
  kind: KIND,
  variables: false,
  narrows: true,
  read: ({ flags: given }) => {
    const settings: Setting[] = [];
    const add = (field: Field, value: string | undefined) => {
      if (value === undefined) return;
      const stdin = field === 'key' && given.keyFrom === 'stdin';
      const name = stdin ? KEY_STDIN : FLAG[field];
      const label = stdin ? 'standard input (--key-stdin)' : `${name} on the command line`;
      settings.push({ value, source: { kind: KIND, name, label }, means: { field, protocol: 'ruapi' } });
    };
    add('key', given.key);
    add('baseUrl', given.baseUrl);
    add('model', given.model);
    return { status: 'read', settings };
  },
  line,
  assignment: (source, value) => line(source.name, value)!,
  place: (source) => (source.name === KEY_STDIN ? 'what you pipe to --key-stdin' : `the ${source.name} argument`),
  holder: (source) => (source.name === KEY_STDIN ? source.label : 'the command line'),
  form: (change) => (change.field === 'key' || change.value === undefined ? undefined : { kind: KIND, label: 'the ruapi command line', text: line(FLAG[change.field], change.value)! }),
};
