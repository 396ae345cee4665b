import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { findChromium } from './lib/node/browser';
import { bundledCorpusPlugin } from './lib/node/corpus-plugin';
import { DEMO_URL, serveDemo } from './lib/node/demo-server';

const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * The extension's own pages and its service worker run only the scripts packaged with it, load
 * nothing from elsewhere and open no connection at all: what the reader reads stays in the browser
 * (PRIVACY.md). Only dev mode (`npm start`) loosens it, for the dev server (hook below).
 */
const EXTENSION_PAGES_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; connect-src 'none';";

// See https://wxt.dev/api/config.html
export default defineConfig({
  manifestVersion: 3,
  imports: false,
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false }), bundledCorpusPlugin()],
    // Terser, not Vite's default esbuild minifier: 4% smaller output (content script: 16.0 → 15.4 kB
    // gzipped before the page UI moved out, measured on this build), for a script every page
    // compiles. PARALLAX_PROFILE=1 keeps readable function names for a DevTools profile or trace.
    build: process.env.PARALLAX_PROFILE ? { minify: false } : { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3 } } },
  }),
  ...(process.env.PARALLAX_PROFILE && { outDir: '.output-profile' }),
  manifest: ({ browser }) => ({
    name: 'Parallax',
    description:
      'See how other outlets worded the same point, highlighted in place. Runs entirely in your browser.',
    permissions: [
      // storage: per-tab scan results in storage.session, so they outlive an idle service worker;
      // in storage.local, the reader's scanning settings and the backup copy of their own articles
      // (lib/settings.ts, lib/db/backup.ts). Files are exported with a download link and imported
      // with a file input, so neither "downloads" nor "unlimitedStorage" is asked for.
      'storage',
      // contextMenus: the "Cross-reference with Parallax" item on a text selection (issue 5).
      'contextMenus',
    ],
    // Keyboard shortcuts, relayed by the background to the tab's content script
    // (entrypoints/background/page-actions.ts). The reader can rebind them in the browser's
    // extension-shortcut settings; Chromium takes at most four suggested keys.
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show or hide Parallax highlights on the page',
      },
      'cross-reference-selection': {
        suggested_key: { default: 'Alt+Shift+X' },
        description: 'Cross-reference the selected text with Parallax',
      },
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlighted sentence and show how other outlets worded it',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous highlighted sentence',
      },
    },
    icons: Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`])),
    // The page UI (hover card, hit tests, overlay) and the article reading code, imported by the
    // content script when the page first needs them (lib/page/page-ui-loader.ts,
    // page-reading-loader.ts). Chromium's dynamic URL changes every session,
    // so a page cannot probe for Parallax by it; Firefox's extension URLs are random per install.
    web_accessible_resources: [
      {
        resources: ['page-ui.js', 'page-reading.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser !== 'firefox' && { use_dynamic_url: true }),
      },
    ],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // Firefox: a stable id (storage and IndexedDB are kept per id), 140+ for the CSS Custom
    // Highlight API, and the declaration that Parallax collects no data at all.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'parallax@parallax-extension', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  hooks: {
    // `npm start`: the demo page (assets/demo/story.html) is served on 127.0.0.1 before the browser
    // opens on it (webExt.startUrls below), and closed with the dev server.
    'server:created': async (wxt) => {
      const demo = await serveDemo();
      if (demo !== null) wxt.hooks.hook('server:closed', () => void demo.close());
    },
    // Dev mode only: pages load their modules and styles from the local dev server and reload over
    // its socket. A build keeps EXTENSION_PAGES_CSP as it is.
    'build:manifestGenerated': (wxt, manifest) => {
      const server = wxt.server?.origin;
      const csp = manifest.content_security_policy;
      if (wxt.config.command !== 'serve' || server === undefined || typeof csp !== 'object' || csp.extension_pages === undefined) return;
      const dev = `'self' 'unsafe-inline' ${server} ${server.replace(/^http/u, 'ws')}`;
      csp.extension_pages = csp.extension_pages.replace("default-src 'self'", `default-src ${dev}`).replace(" connect-src 'none';", '');
    },
    // Icons live in assets/ with the other artwork; the manifest needs them at fixed paths.
    'build:publicAssets': (_wxt, files) => {
      for (const size of ICON_SIZES) {
        files.push({ absoluteSrc: resolve(import.meta.dirname, `assets/icons/${size}.png`), relativeDest: `icon/${size}.png` });
      }
    },
  },
  // `npm start` opens the system's Chromium (or $CHROME_PATH) with the extension loaded, on the
  // demo page: highlights, the card and the panel at once.
  webExt: {
    startUrls: [DEMO_URL],
    binaries: { chrome: findChromium() ?? 'chromium' },
    // Chromium refuses to start its sandbox as root (containers, CI boxes); elsewhere keep it.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
});
