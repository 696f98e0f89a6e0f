// Browser tests: the built extension in Debian's Chromium (playwright-core) and Firefox ESR
// (puppeteer-core). Files run one after another: each starts its own browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
