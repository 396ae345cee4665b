/**
 * The content script's size by module: what each source file adds to the minified bundle, so a
 * change that pulls a heavy module into every page shows up by name. esbuild bundles the same
 * entry the build does (minified, iife) and its metafile gives each input's bytes in the output;
 * WXT's Vite build of it differs by a few percent (its wrapper, a different minifier), so the
 * totals of both are printed, the built one from .output when a build is there.
 *
 * Run: npm run size   (after `npx wxt build` for the built figures)
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { corpusModuleSource, KEYWORDS_MODULE } from '../../lib/node/corpus-plugin';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT = resolve(ROOT, '.output/chrome-mv3');

/** The build's story keywords module, made here by the build's own code (lib/node/corpus-plugin.ts). */
const storyKeywordsModule: Plugin = {
  name: 'parallax-story-keywords',
  setup(bundler) {
    bundler.onResolve({ filter: new RegExp(`^${KEYWORDS_MODULE}$`) }, (args) => ({ path: args.path, namespace: 'parallax' }));
    bundler.onLoad({ filter: /.*/, namespace: 'parallax' }, () => ({
      contents: corpusModuleSource(KEYWORDS_MODULE, resolve(ROOT, 'seeds')),
      loader: 'js',
    }));
  },
};

async function bundleFigures(entry: string) {
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    metafile: true,
    loader: { '.css': 'empty' },
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    logLevel: 'error',
    plugins: [storyKeywordsModule],
    // What WXT defines for a production build of a content script.
    define: { 'import.meta.env.MODE': '"production"', 'import.meta.env.BROWSER': '"chrome"', 'import.meta.env.MANIFEST_VERSION': '3' },
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const text = result.outputFiles[0]!.text;
  const modules = Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { raw: text.length, gzip: gzipSync(text, { level: 9 }).length, modules };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

for (const [label, entry, built] of [
  ['content script', 'entrypoints/content/index.ts', 'content-scripts/content.js'],
  ['page reading, loaded once the cheap gate lets a page through', 'entrypoints/page-reading.ts', 'page-reading.js'],
  ['page UI, loaded when first needed', 'entrypoints/page-ui.ts', 'page-ui.js'],
] as const) {
  const figures = await bundleFigures(entry);
  const builtPath = resolve(BUILT, built);
  const builtText = existsSync(builtPath) ? readFileSync(builtPath) : null;
  console.log(`\n${label} (${entry})`);
  console.log(`  esbuild bundle: ${kB(figures.raw)}, ${kB(figures.gzip)} gzipped`);
  console.log(builtText === null ? '  built: no build in .output (npx wxt build)' : `  built (${built}): ${kB(builtText.length)}, ${kB(gzipSync(builtText, { level: 9 }).length)} gzipped`);
  for (const m of figures.modules) console.log(`  ${String(m.bytes).padStart(7)}  ${m.path}`);
}
