import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulate/server.js';
import { ROOT } from '../helpers/cli.js';
import { runScenario, scenarios } from '../helpers/scenarios.js';

/**
 * The runs of test/e2e/english.test.ts again in Russian (#18): each must exit as the English one
 * does, say nothing in English prose (code, commands, names and what a gateway said excepted),
 * and with --json differ from the English run only in the fields README lists as human text.
 */
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ slowMs: 1500 });
});
afterAll(async () => {
  await sim?.close();
});

const ALL = scenarios({ get openaiBaseUrl() { return sim.openaiBaseUrl; }, get anthropicBaseUrl() { return sim.anthropicBaseUrl; }, get key() { return sim.key; }, get faultKeys() { return sim.faultKeys; } });
const golden = (name: string) => readFileSync(path.join(ROOT, 'fixtures/golden/en', `${name}.txt`), 'utf8');

/** The JSON fields whose text follows the language (README, "Languages"); every other byte is the same. */
export const HUMAN_FIELDS = {
  finding: ['title', 'message', 'fix', 'source'],
  check: ['title'],
  client: ['summary', 'foundBy', 'sources'],
  setup: ['where', 'text'],
  step: ['label', 'detail'],
  sources: ['baseUrl', 'key', 'model', 'protocol'],
} as const;

type Json = Record<string, unknown>;
const drop = (o: unknown, keys: readonly string[]) => {
  if (o && typeof o === 'object') for (const k of keys) delete (o as Json)[k];
};
/** The JSON with the human-text fields taken out. */
function scriptFields(text: string): unknown {
  const d = JSON.parse(text.replace(/<t>/g, '0')) as Json;
  const each = (list: unknown, keys: readonly string[]) => (Array.isArray(list) ? list : []).forEach((x) => drop(x, keys));
  each(d.findings, HUMAN_FIELDS.finding);
  each(d.checks, HUMAN_FIELDS.check);
  for (const c of (d.clients as Json[] | undefined) ?? []) {
    drop(c, HUMAN_FIELDS.client);
    drop(c.setup, HUMAN_FIELDS.setup);
    each(c.findings, HUMAN_FIELDS.finding);
  }
  for (const l of (d.live as Json[] | undefined) ?? []) each(l.steps, HUMAN_FIELDS.step);
  for (const c of [d.config, ...((d.configs as unknown[] | undefined) ?? [])]) drop((c as Json | undefined)?.sources, HUMAN_FIELDS.sources);
  return d;
}
const stdoutOf = (text: string) => text.slice(text.indexOf('--- stdout\n') + 11, text.indexOf('\n--- stderr'));

/**
 * English prose left in Russian output: four or more English words in a row, once code, commands,
 * quotations, URLs, paths, flags and names are taken out.
 */
export function englishProse(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/`[^`\n]*`/g, ' ')
      .replace(/«[^»\n]*»|"[^"\n]*"|'[^'\n]*'/g, ' ')
      .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
      .replace(/(?:^|\s)(?:--?[\w-]+|[\w.~-]*\/[\w./~-]*|\$\S+|[A-Z][A-Z0-9_]+=?\S*)/g, ' ')
      .replace(/\b(?:OpenAI|Anthropic|Claude Code|Codex|Python|Node|TypeScript|JavaScript|SDK|LangChain|LiteLLM|Vercel AI SDK|Continue|aider|opencode|Qwen Code|curl|RuAPI|ruapi)\b/g, ' ');
    if (/^\s*(?:\$ |import |from |const |client|reply|curl |-H |-d |export |set |\{|\}|"|<|\[|model|env|base_url|api_key|wire_api|name|#)/.test(raw)) continue;
    const run = /(?:^|[^A-Za-zА-Яа-яЁё])((?:[A-Za-z][a-z]+[,.:]? ){3}[A-Za-z][a-z]+)/.exec(line);
    if (run) found.push(raw.trim());
  }
  return found;
}

describe('ruapi in Russian', () => {
  it.each(Object.keys(ALL))('%s', async (name) => {
    const { text } = await runScenario(ALL[name]!, 'ru');
    const en = golden(name);
    expect(text.split('\n')[0], 'the exit code').toBe(en.split('\n')[0]);
    if (name.endsWith('.json') || name.endsWith('-json')) {
      expect(scriptFields(stdoutOf(text))).toEqual(scriptFields(stdoutOf(en)));
      return;
    }
    expect(englishProse(text)).toEqual([]);
  });
});
