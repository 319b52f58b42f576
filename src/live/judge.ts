import { judgeAnswer, type AnswerJudgement } from '../knowledge/index.js';
import type { HttpAnswer } from './client.js';
import { isRetryableStatus } from './retry.js';

/**
 * The doctor's judge of an error answer. Which failure an answer is (out of balance, a rejected
 * key, a 404 for the model or for the path …) is the knowledge base's call, the same scoring
 * `ruapi explain` runs on pasted text; this only says what that means for the chain.
 */

/** What an error answer means for the chain. */
export type AnswerKind = 'key-rejected' | 'balance' | 'forbidden' | 'model-not-found' | 'url-not-found' | 'bad-request' | 'transient' | 'unexpected';

export interface AnswerReading {
  kind: AnswerKind;
  /** The knowledge base's judgement; unset when no entry fits (a 418). */
  judged?: AnswerJudgement;
  /** For `bad-request`: the entry it is worded from. */
  entry?: '400' | '413';
}

type Answer = Pick<HttpAnswer, 'status' | 'headers' | 'body'>;

/** Reads an answer of 400 or more. `model` is the one the request asked for, when it named one. */
export function readAnswer(answer: Answer, model?: string): AnswerReading {
  const judged = judgeAnswer(answer, model ? { model } : {});
  const code = judged?.entry.code;
  // Money first: a 429 `insufficient_quota` (or a 403 "insufficient balance") is no rate limit.
  if (code === '402') return { kind: 'balance', judged };
  // A gateway of the new-api family answers 503 "no available channel for model X": the model id, not an outage.
  if (code === '404' && judged!.cause === 'model-id' && answer.status === 503) return { kind: 'model-not-found', judged };
  // A rate limit or a server failure is the gateway's state right now: retried, never the set-up's fault.
  if (isRetryableStatus(answer.status)) return { kind: 'transient', judged };
  if (code === '401') return { kind: 'key-rejected', judged };
  if (code === '403') return { kind: 'forbidden', judged };
  if (code === '404') return { kind: judged!.cause === 'model-id' ? 'model-not-found' : 'url-not-found', judged };
  if (code === '400' || code === '413') return { kind: 'bad-request', judged, entry: code };
  // A refusal the knowledge base files elsewhere (a 400 about a rate limit) is still a refusal of the request.
  if (answer.status === 400 || answer.status === 422) return { kind: 'bad-request', ...(judged ? { judged } : {}), entry: '400' };
  if (answer.status === 413) return { kind: 'bad-request', ...(judged ? { judged } : {}), entry: '413' };
  return { kind: 'unexpected', ...(judged ? { judged } : {}) };
}

/** True for an answer retrying does not help: out of balance, or a 503 about a model the gateway does not serve. */
export function isFinalAnswer(answer: Answer): boolean {
  if (answer.status < 400) return false;
  const kind = readAnswer(answer).kind;
  return kind === 'balance' || kind === 'model-not-found';
}
