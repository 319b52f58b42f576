import { UsageError } from '../../core/exit.js';
import { isTerminal } from '../../core/session.js';
import { UI } from '../../lang/en/ui.js';
import { messages } from '../../lang/t.js';

const t = messages(UI);

/** Whatever is piped with --key-stdin: a key is short, so more than this is not one. */
const MAX_STDIN_BYTES = 1024 * 1024;
const STDIN_WAIT_MS = 10_000;

/**
 * The key from standard input: all of it, less one final line break (what `echo` adds); anything
 * else, spaces included, is kept for the whitespace check to report. Refuses a terminal (the key
 * would be echoed as typed) and gives up on a pipe that stays silent.
 */
export async function readKeyFromStdin(): Promise<string> {
  if (isTerminal(0)) {
    throw new UsageError(t('ui.stdin.terminal'));
  }
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err?: Error) => {
      clearTimeout(timer);
      stdin.removeAllListeners('data').removeAllListeners('end');
      stdin.pause();
      if (err) {
        stdin.destroy();
        reject(err);
      } else {
        resolve(Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, ''));
      }
    };
    const timer = setTimeout(() => {
      stop(new UsageError(t(size === 0 ? 'ui.stdin.nothing' : 'ui.stdin.open', { s: STDIN_WAIT_MS / 1000 })));
    }, STDIN_WAIT_MS);
    stdin.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_STDIN_BYTES) stop(new UsageError(t('ui.stdin.too-much')));
      else chunks.push(chunk);
    });
    stdin.on('end', () => stop());
    stdin.on('error', (err) => stop(new UsageError(t('ui.stdin.error', { error: err.message }))));
  });
}
