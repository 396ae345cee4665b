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
    projects: [
      {
        extends: true,
        test: {
          name: 'lib',
          environment: 'node',
          include: ['tests/lib/**/*.test.ts', 'tests/cli/**/*.test.ts'],
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
