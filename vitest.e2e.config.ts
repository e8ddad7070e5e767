import { defineConfig } from 'vitest/config';

// Browser e2e: playwright-core drives Debian's Chromium against the web shell. One file at a time (2 cores).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    testTimeout: 120000,
    hookTimeout: 120000,
    pool: 'forks',
    fileParallelism: false,
  },
});
