import type { Node, ParseError } from 'jsonc-parser';
import { CONFIG } from '../../lang/en/config.js';
import { messages } from '../../lang/t.js';
import { kindOfError, positionAt, where, type DataPath, type Parsed } from './parsed.js';

const t = messages(CONFIG);

/** jsonc-parser's error code in words (`config.parse.<code>`), else as the parser names it. */
function inWords(code: string): string {
  const id = `config.parse.${code}`;
  return id in CONFIG ? t(id as keyof typeof CONFIG) : kindOfError(code);
}

/**
 * JSON with comments and trailing commas (opencode.jsonc, Qwen Code's settings.json), or strict
 * JSON with `strict` (Claude Code's settings). jsonc-parser gives every node's offset, hence lines.
 */
export function parseJsonc(text: string, { strict = false }: { strict?: boolean } = {}): Parsed {
  const jsonc = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { allowTrailingComma: !strict, disallowComments: strict, allowEmptyContent: true });
  const first = errors[0];
  if (first) {
    const name = jsonc.printParseErrorCode(first.error);
    return { error: t(strict ? 'config.parse.json' : 'config.parse.jsonc', { reason: inWords(name), at: where(positionAt(text, first.offset)) }) };
  }
  if (!tree) return { data: undefined, at: () => undefined };
  return {
    data: jsonc.getNodeValue(tree),
    at: (path: DataPath) => {
      const node: Node | undefined = jsonc.findNodeAtLocation(tree, [...path]);
      // The member's key, where there is one: that is the line a user looks for.
      const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return node ? positionAt(text, (key ?? node).offset) : undefined;
    },
  };
}
