import { defineConfig } from 'vitest/config';

/** Unit and integration tests run in Node; e2e tests have their own runner (tests/e2e). */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
