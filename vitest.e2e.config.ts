import { configDefaults, defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/chrome-mv3, made by `wxt build` in `npm run
// test:e2e`) loaded into a real headless Chromium, driving pages served on 127.0.0.1.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    // tests/build checks the built files themselves (no browser needed, but the build).
    include: ['tests/e2e/**/*.e2e.ts', 'tests/build/**/*.test.ts'],
    // Firefox's have a run of their own (vitest.firefox.config.ts).
    exclude: [...configDefaults.exclude, 'tests/e2e/firefox/**'],
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    // One browser at a time: each test file launches its own Chromium, and CI machines have two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
