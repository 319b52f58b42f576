import type { ChalkInstance } from 'chalk';

/**
 * A stand-in for chalk with colour off: every style is the identity. Output without colour (pipes,
 * CI, NO_COLOR) then never loads chalk, which keeps `ruapi explain | …` start-up near bare node.
 */
export const plain: ChalkInstance = new Proxy(
  Object.assign((...text: unknown[]) => text.join(' '), { level: 0 }) as unknown as ChalkInstance,
  { get: (target, prop) => (prop === 'level' ? 0 : prop in target ? Reflect.get(target, prop) : plain) },
);

/**
 * Colour for one output stream. FORCE_COLOR wins (FORCE_COLOR=0 turns colour off), then NO_COLOR
 * and `--no-color`, then: colour only when the stream is a terminal that has it (TERM=dumb has
 * none), as deep as that terminal says (Node's getColorDepth reads TERM and COLORTERM for this
 * very stream; chalk's own guess looks at stdout, whatever the stream).
 */
export function colorFor(stream: { isTTY?: boolean; getColorDepth?: () => number }, opts: { noColor?: boolean } = {}): ChalkInstance {
  const env = process.env;
  let level: 0 | 1 | 2 | 3 = 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') {
    const n = Number(env.FORCE_COLOR);
    level = env.FORCE_COLOR === 'true' ? 1 : Number.isFinite(n) ? (Math.min(3, Math.max(0, Math.trunc(n))) as 0 | 1 | 2 | 3) : 1;
  } else if (opts.noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) {
    level = 0;
  } else if (stream.isTTY) {
    const depth = typeof stream.getColorDepth === 'function' ? stream.getColorDepth() : 4;
    level = depth >= 24 ? 3 : depth >= 8 ? 2 : depth >= 4 ? 1 : 0;
  }
  if (level === 0) return plain;
  // Loaded on first use only: the bundle wraps it so that nothing of chalk runs before this call.
  const { Chalk } = require('chalk') as typeof import('chalk');
  return new Chalk({ level });
}
