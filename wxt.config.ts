import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { findChromium } from './lib/node/browser';
import { bundledCorpusPlugin } from './lib/node/corpus-plugin';

const ICON_SIZES = [16, 32, 48, 128] as const;

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  imports: false,
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false }), bundledCorpusPlugin()],
  }),
  manifest: {
    name: 'Parallax',
    description:
      'See how other outlets worded the same point, highlighted in place. Runs entirely in your browser.',
    // storage: per-tab scan results in storage.session, so they outlive an idle service worker.
    permissions: ['storage'],
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`])),
  },
  hooks: {
    // Icons live in assets/ with the other artwork; the manifest needs them at fixed paths.
    'build:publicAssets': (_wxt, files) => {
      for (const size of ICON_SIZES) {
        files.push({ absoluteSrc: resolve(import.meta.dirname, `assets/icons/${size}.png`), relativeDest: `icon/${size}.png` });
      }
    },
  },
  // `npm start` opens the system's Chromium (or $CHROME_PATH) with the extension loaded.
  webExt: {
    binaries: { chrome: findChromium() ?? 'chromium' },
  },
});
