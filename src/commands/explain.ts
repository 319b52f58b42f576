import { EXIT, UsageError } from '../core/exit.js';
import { Output } from '../core/output.js';
import { processSession, terminalWidth } from '../core/session.js';
import { explainInput } from '../knowledge/index.js';
import { wrapText } from '../core/wrap.js';
import { CLI_EXPLAIN } from '../lang/en/cli-explain.js';
import { messages } from '../lang/t.js';
import { useChosenLanguage } from './language.js';
import { ENGLISH, localize, renderExplainHuman, renderExplainJson, renderNoMatch } from '../report/explain.js';
import type { CommandContext } from './context.js';

/** For src/cli.ts, which loads nothing but this chunk on an explain run. */
export { reportError } from '../core/exit.js';

/** Standard input kept: the first 64 KB and the last 16 MB (the matcher reads less; the end matters most). */
const STDIN_HEAD_BYTES = 64 * 1024;
const STDIN_TAIL_BYTES = 16 * 1024 * 1024;
const t = messages(CLI_EXPLAIN);

/** Reads all of standard input, dropping the middle of a huge paste instead of holding it in memory. */
async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const head: Buffer[] = [];
  let headBytes = 0;
  const tail: Buffer[] = [];
  let tailBytes = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (headBytes < STDIN_HEAD_BYTES) {
      head.push(buf);
      headBytes += buf.length;
      continue;
    }
    tail.push(buf);
    tailBytes += buf.length;
    while (tail.length > 1 && tailBytes - (tail[0] as Buffer).length >= STDIN_TAIL_BYTES) tailBytes -= (tail.shift() as Buffer).length;
  }
  return Buffer.concat([...head, ...tail]).toString('utf8');
}

export async function run(input: string[], opts: { json?: boolean; color?: boolean; lang?: string }, _ctx: CommandContext): Promise<number> {
  const out = new Output(processSession({ noColor: opts.color === false }));
  const lang = await useChosenLanguage(opts.lang, process.env, 'explain');
  let text: string;
  const fromStdin = input.length === 0 || (input.length === 1 && input[0] === '-');
  if (fromStdin) {
    if (input.length === 0 && process.stdin.isTTY) {
      throw new UsageError(t('cli.explain.nothing'));
    }
    if (process.stdin.isTTY) out.err(`${t('cli.explain.paste')}\n`);
    text = await readStdin();
    if (!text.trim()) throw new UsageError(t('cli.explain.stdin-empty'));
  } else {
    text = input.join(' ');
    if (!text.trim()) throw new UsageError(t('cli.explain.blank'));
  }

  const { kind, explanation } = explainInput(text);
  // The Russian text loads only when Russian is chosen.
  const texts = lang === 'ru' ? (await import('../report/ru/explain.js')).russianTexts() : ENGLISH;
  // What the paste said reaches the renderers without its control characters.
  const result = localize(out.cleanDeep(explanation), texts);
  const c = out.session.color('stdout');
  if (opts.json) out.out(renderExplainJson(result.matches, kind, result.ambiguous));
  else {
    const width = terminalWidth(out.session);
    out.out(wrapText(result.matches.length ? renderExplainHuman(result, kind, c, texts) : renderNoMatch(kind, c, texts.words), width));
  }
  return result.matches.length ? EXIT.ok : EXIT.problem;
}
