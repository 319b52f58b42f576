import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainText, judgeAnswer } from '../../src/knowledge/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The gateway family's own message tables (new-api's en / zh-CN / ru locales and relay messages,
 * one-api's hard-coded ones), as data in fixtures/gateway-messages: every user-facing error they
 * can send is explained by the entry (and cause) it means, pasted bare or wrapped in the gateway's
 * JSON, and the doctor's judge reads the same answer the same way.
 */

interface GatewayMessage {
  source: string;
  lang: string;
  status: number;
  text: string;
  entry: string;
  cause?: 'model-id' | 'base-url';
}

const MESSAGES: GatewayMessage[] = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/gateway-messages/messages.json'), 'utf8')).messages;
const asBody = (m: GatewayMessage) => (m.text.startsWith('{') ? m.text : JSON.stringify({ error: { message: `${m.text} (request id: 2025082215093026624875464905761)`, type: 'new_api_error' } }));

describe("the gateway family's messages", () => {
  it('cover the three languages of the new-api tables and both gateways', () => {
    expect(new Set(MESSAGES.map((m) => m.lang))).toEqual(new Set(['en', 'zh', 'ru']));
    expect(MESSAGES.some((m) => m.source.startsWith('songquanpeng/one-api'))).toBe(true);
    expect(MESSAGES.some((m) => m.source.startsWith('QuantumNous/new-api'))).toBe(true);
  });

  it.each(MESSAGES.map((m) => [m.source, m.text, m] as const))('explain %s ("%s")', (_source, _text, m) => {
    const bare = explainText(m.text).matches[0];
    expect(bare?.id, 'pasted bare').toBe(m.entry);
    if (m.cause) expect(bare?.cause, 'pasted bare').toBe(m.cause);
    const wrapped = explainText(`Error code: ${m.status} - ${asBody(m)}`).matches[0];
    expect(wrapped?.id, 'with its status, in the gateway JSON').toBe(m.entry);
    const judged = judgeAnswer({ status: m.status, body: asBody(m) });
    expect(judged?.entry.id, "the doctor's judge").toBe(m.entry);
    if (m.cause) expect(judged?.cause, "the doctor's judge").toBe(m.cause);
  });
});
