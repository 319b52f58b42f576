import { chmodSync, chownSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { KEY, doctor } from '../helpers/doctor.js';

/** The fixture files, byte for byte (BOM, CRLF, missing final newline and all). */
const fixFixture = (name: string): Buffer => readFileSync(path.join(ROOT, 'fixtures/fix', name));
/** The keys the fixture files hold: none may be printed, or written where it was not. */
const FIXTURE_KEYS = ['dotenv/project.env', 'dotenv/key-noise.env', 'dotenv/windows-crlf.env', 'settings/claude-user.json'].map(
  (f) => /sk-FIXTURE[A-Za-z0-9\u200b]+/.exec(fixFixture(f).toString('utf8'))![0].replace('\u200b', ''),
);

const backups = (dir: string, name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.ruapi-backup-`));
const read = (dir: string, name: string) => readFileSync(path.join(dir, name));

/** `before` with exactly one piece of text replaced: everything else must stay byte for byte. */
function replaceOnce(before: Buffer, from: string, to: string): Buffer {
  const text = before.toString('utf8');
  expect(text.split(from)).toHaveLength(2);
  return Buffer.from(text.replace(from, to), 'utf8');
}

const FAST = { timeoutMs: 10_000, secrets: FIXTURE_KEYS };

describe.concurrent('ruapi doctor --fix', () => {
  it('in CI without --yes shows the diff, changes nothing, says so and exits 1', async () => {
    const env = fixFixture('dotenv/project.env');
    const r = await doctor(['doctor', '--offline', '--ci', '--fix', '--model', 'gpt-5.4-mini'], { ...FAST, project: { '.env': env } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- .env\n+++ .env (fixed)\n');
    expect(r.stdout).toContain('\n-OPENAI_BASE_URL = https://www.ruapi.ai   # no /v1 yet\n+OPENAI_BASE_URL = https://www.ruapi.ai/v1   # no /v1 yet\n');
    expect(r.stdout).toMatch(/Not applied: --fix changes files only after you confirm on a terminal, or with --yes/);
    expect(read(r.cwd, '.env').equals(env)).toBe(true);
    expect(backups(r.cwd, '.env')).toEqual([]);
  });

  it('with --yes changes only the bad value, keeps every other byte, leaves a backup, and the re-run no longer finds the problem', async () => {
    const env = fixFixture('dotenv/project.env');
    const r = await doctor(['doctor', '--offline', '--fix', '--yes', '--model', 'gpt-5.4-mini'], { ...FAST, project: { '.env': env } });
    expect(read(r.cwd, '.env').equals(replaceOnce(env, 'https://www.ruapi.ai   #', 'https://www.ruapi.ai/v1   #'))).toBe(true);
    const [backup] = backups(r.cwd, '.env');
    expect(backup).toMatch(/^\.env\.ruapi-backup-\d{8}-\d{6}$/);
    expect(read(r.cwd, backup!).equals(env)).toBe(true);
    expect(r.stdout).toMatch(/✓ Fixed \.env: OPENAI_BASE_URL \(line 5\)\. Backup: \.env\.ruapi-backup-/);
    expect(r.stdout).toMatch(/The backup holds your key, as the file does: delete it once you are happy with the change, and never commit it\./);
    const [before, after] = r.stdout.split('Checking again after the fix:');
    expect(before).toContain('[base-url/missing-v1]');
    expect(after).not.toContain('[base-url/missing-v1]');
    expect(after).toMatch(/✓ Offline checks passed; the gateway was not asked\./);
    expect(r.code).toBe(0);
  });

  it('prints the re-run as JSON on stdout and what --fix does on stderr with --json', async () => {
    const r = await doctor(['doctor', '--offline', '--fix', '--yes', '--json', '--model', 'gpt-5.4-mini'], { ...FAST, project: { '.env': fixFixture('dotenv/project.env') } });
    expect(r.json!.ok).toBe(true);
    expect(r.ids).not.toContain('base-url/missing-v1');
    expect(r.stderr).toMatch(/✓ Fixed \.env/);
    expect(r.code).toBe(0);
  });

  it('cleans a key in place in the file that holds it, keeping its BOM and quotes', async () => {
    const env = fixFixture('dotenv/key-noise.env');
    // The file starts with a BOM, which the fix keeps: python-dotenv would lose its first name
    // (client/dotenv-bom), so this checks the Node SDK, whose loader skips it.
    const r = await doctor(['doctor', '--offline', '--fix', '--yes', '--model', 'gpt-5.4-mini', '--client', 'openai-node'], { ...FAST, project: { '.env': env } });
    const raw = /sk-FIXTURE[^"]+/.exec(env.toString('utf8'))![0];
    expect(read(r.cwd, '.env').equals(replaceOnce(env, `"${raw}"`, `"${FIXTURE_KEYS[1]}"`))).toBe(true);
    expect(r.stdout).toMatch(/⟨U\+200B⟩/); // the diff shows what is removed
    expect(r.stdout.split('Checking again')[1]).not.toContain('[key/whitespace]');
    expect(r.code).toBe(0);
  });

  it('edits the Claude Code settings file the value came from, keeping its layout and every other entry', async () => {
    const settings = fixFixture('settings/claude-user.json');
    const r = await doctor(['doctor', '--offline', '--fix', '--yes'], { ...FAST, home: { '.claude/settings.json': settings } });
    const dir = path.join(r.home, '.claude');
    expect(read(dir, 'settings.json').equals(replaceOnce(settings, '"https://www.ruapi.ai/v1"', '"https://www.ruapi.ai"'))).toBe(true);
    expect(backups(dir, 'settings.json')).toHaveLength(1);
    expect(r.stdout).toMatch(/✓ Fixed ~\/\.claude\/settings\.json: ANTHROPIC_BASE_URL \(line 5\)/);
    expect(r.stdout.split('Checking again')[1]).not.toContain('[base-url/extra-v1]');
  });

  it('keeps CRLF line ends and a missing final newline', async () => {
    const env = fixFixture('dotenv/windows-crlf.env');
    const r = await doctor(['doctor', '--offline', '--fix', '--yes'], { ...FAST, project: { '.env': env } });
    expect(read(r.cwd, '.env').equals(replaceOnce(env, 'ANTHROPIC_BASE_URL=https://www.ruapi.ai/v1\r\n', 'ANTHROPIC_BASE_URL=https://www.ruapi.ai\r\n'))).toBe(true);
    expect(r.code).toBe(0);
  });

  it('fixes the base URL and the model of one file in one edit, with one backup', async () => {
    const env = `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai/v1/chat/completions\nRUAPI_MODEL=gpt54-mini\n`;
    const r = await doctor(['doctor', '--offline', '--fix', '--yes'], { ...FAST, project: { '.env': env } });
    expect(read(r.cwd, '.env').toString()).toBe(`OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\nRUAPI_MODEL=gpt-5.4-mini\n`);
    expect(backups(r.cwd, '.env')).toHaveLength(1);
    expect(r.stdout).toMatch(/Fixed \.env: OPENAI_BASE_URL \(line 2\), RUAPI_MODEL \(line 3\)/);
    expect(r.code).toBe(0);
  });

  it('never touches a file the bad value did not come from, and never writes a key into a file', async () => {
    // The bad base URL and the untidy key are in the environment; .env holds other values only.
    const env = '# other settings\nRUAPI_MODEL=gpt-5.4-mini\nDEBUG=1\n';
    const claude = JSON.stringify({ env: { DISABLE_TELEMETRY: '1' } }, null, 2);
    const r = await doctor(['doctor', '--offline', '--fix', '--yes'], {
      ...FAST,
      project: { '.env': env },
      home: { '.claude/settings.json': claude },
      env: { OPENAI_API_KEY: ` ${KEY} `, OPENAI_BASE_URL: 'https://www.ruapi.ai' },
    });
    expect(read(r.cwd, '.env').toString()).toBe(env);
    expect(read(path.join(r.home, '.claude'), 'settings.json').toString()).toBe(claude);
    expect(backups(r.cwd, '.env')).toEqual([]);
    expect(r.stdout).toMatch(/Nothing for --fix to change in a file: no value with a problem came from a \.env file or Claude Code settings/);
    // ... and the fixes for the environment are shown instead, the key read without being shown.
    expect(r.stdout).toContain('export OPENAI_BASE_URL=https://www.ruapi.ai/v1');
    expect(r.stdout).toContain('read -rs OPENAI_API_KEY && export OPENAI_API_KEY');
    expect(r.code).toBe(1);
  });
});

/** The uid and gid of `nobody` (and its group), as /etc/passwd gives them; 65534 where it does not. */
function nobody(): { uid: number; gid: number } {
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    // not a Unix with /etc/passwd: the usual ids
  }
  const [, , uid, gid] = /^nobody:[^:]*:(\d+):(\d+):/m.exec(passwd) ?? [];
  return { uid: Number(uid ?? 65534), gid: Number(gid ?? 65534) };
}
const IS_ROOT = process.getuid?.() === 0;
const BAD_URL_ENV = `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=https://www.ruapi.ai\n`;
const FIXED_URL_ENV = BAD_URL_ENV.replace('https://www.ruapi.ai\n', 'https://www.ruapi.ai/v1\n');

describe.concurrent('ruapi doctor --fix and the file it would write', () => {
  it('names the real file a symlinked .env leads to, and with --yes refuses one outside the working folder and ~/.claude, changing nothing', async () => {
    const elsewhere = tempDir({ 'shared.env': BAD_URL_ENV });
    const shared = path.join(elsewhere, 'shared.env');
    const r = await doctor(['doctor', '--offline', '--fix', '--yes', '--model', 'gpt-5.4-mini'], { ...FAST, setup: ({ cwd }) => symlinkSync(shared, path.join(cwd, '.env')) });
    expect(r.stdout).toContain(`--- .env (→ ${shared})\n+++ .env (→ ${shared}) (fixed)\n`);
    expect(r.stdout.split('\n')).toContain(
      `✗ Not applied with --yes: .env leads to ${shared}, outside the working folder and ~/.claude. Run ruapi doctor --fix on a terminal to see it and decide, or edit that file yourself.`,
    );
    expect(readFileSync(shared, 'utf8')).toBe(BAD_URL_ENV);
    expect(lstatSync(path.join(r.cwd, '.env')).isSymbolicLink()).toBe(true);
    expect(backups(r.cwd, '.env')).toEqual([]);
    expect(readdirSync(elsewhere)).toEqual(['shared.env']);
    expect(r.stdout).not.toContain('Checking again');
    expect(r.code).toBe(1);
  });

  it('with --yes writes through a link that stays in the working folder, naming the file it leads to', async () => {
    const r = await doctor(['doctor', '--offline', '--fix', '--yes', '--model', 'gpt-5.4-mini'], {
      ...FAST,
      project: { 'config/shared.env': BAD_URL_ENV },
      setup: ({ cwd }) => symlinkSync(path.join(cwd, 'config/shared.env'), path.join(cwd, '.env')),
    });
    expect(r.stdout).toContain('--- .env (→ config/shared.env)\n');
    expect(r.stdout).toMatch(/✓ Fixed \.env \(→ config\/shared\.env\): OPENAI_BASE_URL \(line 2\)\. Backup: \.env\.ruapi-backup-/);
    expect(read(r.cwd, 'config/shared.env').toString()).toBe(FIXED_URL_ENV);
    expect(lstatSync(path.join(r.cwd, '.env')).isSymbolicLink()).toBe(true);
    expect(r.code).toBe(0);
  });

  it('with --yes writes the file named with --env-file, wherever it is: the user chose it', async () => {
    const elsewhere = tempDir({ 'shared.env': BAD_URL_ENV });
    const shared = path.join(elsewhere, 'shared.env');
    const r = await doctor(['doctor', '--offline', '--fix', '--yes', '--env-file', shared, '--model', 'gpt-5.4-mini'], FAST);
    expect(r.stdout).toContain(`--- ${shared}\n`);
    expect(readFileSync(shared, 'utf8')).toBe(FIXED_URL_ENV);
    expect(backups(elsewhere, 'shared.env')).toHaveLength(1);
    expect(r.code).toBe(0);
  });

  it('refuses a read-only .env, says how to make it writable, and changes nothing', async () => {
    const r = await doctor(['doctor', '--offline', '--fix', '--yes', '--model', 'gpt-5.4-mini'], { ...FAST, project: { '.env': BAD_URL_ENV }, setup: ({ cwd }) => chmodSync(path.join(cwd, '.env'), 0o444) });
    expect(r.stdout).toMatch(/^✗ \.env is read-only \(mode 0444\): nothing was changed\. If you mean --fix to change it, make it writable first \(chmod u\+w \.env\) and run it again\.$/m);
    expect(read(r.cwd, '.env').toString()).toBe(BAD_URL_ENV);
    expect(statSync(path.join(r.cwd, '.env')).mode & 0o777).toBe(0o444);
    expect(readdirSync(r.cwd)).toEqual(['.env']);
    expect(r.code).toBe(1);
  });

  it.skipIf(!IS_ROOT)(`run as root keeps the owner, group and mode of the file and of its backup${IS_ROOT ? '' : ' (skipped: needs root, to chown the file to nobody)'}`, async () => {
    const owner = nobody();
    const r = await doctor(['doctor', '--offline', '--fix', '--yes', '--model', 'gpt-5.4-mini'], {
      ...FAST,
      project: { '.env': BAD_URL_ENV },
      setup: ({ cwd }) => {
        chmodSync(path.join(cwd, '.env'), 0o600);
        chownSync(path.join(cwd, '.env'), owner.uid, owner.gid);
      },
    });
    expect(r.code).toBe(0);
    const [backup] = backups(r.cwd, '.env');
    for (const name of ['.env', backup!]) {
      const st = statSync(path.join(r.cwd, name));
      expect({ name, uid: st.uid, gid: st.gid, mode: st.mode & 0o777 }).toEqual({ name, ...owner, mode: 0o600 });
    }
    expect(read(r.cwd, '.env').toString()).toBe(FIXED_URL_ENV);
    expect(read(r.cwd, backup!).toString()).toBe(BAD_URL_ENV);
  });
});

describe.concurrent('fix forms in the report', () => {
  it("shows each client's fixed set-up in its own format (settings file, SDK code), with the key from a variable", async () => {
    const r = await doctor(['doctor', '--offline'], { env: { ANTHROPIC_AUTH_TOKEN: KEY, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai/v1', ANTHROPIC_MODEL: 'claude-opus-4.8' } });
    expect(r.stdout).toContain('The fixed set-up, per client');
    expect(r.stdout).toMatch(/Claude Code {2}~\/\.claude\/settings\.json, key from ANTHROPIC_AUTH_TOKEN\n {4}\{\n {6}"env": \{\n {8}"ANTHROPIC_BASE_URL": "https:\/\/www\.ruapi\.ai",\n {8}"ANTHROPIC_MODEL": "claude-opus-4-8"/);
    expect(r.stdout).toContain('client = Anthropic(base_url="https://www.ruapi.ai", auth_token=os.environ["ANTHROPIC_AUTH_TOKEN"])');
    expect(r.stdout).toContain('new Anthropic({ baseURL: "https://www.ruapi.ai", authToken: process.env.ANTHROPIC_AUTH_TOKEN })');
    expect(r.stdout).toContain('model="claude-opus-4-8"');
    // The clients' own set-ups replace the SDKs' code of the protocol block.
    expect(r.stdout).not.toContain('The fixed set-up in code');
    // The environment's fix, for the shell in use.
    expect(r.stdout).toContain('export ANTHROPIC_BASE_URL=https://www.ruapi.ai');
    const fish = await doctor(['doctor', '--offline'], { env: { SHELL: '/usr/bin/fish', ANTHROPIC_AUTH_TOKEN: KEY, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai/v1' } });
    expect(fish.stdout).toContain('set -gx ANTHROPIC_BASE_URL https://www.ruapi.ai');
  });

  it('with the values on the command line (no client reads them), shows SDK code and curl', async () => {
    const r = await doctor(['doctor', '--offline', '--protocol', 'anthropic', '--base-url', 'https://www.ruapi.ai/v1', '--key', KEY]);
    expect(r.stdout).toContain('The fixed set-up in code');
    expect(r.stdout).toContain('client = Anthropic(base_url="https://www.ruapi.ai", api_key=os.environ["ANTHROPIC_API_KEY"])');
    expect(r.stdout).toMatch(/curl https:\/\/www\.ruapi\.ai\/v1\/messages \\\n\s+-H "x-api-key: \$RUAPI_API_KEY"/);
  });

  it('shows no fix block when nothing needs fixing', async () => {
    const r = await doctor(['doctor', '--offline', '--model', 'gpt-5.4-mini'], { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('The fixed set-up in code');
  });
});
