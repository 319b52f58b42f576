import { Chalk, supportsColor, type ChalkInstance } from 'chalk';

/**
 * Colour for one output stream. FORCE_COLOR wins (FORCE_COLOR=0 turns colour off), then NO_COLOR
 * and `--no-color`, then: colour only when the stream is a terminal.
 */
export function colorFor(stream: NodeJS.WriteStream, opts: { noColor?: boolean } = {}): ChalkInstance {
  const env = process.env;
  let level: 0 | 1 | 2 | 3 = 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') {
    const n = Number(env.FORCE_COLOR);
    level = env.FORCE_COLOR === 'true' ? 1 : Number.isFinite(n) ? (Math.min(3, Math.max(0, n)) as 0 | 1 | 2 | 3) : 1;
  } else if (opts.noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) {
    level = 0;
  } else if (stream.isTTY) {
    level = supportsColor ? supportsColor.level : 1;
  }
  return new Chalk({ level });
}
