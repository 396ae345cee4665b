/**
 * The bundled corpus is built from seeds/ when the extension is built (and when tests run), not on
 * every browser start: the background imports it as `virtual:parallax-corpus`, a module holding the
 * finished Corpus, and seeds IndexedDB from it on install and update. The matcher's index of that
 * corpus is built then too (`virtual:parallax-index`, lib/match/index-store.ts's stored form, as
 * JSON), over the corpus in the order the database gives it back, so that the first wake after
 * install loads it instead of building it.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildCorpus } from '../corpus/build';
import { DEFAULT_PARAMS } from '../match/params';
import { storyKeywords } from '../match/story-keywords';
import { inStoredOrder } from '../db/seed';
import { storedIndexToJson } from '../match/index-store';
import { Matcher } from '../match/matcher';
import { readSeeds } from './seeds';

export const CORPUS_MODULE = 'virtual:parallax-corpus';
export const INDEX_MODULE = 'virtual:parallax-index';
/** The cheap gate's keywords, derived from the same corpus (lib/match/story-keywords.ts), for the content script. */
export const KEYWORDS_MODULE = 'virtual:parallax-story-keywords';
const RESOLVED = new Map([
  [CORPUS_MODULE, `\0${CORPUS_MODULE}`],
  [INDEX_MODULE, `\0${INDEX_MODULE}`],
  [KEYWORDS_MODULE, `\0${KEYWORDS_MODULE}`],
]);

export function bundledCorpusPlugin(seedsDir = resolve(import.meta.dirname, '../../seeds')): Plugin {
  return {
    name: 'parallax:bundled-corpus',
    resolveId(source) {
      return RESOLVED.get(source);
    },
    load(id) {
      if (![...RESOLVED.values()].includes(id)) return undefined;
      const inputs = readSeeds(seedsDir);
      for (const input of inputs) this.addWatchFile(resolve(seedsDir, input.file));
      this.addWatchFile(resolve(seedsDir, 'sources.json'));
      const corpus = buildCorpus(inputs);
      if (id === RESOLVED.get(KEYWORDS_MODULE)) return `export default ${JSON.stringify(storyKeywords(corpus, DEFAULT_PARAMS))};`;
      // JSON.parse of a string literal is faster to load than the equivalent object literal.
      if (id === RESOLVED.get(CORPUS_MODULE)) return `export default JSON.parse(${JSON.stringify(JSON.stringify(corpus))});`;
      const index = Matcher.fromCorpus(inStoredOrder(corpus)).storedIndex();
      return [
        `import { storedIndexFromJson } from ${JSON.stringify(resolve(import.meta.dirname, '../match/index-store.ts'))};`,
        `export default storedIndexFromJson(JSON.parse(${JSON.stringify(storedIndexToJson(index))}));`,
      ].join('\n');
    },
  };
}
