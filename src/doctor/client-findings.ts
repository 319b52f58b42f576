import type { ClientSetup } from '../config/clients/resolve.js';
import { kindOf } from '../config/sources/index.js';
import type { Sourced } from '../config/types.js';
import type { Finding } from '../core/finding.js';
import { looksLikeKey } from '../core/keys.js';
import { KEY_PLACEHOLDER, RUAPI_BASE_URL } from '../core/ruapi.js';
import { num } from '../lang/t.js';
import { andList, orList } from '../core/text.js';
import { t } from './words.js';

/**
 * The findings about how one client reads its values (ids `client/…`, listed in README). Each
 * names the client in `data.client` and, where a value is at fault, where it came from.
 */

const base = (setup: ClientSetup, f: Omit<Finding, 'protocol'>): Finding => ({ ...f, protocol: setup.protocol, data: { ...f.data, client: setup.profile.id } });

/** The line that sets `name` to `value` where `source` is: `NAME=value` for .env, `export NAME=…` for the shell. */
const setLine = (source: Sourced['source'], name: string, value: string | undefined): string => kindOf(source).line?.(name, value) ?? `${name}=${value ?? KEY_PLACEHOLDER}`;

const isKeyName = (name: string) => /KEY|TOKEN/i.test(name);

/** A setting of the client's own file (Codex's `openai_base_url`), not a variable: lower case. */
export const isSettingName = (name: string) => /^[a-z][a-z0-9_.]*$/.test(name);

/** The line that sets a setting of the client's own file, and where. */
function settingFix(setup: ClientSetup, name: string, value: string | undefined): string {
  const where = setup.profile.setup?.[setup.protocol]?.where;
  const shown = JSON.stringify(value ?? KEY_PLACEHOLDER);
  return where
    ? t('client/variable-not-read.fix.setting', { name, where, value: shown })
    : t('client/variable-not-read.fix.setting-own-file', { name, client: setup.profile.label, value: shown });
}

export const clientFinding = {
  notRead(setup: ClientSetup, set: Sourced, reads: string, hasIt: boolean): Finding {
    // A key is never written out, whatever name it was set under.
    const value = isKeyName(reads) || looksLikeKey(set.value) ? undefined : set.value.trim();
    const words = { client: setup.profile.label, set: set.source.name, reads, source: set.source.label, url: setup.profile.defaultBaseUrl };
    return base(setup, {
      id: 'client/variable-not-read',
      severity: hasIt ? 'info' : 'error',
      title: t('client/variable-not-read.title', words),
      message: t(hasIt ? 'client/variable-not-read.message.also-set' : isKeyName(reads) ? 'client/variable-not-read.message.no-key' : 'client/variable-not-read.message.default-url', words),
      fix: hasIt ? '' : isSettingName(reads) ? settingFix(setup, reads, value) : t('client/variable-not-read.fix', { reads, line: setLine(set.source, reads, value) }),
      source: set.source.label,
      data: { set: set.source.name, reads },
    });
  },

  bom(setup: ClientSetup, lost: Sourced): Finding {
    const words = { file: lost.source.file ?? '.env', client: setup.profile.label, name: lost.source.name };
    return base(setup, {
      id: 'client/dotenv-bom',
      severity: 'error',
      title: t('client/dotenv-bom.title', words),
      message: t('client/dotenv-bom.message', words),
      fix: t('client/dotenv-bom.fix', words),
      source: lost.source.label,
    });
  },

  configRefused(setup: ClientSetup, refused: NonNullable<ClientSetup['refused']>): Finding {
    const file = refused.setting.source.file;
    const words = { client: setup.profile.label, file: file ?? '', why: refused.why, source: refused.setting.source.label };
    return base(setup, {
      id: 'client/config-refused',
      severity: 'error',
      title: t(file ? 'client/config-refused.title' : 'client/config-refused.title.no-file', words),
      message: t(file ? 'client/config-refused.message' : 'client/config-refused.message.no-file', words),
      fix: refused.fix,
      source: refused.setting.source.label,
    });
  },

  configIgnored(setup: ClientSetup, unused: NonNullable<ClientSetup['unused']>): Finding {
    return base(setup, {
      id: 'client/config-ignored',
      severity: 'warning',
      title: t(unused.setting.source.file ? 'client/config-ignored.title' : 'client/config-ignored.title.no-file', {
        client: setup.profile.label,
        name: unused.setting.source.name,
        file: unused.setting.source.file ?? '',
      }),
      message: t('client/config-ignored.message', { why: unused.why, source: unused.setting.source.label }),
      fix: unused.fix,
      source: unused.setting.source.label,
    });
  },

  shortTimeout(setup: ClientSetup, timeout: Sourced, ms: number): Finding {
    return base(setup, {
      id: 'client/timeout',
      severity: 'warning',
      title: t('client/timeout.title', { name: timeout.source.name.replace(/^env\./, ''), ms: num(ms) }),
      message: t('client/timeout.message', { client: setup.profile.label, s: num(Math.round(ms / 1000)) }),
      fix: t('client/timeout.fix', { source: timeout.source.label }),
      source: timeout.source.label,
    });
  },

  keyHelper(setup: ClientSetup, helper: Sourced): Finding {
    return base(setup, {
      id: 'client/key-helper',
      severity: 'info',
      title: t('client/key-helper.title', { client: setup.profile.label }),
      message: t('client/key-helper.message', { source: helper.source.label }),
      fix: t('client/key-helper.fix'),
      source: helper.source.label,
    });
  },

  keyHelperFailed(setup: ClientSetup, helper: Sourced, why: string): Finding {
    return base(setup, {
      id: 'client/key-helper-failed',
      severity: 'error',
      title: t('client/key-helper-failed.title', { client: setup.profile.label, why }),
      message: t('client/key-helper-failed.message', { client: setup.profile.label, source: helper.source.label, why }),
      fix: t('client/key-helper-failed.fix'),
      source: helper.source.label,
    });
  },

  responsesApi(setup: ClientSetup): Finding {
    return base(setup, {
      id: 'client/responses-api',
      severity: 'info',
      title: t('client/responses-api.title', { client: setup.profile.label }),
      message: t('client/responses-api.message', { client: setup.profile.label }),
      fix: '',
    });
  },

  requestUrl(setup: ClientSetup, requestUrl: string, right: string): Finding {
    const source = setup.baseUrl!.source;
    return base(setup, {
      id: 'client/request-url',
      severity: 'error',
      title: t('client/request-url.title', { client: setup.profile.label, url: requestUrl }),
      message: t('client/request-url.message', { client: setup.profile.label, path: setup.path, source: source.label, url: requestUrl, right }),
      fix: t('client/request-url.fix', { name: source.name, right, source: source.label }),
      source: source.label,
      data: { fix: { field: 'baseUrl', value: right }, requestUrl },
    });
  },

  ruapiOnly(setup: ClientSetup, held: string[]): Finding {
    const snippet =
      setup.profile.language === 'python'
        ? setup.protocol === 'openai'
          ? 'OpenAI(api_key=os.environ["RUAPI_API_KEY"], base_url="https://www.ruapi.ai/v1")'
          : 'Anthropic(api_key=os.environ["RUAPI_API_KEY"], base_url="https://www.ruapi.ai")'
        : setup.protocol === 'openai'
          ? 'new OpenAI({ apiKey: process.env.RUAPI_API_KEY, baseURL: "https://www.ruapi.ai/v1" })'
          : 'new Anthropic({ apiKey: process.env.RUAPI_API_KEY, baseURL: "https://www.ruapi.ai" })';
    const n = held.length;
    const reads = andList([...setup.profile.env.key.slice(0, 1), ...setup.profile.env.baseUrl.slice(0, 1)]);
    return base(setup, {
      id: 'client/ruapi-variables',
      severity: 'error',
      title: t('client/ruapi-variables.title', { n, held: andList(held), client: setup.profile.label }),
      message: t('client/ruapi-variables.message', { n, held: orList(held), client: setup.profile.label, reads }),
      fix: t('client/ruapi-variables.fix', { n, snippet, key: String(setup.profile.env.key[0]), base: String(setup.profile.env.baseUrl[0]), url: RUAPI_BASE_URL[setup.protocol] }),
    });
  },

  otherProvider(setup: ClientSetup, provider: string): Finding {
    return base(setup, {
      id: 'client/other-provider',
      severity: 'info',
      title: t('client/other-provider.title', { client: setup.profile.label, provider }),
      message: t('client/other-provider.message', { provider }),
      fix: t('client/other-provider.fix', { url: RUAPI_BASE_URL[setup.protocol] }),
    });
  },
};
