import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most tests wait on a process they started (ruapi, a real client, a terminal): vitest's default
    // of one worker per core but one runs them one file at a time on a 2-core machine.
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
