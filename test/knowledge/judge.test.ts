import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainText, judgeAnswer, type KnowledgeEntry } from '../../src/knowledge/index.js';
import { PATTERNS } from '../../src/knowledge/patterns/index.js';
import { readAnswer } from '../../src/live/judge.js';
import { ROOT } from '../helpers/cli.js';
import { fakeGateway, json, live, target } from '../helpers/live.js';

/**
 * One judge: the doctor's live checks file a gateway's answer under the knowledge base's entry,
 * the one `ruapi explain` gives for the same text, so the two never disagree.
 */

/** Every entry exported by a file of src/knowledge/entries/, read from the folder itself. */
async function entriesInFolder(): Promise<KnowledgeEntry[]> {
  const dir = path.join(ROOT, 'src/knowledge/entries');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
  const modules = await Promise.all(files.map((f) => import(pathToFileURL(path.join(dir, f)).href) as Promise<Record<string, unknown>>));
  return modules.flatMap((m) => Object.values(m).filter((v): v is KnowledgeEntry => typeof v === 'object' && v !== null && 'statuses' in v && 'fix' in v));
}

/** Answers built from an entry's own data: each of its statuses, with no body or with one of its clues or names as the message. */
function answersFor(entry: KnowledgeEntry): Array<{ status: number; headers: Record<string, string>; body: string }> {
  const messages = ['', ...(PATTERNS[entry.id] ?? []).map((p) => p.text), ...entry.names, ...Object.values(entry.variants ?? {}).flatMap((v) => v.names ?? [])];
  return entry.statuses.flatMap((status) =>
    messages.map((message) => ({ status, headers: {}, body: message ? JSON.stringify({ error: { message, type: 'error' } }) : '' })),
  );
}

describe("the doctor's judge", () => {
  it('reaches every HTTP entry of the knowledge base, and both causes of the 404, from some gateway answer', async () => {
    const entries = (await entriesInFolder()).filter((e) => e.statuses.length > 0);
    expect(entries.length).toBeGreaterThanOrEqual(9);
    const unreached: string[] = [];
    for (const entry of entries) {
      const causes = entry.variants ? (Object.keys(entry.variants) as Array<keyof NonNullable<KnowledgeEntry['variants']>>) : [null];
      for (const cause of causes) {
        const reached = answersFor(entry).some((answer) => {
          const judged = readAnswer(answer).judged;
          return judged?.entry.id === entry.id && judged.cause === cause;
        });
        if (!reached) unreached.push(cause ? `${entry.id} (${cause})` : entry.id);
      }
    }
    expect(unreached).toEqual([]);
  });

  it('agrees with explain on every real error text in the corpus that carries an HTTP status', () => {
    const dir = path.join(ROOT, 'fixtures/errors');
    const labels: Array<{ file: string }> = JSON.parse(readFileSync(path.join(dir, 'labels.json'), 'utf8'));
    let compared = 0;
    for (const { file } of labels) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const explained = explainText(text);
      const status = explained.facts.status;
      if (status === null || status < 400) continue;
      // A proxy's own status before the connection reached the API (a failed CONNECT tunnel) is no gateway answer.
      if (['refused', 'dns', 'tls'].includes(explained.matches[0]?.code ?? '')) continue;
      compared++;
      const judged = judgeAnswer({ status, body: text });
      const top = explained.matches[0];
      expect(judged?.entry.id, file).toBe(top?.id);
      // Where explain leaves the 404's cause open, the doctor, which saw the answer come back, decides it.
      if (top?.cause) expect(judged?.cause, file).toBe(top.cause);
    }
    expect(compared).toBeGreaterThan(50);
  });

  it.each([
    [429, { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } }, 'balance'],
    [403, { error: { message: '用户额度不足, 剩余额度: $0.00 insufficient balance', type: 'new_api_error' } }, 'balance'],
    [400, { type: 'error', error: { type: 'invalid_request_error', message: 'Your credit balance is too low to access the Anthropic API.' } }, 'balance'],
    [429, { error: { message: 'Rate limit reached for gpt-4o-mini', type: 'requests', code: 'rate_limit_exceeded' } }, 'transient'],
    [503, { error: { message: 'Service temporarily unavailable' } }, 'transient'],
    [401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } }, 'key-rejected'],
    [403, { error: { message: 'Permission denied', type: 'permission_error' } }, 'forbidden'],
    [404, { error: { message: 'The model `gpt-5o` does not exist or you do not have access to it.', code: 'model_not_found' } }, 'model-not-found'],
    [404, { error: { message: 'Invalid URL (POST /chat/completions)', type: 'invalid_request_error', code: 'invalid_url' } }, 'url-not-found'],
    [404, '404 page not found', 'url-not-found'],
    [400, { error: { message: 'Invalid request' } }, 'bad-request'],
    [413, { error: { message: 'Request too large' } }, 'bad-request'],
    [418, { error: { message: 'I am a teapot', type: 'teapot' } }, 'unexpected'],
  ] as const)('reads a %s %j as %s', (status, body, kind) => {
    expect(readAnswer({ status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) }).kind).toBe(kind);
  });

  it('takes a 404 that names the model the request sent for a 404 about the model', () => {
    const answer = { status: 404, headers: {}, body: JSON.stringify({ error: { message: 'm-unknown-1 is not served here' } }) };
    expect(readAnswer(answer).kind).toBe('url-not-found');
    expect(readAnswer(answer, 'm-unknown-1').kind).toBe('model-not-found');
  });
});

describe('the live checks, judged by the knowledge base', () => {
  it('live/402, not live/403, for a 403 whose body says the balance is used up', async () => {
    const gw = await fakeGateway((req, res) =>
      req.url.endsWith('/models') ? json(res, 200, { data: [{ id: 'm-1' }] }) : json(res, 403, { error: { message: 'insufficient balance: please top up', type: 'new_api_error' } }),
    );
    try {
      const r = await live(target('openai', `${gw.url}/v1`, 'sk-balance-key-00000001', 'm-1'));
      expect(r.ids).toEqual(['live/402']);
      expect(r.step('balance')?.status).toBe('fail');
      expect(r.finding('live/402').title).toMatch(/\(403 /);
    } finally {
      await gw.close();
    }
  });

  it('takes the request id from the same extractor as explain, headers first', async () => {
    const body = { error: { message: '无效的令牌 (request id: 2025061116393381060967)', type: 'new_api_error' } };
    const gw = await fakeGateway((_req, res) => json(res, 401, body, { 'x-oneapi-request-id': 'oneapi-req-0001' }));
    try {
      const r = await live(target('openai', `${gw.url}/v1`, 'sk-token-key-000000001', 'm-1'));
      expect(r.ids).toEqual(['live/401']);
      expect(r.finding('live/401').data?.requestId).toBe('oneapi-req-0001');
      expect(r.report.requestIds).toEqual(['oneapi-req-0001', '2025061116393381060967']);
      expect(explainText(JSON.stringify(body)).facts.requestId).toBe('2025061116393381060967');
    } finally {
      await gw.close();
    }
  });
});
