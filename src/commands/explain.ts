import type { CommandContext } from './register.js';
export async function run(input: string[], _opts: { json?: boolean }, _ctx: CommandContext): Promise<number> {
  process.stdout.write(`explain: not built yet (${input.join(' ')})\n`);
  return 0;
}
