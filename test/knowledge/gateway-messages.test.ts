import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyResponse, explainText, judgeAnswer } from '../../src/knowledge/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The gateway family's own message tables (new-api's en / zh-CN / ru locales and relay messages,
 * one-api's hard-coded ones), as data in fixtures/gateway-messages: every user-facing error they
 * can send is explained by the entry (and cause) it means, pasted bare or wrapped in the gateway's
 * JSON, and the doctor's judge reads the same answer the same way. A row with `second` is a text
 * that allows two readings: the answer ranks them, the row's entry first and `second` shown after it.
 * A row sent with a 200 (the model-retrieval route's "does not exist") is read by the doctor's
 * classifier, which looks for an error body in a 2xx, instead of the judge of error statuses.
 */

interface GatewayMessage {
  source: string;
  lang: string;
  status: number;
  text: string;
  entry: string;
  cause?: 'model-id' | 'base-url';
  /** The other reading a text leaves open, ranked after `entry`. */
  second?: string;
  /** The JSON error `type` and `code` the gateway sets with this message, where its code sets them. */
  type?: string;
  code?: string;
}

const MESSAGES: GatewayMessage[] = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/gateway-messages/messages.json'), 'utf8')).messages;
const asBody = (m: GatewayMessage) =>
  m.text.startsWith('{')
    ? m.text
    : JSON.stringify({ error: { message: `${m.text} (request id: 2025082215093026624875464905761)`, type: m.type ?? 'new_api_error', ...(m.code ? { code: m.code } : {}) } });

describe("the gateway family's messages", () => {
  it('cover the three languages of the new-api tables and both gateways', () => {
    expect(new Set(MESSAGES.map((m) => m.lang))).toEqual(new Set(['en', 'zh', 'ru']));
    expect(MESSAGES.some((m) => m.source.startsWith('songquanpeng/one-api'))).toBe(true);
    expect(MESSAGES.some((m) => m.source.startsWith('QuantumNous/new-api'))).toBe(true);
  });

  it.each(MESSAGES.map((m) => [m.source, m.text, m] as const))('explain %s ("%s")', (_source, _text, m) => {
    const bareAnswer = explainText(m.text);
    const bare = bareAnswer.matches[0];
    expect(bare?.id, 'pasted bare').toBe(m.entry);
    if (m.cause) expect(bare?.cause, 'pasted bare').toBe(m.cause);
    if (m.second) expect({ ambiguous: bareAnswer.ambiguous, second: bareAnswer.matches[1]?.id }, 'pasted bare, the second reading').toEqual({ ambiguous: true, second: m.second });
    const wrappedAnswer = explainText(`Error code: ${m.status} - ${asBody(m)}`);
    expect(wrappedAnswer.matches[0]?.id, 'with its status, in the gateway JSON').toBe(m.entry);
    if (m.second) expect(wrappedAnswer.matches.map((x) => x.id).slice(1), 'with its status, the second reading').toContain(m.second);
    if (m.status < 400) {
      const seen = classifyResponse({ status: m.status, body: asBody(m) });
      expect(seen[0]?.id, "the doctor's classifier, on an error body in a 2xx").toBe(m.entry);
      if (m.cause) expect(seen[0]?.cause, "the doctor's classifier").toBe(m.cause);
      return;
    }
    const judged = judgeAnswer({ status: m.status, body: asBody(m) });
    expect(judged?.entry.id, "the doctor's judge").toBe(m.entry);
    if (m.cause) expect(judged?.cause, "the doctor's judge").toBe(m.cause);
  });
});
