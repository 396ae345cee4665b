import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { bundledCorpusPlugin } from './lib/node/corpus-plugin';

// Unit and component tests. lib/ is tested in plain Node (it must run there: CLI, benchmark);
// components and entrypoint logic in happy-dom. End-to-end tests have their own config
// (vitest.e2e.config.ts) because they need the built extension and a real Chromium.
export default defineConfig({
  plugins: [WxtVitest(), preact({ prefreshEnabled: false }), bundledCorpusPlugin()],
  test: {
    // No test asserts a wall-clock time through its timeout (growth checks compare ratios of runs
    // of tens of ms): on a busy machine (CI beside other work, a build in parallel) parsing every
    // source or building a 100,000-element page takes well past the default 5 s.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'lib',
          environment: 'node',
          include: ['tests/lib/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/eval/**/*.test.ts'],
          exclude: ['tests/lib/properties/**'],
        },
      },
      {
        extends: true,
        test: {
          // Property tests, some of which time growth on large inputs (only the ratio of times is
          // asserted: tests/lib/properties/growth.ts).
          name: 'properties',
          environment: 'node',
          include: ['tests/lib/properties/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/components/**/*.test.tsx', 'tests/entrypoints/**/*.test.ts', 'tests/dom/**/*.test.ts'],
          setupFiles: ['tests/setup-dom.ts'],
        },
      },
    ],
  },
});
