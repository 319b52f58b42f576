/**
 * What the coding tools people point at a gateway are, as data: their ids and names, where each
 * takes its values from, and how each builds its request URL from the base URL. No logic lives
 * here. Every fact has its source and certainty in docs/clients.md; the config sources that read
 * these tools' files are in src/config/tools/.
 */

export type ClientId = 'codex' | 'opencode' | 'qwen-code' | 'continue' | 'aider' | 'claude-code';

export const CLIENT_IDS: readonly ClientId[] = ['codex', 'opencode', 'qwen-code', 'continue', 'aider', 'claude-code'];

export const CLIENT_NAME: Record<ClientId, string> = {
  codex: 'Codex CLI',
  opencode: 'opencode',
  'qwen-code': 'Qwen Code',
  continue: 'Continue',
  aider: 'aider',
  'claude-code': 'Claude Code',
};

/**
 * The places a client reads, highest precedence first, as the `scope` of each file read for it
 * (`environment` is the process environment, where ruapi reads it for that client; the comments
 * say where the rest of the environment and the flags stand). Where the client's own order differs from the
 * doctor's merged view (Claude Code: its settings' `env` block beats the shell), this is the
 * client's; the doctor's view is unchanged until the per-client verdicts use this.
 */
export const CLIENT_PRECEDENCE: Record<ClientId, readonly string[]> = {
  // CLI flags and -c, then profiles, then these (developers.openai.com/codex/config-basic); `login` is
  // auth.json, the built-in provider's key after CODEX_API_KEY (codex exec).
  codex: ['project', 'user', 'system', 'login'],
  // Managed, then inline OPENCODE_CONFIG_CONTENT, then these (opencode config.mdx, "Precedence order").
  opencode: ['managed', 'project', 'custom', 'global'],
  // Flags and the environment (the shell, then one .env file) come first; then system over project over user settings.
  'qwen-code': ['system', 'project', 'user'],
  // One file; ${{ secrets.X }} comes from ~/.continue/.env, <workspace>/.continue/.env, <workspace>/.env, then the process env.
  continue: ['user'],
  // Flags, then AIDER_* variables (a .env sets them, over the shell's: the working folder's .env is
  // loaded last), then the YAML files, the working folder's first. A plain OPENAI_API_BASE from a
  // .env loses to the YAML's openai-api-base, which aider writes into the environment.
  aider: ['cwd .env', 'git-root .env', 'home .env', 'cwd', 'git-root', 'home'],
  // Managed settings cannot be overridden; every settings file's env block beats the shell.
  'claude-code': ['managed', 'local', 'project', 'user', 'environment'],
};

/** The APIs a client can speak to a provider. */
export type ClientApi = 'chat' | 'responses' | 'messages';

/**
 * The path each client adds to a provider's base URL, per API. `relative` paths are resolved with
 * `new URL(path, base)` after the client forces a trailing slash onto the base (Continue), the rest
 * are appended to the base. Which base is right follows: Codex, opencode, Continue and aider want an
 * OpenAI base with /v1; opencode's and Continue's Anthropic providers want one with /v1 too (they
 * add /messages), Claude Code and Qwen Code's (the Anthropic SDK) one without (they add /v1/messages).
 */
export const CLIENT_REQUEST_PATH: Record<ClientId, Partial<Record<ClientApi, { path: string; relative?: true }>>> = {
  codex: { responses: { path: '/responses' } },
  opencode: { chat: { path: '/chat/completions' }, messages: { path: '/messages' } },
  'qwen-code': { chat: { path: '/chat/completions' }, messages: { path: '/v1/messages' } },
  continue: { chat: { path: 'chat/completions', relative: true }, messages: { path: 'messages', relative: true } },
  aider: { chat: { path: '/chat/completions' } },
  'claude-code': { messages: { path: '/v1/messages?beta=true' } },
};
