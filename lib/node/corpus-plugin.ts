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
import { buildCorpus, type SeedInput } from '../corpus/build';
import { DEFAULT_PARAMS } from '../match/params';
import { storyKeywords } from '../match/story-keywords';
import { inStoredOrder } from '../db/seed';
import { storedIndexToJson } from '../match/index-store';
import { Matcher } from '../match/matcher';
import type { Corpus } from '../types';
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

/**
 * The source of one of the build's corpus modules (CORPUS_MODULE, INDEX_MODULE, KEYWORDS_MODULE),
 * made from the seeds in `seedsDir`. The corpus is built once for all three while the seeds stay
 * as they were (a build asks for each module; a watched rebuild after a seed edit builds again).
 */
export function corpusModuleSource(module: string, seedsDir: string): string {
  const corpus = corpusOf(readSeeds(seedsDir));
  if (module === KEYWORDS_MODULE) return `export default ${JSON.stringify(storyKeywords(corpus, DEFAULT_PARAMS))};`;
  // JSON.parse of a string literal is faster to load than the equivalent object literal.
  if (module === CORPUS_MODULE) return `export default JSON.parse(${JSON.stringify(JSON.stringify(corpus))});`;
  if (module !== INDEX_MODULE) throw new Error(`${module} is not one of the bundled corpus modules`);
  const index = Matcher.fromCorpus(inStoredOrder(corpus)).storedIndex();
  return [
    `import { storedIndexFromJson } from ${JSON.stringify(resolve(import.meta.dirname, '../match/index-store.ts'))};`,
    `export default storedIndexFromJson(JSON.parse(${JSON.stringify(storedIndexToJson(index))}));`,
  ].join('\n');
}

let built: { seeds: string; corpus: Corpus } | null = null;

function corpusOf(inputs: SeedInput[]): Corpus {
  const seeds = JSON.stringify(inputs);
  if (built?.seeds !== seeds) built = { seeds, corpus: buildCorpus(inputs) };
  return built.corpus;
}

export function bundledCorpusPlugin(seedsDir = resolve(import.meta.dirname, '../../seeds')): Plugin {
  return {
    name: 'parallax:bundled-corpus',
    resolveId(source) {
      return RESOLVED.get(source);
    },
    load(id) {
      const module = [...RESOLVED].find(([, resolved]) => resolved === id)?.[0];
      if (module === undefined) return undefined;
      for (const input of readSeeds(seedsDir)) this.addWatchFile(resolve(seedsDir, input.file));
      this.addWatchFile(resolve(seedsDir, 'sources.json'));
      return corpusModuleSource(module, seedsDir);
    },
  };
}
