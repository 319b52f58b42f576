import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { withoutHumanText } from '../helpers/lang.js';
import { runScenario, scenariosWithSimulator } from '../helpers/scenarios.js';

/**
 * The runs of test/e2e/english.test.ts again in Russian (#18): each must exit as the English one
 * does, say nothing in English prose (code, commands, names and what a gateway said excepted),
 * and with --json differ from the English run only in the fields README lists as human text.
 */
// A simulator for the live scenarios, started before the first and stopped after the last.
const ALL = scenariosWithSimulator();
const golden = (name: string) => readFileSync(path.join(ROOT, 'fixtures/golden/en', `${name}.txt`), 'utf8');

const stdoutOf = (text: string) => text.slice(text.indexOf('--- stdout\n') + 11, text.indexOf('\n--- stderr'));

/**
 * English prose left in Russian output: three or more English words in a row, once code, commands,
 * quotations, URLs, paths, flags and names are taken out.
 */
export function englishProse(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/`[^`\n]*`/g, ' ')
      .replace(/«[^»\n]*»|"[^"\n]*"|'[^'\n]*'/g, ' ')
      .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ')
      .replace(/(?:^|\s)(?:--?[\w-]+|[\w.~-]*\/[\w./~-]*|\$\S+|[A-Z][A-Z0-9]*_[A-Z0-9_]+=?\S*)/g, ' ')
      .replace(/\b(?:OpenAI|Anthropic|Claude Code|Codex|Python|Node|TypeScript|JavaScript|SDK|LangChain|LiteLLM|Vercel AI SDK|Continue|aider|opencode|Qwen Code|curl|RuAPI|ruapi)\b/g, ' ');
    if (/^\s*(?:\$ |import |from |const |client|reply|curl |-H |-d |export |set |\{|\}|"|<|\[|model|env|base_url|api_key|wire_api|name|#)/.test(raw)) continue;
    // Three words in a row within a column, two of them lower-case words: "The base URL lacks", "the environment is".
    const prose = line.split(/\s{2,}/).some((cell) => {
      let run: string[] = [];
      for (const token of cell.split(' ')) {
        if (/^[A-Za-z][A-Za-z']*[.:;]?$/.test(token)) run.push(token);
        else run = [];
        if (run.length >= 3 && run.slice(-3).filter((w) => /^[a-z]{2,}/.test(w)).length >= 2) return true;
      }
      return false;
    });
    if (prose) found.push(raw.trim());
  }
  return found;
}

describe('ruapi in Russian', () => {
  it('would see English prose: the detector flags the English runs', () => {
    expect(englishProse(golden('openai-missing-v1.human')).length).toBeGreaterThanOrEqual(10);
    expect(englishProse(golden('live-openai-401')).length).toBeGreaterThan(5);
    expect(englishProse('  ✗ Ключ  sk-…dOxW  (стандартный ввод (--key-stdin))\n    client = OpenAI(base_url="https://www.ruapi.ai/v1")')).toEqual([]);
  });

  it.each(Object.keys(ALL))('%s', async (name) => {
    const { text } = await runScenario(ALL[name]!, 'ru');
    const en = golden(name);
    expect(text.split('\n')[0], 'the exit code').toBe(en.split('\n')[0]);
    if (name.endsWith('.json') || name.endsWith('-json')) {
      const said: string[] = [];
      const json = (t: string) => JSON.parse(stdoutOf(t).replace(/<t>/g, '0')) as unknown;
      expect(withoutHumanText(json(text), said)).toEqual(withoutHumanText(json(en)));
      expect(englishProse(said.filter((t) => !t.includes('\n')).join('\n')), 'English in the human-text fields').toEqual([]);
      return;
    }
    expect(englishProse(text)).toEqual([]);
  });
});
