import { defineConfig } from 'vitest/config';

// End-to-end tests of the Firefox build (.output/firefox-mv3, made by `wxt build -b firefox --mv3`
// in `npm run test:e2e:firefox`) loaded into a real headless Firefox, driving the same pages on
// 127.0.0.1 as the Chromium tests (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    name: 'e2e-firefox',
    environment: 'node',
    include: ['tests/e2e/firefox/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/harness/firefox-setup.ts'],
    // One browser at a time, as in the Chromium run: CI machines have two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
