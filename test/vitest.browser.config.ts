import { defineConfig } from 'vitest/config';

/** `npm run test:browser`: end-to-end tests in Debian's Chromium, against the built client. */
export default defineConfig({
  root: `${import.meta.dirname}/..`,
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // A page on a busy machine takes more than the one-second default to settle.
    expect: { poll: { timeout: 15_000 } },
    fileParallelism: false,
  },
});
