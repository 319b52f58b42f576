import { execFileSync } from 'node:child_process';

// Tests run the built CLI, as users do: build once before the suite so dist/ is never stale.
export default async function setup(): Promise<void> {
  const node = process.env.RUAPI_TEST_NODE;
  if (node) {
    // Another Node line runs the CLI (test/helpers/cli.ts NODE): say which, and stop at once if it cannot run.
    let version: string;
    try {
      version = execFileSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).trim();
    } catch (err) {
      throw new Error(`RUAPI_TEST_NODE=${node} is not a node binary that runs here: ${(err as Error).message}`);
    }
    console.log(`ruapi runs on Node ${version} (RUAPI_TEST_NODE=${node}); vitest on Node ${process.version}`);
  }
  // @ts-expect-error: plain ESM build script, no types
  const { buildAll } = await import('../../scripts/build.mjs');
  await buildAll();
}
