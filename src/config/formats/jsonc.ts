import type { Node, ParseError } from 'jsonc-parser';
import { kindOfError, positionAt, where, type DataPath, type Parsed } from './parsed.js';

/** jsonc-parser's error codes in words. */
const ERRORS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character (a value without quotes, or a stray character)',
  InvalidNumberFormat: 'a number written wrongly',
  PropertyNameExpected: 'a property name is missing',
  ValueExpected: 'a value is missing',
  ColonExpected: 'a colon is missing',
  CommaExpected: 'a comma is missing',
  CloseBraceExpected: 'a closing brace is missing',
  CloseBracketExpected: 'a closing bracket is missing',
  EndOfFileExpected: 'there is text after the end',
  InvalidCommentToken: 'a comment, which this file may not have',
  UnexpectedEndOfComment: 'a comment that is never closed',
  UnexpectedEndOfString: 'a string that is never closed',
  UnexpectedEndOfNumber: 'a number that ends too early',
  InvalidUnicode: 'a bad \\u escape',
  InvalidEscapeCharacter: 'a bad escape character',
  InvalidCharacter: 'a character a string may not hold',
};

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
    return { error: `it is not valid ${strict ? 'JSON' : 'JSON (comments allowed)'}: ${ERRORS[name] ?? kindOfError(name)} ${where(positionAt(text, first.offset))}` };
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
