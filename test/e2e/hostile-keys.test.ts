import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

/**
 * Hostile gateways on this machine (127.0.0.1 and [::1], where the doctor sends the key without
 * asking) that echo the key back transformed, as gateways do: without its first characters (the
 * `sk-` prefix), upper- or lower-cased, only its last 20 characters, its first 20 in a request id,
 * masked (`sk-abc***wxyz`), or as model ids in their model list. For an `sk-` key, a 64-hex token
 * and a JWT, every output of ruapi (human, --json, JUnit, Markdown, the --output file, `ruapi
 * report`, the GitHub step summary) is searched, ignoring case, for the key and for every
 * 12-character piece of it: none may appear.
 */

const KEYS = {
  'sk- key': 'sk-Xq7Tz2Lw9Rb4Nc8Vm3Kd6Hp1Fs5Gj0Ya2Ue4Io7Pt9',
  '64-hex token': '4f9c2b7e1a8d3f6c0b5e9a2d7c4f1e8b3a6d0c9f2e5b8a1d4c7f0e3b6a9d2c5f',
  JWT: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTgxMjciLCJpYXQiOjE3NjQ1MDAwMDB9.Qm9ndXNTaWduYXR1cmVGb3JUZXN0c09ubHkxMjM0NQ',
} as const;

/** How a gateway hands the key back. */
const ECHOES: Record<string, (key: string) => { message: string; requestId?: string }> = {
  whole: (k) => ({ message: `Incorrect API key provided: ${k}.` }),
  'without its prefix': (k) => ({ message: `Incorrect API key provided: ${k.slice(3)}.` }),
  'upper-cased': (k) => ({ message: `INVALID API KEY ${k.toUpperCase()}` }),
  'lower-cased': (k) => ({ message: `invalid api key ${k.toLowerCase()}` }),
  'its last 20 characters': (k) => ({ message: `The key ending in ${k.slice(-20)} has been revoked.` }),
  'its first 20 characters in the request id': (k) => ({ message: 'Invalid API key.', requestId: `req_${k.slice(0, 20)}` }),
  masked: (k) => ({ message: `Incorrect API key provided: ${k.slice(0, 6)}***${k.slice(-4)}. You can find your key in the console.` }),
};

const keyOf = (req: IncomingMessage) => {
  const auth = req.headers.authorization;
  return typeof auth === 'string' ? auth.replace(/^Bearer /, '') : ((req.headers['x-api-key'] as string | undefined) ?? '');
};

/** Requests that carried a key, per server. */
const keyed: string[] = [];

function send(res: ServerResponse, status: number, body: unknown, requestId: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': requestId });
  res.end(JSON.stringify(body));
}

/**
 * `/<echo>/v1/…`: every request rejected with a 401 that echoes the key that way. `/list/v1/…`:
 * the model list holds the key's transformations as model ids; the probe gets a 404 for the model,
 * so the doctor suggests ids from that list. Other paths: the path and query echoed in a 404.
 */
function hostile(req: IncomingMessage, res: ServerResponse) {
  const key = keyOf(req);
  if (key) keyed.push(req.url ?? '');
  const url = new URL(req.url ?? '/', 'http://x');
  const [, mode] = url.pathname.split('/');
  const echo = ECHOES[decodeURIComponent(mode ?? '')];
  if (!key) return send(res, 401, { error: { message: 'No API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } }, 'req_nokey');
  if (echo) {
    const { message, requestId = 'req_hostile_1' } = echo(key);
    return send(res, 401, { error: { message, type: 'invalid_request_error', code: 'invalid_api_key' }, request_id: requestId }, requestId);
  }
  if (mode === 'list') {
    if (req.method === 'GET') {
      const ids = [key.toUpperCase(), key.slice(-20), key.slice(3), `gpt-5.4-mini-${key.toLowerCase().slice(0, 20)}`, 'gpt-4o'];
      return send(res, 200, { object: 'list', data: ids.map((id) => ({ id, object: 'model' })) }, `req_${key.slice(0, 20)}`);
    }
    return send(res, 404, { error: { message: `The model \`gpt-5.4-mini\` does not exist (key ${key.toLowerCase().slice(5, 30)})`, type: 'invalid_request_error', code: 'model_not_found' } }, 'req_hostile_2');
  }
  send(res, 404, { error: { message: `Unknown path ${req.url} for ${req.headers.host}`, type: 'invalid_request_error', code: 'invalid_url' } }, 'req_hostile_3');
}

const servers: Server[] = [];
const origin: Record<'v4' | 'v6', string> = { v4: '', v6: '' };
beforeAll(async () => {
  for (const [family, host] of [['v4', '127.0.0.1'], ['v6', '::1']] as const) {
    const server = createServer(hostile);
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    const port = (server.address() as AddressInfo).port;
    origin[family] = family === 'v4' ? `http://127.0.0.1:${port}` : `http://[::1]:${port}`;
  }
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

/** Everything ruapi wrote in one run: stdout, stderr, the --output file, the step summary. */
type Outputs = Record<string, string>;

/**
 * The doctor against `env` in every output: the human report on stdout with the JSON in
 * --output and the step summary (under GitHub Actions), Markdown in --output, JUnit on stdout,
 * and the support report (`ruapi report`).
 */
async function everyOutput(env: Record<string, string>, args: string[] = []): Promise<Outputs> {
  const dir = tempDir();
  const file = (name: string) => path.join(dir, name);
  const read = (name: string) => (existsSync(file(name)) ? readFileSync(file(name), 'utf8') : '');
  const runs: Array<[string, string[], Record<string, string>]> = [
    ['human + json file + step summary', ['doctor', '--ci', '--format', 'json', '--output', file('out.json'), ...args], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file('summary.md') }],
    ['markdown file', ['doctor', '--ci', '--format', 'markdown', '--output', file('out.md'), ...args], {}],
    ['junit', ['doctor', '--ci', '--format', 'junit', ...args], {}],
    ['report', ['report', ...args], {}],
  ];
  const out: Outputs = {};
  for (const [name, argv, extra] of runs) {
    const r = await runCli(argv, { cwd: dir, env: { ...env, ...extra }, timeoutMs: 20_000 });
    out[`${name}: stdout`] = r.stdout;
    out[`${name}: stderr`] = r.stderr;
  }
  for (const name of ['out.json', 'summary.md', 'out.md']) out[name] = read(name);
  for (const [name, text] of Object.entries(out)) if (!name.endsWith('stderr')) expect(text, `${name} is empty`).not.toBe('');
  return out;
}

/** The whole secret and each of its 12-character pieces, in lower case. */
const piecesOf = (secret: string) => [secret.toLowerCase(), ...Array.from({ length: Math.max(0, secret.length - 11) }, (_, i) => secret.slice(i, i + 12).toLowerCase())];

function expectNoPieceOf(outputs: Outputs, secrets: readonly string[]) {
  for (const [name, text] of Object.entries(outputs)) {
    const lower = text.toLowerCase();
    for (const secret of secrets) {
      const found = piecesOf(secret).find((p) => lower.includes(p));
      expect(found, `${name} shows a piece of a secret: …${found?.slice(4, 8)}… in\n${text}`).toBeUndefined();
    }
  }
}

const cases = Object.entries(KEYS).flatMap(([kind, key], k) =>
  Object.keys(ECHOES).map((echo, e) => ({ kind, key, echo, family: (k + e) % 2 === 0 ? ('v4' as const) : ('v6' as const) })),
);

describe.concurrent('a hostile gateway on this machine echoes the key back transformed', () => {
  it.each(cases)('$kind, $echo ($family): no piece of it in any output', async ({ key, echo, family }) => {
    const before = keyed.length;
    const env = { OPENAI_API_KEY: key, OPENAI_BASE_URL: `${origin[family]}/${encodeURIComponent(echo)}/v1` };
    const out = await everyOutput(env, ['--model', 'gpt-5.4-mini']);
    // The gateway did get the key, and its answer reached the report.
    expect(keyed.length).toBeGreaterThan(before);
    expect(out['out.json']).toContain('"live/401"');
    expectNoPieceOf(out, [key]);
  });

  it.each(Object.entries(KEYS).map(([kind, key], i) => ({ kind, key, family: i % 2 === 0 ? ('v4' as const) : ('v6' as const) })))(
    '$kind ($family): a model list made of the key, and a 404 quoting it, show no piece of it either',
    async ({ key, family }) => {
      const out = await everyOutput({ OPENAI_API_KEY: key, OPENAI_BASE_URL: `${origin[family]}/list/v1` }, ['--model', 'gpt-5.4-mini']);
      expect(out['out.json']).toContain('"live/404-model"');
      expectNoPieceOf(out, [key]);
    },
  );
});

/** Secrets a base URL can carry, each long enough for 12-character pieces. */
const URL_SECRET = {
  fragment: 'frag9Qz3Lm7Tx2Wv5Np8',
  apiKey: 'apik4Rt8Yh2Jk6Mn9Bv3',
  accessToken: 'acct7Gf3Hd9Ks2Lp5Qw8',
  password: 'pw5Tr8Ew2Qa6Sd9Fg3Hj',
  userToken: 'usrtok3Zx7Cv1Bn5Mq9Wr',
  pathToken: 'a3f9c1e7b5d2f8a4c6e0b9d1f3a7c5e2b8d4f6a0c2e9b7d5f1a3c8e6b4d0f2a9',
};
const SK = KEYS['sk- key'];

describe.concurrent('secrets inside a base URL', () => {
  it.each([
    ['after #', () => `${origin.v4}/v1#${URL_SECRET.fragment}`, [URL_SECRET.fragment]],
    ['in query values (api-key, access_token)', () => `${origin.v6}/v1?api-key=${URL_SECRET.apiKey}&access_token=${URL_SECRET.accessToken}`, [URL_SECRET.apiKey, URL_SECRET.accessToken]],
    ['as a password', () => origin.v4.replace('//', `//user:${URL_SECRET.password}@`) + '/v1', [URL_SECRET.password]],
    ['as user info that is not sk- shaped', () => origin.v6.replace('//', `//${URL_SECRET.userToken}@`) + '/v1', [URL_SECRET.userToken]],
    ['as a path segment', () => `${origin.v4}/${URL_SECRET.pathToken}/v1`, [URL_SECRET.pathToken]],
  ])('%s: never shown, not even when the gateway echoes the path', async (_where, base, secrets) => {
    const out = await everyOutput({ OPENAI_API_KEY: SK, OPENAI_BASE_URL: base() }, ['--model', 'gpt-5.4-mini']);
    expectNoPieceOf(out, [...secrets, SK]);
  });

  it("a password in RuAPI's base URL is masked and is a finding (base-url/userinfo), offline", async () => {
    const out = await everyOutput({ OPENAI_API_KEY: SK, OPENAI_BASE_URL: `https://user:${URL_SECRET.password}@www.ruapi.ai/v1` }, ['--offline', '--model', 'gpt-5.4-mini']);
    expectNoPieceOf(out, [URL_SECRET.password, SK]);
    expect(out['out.json']).toContain('"base-url/userinfo"');
    expect(out['out.json']).toContain('"baseUrl": "https://***@www.ruapi.ai/v1"');
  });
});
