import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { runCli } from '../helpers/cli.js';

/**
 * The loop a user goes through: the SDK prints an error, they paste it into `ruapi explain`.
 * Each fault the simulator injects must come out named as the right knowledge-base entry.
 */

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ slowMs: 400, streamDelayMs: 1 });
});
afterAll(() => sim.close());

/** What Node prints for an uncaught error, minus the stack: the error, then its cause chain. */
function printed(err: unknown): string {
  const lines: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    lines.push(depth === 0 ? String(e) : `  [cause]: ${String(e)}`);
  }
  return lines.join('\n');
}

async function sdkError(protocol: 'openai' | 'anthropic', fault: string): Promise<any> {
  // An unknown path is what a wrong base URL leads to: the OpenAI one without /v1, the Anthropic one with it.
  const wrongBase = fault === '404-url';
  const model = wrongBase ? 'gpt-5' : `sim-fault-${fault}`;
  const opts = { apiKey: sim.key, maxRetries: 0, timeout: 200 };
  const call =
    protocol === 'openai'
      ? new OpenAI({ ...opts, baseURL: wrongBase ? sim.anthropicBaseUrl : sim.openaiBaseUrl }).chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] })
      : new Anthropic({ ...opts, baseURL: wrongBase ? `${sim.anthropicBaseUrl}/v1` : sim.anthropicBaseUrl }).messages.create({ model, max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] });
  return call.then(
    () => {
      throw new Error(`${fault} did not fail`);
    },
    (err: unknown) => err,
  );
}

interface Expected {
  fault: string;
  code: string;
  cause?: 'model-id' | 'base-url';
}

const CASES: Expected[] = [
  { fault: '400', code: '400' },
  { fault: '401', code: '401' },
  { fault: '402', code: '402' },
  { fault: '403', code: '403' },
  { fault: '404-model', code: '404', cause: 'model-id' },
  { fault: '404-url', code: '404', cause: 'base-url' },
  { fault: '413', code: '413' },
  { fault: '429', code: '429' },
  // Out of quota is a balance problem, whatever the status says.
  { fault: '429-quota', code: '402' },
  { fault: '500', code: '500' },
  { fault: '502', code: '502' },
  { fault: '503', code: '503' },
  { fault: '504', code: '504' },
  { fault: '529', code: '529' },
  { fault: 'slow', code: 'timeout' },
  { fault: 'stall', code: 'timeout' },
  { fault: 'cut', code: 'timeout' },
  { fault: 'reset', code: 'timeout' },
  // fetch follows the 307 to a host where nothing listens.
  { fault: 'redirect', code: 'refused' },
];

describe('ruapi explain names each simulated fault from the SDK error a user would paste', () => {
  for (const protocol of ['openai', 'anthropic'] as const) {
    it.each(CASES)(`${protocol}: $fault → $code`, async ({ fault, code, cause }) => {
      const err = await sdkError(protocol, fault);
      const text = printed(err);
      const r = await runCli(['explain', '--json', '-'], { input: text });
      expect(r.code, `${text}\n${r.stderr}`).toBe(0);
      const best = JSON.parse(r.stdout).matches[0];
      expect({ code: best?.code, ...(cause ? { cause: best?.cause } : {}) }, text).toEqual({ code, ...(cause ? { cause } : {}) });
      // The Anthropic SDK's message holds the whole body, request id included; the OpenAI SDK's only the message.
      if (err.requestID && text.includes(err.requestID)) expect(best.details.requestId, text).toBe(err.requestID);
    });
  }
});
