import { describe, expect, it } from 'vitest';
import { scanWindow } from '../../src/knowledge/facts.js';
import { classifyResponse, explainInput, judgeAnswer, lookup } from '../../src/knowledge/index.js';
import { answerRequestIds, findRequestId } from '../../src/knowledge/request-id.js';
import { ADVERSARIAL, LINEAR_MS, took } from '../helpers/adversarial.js';

/**
 * Every regular expression of the knowledge base runs over outside text: a paste of any size, or
 * a gateway's answer of up to 2 MB. Each reader must stay linear on input built to make them
 * backtrack, whatever they find in it.
 */
describe('the knowledge base on adversarial text of a megabyte', () => {
  for (const [name, text] of Object.entries(ADVERSARIAL)) {
    it(`reads ${JSON.stringify(name)} in linear time: explain, the judge, request ids`, () => {
      const times = {
        scanWindow: took(() => scanWindow(text)),
        explain: took(() => explainInput(text)),
        lookup: took(() => lookup(text)),
        judge: took(() => judgeAnswer({ status: 404, body: text, headers: { 'x-request-id': text.slice(0, 16_000) } }, { model: 'gpt-4o-mini' })),
        classify: took(() => classifyResponse({ status: 500, body: text, error: { code: 'ECONNRESET', message: text } })),
        findRequestId: took(() => findRequestId(text)),
        answerRequestIds: took(() => answerRequestIds({ 'x-request-id': text.slice(0, 16_000) }, text)),
      };
      for (const [reader, ms] of Object.entries(times)) expect(ms, `${reader} on ${name}`).toBeLessThan(LINEAR_MS);
    });
  }

  it('gives facts of one line each, however the text breaks them', () => {
    const text = `Error code: 404 {"error": {"message": "The model \`gpt-4o\u001b]0;x\u0007\` does not exist\r::error::x ${'z'.repeat(400)}", "type": "invalid_request_error", "code": "model_not_found"}} request_id: req_12345678\u001b[31m POST https://evil.example/v1/chat/completions\u001b[0m`;
    const { facts, matches } = explainInput(text).explanation;
    for (const value of [facts.message, facts.model, facts.url, facts.requestId, facts.errorType, facts.errorCode, matches[0]?.details.url]) {
      expect(value ?? '').not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
    // The URL ends where a control character starts; the message is one line, capped.
    expect(facts.url).toBe('https://evil.example/v1/chat/completions');
    expect(facts.message).toMatch(/^The model `gpt-4o\?\]0;x\?` does not exist ::error::x z+…$/);
    expect(facts.message!.length).toBeLessThanOrEqual(300);
    expect(facts.requestId).toBe('req_12345678');
  });
});
