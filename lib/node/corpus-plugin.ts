/**
 * The bundled corpus is built from seeds/ when the extension is built (and when tests run), not on
 * every browser start: the background imports it as `virtual:parallax-corpus`, a module holding the
 * finished Corpus, and seeds IndexedDB from it on install and update.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildCorpus } from '../corpus/build';
import { DEFAULT_PARAMS } from '../match/params';
import { storyKeywords } from '../match/story-keywords';
import { readSeeds } from './seeds';

export const CORPUS_MODULE = 'virtual:parallax-corpus';
/** The cheap gate's keywords, derived from the same corpus (lib/match/story-keywords.ts), for the content script. */
export const KEYWORDS_MODULE = 'virtual:parallax-story-keywords';
const RESOLVED_ID = `\0${CORPUS_MODULE}`;
const RESOLVED_KEYWORDS_ID = `\0${KEYWORDS_MODULE}`;

export function bundledCorpusPlugin(seedsDir = resolve(import.meta.dirname, '../../seeds')): Plugin {
  return {
    name: 'parallax:bundled-corpus',
    resolveId(source) {
      if (source === CORPUS_MODULE) return RESOLVED_ID;
      return source === KEYWORDS_MODULE ? RESOLVED_KEYWORDS_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID && id !== RESOLVED_KEYWORDS_ID) return undefined;
      const inputs = readSeeds(seedsDir);
      for (const input of inputs) this.addWatchFile(resolve(seedsDir, input.file));
      this.addWatchFile(resolve(seedsDir, 'sources.json'));
      const corpus = buildCorpus(inputs);
      if (id === RESOLVED_KEYWORDS_ID) return `export default ${JSON.stringify(storyKeywords(corpus, DEFAULT_PARAMS))};`;
      // JSON.parse of a string literal is faster to load than the equivalent object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(corpus))});`;
    },
  };
}
