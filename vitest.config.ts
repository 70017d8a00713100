import { defineConfig } from 'vitest/config';

/**
 * `npm test`: unit tests beside the code and integration tests over real HTTP, on the embedded
 * database — or on PostgreSQL and Redis when `DATABASE_URL` / `REDIS_URL` are set.
 */
export default defineConfig({
  test: {
    include: [
      'shared/src/**/*.test.ts',
      'server/src/**/*.test.ts',
      'client/src/**/*.test.ts',
      'test/integration/**/*.test.ts',
    ],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
