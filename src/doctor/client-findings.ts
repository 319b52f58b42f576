import type { ClientSetup } from '../config/clients/resolve.js';
import { kindOf } from '../config/sources/index.js';
import type { Sourced } from '../config/types.js';
import type { Finding } from '../core/finding.js';
import { looksLikeKey } from '../core/keys.js';
import { KEY_PLACEHOLDER, RUAPI_BASE_URL } from '../core/ruapi.js';

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
  const where = setup.profile.setup?.[setup.protocol]?.where ?? `${setup.profile.label}'s config file`;
  return `Set ${name} in ${where} instead: ${name} = ${JSON.stringify(value ?? KEY_PLACEHOLDER)}`;
}

export const clientFinding = {
  notRead(setup: ClientSetup, set: Sourced, reads: string, hasIt: boolean): Finding {
    // A key is never written out, whatever name it was set under.
    const value = isKeyName(reads) || looksLikeKey(set.value) ? undefined : set.value.trim();
    return base(setup, {
      id: 'client/variable-not-read',
      severity: hasIt ? 'info' : 'error',
      title: `${set.source.name} is not read by ${setup.profile.label}: set ${reads}`,
      message: hasIt
        ? `${setup.profile.label} reads ${reads}, which is set too; ${set.source.name} (${set.source.label}) changes nothing for it.`
        : `${setup.profile.label} reads ${reads}, not ${set.source.name}: without it, it ${isKeyName(reads) ? 'sends no key' : `goes to ${setup.profile.defaultBaseUrl}`}.`,
      fix: hasIt ? '' : isSettingName(reads) ? settingFix(setup, reads, value) : `Set ${reads} instead (or as well): ${setLine(set.source, reads, value)}`,
      source: set.source.label,
      data: { set: set.source.name, reads },
    });
  },

  bom(setup: ClientSetup, lost: Sourced): Finding {
    const file = lost.source.file ?? '.env';
    return base(setup, {
      id: 'client/dotenv-bom',
      severity: 'error',
      title: `${file} starts with a byte order mark: ${setup.profile.label} loses ${lost.source.name}`,
      message: `The file begins with the invisible character U+FEFF (what Notepad writes for "UTF-8 with BOM"). The .env loader ${setup.profile.label} is used with (python-dotenv) reads the first name as "\\ufeff${lost.source.name}", so the program sees no ${lost.source.name}.`,
      fix: `Save ${file} as UTF-8 without BOM (in VS Code: "Save with Encoding" → UTF-8; in Notepad: UTF-8, not "UTF-8 with BOM"), or put a comment line first.`,
      source: lost.source.label,
    });
  },

  configRefused(setup: ClientSetup, refused: NonNullable<ClientSetup['refused']>): Finding {
    const file = refused.setting.source.file ?? 'its config file';
    return base(setup, {
      id: 'client/config-refused',
      severity: 'error',
      title: `${setup.profile.label} refuses to start with ${file}: ${refused.why}`,
      message: `${setup.profile.label} stops at loading ${file} (${refused.setting.source.label}), whichever provider is in use, and sends no request at all.`,
      fix: refused.fix,
      source: refused.setting.source.label,
    });
  },

  configIgnored(setup: ClientSetup, unused: NonNullable<ClientSetup['unused']>): Finding {
    return base(setup, {
      id: 'client/config-ignored',
      severity: 'warning',
      title: `${setup.profile.label} ignores ${unused.setting.source.name} in ${unused.setting.source.file ?? 'this file'}`,
      message: `${unused.why}: ${unused.setting.source.label} changes nothing for it.`,
      fix: unused.fix,
      source: unused.setting.source.label,
    });
  },

  shortTimeout(setup: ClientSetup, timeout: Sourced, ms: number): Finding {
    return base(setup, {
      id: 'client/timeout',
      severity: 'warning',
      title: `${timeout.source.name.replace(/^env\./, '')} is ${ms} ms: long answers will be cut off`,
      message: `${setup.profile.label} gives up on a request after ${Math.round(ms / 1000)} s. Long answers, big contexts and reasoning models take longer than that; RuAPI's advice is 60–120 s or more.`,
      fix: `Raise it to 120000 or more (${timeout.source.label}).`,
      source: timeout.source.label,
    });
  },

  keyHelper(setup: ClientSetup, helper: Sourced): Finding {
    return base(setup, {
      id: 'client/key-helper',
      severity: 'info',
      title: `${setup.profile.label} gets its key from a command (apiKeyHelper): not run`,
      message: `The key is whatever ${helper.source.label} prints. The doctor runs it only when you agree: on a terminal it asks; in CI pass --allow-key-helper. Until then the key is not checked.`,
      fix: 'Run the doctor again with --allow-key-helper to check the key the command prints.',
      source: helper.source.label,
    });
  },

  keyHelperFailed(setup: ClientSetup, helper: Sourced, why: string): Finding {
    return base(setup, {
      id: 'client/key-helper-failed',
      severity: 'error',
      title: `${setup.profile.label}'s apiKeyHelper gave no key: ${why}`,
      message: `${setup.profile.label} runs ${helper.source.label} for its key; run that way, it ${why}. Claude Code would then send no key.`,
      fix: 'Run the command by hand in /bin/sh and check that it prints only the key.',
      source: helper.source.label,
    });
  },

  responsesApi(setup: ClientSetup): Finding {
    return base(setup, {
      id: 'client/responses-api',
      severity: 'info',
      title: `${setup.profile.label} speaks the Responses API (/v1/responses)`,
      message: `RuAPI's docs describe /v1/chat/completions, not /v1/responses. The probe goes to /v1/responses, as ${setup.profile.label} would; its answer decides.`,
      fix: '',
    });
  },

  requestUrl(setup: ClientSetup, requestUrl: string, right: string): Finding {
    const source = setup.baseUrl!.source;
    return base(setup, {
      id: 'client/request-url',
      severity: 'error',
      title: `${setup.profile.label} would post to ${requestUrl}`,
      message: `${setup.profile.label} appends ${setup.path} to its base URL, so ${source.label} sends it to ${requestUrl}, which is not RuAPI's endpoint. For this client the base URL is ${right}.`,
      fix: `Set ${source.name} to ${right} (${source.label}).`,
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
    return base(setup, {
      id: 'client/ruapi-variables',
      severity: 'error',
      title: `${held.join(' and ')} reach ${setup.profile.label} only through code that passes them`,
      message: `No SDK reads ${held.join(' or ')}: they work only when your code hands them over itself. ${setup.profile.label} reads ${[...setup.profile.env.key.slice(0, 1), ...setup.profile.env.baseUrl.slice(0, 1)].join(' and ')}.`,
      fix: `Pass them in code: ${snippet}; or set ${setup.profile.env.key[0]} and ${setup.profile.env.baseUrl[0]} (${RUAPI_BASE_URL[setup.protocol]}).`,
    });
  },

  otherProvider(setup: ClientSetup, provider: string): Finding {
    return base(setup, {
      id: 'client/other-provider',
      severity: 'info',
      title: `${setup.profile.label} is set up for ${provider}, not RuAPI`,
      message: `Its values point at ${provider}'s own API. That is not a RuAPI set-up, so nothing about it fails this run.`,
      fix: `To use RuAPI with it, set its base URL to ${RUAPI_BASE_URL[setup.protocol]} and use a RuAPI key.`,
    });
  },
};
