import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { detectShell, fixForms, type FixForm } from '../../src/fix/index.js';

const KEY = 'sk-FORMSforms0123456789abcdefABCDEF0123456789abcd';
const byKind = (forms: FixForm[], kind: FixForm['kind']) => forms.find((f) => f.kind === kind)?.text;

describe('fix forms', () => {
  it('writes a base URL fix for each place it can live, the place it came from first', () => {
    const forms = fixForms({ field: 'baseUrl', value: 'https://www.ruapi.ai/v1' }, { protocol: 'openai', shell: 'posix', source: 'dotenv', model: 'gpt-5' });
    expect(forms.map((f) => f.kind)).toEqual(['dotenv', 'shell', 'python', 'node', 'curl']);
    expect(byKind(forms, 'dotenv')).toBe('OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(byKind(forms, 'shell')).toBe('export OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(byKind(forms, 'python')).toContain('client = OpenAI(base_url="https://www.ruapi.ai/v1", api_key=os.environ["OPENAI_API_KEY"])');
    expect(byKind(forms, 'python')).toContain('model="gpt-5"');
    expect(byKind(forms, 'node')).toContain('new OpenAI({ baseURL: "https://www.ruapi.ai/v1", apiKey: process.env.OPENAI_API_KEY })');
  });

  it('puts the shell line first for a value from the environment, in the syntax of the user’s shell', () => {
    const value = { field: 'baseUrl', value: 'https://www.ruapi.ai' } as const;
    const lines = (shell: 'posix' | 'fish' | 'powershell' | 'cmd') => fixForms(value, { protocol: 'anthropic', shell, source: 'env' })[0]!;
    expect(lines('posix')).toMatchObject({ kind: 'shell', text: 'export ANTHROPIC_BASE_URL=https://www.ruapi.ai' });
    expect(lines('fish').text).toBe('set -gx ANTHROPIC_BASE_URL https://www.ruapi.ai');
    expect(lines('powershell').text).toBe('$env:ANTHROPIC_BASE_URL = "https://www.ruapi.ai"');
    expect(lines('cmd').text).toBe('set ANTHROPIC_BASE_URL=https://www.ruapi.ai');
  });

  it('tells which shell is in use from $SHELL, and on Windows from cmd.exe’s PROMPT', () => {
    expect(detectShell({ SHELL: '/usr/bin/zsh' }, 'darwin')).toBe('posix');
    expect(detectShell({ SHELL: '/usr/local/bin/fish' }, 'linux')).toBe('fish');
    expect(detectShell({ SHELL: '/opt/microsoft/powershell/7/pwsh' }, 'linux')).toBe('powershell');
    expect(detectShell({}, 'win32')).toBe('powershell');
    expect(detectShell({ PROMPT: '$P$G' }, 'win32')).toBe('cmd');
    expect(detectShell({ SHELL: 'C:\\Program Files\\Git\\usr\\bin\\bash.exe' }, 'win32')).toBe('posix');
  });

  it('writes the Claude Code settings entry for the Anthropic protocol, first when the value came from settings.json', () => {
    const forms = fixForms({ field: 'model', value: 'claude-opus-4-8' }, { protocol: 'anthropic', shell: 'posix', source: 'claude-settings' });
    expect(forms[0]).toMatchObject({ kind: 'claude-settings', text: '"env": {\n  "ANTHROPIC_MODEL": "claude-opus-4-8"\n}' });
  });

  it('offers only SDK and curl forms for a model on the OpenAI protocol, which no SDK reads from a variable', () => {
    const forms = fixForms({ field: 'model', value: 'gpt-4o-mini' }, { protocol: 'openai', shell: 'posix' });
    expect(forms.map((f) => f.kind)).toEqual(['python', 'node', 'curl']);
  });

  it('repeats the flag when the bad value came from the command line', () => {
    const forms = fixForms({ field: 'model', value: 'gpt-4o-mini' }, { protocol: 'openai', shell: 'posix', source: 'flag' });
    expect(forms[0]).toEqual({ kind: 'flag', label: 'the ruapi command line', text: '--model gpt-4o-mini' });
  });

  it('never places a key in any form: a key fix reads it silently or from a variable', () => {
    for (const protocol of ['openai', 'anthropic'] as const) {
      for (const shell of ['posix', 'fish', 'powershell', 'cmd'] as const) {
        const forms = fixForms({ field: 'key' }, { protocol, shell, baseUrl: 'https://www.ruapi.ai/v1', model: 'gpt-5', source: 'dotenv' });
        expect(JSON.stringify(forms)).not.toMatch(/sk-[A-Za-z0-9]{8,}/);
        expect(forms.find((f) => f.kind === 'shell')!.text).toMatch(/read|Read-Host|set \/p/);
      }
    }
    const posix = fixForms({ field: 'key' }, { protocol: 'openai', shell: 'posix' });
    expect(byKind(posix, 'shell')).toBe('read -rs OPENAI_API_KEY && export OPENAI_API_KEY');
    expect(byKind(posix, 'dotenv')).toBe('OPENAI_API_KEY=sk-...');
  });

  it('uses auth_token / authToken and ANTHROPIC_AUTH_TOKEN when the key is sent as a Bearer token', () => {
    const forms = fixForms({ field: 'baseUrl', value: 'https://www.ruapi.ai' }, { protocol: 'anthropic', auth: 'bearer', shell: 'posix' });
    expect(byKind(forms, 'python')).toContain('Anthropic(base_url="https://www.ruapi.ai", auth_token=os.environ["ANTHROPIC_AUTH_TOKEN"])');
    expect(byKind(forms, 'node')).toContain('new Anthropic({ baseURL: "https://www.ruapi.ai", authToken: process.env.ANTHROPIC_AUTH_TOKEN })');
    expect(byKind(forms, 'curl')).toContain('-H "Authorization: Bearer $RUAPI_API_KEY"');
  });

  it('quotes shell values that need it', () => {
    const forms = fixForms({ field: 'model', value: "it's a model", variable: 'RUAPI_MODEL' }, { protocol: 'openai', shell: 'posix' });
    expect(byKind(forms, 'shell')).toBe(`export RUAPI_MODEL='it'\\''s a model'`);
    expect(byKind(forms, 'dotenv')).toBe(`RUAPI_MODEL="it's a model"`);
  });
});

/** Runs a form's curl command in a real shell against a local server, and returns what arrived. */
async function runCurl(command: string, env: Record<string, string>): Promise<{ url: string; headers: IncomingMessage['headers']; body: string }> {
  let seen: { url: string; headers: IncomingMessage['headers']; body: string } | undefined;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen = { url: req.url ?? '', headers: req.headers, body };
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  try {
    // Asynchronously: the server answering lives in this process.
    await promisify(execFile)('sh', ['-c', command.replace('https://www.ruapi.ai', `http://127.0.0.1:${port}`)], { env: { PATH: process.env.PATH, ...env }, timeout: 10_000 });
  } finally {
    server.close();
  }
  return seen!;
}

const HAS_CURL = (() => {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!HAS_CURL)(`the curl form${HAS_CURL ? '' : ' (skipped: curl is not installed)'}`, () => {
  it('sends the OpenAI request the SDK would, with the key taken from $RUAPI_API_KEY', async () => {
    const curl = fixForms({ field: 'model', value: 'gpt-4o-mini' }, { protocol: 'openai', shell: 'posix' }).find((f) => f.kind === 'curl')!;
    expect(curl.text).not.toContain(KEY);
    const got = await runCurl(curl.text, { RUAPI_API_KEY: KEY });
    expect(got.url).toBe('/v1/chat/completions');
    expect(got.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(got.body)).toEqual({ model: 'gpt-4o-mini', max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] });
  });

  it('sends the Anthropic request to /v1/messages with x-api-key and anthropic-version', async () => {
    const curl = fixForms({ field: 'baseUrl', value: 'https://www.ruapi.ai' }, { protocol: 'anthropic', shell: 'posix', model: 'claude-opus-4-8' }).find((f) => f.kind === 'curl')!;
    const got = await runCurl(curl.text, { RUAPI_API_KEY: KEY });
    expect(got.url).toBe('/v1/messages');
    expect(got.headers['x-api-key']).toBe(KEY);
    expect(got.headers['anthropic-version']).toBe('2023-06-01');
    expect(JSON.parse(got.body)).toMatchObject({ model: 'claude-opus-4-8', max_tokens: 1 });
  });
});
