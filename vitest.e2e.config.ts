import { defineConfig } from 'vitest/config';

/**
 * Playwright journeys in real Chromium (`npm run e2e` starts the server first; see scripts/e2e.mjs).
 * One file at a time, one worker: the journeys share one server and its lockout counters.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
