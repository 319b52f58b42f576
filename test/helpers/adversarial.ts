/**
 * Outside text built to make a regular expression backtrack: about a megabyte each of what the
 * patterns in src/live and src/knowledge look for, repeated without ever completing a match (or
 * completing one at every step). A linear pass over one takes milliseconds; a quadratic one (a
 * pattern that retries the rest of the text at every start, or a reader that rescans what it has
 * read) takes minutes on this size.
 */
const SIZE = 1_000_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

export const ADVERSARIAL: Readonly<Record<string, string>> = {
  // White space and line ends: \s runs, split on lines, SSE blank lines, oneLine.
  spaces: ' '.repeat(SIZE),
  'line feeds': '\n'.repeat(SIZE),
  'CR LF': fill('\r\n'),
  // scanWindow: colour codes, escaped quotes and line breaks.
  backslashes: '\\'.repeat(SIZE),
  'colour code starts': fill('\u001b[' + ';'.repeat(19)),
  // The status contexts of facts.ts.
  digits: '1'.repeat(SIZE),
  'http/1': fill('http/1 '),
  'error code:': fill('error code:   '),
  'status code': fill('status_code   '),
  'error words': fill('error aaaaaaaaaaaaaaaaaaaaaaaaaa'),
  'table cells': fill('|  404  |  '),
  'status numbers': fill('404 '),
  'returned code': fill('returned an http status code '),
  状态码: fill('状态码'),
  // Types, codes, messages, classes, errnos.
  '"type":': fill('"type": "' + 'a'.repeat(63)),
  '"code":': fill('"code": "A' + 'a'.repeat(62)),
  'message:"': fill('message:"'),
  'message with escapes': fill('"message": "' + '\\.'.repeat(10)),
  "'message':": fill("'message': '"),
  'Error: lines': fill(`Error: ${'x'.repeat(50)}\n`),
  'class names': fill(`A${'a'.repeat(40)}`),
  'Error classes': fill('AaaaError'),
  'errno prefixes': fill('UND_ERR_'),
  // Models, URLs, paths.
  'model `': fill('model `'),
  'model "': fill('model "'),
  'model:': fill('model: a'),
  'for model': fill('for model a'),
  'for … in': fill('for a in '),
  模型: fill('模型 '),
  'http://': fill('http://'),
  'https://a': fill('https://a'),
  'POST /': fill('POST /'),
  // Request ids.
  'request id:': fill('request id: '),
  'prefix-request': fill('aaaaaaaaaaaaaaaaaaaa-request'),
  'long labelled ids': fill(`x-request-id: a${'1'.repeat(130)}`),
  req_: fill('req_'),
  'log lines': fill('2024/04/03 - 23:13:25 | '),
  // HTML.
  '<': fill('<'),
  '<title': fill('<title'),
  '<title>': fill('<title>'),
  '<html': fill('<html'),
  // Streams: one endless event, empty events, broken JSON that looks like an error or an end.
  'data lines': fill('data: x\n'),
  'empty events': fill('data:\n\n'),
  'broken error events': fill('data: {"error"\n\n'),
  'broken end events': fill('data: {"type":"message_stop"\n\n'),
  'error events': fill('event: error\ndata: {\n\n'),
  // JSON and workflow commands.
  '{"error":': fill('{"error":'),
  quotes: fill('"'),
  colons: fill(':'),
  'indented ::': fill('  ::'),
};

/** How long `fn` took, in ms. */
export function took(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

/**
 * The bound for one pass over one input: generous (two cores shared with other test runs), and
 * still a thousand times below what a quadratic pass takes.
 */
export const LINEAR_MS = 1500;
