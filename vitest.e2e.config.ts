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
    // CI shares two cores with the server and Chromium; a journey that fails once is run once more
    // (a real defect fails both times). Locally every failure shows at once.
    retry: process.env.CI ? 1 : 0,
  },
});
