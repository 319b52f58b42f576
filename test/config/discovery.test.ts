import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/doctor/index.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { ANTHROPIC_GOOD, KEY, OPENAI_GOOD, doctor, expectCleanFailure, expectNoSecret, fixture } from '../helpers/doctor.js';

const OFFLINE_JSON = ['doctor', '--offline', '--json'];

describe.concurrent('where the doctor finds the configuration', () => {
  it('reads .env in the working folder and says which line each value came from', async () => {
    const r = await doctor(OFFLINE_JSON, { project: { '.env': fixture('openai-missing-v1.env') } });
    expect(r.json!.config.sources).toMatchObject({ key: 'OPENAI_API_KEY in .env, line 2', baseUrl: 'OPENAI_BASE_URL in .env, line 4' });
    expect(r.json!.findings.find((f) => f.id === 'base-url/missing-v1')?.source).toBe('OPENAI_BASE_URL in .env, line 4');
  });

  it('reads another file with --env-file', async () => {
    const r = await doctor([...OFFLINE_JSON, '--env-file', 'config/app.env'], { project: { 'config/app.env': fixture('openai-good.env'), '.env': 'OPENAI_API_KEY=ignored-because-not-read\n' } });
    expect(r.json!.config.sources.key).toBe('OPENAI_API_KEY in config/app.env, line 2');
    expect(r.code).toBe(0);
  });

  it('stops with one line when --env-file names a missing file', async () => {
    const r = await doctor([...OFFLINE_JSON, '--env-file', 'nope.env']);
    // Node 20 would read a later --env-file as its own option (and exit 9) were it not for the
    // `node --` in bin/ruapi.js's shebang, which runCli runs the same way.
    expectCleanFailure(r, 2);
    expect(r.stderr).toMatch(/--env-file nope\.env: no such file/);
    expect(r.stdout).toBe('');
    await expect(diagnose({ envFile: 'nope.env', cwd: tempDir(), home: tempDir(), env: {}, offline: true })).rejects.toThrow(/--env-file nope\.env: no such file/);
  });

  it("reads the env block of Claude Code's user, project and local settings", async () => {
    const r = await doctor(OFFLINE_JSON, { home: { '.claude/settings.json': fixture('claude-settings-good.json') } });
    expect(r.json!.config).toEqual({
      protocol: 'anthropic',
      baseUrl: 'https://www.ruapi.ai',
      key: '<redacted sk-…rS4t>',
      model: 'claude-opus-4-8',
      sources: {
        protocol: 'set by ANTHROPIC_AUTH_TOKEN, ANTHROPIC_BASE_URL, ANTHROPIC_MODEL',
        key: 'ANTHROPIC_AUTH_TOKEN in ~/.claude/settings.json, line 5',
        baseUrl: 'ANTHROPIC_BASE_URL in ~/.claude/settings.json, line 4',
        model: 'ANTHROPIC_MODEL in ~/.claude/settings.json, line 6',
      },
    });
    const local = await doctor(OFFLINE_JSON, { project: { '.claude/settings.local.json': fixture('claude-settings-good.json') } });
    expect(local.json!.config.sources.baseUrl).toBe('ANTHROPIC_BASE_URL in .claude/settings.local.json, line 4');
  });

  it('follows CLAUDE_CONFIG_DIR to the user settings', async () => {
    const home = tempDir({ 'elsewhere/settings.json': fixture('claude-settings-good.json') });
    const r = await doctor(OFFLINE_JSON, { env: { CLAUDE_CONFIG_DIR: `${home}/elsewhere` } });
    expect(r.json!.config.sources.baseUrl).toBe(`ANTHROPIC_BASE_URL in ${home}/elsewhere/settings.json, line 4`);
  });

  it('reads the settings file once when the working folder is the home folder', async () => {
    const home = tempDir({ '.claude/settings.json': fixture('claude-settings-good.json') });
    const r = await runCli(OFFLINE_JSON, { home, cwd: home });
    const json = JSON.parse(r.stdout);
    expect(json.config.sources.baseUrl).toBe('ANTHROPIC_BASE_URL in ~/.claude/settings.json, line 4');
    expect(json.findings.map((f: { id: string }) => f.id)).not.toContain('config/shadowed');
  });

  it('takes flags over the environment over .env over Claude Code settings (local, project, user), and reports what each overrides', async () => {
    const settings = (url: string) => JSON.stringify({ env: { ANTHROPIC_BASE_URL: url } });
    const layers = {
      home: { '.claude/settings.json': settings('https://user.example') },
      project: {
        '.claude/settings.json': settings('https://project.example'),
        '.claude/settings.local.json': settings('https://local.example'),
        '.env': `ANTHROPIC_API_KEY=${KEY}\nANTHROPIC_BASE_URL=https://dotenv.example\n`,
      },
      env: { ANTHROPIC_BASE_URL: 'https://env.example' },
    };
    const r = await doctor([...OFFLINE_JSON, '--protocol', 'anthropic', '--base-url', 'https://www.ruapi.ai'], layers);
    expect(r.json!.config.baseUrl).toBe('https://www.ruapi.ai');
    expect(r.json!.config.sources.baseUrl).toBe('--base-url on the command line');
    const shadowed = r.json!.findings.filter((f) => f.id === 'config/shadowed');
    expect(shadowed.map((f) => f.source)).toEqual([
      'ANTHROPIC_BASE_URL in the environment',
      'ANTHROPIC_BASE_URL in .env, line 2',
      'ANTHROPIC_BASE_URL in .claude/settings.local.json, line 1',
      'ANTHROPIC_BASE_URL in .claude/settings.json, line 1',
      'ANTHROPIC_BASE_URL in ~/.claude/settings.json, line 1',
    ]);
    expect(shadowed.every((f) => f.severity === 'info' && f.title.endsWith('is overridden by --base-url on the command line'))).toBe(true);

    const noFlag = await doctor(OFFLINE_JSON, layers);
    expect(noFlag.json!.config.sources.baseUrl).toBe('ANTHROPIC_BASE_URL in the environment');
    const noEnv = await doctor(OFFLINE_JSON, { ...layers, env: {} });
    expect(noEnv.json!.config.sources.baseUrl).toBe('ANTHROPIC_BASE_URL in .env, line 2');
    const settingsOnly = await doctor(OFFLINE_JSON, { ...layers, env: { ANTHROPIC_API_KEY: KEY }, project: { '.claude/settings.json': settings('https://project.example') } });
    expect(settingsOnly.json!.config.sources.baseUrl).toBe('ANTHROPIC_BASE_URL in .claude/settings.json, line 1');
  });

  it('keeps the last of two assignments in .env, as dotenv does, and reports the first as overridden', async () => {
    const r = await doctor(OFFLINE_JSON, { project: { '.env': `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n` } });
    expect(r.json!.config.sources.baseUrl).toBe('OPENAI_BASE_URL in .env, line 3');
    expect(r.json!.findings.find((f) => f.id === 'config/shadowed')?.source).toBe('OPENAI_BASE_URL in .env, line 2');
  });

  it('an empty OPENAI_BASE_URL in the shell over a good one in .env: the fix removes the empty one, for the shell in use, never the good one', async () => {
    const project = { '.env': `OPENAI_BASE_URL=https://www.ruapi.ai/v1\nOPENAI_API_KEY=${KEY}\n` };
    const r = await doctor(OFFLINE_JSON, { project, env: { OPENAI_BASE_URL: '' } });
    const fixes = (id: string) => r.json!.findings.filter((f) => f.id === id).map((f) => f.fix);
    expect(fixes('config/shadowed')).toEqual(['unset OPENAI_BASE_URL   (it is set but empty, and hides the value in .env)']);
    expect(fixes('base-url/missing')).toEqual(['unset OPENAI_BASE_URL   (then the value it hides is used)']);
    expect(JSON.stringify(r.json!.findings)).not.toMatch(/Remove the value you do not mean/);
    const fish = await doctor(OFFLINE_JSON, { project, env: { OPENAI_BASE_URL: '', SHELL: '/usr/bin/fish' } });
    expect(fish.json!.findings.find((f) => f.id === 'config/shadowed')!.fix).toMatch(/^set -e OPENAI_BASE_URL /);
    const human = await doctor(['doctor', '--offline'], { project, env: { OPENAI_BASE_URL: '' } });
    expect(human.stdout).toMatch(/✗ Base URL {2}empty {2}\(OPENAI_BASE_URL in the environment\)/);
    expect(human.stdout).not.toContain('export OPENAI_BASE_URL');
  });

  it('reads the legacy OPENAI_API_BASE and says OPENAI_BASE_URL wins over it', async () => {
    const legacy = await doctor(OFFLINE_JSON, { env: { OPENAI_API_KEY: KEY, OPENAI_API_BASE: 'https://www.ruapi.ai/v1' } });
    expect(legacy.json!.config.sources.baseUrl).toBe('OPENAI_API_BASE in the environment');
    const both = await doctor(OFFLINE_JSON, { env: { ...OPENAI_GOOD, OPENAI_API_BASE: 'https://api.openai.com/v1' } });
    expect(both.json!.findings.find((f) => f.id === 'config/shadowed')?.message).toMatch(/legacy name, still read by LangChain and aider/);
  });
});

describe.concurrent('which protocols the doctor checks', () => {
  it('checks both and reports each under its protocol when both are configured', async () => {
    const r = await doctor(OFFLINE_JSON, { env: OPENAI_GOOD, home: { '.claude/settings.json': fixture('claude-settings-extra-v1.json') } });
    expect(r.json!.configs.map((c) => c.protocol)).toEqual(['openai', 'anthropic']);
    expect(r.json!.config.protocol).toBe('openai');
    const extra = r.json!.findings.find((f) => f.id === 'base-url/extra-v1');
    expect(extra?.protocol).toBe('anthropic');
    expect(r.json!.findings.filter((f) => f.severity === 'error' && f.protocol === 'openai')).toEqual([]);
    expect(new Set(r.json!.checks.filter((c) => c.protocol).map((c) => c.protocol))).toEqual(new Set(['openai', 'anthropic']));
  });

  it('uses --protocol alone when given', async () => {
    const r = await doctor([...OFFLINE_JSON, '--protocol', 'anthropic'], { env: { ...OPENAI_GOOD, ...ANTHROPIC_GOOD } });
    expect(r.json!.configs.map((c) => c.protocol)).toEqual(['anthropic']);
    expect(r.json!.config.sources.protocol).toBe('--protocol on the command line');
  });

  it('guesses the protocol from the base URL and says it is a guess', async () => {
    const r = await doctor([...OFFLINE_JSON, '--base-url', 'https://www.ruapi.ai/v1', '--key-stdin'], { input: KEY });
    expect(r.json!.config.protocol).toBe('openai');
    expect(r.json!.config.sources.protocol).toMatch(/^guessed from --base-url on the command line/);
    expect(r.ids).toContain('config/protocol-guessed');
    expect(r.code).toBe(0);
  });

  it('lets RUAPI_API_KEY serve both protocols and RUAPI_BASE_URL choose its own', async () => {
    const both = await doctor(OFFLINE_JSON, { env: { RUAPI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1', ANTHROPIC_BASE_URL: 'https://www.ruapi.ai' } });
    expect(both.json!.configs.map((c) => [c.protocol, c.sources.key])).toEqual([
      ['openai', 'RUAPI_API_KEY in the environment'],
      ['anthropic', 'RUAPI_API_KEY in the environment'],
    ]);
    // The SDKs read no RUAPI_* variable: their request would carry no key (#14).
    expect(both.ids).toContain('client/ruapi-variables');
    expect(both.json!.clients!.filter((c) => c.verdict === 'problems').map((c) => c.id)).toEqual(['openai-python', 'openai-node', 'anthropic-python', 'anthropic-typescript']);
    expect(both.code).toBe(1);
    const own = await doctor(OFFLINE_JSON, { env: { RUAPI_API_KEY: KEY, RUAPI_BASE_URL: 'https://www.ruapi.ai' } });
    expect(own.json!.configs.map((c) => c.protocol)).toEqual(['anthropic']);
    expect(own.json!.config.sources.baseUrl).toBe('RUAPI_BASE_URL in the environment');
  });

  it('checks the OpenAI-compatible set-up, as a stated guess, when nothing is configured', async () => {
    const r = await doctor(OFFLINE_JSON);
    expect(r.json!.configs).toHaveLength(1);
    expect(r.ids).toEqual(expect.arrayContaining(['config/protocol-guessed', 'key/missing', 'base-url/missing']));
    expect(r.code).toBe(1);
  });
});

describe.concurrent('reading the key', () => {
  it('reads --key-stdin and trims only the final newline', async () => {
    const one = await doctor([...OFFLINE_JSON, '--key-stdin', '--base-url', 'https://www.ruapi.ai/v1'], { input: `${KEY}\n` });
    expect(one.json!.config.key).toBe('<redacted sk-…rS4t>');
    expect(one.json!.config.sources.key).toBe('standard input (--key-stdin)');
    expect(one.ids).not.toContain('key/whitespace');
    const two = await doctor([...OFFLINE_JSON, '--key-stdin', '--base-url', 'https://www.ruapi.ai/v1'], { input: `${KEY}\r\n\n` });
    expect(two.json!.findings.find((f) => f.id === 'key/whitespace')?.severity).toBe('warning');
  });

  it('says the key is missing when nothing was piped to --key-stdin', async () => {
    const r = await doctor([...OFFLINE_JSON, '--key-stdin', '--base-url', 'https://www.ruapi.ai/v1'], { input: '' });
    const missing = r.json!.findings.find((f) => f.id === 'key/missing');
    expect(missing?.message).toMatch(/standard input \(--key-stdin\) is set but holds no key/);
    expect(r.code).toBe(1);
  });

  it('never reads standard input without --key-stdin', async () => {
    const r = await doctor(OFFLINE_JSON, { input: `${KEY}\n`, env: { OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' } });
    expect(r.ids).toContain('key/missing');
  });

  it('refuses --key together with --key-stdin (exit 2)', async () => {
    const r = await doctor([...OFFLINE_JSON, '--key', KEY, '--key-stdin'], { input: KEY });
    expectCleanFailure(r, 2);
    expect(r.stderr).toMatch(/--key and --key-stdin/);
  });

  it('accepts --key but notes that it lands in shell history', async () => {
    const r = await doctor([...OFFLINE_JSON, '--key', KEY, '--base-url', 'https://www.ruapi.ai/v1']);
    expect(r.json!.findings.find((f) => f.id === 'config/key-on-command-line')).toMatchObject({ severity: 'info', fix: expect.stringContaining('--key-stdin') });
    expect(r.code).toBe(0);
  });

  it('redacts keys it overrides, too', async () => {
    const other = 'sk-OtherKey0123456789abcdefghijklmnopqrstuvwxyzAB';
    const r = await doctor(['doctor', '--offline', '--verbose'], { env: OPENAI_GOOD, project: { '.env': `OPENAI_API_KEY=${other}\n` }, secrets: [other] });
    expect(r.stdout).toMatch(/In use: sk-…rS4t\. Ignored: sk-…yzAB\./);
    expectNoSecret([r.stdout, r.stderr], [other]);
  });
});
