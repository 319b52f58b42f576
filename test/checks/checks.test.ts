import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/index.js';
import type { Check } from '../../src/checks/types.js';
import type { Finding } from '../../src/core/finding.js';
import { BUNDLED_MODELS } from '../../src/models/bundled.js';
import { ANTHROPIC_GOOD, KEY, OPENAI_GOOD, doctor, fixture, type DoctorCase } from '../helpers/doctor.js';

interface Case extends DoctorCase {
  name: string;
  args?: string[];
  /** The finding id this case is about. */
  id: string;
  /** Produced, with this severity; or `null`: the near miss that must not produce it. */
  severity: Finding['severity'] | null;
  /** Text the finding's fix (or, with `inMessage`, its message/title) must contain. */
  fix?: string;
  says?: RegExp;
}

const openai = (baseUrl: string, extra: Record<string, string> = {}) => ({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: baseUrl, ...extra });
const anthropic = (baseUrl: string, extra: Record<string, string> = {}) => ({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: baseUrl, ...extra });
const withKey = (key: string) => ({ OPENAI_API_KEY: key, OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' });

const ANTHROPIC_KEY = `sk-ant-api03-${'Ab3_-'.repeat(18)}xyzAA`;
const OPENAI_PROJECT_KEY = `sk-proj-${'A1b2C3d4E5'.repeat(7)}T3BlbkFJ${'Z9y8X7w6V5'.repeat(7)}`;
const OPENAI_CLASSIC_KEY = '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';
const OPENROUTER_KEY = `sk-or-v1-${'0123456789abcdef'.repeat(4)}`;

const CASES: Case[] = [
  // key/missing
  { name: 'no key anywhere', id: 'key/missing', severity: 'error', env: { OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' }, fix: 'OPENAI_API_KEY=' },
  { name: 'an empty key variable, which also hides the one in .env', id: 'key/missing', severity: 'error', env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: 'https://www.ruapi.ai/v1' }, project: { '.env': `OPENAI_API_KEY=${KEY}\n` }, says: /empty.*hides the value in OPENAI_API_KEY in \.env, line 1/s },
  { name: 'a key in the environment', id: 'key/missing', severity: null, env: OPENAI_GOOD },
  // key/whitespace
  { name: 'a leading space', id: 'key/whitespace', severity: 'error', env: withKey(` ${KEY}`), says: /starts with a space/ },
  { name: 'a trailing newline only (harmless for Node, not for curl or Python)', id: 'key/whitespace', severity: 'warning', env: withKey(`${KEY}\n`), says: /ends with a line break.*Node SDKs trim/s },
  { name: 'a zero-width space inside', id: 'key/whitespace', severity: 'error', env: withKey(`${KEY.slice(0, 10)}\u200b${KEY.slice(10)}`), says: /character 11 is an invisible zero-width space \(U\+200B\)/i },
  { name: 'a no-break space at the end', id: 'key/whitespace', severity: 'error', env: withKey(`${KEY}\u00a0`), says: /no-break space/ },
  { name: 'a key split over two lines', id: 'key/whitespace', severity: 'error', env: withKey(`${KEY.slice(0, 20)}\n${KEY.slice(20)}`), says: /a line break sits after character 20/i },
  { name: 'an unquoted .env value with spaces after it (dotenv trims them)', id: 'key/whitespace', severity: null, project: { '.env': `OPENAI_API_KEY=${KEY}   \nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n` } },
  { name: 'a key piped with echo (one final newline)', id: 'key/whitespace', severity: null, args: ['--key-stdin', '--base-url', 'https://www.ruapi.ai/v1'], input: `${KEY}\n` },
  { name: 'a key piped with a leading space', id: 'key/whitespace', severity: 'error', args: ['--key-stdin', '--base-url', 'https://www.ruapi.ai/v1'], input: ` ${KEY}\n` },
  // key/quotes
  { name: 'quotes inside the variable', id: 'key/quotes', severity: 'error', env: withKey(`"${KEY}"`), fix: 'Keep only the key, sk-…rS4t, without the quotes: edit OPENAI_API_KEY in your environment' },
  { name: 'quotes inside the quotes of a .env line', id: 'key/quotes', severity: 'error', project: { '.env': `OPENAI_API_KEY="'${KEY}'"\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n` }, says: /inside them/ },
  { name: 'a ${…} template left around the key', id: 'key/quotes', severity: 'error', env: withKey(`\${${KEY}}`) },
  { name: 'a quoted .env value (quotes around the whole value are fine)', id: 'key/quotes', severity: null, project: { '.env': `OPENAI_API_KEY="${KEY}"\nOPENAI_BASE_URL=https://www.ruapi.ai/v1\n` } },
  // key/bearer-prefix
  { name: '"Bearer " in ANTHROPIC_AUTH_TOKEN (Claude Code adds it again)', id: 'key/bearer-prefix', severity: 'error', env: { ANTHROPIC_AUTH_TOKEN: `Bearer ${KEY}`, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai' }, says: /Authorization: Bearer Bearer sk-…/ },
  { name: 'a whole header pasted as the key', id: 'key/bearer-prefix', severity: 'error', env: withKey(`Authorization: Bearer ${KEY}`) },
  { name: 'a token without Bearer', id: 'key/bearer-prefix', severity: null, env: { ANTHROPIC_AUTH_TOKEN: KEY, ANTHROPIC_BASE_URL: 'https://www.ruapi.ai' } },
  // key/anthropic-key
  { name: 'an Anthropic API key', id: 'key/anthropic-key', severity: 'error', env: anthropic('https://www.ruapi.ai', { ANTHROPIC_API_KEY: ANTHROPIC_KEY }), secrets: [ANTHROPIC_KEY] },
  { name: 'a Claude Code OAuth token', id: 'key/anthropic-key', severity: 'error', env: withKey(`sk-ant-oat01-${'x'.repeat(60)}`), says: /OAuth/ },
  { name: 'a key that merely starts with sk-ant (no hyphen after)', id: 'key/anthropic-key', severity: null, env: withKey(`sk-antRf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7`) },
  // key/openai-key
  { name: 'an OpenAI project key', id: 'key/openai-key', severity: 'error', env: withKey(OPENAI_PROJECT_KEY), says: /OpenAI project key/ },
  { name: 'a classic OpenAI key (T3BlbkFJ marker)', id: 'key/openai-key', severity: 'error', env: withKey(OPENAI_CLASSIC_KEY), says: /T3BlbkFJ/ },
  { name: 'a key that starts with sk-proj but no hyphen', id: 'key/openai-key', severity: null, env: withKey('sk-projRf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2p') },
  // key/other-provider
  { name: 'an OpenRouter key', id: 'key/other-provider', severity: 'error', env: withKey(OPENROUTER_KEY), says: /OpenRouter/ },
  { name: 'a Groq key', id: 'key/other-provider', severity: 'error', env: withKey(`gsk_${'a1B2c3D4'.repeat(6)}abcd`), says: /Groq/ },
  { name: 'a Google key', id: 'key/other-provider', severity: 'error', env: withKey(`AIza${'SyA1b2C3d4E5f6G7h8'.repeat(2)}`), says: /Google/ },
  { name: 'a RuAPI-shaped key', id: 'key/other-provider', severity: null, env: OPENAI_GOOD },
  // key/non-ascii
  { name: 'a Cyrillic look-alike letter', id: 'key/non-ascii', severity: 'error', env: withKey(KEY.replace('c', 'с')), says: /Cyrillic letter 'с' \(U\+0441\), which looks like 'c'/, fix: "with 'c'" },
  { name: 'a shortened key with an ellipsis', id: 'key/non-ascii', severity: 'error', env: withKey('sk-Rf3kQ9…pQ7rS4t'), says: /shortened key/ },
  { name: 'a placeholder in Chinese', id: 'key/non-ascii', severity: 'error', env: withKey('你的API Key'), says: /placeholder/ },
  { name: 'a plain ASCII key', id: 'key/non-ascii', severity: null, env: OPENAI_GOOD },
  // key/format
  { name: 'a key without sk-', id: 'key/format', severity: 'warning', env: withKey('Rf3kQ9xLmN2pT7vW4yZ8aB1cD5eF6gH0iJ3kL9mN2pQ7rS4t'), says: /does not start with sk-.*hint, not a verdict/s },
  { name: 'a placeholder from an example', id: 'key/format', severity: 'warning', env: withKey('sk-your-api-key-here'), says: /placeholder/ },
  { name: 'half a key', id: 'key/format', severity: 'warning', env: withKey('sk-Rf3kQ9xL'), says: /only 11 characters/ },
  { name: 'a RuAPI-shaped key (never called valid)', id: 'key/format', severity: null, env: OPENAI_GOOD },
  // base-url/missing
  { name: 'a key but no base URL', id: 'base-url/missing', severity: 'error', env: { OPENAI_API_KEY: KEY }, says: /api\.openai\.com/, fix: 'OPENAI_BASE_URL=https://www.ruapi.ai/v1' },
  { name: 'no base URL, key in Claude Code settings: fix in the same file', id: 'base-url/missing', severity: 'error', home: { '.claude/settings.json': JSON.stringify({ env: { ANTHROPIC_AUTH_TOKEN: KEY } }) }, fix: '"ANTHROPIC_BASE_URL": "https://www.ruapi.ai"   (the "env" block of ~/.claude/settings.json)' },
  { name: 'a base URL set', id: 'base-url/missing', severity: null, env: OPENAI_GOOD },
  // base-url/invalid
  { name: 'a base URL without https://', id: 'base-url/invalid', severity: 'error', env: openai('www.ruapi.ai/v1'), fix: 'export OPENAI_BASE_URL=https://www.ruapi.ai/v1' },
  { name: 'a base URL in quotes', id: 'base-url/invalid', severity: 'error', env: openai('"https://www.ruapi.ai/v1"'), fix: 'https://www.ruapi.ai/v1' },
  { name: 'the key pasted where the base URL goes (and never printed)', id: 'base-url/invalid', severity: 'error', env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: KEY }, says: /looks like an API key, not a URL/, fix: 'https://www.ruapi.ai/v1' },
  { name: 'a base URL with a newline after it', id: 'base-url/invalid', severity: 'warning', env: openai('https://www.ruapi.ai/v1\n') },
  { name: 'a base URL with one trailing slash', id: 'base-url/invalid', severity: null, env: openai('https://www.ruapi.ai/v1/') },
  { name: 'a base URL over 2 KB, shown shortened', id: 'base-url/invalid', severity: 'error', env: openai(`https://www.ruapi.ai/v1/${'x'.repeat(2025)}`), says: /^It is 2,049 characters long \(https:\/\/www\.ruapi\.ai\/v1\/x{6}…x{30}\), over the 2 KB/m },
  { name: 'a base URL of exactly 2 KB (a path problem, not an invalid URL)', id: 'base-url/invalid', severity: null, env: openai(`https://www.ruapi.ai/v1/${'x'.repeat(2024)}`) },
  // base-url/missing-v1
  { name: 'the OpenAI base without /v1, from .env', id: 'base-url/missing-v1', severity: 'error', project: { '.env': fixture('openai-missing-v1.env') }, fix: 'OPENAI_BASE_URL=https://www.ruapi.ai/v1   (.env, line 4)', says: /https:\/\/www\.ruapi\.ai\/chat\/completions/ },
  { name: 'the Anthropic base without /v1 (right for that protocol)', id: 'base-url/missing-v1', severity: null, env: ANTHROPIC_GOOD },
  // base-url/extra-v1
  { name: 'the Anthropic base with /v1, from Claude Code settings', id: 'base-url/extra-v1', severity: 'error', home: { '.claude/settings.json': fixture('claude-settings-extra-v1.json') }, says: /\/v1\/v1\/messages/, fix: '"ANTHROPIC_BASE_URL": "https://www.ruapi.ai"' },
  { name: 'the OpenAI base with /v1 (right for that protocol)', id: 'base-url/extra-v1', severity: null, env: OPENAI_GOOD },
  // base-url/double-v1
  { name: '/v1/v1 in the base', id: 'base-url/double-v1', severity: 'error', env: openai('https://www.ruapi.ai/v1/v1'), fix: 'https://www.ruapi.ai/v1' },
  { name: 'a single /v1', id: 'base-url/double-v1', severity: null, env: OPENAI_GOOD },
  // base-url/endpoint
  { name: 'the chat completions endpoint as the base', id: 'base-url/endpoint', severity: 'error', env: openai('https://www.ruapi.ai/v1/chat/completions'), fix: 'export OPENAI_BASE_URL=https://www.ruapi.ai/v1' },
  { name: 'the messages endpoint as the Anthropic base', id: 'base-url/endpoint', severity: 'error', env: anthropic('https://www.ruapi.ai/v1/messages'), fix: 'export ANTHROPIC_BASE_URL=https://www.ruapi.ai', says: /\/v1\/messages\/v1\/messages/ },
  { name: 'a proxy path that only contains the word messages', id: 'base-url/endpoint', severity: null, env: openai('http://127.0.0.1:8787/messages-proxy/v1') },
  // base-url/not-https
  { name: 'plain http to RuAPI', id: 'base-url/not-https', severity: 'error', env: openai('http://www.ruapi.ai/v1'), fix: 'https://www.ruapi.ai/v1' },
  { name: 'plain http to a local simulator', id: 'base-url/not-https', severity: null, env: openai('http://127.0.0.1:8787/v1') },
  // base-url/userinfo
  { name: 'a password in the URL of RuAPI', id: 'base-url/userinfo', severity: 'error', env: openai('https://user:Pw-9f3kQxLm@www.ruapi.ai/v1'), fix: 'https://www.ruapi.ai/v1', secrets: ['Pw-9f3kQxLm'] },
  { name: 'a token as the user name of a proxy', id: 'base-url/userinfo', severity: 'error', env: openai('https://9f86d081884c7d659a2feaa0c55ad015@gw.example.com/v1'), fix: 'https://gw.example.com/v1', secrets: ['9f86d081884c7d659a2feaa0c55ad015'] },
  { name: 'an @ in the path only', id: 'base-url/userinfo', severity: null, env: openai('https://gw.example.com/team@acme/v1') },
  // base-url/host
  { name: "OpenAI's own host", id: 'base-url/host', severity: 'error', env: openai('https://api.openai.com/v1'), says: /OpenAI's API, not RuAPI/, fix: 'https://www.ruapi.ai/v1' },
  { name: 'a misspelt RuAPI host', id: 'base-url/host', severity: 'error', env: openai('https://www.ruapl.ai/v1'), says: /misspelling of www\.ruapi\.ai/ },
  { name: 'ruapi.com instead of ruapi.ai', id: 'base-url/host', severity: 'error', env: openai('https://www.ruapi.com/v1'), says: /misspelling/ },
  { name: 'ruapi.ai without www', id: 'base-url/host', severity: 'warning', env: openai('https://ruapi.ai/v1'), fix: 'https://www.ruapi.ai/v1' },
  { name: 'a loopback proxy or simulator', id: 'base-url/host', severity: 'info', env: openai('http://localhost:8787/v1'), says: /local proxy or simulator/ },
  { name: 'an unknown host', id: 'base-url/host', severity: 'warning', env: openai('https://llm-gateway.example.com/v1'), says: /not RuAPI's host/ },
  { name: "RuAPI's documented host", id: 'base-url/host', severity: null, env: OPENAI_GOOD },
  // base-url/trailing-slash
  { name: 'two slashes at the end', id: 'base-url/trailing-slash', severity: 'warning', env: openai('https://www.ruapi.ai/v1//'), says: /\/v1\/\/chat\/completions/ },
  { name: 'one slash at the end (the SDKs drop it)', id: 'base-url/trailing-slash', severity: null, env: openai('https://www.ruapi.ai/v1/') },
  // base-url/path
  { name: 'an undocumented path on RuAPI', id: 'base-url/path', severity: 'error', env: openai('https://www.ruapi.ai/api/v1'), fix: 'https://www.ruapi.ai/v1' },
  { name: 'the same path on a local proxy', id: 'base-url/path', severity: null, env: openai('http://localhost:8080/api/v1') },
  // model/missing
  { name: 'no model', id: 'model/missing', severity: 'info', env: OPENAI_GOOD },
  { name: 'a model from --model', id: 'model/missing', severity: null, env: OPENAI_GOOD, args: ['--model', 'gpt-4o-mini'] },
  // model/unknown (current ids only: a retired id is never suggested, and ids retiring within
  // months would make these cases change with the date)
  { name: 'gpt54mini for gpt-5.4-mini', id: 'model/unknown', severity: 'error', env: OPENAI_GOOD, args: ['--model', 'gpt54mini'], fix: '--model gpt-5.4-mini', says: /bundled list of \d+ ids \(snapshot 2026-12-01/ },
  { name: 'a wrong case', id: 'model/unknown', severity: 'error', env: OPENAI_GOOD, args: ['--model', 'GPT-5.4-mini'], fix: '--model gpt-5.4-mini' },
  { name: 'a provider prefix', id: 'model/unknown', severity: 'error', env: OPENAI_GOOD, args: ['--model', 'openai/gpt-5.4-mini'], says: /openai\/ prefix/ },
  { name: 'dots for hyphens', id: 'model/unknown', severity: 'error', env: ANTHROPIC_GOOD, args: ['--model', 'claude-sonnet-4.6'], fix: '--model claude-sonnet-4-6' },
  { name: 'an alias', id: 'model/unknown', severity: 'error', env: { ...ANTHROPIC_GOOD, ANTHROPIC_MODEL: 'opus' }, fix: 'export ANTHROPIC_MODEL=claude-opus-4-8' },
  { name: "a Claude Code alias in its settings (Claude Code resolves it: a warning)", id: 'model/unknown', severity: 'warning', home: { '.claude/settings.json': JSON.stringify({ env: { ...ANTHROPIC_GOOD, ANTHROPIC_MODEL: 'sonnet' } }) } },
  { name: 'another date suffix', id: 'model/unknown', severity: 'warning', env: OPENAI_GOOD, args: ['--model', 'claude-haiku-4-5-20250101'], says: /different \(or no\) date/ },
  { name: 'an id nothing resembles (the snapshot may be old)', id: 'model/unknown', severity: 'warning', env: OPENAI_GOOD, args: ['--model', 'acme-llm-9000'], says: /snapshot and may miss newer models/ },
  { name: 'a Claude id on the OpenAI protocol (RuAPI converts)', id: 'model/unknown', severity: null, env: OPENAI_GOOD, args: ['--model', 'claude-opus-4-8'] },
  { name: 'a GPT id on the Anthropic protocol', id: 'model/unknown', severity: null, env: ANTHROPIC_GOOD, args: ['--model', 'gpt-5.4-mini'] },
  { name: 'a retired id is not "unknown": model/retired says what it is', id: 'model/unknown', severity: null, env: OPENAI_GOOD, args: ['--model', 'claude-sonnet-4-20250514'] },
  // model/retired (retired on purpose: ids whose shutdown date has passed stay retired; the
  // date-dependent model/retiring cases run with a given clock in test/checks/model-lifecycle.test.ts)
  { name: 'an id retired upstream on a known date, with its named replacement', id: 'model/retired', severity: 'error', env: ANTHROPIC_GOOD, args: ['--model', 'claude-sonnet-4-20250514'], fix: '--model claude-sonnet-4-6', says: /retired upstream on 2026-06-15; use claude-sonnet-4-6/ },
  { name: 'a retired id in the environment: the fix is an export', id: 'model/retired', severity: 'error', env: { ...ANTHROPIC_GOOD, ANTHROPIC_MODEL: 'grok-3' }, fix: 'export ANTHROPIC_MODEL=grok-4.3' },
  { name: 'a retired id in .env: the fix is that line', id: 'model/retired', severity: 'error', env: OPENAI_GOOD, project: { '.env': 'RUAPI_MODEL=deepseek-chat\n' }, fix: 'RUAPI_MODEL=deepseek-v4-flash   (.env, line 1)' },
  { name: 'a current id', id: 'model/retired', severity: null, env: ANTHROPIC_GOOD, args: ['--model', 'claude-sonnet-4-6'] },
  // config/unreadable
  { name: 'a binary .env', id: 'config/unreadable', severity: 'warning', project: { '.env': fixture('binary.env') }, env: OPENAI_GOOD, says: /binary data/ },
  { name: 'broken JSON in Claude Code settings', id: 'config/unreadable', severity: 'warning', project: { '.claude/settings.json': fixture('claude-settings-broken.json') }, env: OPENAI_GOOD, says: /not valid JSON.*line 4, column 29/s },
  { name: 'an env block that is not an object', id: 'config/unreadable', severity: 'warning', project: { '.claude/settings.local.json': fixture('claude-settings-env-array.json') }, env: OPENAI_GOOD, says: /"env" is not an object/ },
  { name: 'a readable .env', id: 'config/unreadable', severity: null, project: { '.env': fixture('openai-good.env') } },
  // config/shadowed
  { name: 'the environment overriding .env', id: 'config/shadowed', severity: 'info', project: { '.env': 'OPENAI_BASE_URL=https://www.ruapi.ai\n' }, env: OPENAI_GOOD, says: /In use: https:\/\/www\.ruapi\.ai\/v1\. Ignored: https:\/\/www\.ruapi\.ai\./ },
  { name: 'the environment overriding Claude Code settings', id: 'config/shadowed', severity: 'info', home: { '.claude/settings.json': fixture('claude-settings-extra-v1.json') }, env: ANTHROPIC_GOOD, says: /Claude Code applies its settings/ },
  { name: 'the same value in both places', id: 'config/shadowed', severity: null, project: { '.env': 'OPENAI_BASE_URL=https://www.ruapi.ai/v1\n' }, env: OPENAI_GOOD },
  // config/key-on-command-line
  { name: 'a key given with --key', id: 'config/key-on-command-line', severity: 'info', args: ['--key', KEY, '--base-url', 'https://www.ruapi.ai/v1'], fix: '--key-stdin' },
  { name: 'a key given with --key-stdin', id: 'config/key-on-command-line', severity: null, args: ['--key-stdin', '--base-url', 'https://www.ruapi.ai/v1'], input: KEY },
  // config/protocol-guessed
  { name: 'a base URL without /v1 and no protocol', id: 'config/protocol-guessed', severity: 'info', args: ['--key-stdin', '--base-url', 'https://www.ruapi.ai'], input: KEY, says: /Anthropic protocol: a guess/ },
  { name: 'the same with --protocol', id: 'config/protocol-guessed', severity: null, args: ['--key-stdin', '--base-url', 'https://www.ruapi.ai', '--protocol', 'anthropic'], input: KEY },
];

describe.concurrent('each finding id: a case that produces it and a near miss that does not', () => {
  it.each(CASES)('$id: $name', async (c) => {
    const r = await doctor(['doctor', '--offline', '--json', ...(c.args ?? [])], c);
    expect(r.json, r.stderr).toBeDefined();
    const found = r.json!.findings.filter((f) => f.id === c.id);
    if (c.severity === null) {
      expect(found, JSON.stringify(found, null, 2)).toEqual([]);
      return;
    }
    expect(found.map((f) => f.severity), JSON.stringify(r.json!.findings, null, 2)).toContain(c.severity);
    const f = found.find((x) => x.severity === c.severity)!;
    expect(f.title.length).toBeGreaterThan(0);
    expect(f.message.length).toBeGreaterThan(0);
    if (c.severity !== 'info') expect(f.fix.length).toBeGreaterThan(0);
    if (c.fix) expect(f.fix).toContain(c.fix);
    if (c.says) expect(`${f.title}\n${f.message}`).toMatch(c.says);
    if (!c.id.startsWith('config/') && !['key/missing', 'base-url/missing', 'model/missing'].includes(c.id)) expect(f.source).toBeTruthy();
    expect(r.code).toBe(r.json!.findings.some((x) => x.severity === 'error') ? 1 : 0);
  });
});

describe('a base URL of a megabyte', () => {
  const huge = `https://www.ruapi.ai/v1/${'a/'.repeat(500_000)}`;
  const project = { '.env': `OPENAI_API_KEY=${KEY}\nOPENAI_BASE_URL=${huge}\n` };

  it('is base-url/invalid, and no other base-url check takes time over it: the offline doctor is done in well under 3 s', async () => {
    const r = await doctor(['doctor', '--offline', '--json', '--model', 'gpt-4o-mini'], { project });
    // Node's start-up included; a quadratic pass over a megabyte would take minutes.
    expect(r.ms).toBeLessThan(3000);
    expect(r.ids.filter((id) => id.startsWith('base-url/'))).toEqual(['base-url/invalid']);
    const invalid = r.json!.findings.find((f) => f.id === 'base-url/invalid')!;
    expect(invalid).toMatchObject({ severity: 'error', source: 'OPENAI_BASE_URL in .env, line 2' });
    expect(invalid.message).toMatch(/^It is 1,000,024 characters long \(https:\/\/www\.ruapi\.ai\/v1\/(a\/){3}…(a\/){15}\), over the 2 KB/);
    expect(JSON.stringify(r.json!.findings).length).toBeLessThan(5000);
    const checks = r.json!.checks.filter((c) => c.id.startsWith('base-url/') && c.protocol === 'openai');
    expect(checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status])).toEqual([['base-url/invalid', 'fail']]);
  });

  it('is never echoed whole by the human report', async () => {
    const r = await doctor(['doctor', '--offline', '--model', 'gpt-4o-mini'], { project });
    expect(r.ms).toBeLessThan(3000);
    expect(r.stdout).toContain('[base-url/invalid]');
    expect(r.stdout.length).toBeLessThan(10_000);
    expect(r.code).toBe(1);
  });
});

describe('a check that throws', () => {
  it('becomes an internal/check-crashed finding and the other checks still run', () => {
    const boom: Check = { id: 'test/boom', area: 'key', title: 'explodes', severities: ['error'], run: () => { throw new Error('kaboom'); } };
    const fine: Check = { id: 'test/fine', area: 'key', title: 'fine', severities: ['warning'], run: () => [{ severity: 'warning', title: 'w', message: 'm', fix: 'f' }] };
    const target = { protocol: 'openai' as const, protocolGuessed: false, auth: 'bearer' as const };
    const { findings, checks } = runChecks(target, BUNDLED_MODELS, new Date('2026-12-01T12:00:00Z'), [boom, fine]);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['internal/check-crashed', 'error'], ['test/fine', 'warning']]);
    expect(findings[0]!.message).toMatch(/bug in ruapi.*kaboom/s);
    expect(checks.map((c) => c.status)).toEqual(['fail', 'warn']);
  });

  it('is not produced by a normal run', async () => {
    const r = await doctor(['doctor', '--offline', '--json'], { env: OPENAI_GOOD });
    expect(r.ids).not.toContain('internal/check-crashed');
  });
});
