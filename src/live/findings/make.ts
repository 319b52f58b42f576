import { RUAPI_BASE_URL } from '../../core/ruapi.js';
import type { TargetConfig } from '../../config/types.js';
import type { Finding, Severity } from '../../core/finding.js';
import { answerRequestIds } from '../../knowledge/index.js';
import type { HttpAnswer, SendRequest } from '../client.js';
import type { LiveFindingId } from '../ids.js';
import { errorFacts, type ErrorFacts } from '../protocol.js';
import { t } from '../words.js';

export { msText, secs, t } from '../words.js';

/**
 * What every live finding is built from. A finding says what happened, why, and what to do; its
 * fix is the knowledge base's for the same failure (so `ruapi explain` and the doctor agree), after
 * the lines only the live check can give (the corrected base URL, the closest model id, the flag).
 * The findings themselves are in one file per family: network, answers, stream, safety.
 */

/** What every live finding needs to know about the target. */
export interface FindingContext {
  target: TargetConfig;
  base: URL;
  /** The proxy in use, credentials redacted, and the variable it came from. */
  proxy?: { url: string; variable: string };
}



export function make(
  c: FindingContext,
  id: LiveFindingId,
  severity: Severity,
  title: string,
  message: string,
  fix: string[],
  source: string | undefined,
  data: Record<string, unknown>,
): Finding {
  const lines = [...new Set(fix.filter(Boolean))];
  // A value from a file puts the finding on its line (a CI annotation), as the offline checks do.
  const from = [c.target.baseUrl, c.target.key, c.target.model].find((v) => source !== undefined && v?.source.label === source)?.source;
  const place = from?.file ? { file: from.file, ...(from.line ? { line: from.line } : {}) } : {};
  return {
    id,
    severity,
    title,
    message,
    fix: lines.length > 1 ? lines.map((l, i) => `${i + 1}. ${l}`).join('\n') : (lines[0] ?? ''),
    ...(source ? { source } : {}),
    protocol: c.target.protocol,
    data: { ...place, ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) },
  };
}

export const baseSource = (c: FindingContext) => c.target.baseUrl?.source.label;
export const keySource = (c: FindingContext) => c.target.key?.source.label;
export const defaultBase = (c: FindingContext) => RUAPI_BASE_URL[c.target.protocol];

/** The gateway's own words, quoted (one line, shortened where errorFacts read them), or nothing. */
export function said(facts: ErrorFacts): string {
  return facts.message ? ` ${t('live.said', { message: facts.message })}` : '';
}

export const describeRequest = (req: SendRequest) => `${req.method} ${req.url}`;

/** Facts of an answer every HTTP finding carries: status, request id (in full), error type. */
export function answerData(answer: HttpAnswer, req: SendRequest, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const facts = errorFacts(answer.body);
  return { status: answer.status, requestId: answerRequestIds(answer.headers, answer.body)[0], errorType: facts.code ?? facts.type, url: req.url, ...extra };
}

/** ` Request id: …` for a message, when the answer has one. */
export const withId = (a: HttpAnswer) => {
  const id = answerRequestIds(a.headers, a.body)[0];
  return id ? ` ${t('live.request-id', { id })}` : '';
};

/** `POST https://…/v1/messages answered 401.` and the gateway's own words. */
export const answered = (answer: HttpAnswer, req: SendRequest) => `${t('live.answered', { request: describeRequest(req), status: answer.status })}${said(errorFacts(answer.body))}`;

/** `Check the base URL: RuAPI's is … for the OpenAI protocol.` */
export const checkBase = (c: FindingContext) => t('live.check-base', { url: defaultBase(c), protocol: c.target.protocol === 'openai' ? 'OpenAI' : 'Anthropic' });
