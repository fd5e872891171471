import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    // Migrates once per run (a PGlite image, or a PostgreSQL template database) for all test files.
    globalSetup: ['test/helpers/global-setup.ts'],
    // Two cores: two workers keep PGlite's memory and CPU in check.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
