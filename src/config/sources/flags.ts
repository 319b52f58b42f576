import type { Field } from '../../core/ruapi.js';
import { posixQuote } from '../../core/text.js';
import type { ConfigSource, Setting } from './contract.js';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';

const t = messages(CONFIG);

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
      const label = stdin ? t('config.label.stdin') : t('config.label.flag', { flag: name });
      settings.push({ value, source: { kind: KIND, name, label }, means: { field, protocol: 'ruapi' } });
    };
    add('key', given.key);
    add('baseUrl', given.baseUrl);
    add('model', given.model);
    return { status: 'read', settings };
  },
  line,
  assignment: (source, value) => line(source.name, value)!,
  place: (source) => (source.name === KEY_STDIN ? t('config.flag.place.stdin') : t('config.flag.place', { flag: source.name })),
  holder: (source) => (source.name === KEY_STDIN ? source.label : t('config.flag.holder')),
  form: (change) => (change.field === 'key' || change.value === undefined ? undefined : { kind: KIND, label: t('config.flag.form'), text: line(FLAG[change.field], change.value)! }),
};
