/** The English messages of src/doctor/ and src/fix/ (see src/lang/t.ts). */
export const DOCTOR = {
  // Configuration discovery as a check of its own (src/doctor/index.ts): its title in JUnit and step summaries.
  'doctor.config-check': 'configuration files are readable',

  // How each client reads its values (src/doctor/client-findings.ts).
  'client/variable-not-read.title': '{set} is not read by {client}: set {reads}',
  'client/variable-not-read.message.also-set': '{client} reads {reads}, which is set too; {set} ({source}) changes nothing for it.',
  'client/variable-not-read.message.no-key': '{client} reads {reads}, not {set}: without it, it sends no key.',
  'client/variable-not-read.message.default-url': '{client} reads {reads}, not {set}: without it, it goes to {url}.',
  'client/variable-not-read.fix': 'Set {reads} instead (or as well): {line}',
  'client/variable-not-read.fix.setting': 'Set {name} in {where} instead: {name} = {value}',
  'client/variable-not-read.fix.setting-own-file': "Set {name} in {client}'s config file instead: {name} = {value}",

  'client/dotenv-bom.title': '{file} starts with a byte order mark: {client} loses {name}',
  'client/dotenv-bom.message':
    'The file begins with the invisible character U+FEFF (what Notepad writes for "UTF-8 with BOM"). The .env loader {client} is used with (python-dotenv) reads the first name as "\\ufeff{name}", so the program sees no {name}.',
  'client/dotenv-bom.fix': 'Save {file} as UTF-8 without BOM (in VS Code: "Save with Encoding" → UTF-8; in Notepad: UTF-8, not "UTF-8 with BOM"), or put a comment line first.',

  'client/config-refused.title': '{client} refuses to start with {file}: {why}',
  'client/config-refused.title.no-file': '{client} refuses to start with its config file: {why}',
  'client/config-refused.message': '{client} stops at loading {file} ({source}), whichever provider is in use, and sends no request at all.',
  'client/config-refused.message.no-file': '{client} stops at loading its config file ({source}), whichever provider is in use, and sends no request at all.',

  'client/config-ignored.title': '{client} ignores {name} in {file}',
  'client/config-ignored.title.no-file': '{client} ignores {name} in this file',
  'client/config-ignored.message': '{why}: {source} changes nothing for it.',

  'client/timeout.title': '{name} is {ms} ms: long answers will be cut off',
  'client/timeout.message': "{client} gives up on a request after {s} s. Long answers, big contexts and reasoning models take longer than that; RuAPI's advice is 60–120 s or more.",
  'client/timeout.fix': 'Raise it to 120000 or more ({source}).',

  'client/key-helper.title': '{client} gets its key from a command (apiKeyHelper): not run',
  'client/key-helper.message': 'The key is whatever {source} prints. The doctor runs it only when you agree: on a terminal it asks; in CI pass --allow-key-helper. Until then the key is not checked.',
  'client/key-helper.fix': 'Run the doctor again with --allow-key-helper to check the key the command prints.',

  'client/key-helper-failed.title': "{client}'s apiKeyHelper gave no key: {why}",
  'client/key-helper-failed.message': '{client} runs {source} for its key; run that way, it {why}. Claude Code would then send no key.',
  'client/key-helper-failed.fix': 'Run the command by hand in /bin/sh and check that it prints only the key.',
  // What the apiKeyHelper did instead (src/doctor/client-run.ts): the {why} of the finding above.
  'client/key-helper-failed.why.timed-out': 'did not finish within {s} s',
  'client/key-helper-failed.why.exited': 'exited with an error ({code})',
  'client/key-helper-failed.why.exited-no-code': 'exited with an error (no code)',
  'client/key-helper-failed.why.printed-nothing': 'printed nothing',
  // The source of a key an apiKeyHelper printed.
  'doctor.key-helper.printed': 'what {source} printed',

  'client/responses-api.title': '{client} speaks the Responses API (/v1/responses)',
  'client/responses-api.message': "RuAPI's docs describe /v1/chat/completions, not /v1/responses. The probe goes to /v1/responses, as {client} would; its answer decides.",

  'client/request-url.title': '{client} would post to {url}',
  'client/request-url.message': "{client} appends {path} to its base URL, so {source} sends it to {url}, which is not RuAPI's endpoint. For this client the base URL is {right}.",
  'client/request-url.fix': 'Set {name} to {right} ({source}).',

  'client/ruapi-variables.title': { one: '{held} reach {client} only through code that passes them', other: '{held} reach {client} only through code that passes them' },
  'client/ruapi-variables.message': {
    one: 'No SDK reads {held}: they work only when your code hands them over itself. {client} reads {reads}.',
    other: 'No SDK reads {held}: they work only when your code hands them over itself. {client} reads {reads}.',
  },
  'client/ruapi-variables.fix': { one: 'Pass them in code: {snippet}; or set {key} and {base} ({url}).', other: 'Pass them in code: {snippet}; or set {key} and {base} ({url}).' },

  'client/other-provider.title': '{client} is set up for {provider}, not RuAPI',
  'client/other-provider.message': "Its values point at {provider}'s own API. That is not a RuAPI set-up, so nothing about it fails this run.",
  'client/other-provider.fix': 'To use RuAPI with it, set its base URL to {url} and use a RuAPI key.',

  // Each client's line in the summary (src/doctor/clients.ts).
  'doctor.client.other-provider': 'set up for {provider}, not RuAPI',
  'doctor.client.problems': 'problems',
  'doctor.client.unverified': 'unverified: {reason}',
  'doctor.client.not-proven': 'not proven',
  'doctor.client.offline': 'no problem found offline',
  'doctor.client.ready': 'ready',
  'doctor.client.key-helper-not-run': 'the key is what apiKeyHelper prints, and it was not run',

  // Why a link a `ready` needs stayed unproven (src/doctor/verdict.ts).
  'doctor.unproven.not-checked': 'not checked',
  'doctor.unproven.no-probe': 'the probe was not sent (--no-probe)',

  // What the probe proved (src/doctor/proven.ts).
  'model/not-listed.title.gateway': "{model} works, though the gateway's model list lacks it",
  'model/not-listed.title.bundled': '{model} works, though the bundled model list lacks it',
  'model/not-listed.message.gateway': 'The probe request to {model} got an answer, so the gateway serves it. The list from GET /models does not name it; the answer is what counts.',
  'model/not-listed.message.bundled': 'The probe request to {model} got an answer, so the gateway serves it. The bundled list (`ruapi models`) does not name it; the answer is what counts.',
  'model/retired.title.still-served': 'RuAPI still serves {model}, though it was retired upstream',
  'model/retired.title.still-served-dated': 'RuAPI still serves {model}, though it was retired upstream on {date}',
  'model/retired.message.still-served': 'The probe request to {model} got an answer, so RuAPI serves it today; its provider retired it, so it may stop at any time.',
  'model/retired.message.still-served-dated': 'The probe request to {model} got an answer, so RuAPI serves it today; its provider retired it on {date}, so it may stop at any time.',
  'model/retired.message.move': 'Move to {instead} before it does.',

  // Values given at a prompt (src/doctor/proven.ts, src/doctor/index.ts).
  'config/prompt-only.title': { one: 'The {what} given at the prompt was used for this run only', other: 'The {what} given at the prompt were used for this run only' },
  'config/prompt-only.message': 'Your SDK and tools read your files and environment, not this prompt, so they would still fail. {details}',
  'config/prompt-only.fix': 'Run `ruapi doctor --fix` to write it to the file, after seeing the change.',
  'config/prompt-only.name.key': 'key',
  'config/prompt-only.name.baseUrl': 'base URL',
  'config/prompt-only.name.model': 'model',
  'config/prompt-only.field.key': 'The key',
  'config/prompt-only.field.baseUrl': 'The base URL',
  'config/prompt-only.field.model': 'The model',
  'config/prompt-only.line.in-file': '{field}: {place} still holds the old value.',
  'config/prompt-only.line.change': '{field}: change {place}.',
  'config/prompt-only.line.change-to': '{field}: change {place}: {assignment}.',
  'config/prompt-only.line.set-key': '{field}: set {variable} to your key (in .env or your shell, never in code).',
  'config/prompt-only.line.set': '{field}: set {variable}: {variable}={value}.',
  'doctor.prompt.typed-key': 'typed at the prompt',
  'doctor.prompt.typed': 'given at the prompt',
  'doctor.prompt.corrected': '{source}, corrected at the prompt for this run',
  'doctor.prompt.accepted': 'accepted at the prompt for this run',

  // What --fix changes (src/doctor/fixes.ts, src/fix/).
  'fix.place.shell-session': 'your shell, this session',
  'fix.change': '{name} (line {line})',
  'fix.change.added': '{name} (line {line}, added)',
  'fix.cannot-read': 'Cannot read {file}: {error}',
  'fix.cannot-write': 'Cannot write {file}: {error}',
  'fix.cannot-edit': 'Cannot edit {file}: {error}.',
  'fix.no-new-key': 'Not writing a key into {file}: it did not hold that key before.',
  'fix.unchanged': '{file} already has this value.',
  'fix.relinked': '{file} now leads to {target}, not to the file shown; run the doctor again.',
  'fix.changed': '{file} changed since it was read; run the doctor again.',
  'fix.changed-while-writing': '{file} changed while the fix was being written; nothing was changed (backup: {backup}).',
  'fix.read-only': '{file} is read-only (mode {mode}): nothing was changed. If you mean --fix to change it, make it writable first (chmod u+w {file}) and run it again.',
  'fix.not-writable': '{file} is read-only (mode {mode}, not writable by you): nothing was changed. If you mean --fix to change it, make it writable first (chmod u+w) and run it again.',
  'fix.owner': '{file} belongs to another user (uid {uid}), and a rewritten file would become yours: nothing was changed. Run --fix as its owner, or edit it by hand.',
  'fix.owner-not-kept': 'it belongs to uid {uid}, gid {gid}, which a file written now cannot keep ({error})',
  'fix.outside': '{file} leads to {where}, outside the working folder',
  'fix.outside.and': '{file} leads to {where}, outside the working folder and {others}',
  'fix.curl': 'curl (bash/zsh; the key comes from ${variable}: set it first with read -rs {variable} && export {variable})',
  'fix.diff.fixed': '{file} (fixed)',
  'fix.diff.no-newline': '\\ No newline at end of file',
  'fix.diff.cut': { one: '({count} characters)', other: '({count} characters)' },
} as const;
