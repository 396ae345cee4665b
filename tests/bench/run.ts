/**
 * `npm run bench`: how long matching takes, in Node, next to the plain-Fuse.js baseline.
 *
 *  - cold start: build the corpus from seeds/ (sentences, roles, quotes, points), parse the built
 *    corpus from JSON (what the extension does with the bundled corpus), seed it into IndexedDB and
 *    read it back (what a restarted service worker does; fake-indexeddb here, so an in-memory
 *    stand-in for the browser's store), build the matcher's index;
 *  - a typical article (~1,000 words) and a long page (~20,000 words), written from the dev set's
 *    sentences (on- and off-story), scanned against the seed corpus and against a corpus grown 100×
 *    with generated articles;
 *  - heap used by the corpus and the index;
 *  - the stored index (lib/match/index-store.ts) that a woken service worker loads instead of
 *    building: its size, how long it takes to make, to load, and to read from IndexedDB and load,
 *    and its memory, at 1× and 100×, beside the build in the same run; the longest task of making
 *    it in slices (what the background does after a rebuild).
 * Times are medians over repeated runs after untimed warm-up runs (the first run, with cold caches
 * and code not yet optimized, is reported too). The
 * Fuse.js baseline is timed on a sample of sentences where a whole page would take minutes; the
 * table says so.
 */
import 'fake-indexeddb/auto';
import { ParallaxDB } from '../../lib/db/database';
import { loadMatcher } from '../../lib/db/matcher-index';
import { loadCorpus, seedCorpus } from '../../lib/db/seed';
import { diffWording } from '../../lib/diff/words';
import type { StoredIndex } from '../../lib/match/index-store';
import { Matcher } from '../../lib/match/matcher';
import { normalizedTokens } from '../../lib/text/normalize';
import type { Article, Corpus, Sentence } from '../../lib/types';
import { loadDevset } from '../devset/devset';
import { FuseBaseline } from '../eval/baselines';
import { loadSeedCorpus } from '../eval/evaluate';

const GROWTH = 100;
/** Runs per timing; the median is reported. */
const RUNS = { typical: 31, long: 7, baselineSample: 3, baselineGrown: 1 };
/**
 * Untimed runs of each system on a page between its first (cold) run and the timed ones. V8
 * compiles hot code in tiers over its first few hundred calls: without them the first system timed
 * paid for the warm-up of all matching code (the seed corpus's typical article, built index: a
 * median of 19 ms over its 31 runs, 6.2 ms over the next 31, 2.4 ms over the 31 after).
 */
const WARMUP_RUNS = { typical: 60, long: 2 };
/** Sentences of a page the Fuse.js baseline is timed on when the whole page would take minutes. */
const BASELINE_SAMPLE_SENTENCES = { seed: 40, grown: 8 };

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** The JS heap and the typed arrays' buffers, which live outside it: the stored index is mostly the latter. */
function memoryMb(): number {
  gc?.();
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 / 1024;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function time(runs: number, fn: () => void): { first: number; median: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return { first: times[0] ?? 0, median: median(times) };
}

async function timeAsync(runs: number, fn: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { first: times[0] ?? 0, median: median(times) };
}

/** A deterministic pseudo-random source (mulberry32), so every run generates the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'dus', 'tor', 'vel', 'an', 'sor', 'pin', 'gra', 'mel', 'ost', 'ri', 'ban', 'ter', 'qui', 'zo', 'lem', 'dra'];
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'but', 'that', 'with', 'for', 'is', 'was', 'be', 'has', 'have', 'he', 'it', 'we', 'said']);

/**
 * The seed corpus grown `factor`×: for each seed article, factor − 1 generated articles with the
 * same sentence shapes. Each generated sentence keeps the function words and, per content word,
 * the original with probability 0.3 (so story terms recur and posting lists grow) or a word from a
 * 30,000-word generated vocabulary (so the vocabulary grows as a many-story corpus would).
 */
function grownCorpus(seed: Corpus, factor: number): Corpus {
  const rand = random(42);
  const vocabulary = Array.from({ length: 30_000 }, (_, i) => {
    let w = '';
    let n = i;
    do {
      w += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    } while (n > 0);
    return w + SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  });
  const articles: Article[] = [...seed.articles];
  const sentences: Sentence[] = [...seed.sentences];
  for (let copy = 1; copy < factor; copy++) {
    for (const article of seed.articles) {
      const id = `gen-${copy}-${article.id}`;
      articles.push({ ...article, id, origin: 'user', outlet: `Generated ${copy}`, file: null, url: null });
      let index = 0;
      for (const s of seed.sentences.filter((x) => x.articleId === article.id)) {
        const text = s.text
          .split(/(\s+)/)
          .map((w) => {
            if (/^\s*$/.test(w) || FUNCTION_WORDS.has(w.toLowerCase()) || rand() < 0.3) return w;
            return vocabulary[Math.floor(rand() * vocabulary.length)] ?? w;
          })
          .join('');
        sentences.push({ ...s, id: `${id}:${index}`, articleId: id, index: index++, text, tokens: normalizedTokens(text), quotes: [] });
      }
    }
  }
  return { version: `grown-${factor}`, articles, sentences, points: [] };
}

/** A page of about `words` words, from the dev set's sentences (on- and off-story, as news pages mix). */
function page(words: number): { title: string; sentences: string[] } {
  const devset = loadDevset();
  const pool = [
    ...devset.pages.flatMap((p) => p.sentences.map((s) => s.text)),
    ...devset.sentences.map((s) => s.text),
  ];
  const sentences: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const s = pool[i % pool.length] ?? '';
    sentences.push(s);
    count += s.split(/\s+/).length;
  }
  return { title: 'US may walk away from Ukraine peace effort within days, Rubio says', sentences };
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

// --- Cold start ----------------------------------------------------------------------------------
const heapStart = heapMb();
const build = time(5, () => loadSeedCorpus());
const corpus = loadSeedCorpus();
const json = JSON.stringify(corpus);
const parse = time(21, () => JSON.parse(json));
let dbCount = 0;
const seedDb = await timeAsync(5, async () => {
  const db = new ParallaxDB(`bench-seed-${dbCount++}`);
  await seedCorpus(db, corpus);
  db.close();
});
const storedDb = new ParallaxDB('bench-load');
await seedCorpus(storedDb, corpus);
const loadDb = await timeAsync(11, () => loadCorpus(storedDb));
const heapCorpus = heapMb();
const index = time(21, () => Matcher.fromCorpus(corpus));
const matcher = Matcher.fromCorpus(corpus);
const heapIndex = heapMb();

const grown = grownCorpus(corpus, GROWTH);
const heapGrownCorpus = heapMb();
const grownIndex = time(3, () => Matcher.fromCorpus(grown));
const grownMatcher = Matcher.fromCorpus(grown);
const heapGrownIndex = heapMb();

// --- Stored index (what a woken service worker loads instead of building) ---------------------------
/**
 * The stored index of `c` as IndexedDB hands it back (a structured clone: IndexedDB stores and
 * reads by it), timed: made (serialized), loaded from memory, read from the database and loaded
 * (fake-indexeddb, whose reads are structured clones too), and the memory of the loaded matcher
 * (heap and typed arrays, the stored form it keeps included), then after scanning both pages
 * (targets are decoded when first read).
 */
async function storedIndexFigures(label: string, c: Corpus, built: Matcher, runs: number) {
  const serialize = time(runs, () => built.storedIndex());
  // After a rebuild the background serializes in slices that yield (lib/db/matcher-index.ts): its
  // longest slice is the task a page's request may wait behind. Collected first: the garbage of the
  // runs just timed would otherwise land its collection in one of the slices.
  gc?.();
  let longestSlice = 0;
  let sliceStart = performance.now();
  await built.storedIndexInSlices(undefined, async () => {
    longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStart = performance.now();
  });
  longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
  const data: StoredIndex = built.storedIndex();
  const bytes = [data.sentenceIds, data.terms, data.words, data.wordStemsOther].reduce((n, list) => n + list.reduce((m, s) => m + 2 * s.length, 0), 0) +
    Object.values(data).reduce((n: number, v) => n + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);
  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    const copy = structuredClone(data);
    const t = performance.now();
    Matcher.fromStoredIndex(c, copy);
    loads.push(performance.now() - t);
  }
  const db = new ParallaxDB(`bench-index-${label}`);
  await db.matcherIndex.put({ key: 'matcher', index: data, storedAt: 0 });
  const wake = await timeAsync(runs, async () => {
    const loaded = await loadMatcher(db, c);
    if (loaded.origin !== 'stored') throw new Error(`the stored index was not used: ${loaded.passedOver ?? ''}`);
  });
  db.close();
  const before = memoryMb();
  const copy = structuredClone(data);
  const loaded = Matcher.fromStoredIndex(c, copy);
  const memory = memoryMb() - before;
  for (const p of Object.values(pages)) loaded.scanPage(p);
  const memoryAfterScans = memoryMb() - before;
  return { serialize, longestSlice, bytes, load: { first: loads[0] ?? 0, median: median(loads) }, wake, memory, memoryAfterScans, keep: loaded, data };
}

const pages = { 'typical article': page(1_000), 'long page': page(20_000) };
const storedSeed = await storedIndexFigures('seed', corpus, matcher, 11);
const storedGrown = await storedIndexFigures('grown', grown, grownMatcher, 3);

console.log(`Parallax benchmark (Node ${process.version}; medians; ${gc ? 'heap after GC' : 'run with --expose-gc for exact heap figures'})`);
console.log('');
console.log('Cold start');
console.log(
  table(
    ['step', 'seed corpus', `corpus ×${GROWTH}`],
    [
      ['build corpus from seeds/ (split, roles, quotes, points)', `${ms(build.median)} ms`, '-'],
      [`parse built corpus JSON (${(json.length / 1024).toFixed(0)} KB)`, `${ms(parse.median)} ms`, '-'],
      ['seed IndexedDB (first install; fake-indexeddb)', `${ms(seedDb.median)} ms`, '-'],
      ['load corpus from IndexedDB (worker restart; fake-indexeddb)', `${ms(loadDb.median)} ms`, '-'],
      ['build matcher index', `${ms(index.median)} ms`, `${ms(grownIndex.median)} ms`],
      ['article sentences indexed', String(matcher.targetCount), String(grownMatcher.targetCount)],
      ['heap: corpus', `${(heapCorpus - heapStart).toFixed(1)} MB`, `${(heapGrownCorpus - heapIndex).toFixed(1)} MB`],
      ['heap: index', `${(heapIndex - heapCorpus).toFixed(1)} MB`, `${(heapGrownIndex - heapGrownCorpus).toFixed(1)} MB`],
      ['stored index: size (typed arrays + strings as UTF-16)', `${(storedSeed.bytes / 1024 / 1024).toFixed(1)} MB`, `${(storedGrown.bytes / 1024 / 1024).toFixed(1)} MB`],
      ['stored index: make (serialize a built index)', `${ms(storedSeed.serialize.median)} ms`, `${ms(storedGrown.serialize.median)} ms`],
      ['stored index: longest task when made in slices (after a rebuild)', `${ms(storedSeed.longestSlice)} ms`, `${ms(storedGrown.longestSlice)} ms`],
      ['stored index: load (from its structured clone)', `${ms(storedSeed.load.median)} ms`, `${ms(storedGrown.load.median)} ms`],
      ['stored index: read from IndexedDB and load (wake; fake-indexeddb)', `${ms(storedSeed.wake.median)} ms`, `${ms(storedGrown.wake.median)} ms`],
      ['memory: loaded index (heap + typed arrays)', `${storedSeed.memory.toFixed(1)} MB`, `${storedGrown.memory.toFixed(1)} MB`],
      ['memory: loaded index after scanning both pages', `${storedSeed.memoryAfterScans.toFixed(1)} MB`, `${storedGrown.memoryAfterScans.toFixed(1)} MB`],
    ],
  ),
);
console.log('');

// --- Matching ------------------------------------------------------------------------------------
const rows: string[][] = [];
for (const [name, p] of Object.entries(pages)) {
  const words = p.sentences.reduce((n, s) => n + s.split(/\s+/).length, 0);
  const runs = name === 'long page' ? RUNS.long : RUNS.typical;
  for (const [system, label, m] of [
    ['Parallax', 'seed corpus', matcher],
    ['Parallax', `corpus ×${GROWTH}`, grownMatcher],
    // Fresh from the stored form: the first run decodes the targets it reads.
    ['Parallax, index loaded on wake', 'seed corpus', Matcher.fromStoredIndex(corpus, structuredClone(storedSeed.data))],
    ['Parallax, index loaded on wake', `corpus ×${GROWTH}`, Matcher.fromStoredIndex(grown, structuredClone(storedGrown.data))],
  ] as const) {
    const first = time(1, () => m.scanPage(p)).first;
    for (let i = 0; i < (name === 'long page' ? WARMUP_RUNS.long : WARMUP_RUNS.typical); i++) m.scanPage(p);
    const t = time(runs, () => m.scanPage(p));
    rows.push([
      system,
      `${name} (${words} words, ${p.sentences.length} sentences)`,
      label,
      `${ms(t.median)} ms`,
      `${ms(first)} ms`,
      `${((t.median / p.sentences.length) * 1000).toFixed(0)} µs`,
    ]);
  }
}
const fuseSeed = new FuseBaseline(corpus);
const fuseGrown = new FuseBaseline(grown);
for (const [name, p] of Object.entries(pages)) {
  const words = p.sentences.reduce((n, s) => n + s.split(/\s+/).length, 0);
  for (const [label, f] of [
    ['seed corpus', fuseSeed],
    [`corpus ×${GROWTH}`, fuseGrown],
  ] as const) {
    const whole = name === 'typical article' && label === 'seed corpus';
    const grownCorpus = label !== 'seed corpus';
    const sample = whole
      ? p.sentences
      : p.sentences.slice(0, grownCorpus ? BASELINE_SAMPLE_SENTENCES.grown : BASELINE_SAMPLE_SENTENCES.seed);
    const runs = whole ? RUNS.typical : grownCorpus ? RUNS.baselineGrown : RUNS.baselineSample;
    const t = time(runs, () => {
      for (const s of sample) f.match(s);
    });
    const perSentence = t.median / sample.length;
    rows.push([
      'Fuse.js, default options',
      `${name} (${words} words, ${p.sentences.length} sentences)`,
      label,
      `${ms(perSentence * p.sentences.length)} ms${whole ? '' : ` (from ${sample.length} sentences)`}`,
      whole ? `${ms(t.first)} ms` : '-',
      `${((perSentence) * 1000).toFixed(0)} µs`,
    ]);
  }
}
console.log('Matching a page (scanPage: page gate, every sentence matched)');
console.log(table(['system', 'page', 'corpus', 'per page (median)', 'first run', 'per sentence'], rows));
console.log('');
const typicalSeed = rows[0]?.[3] ?? '';
const typicalGrown = rows[1]?.[3] ?? '';
console.log(
  `Goals (issue 14): a 1,000-word article in ≤ 2 ms (${typicalSeed}); a corpus ${GROWTH}× larger within 3× of that (${typicalGrown}); ` +
    `loading the index on wake ≤ 50 ms at 1× and ≤ 300 ms at ${GROWTH}× with ≤ 20 MB of heap (read from IndexedDB and loaded: ${ms(storedSeed.wake.median)} ms and ${ms(storedGrown.wake.median)} ms, ` +
    `${storedGrown.memory.toFixed(1)} MB at ${GROWTH}×; built instead: ${ms(index.median)} ms and ${ms(grownIndex.median)} ms, ${(heapGrownIndex - heapGrownCorpus).toFixed(1)} MB).`,
);
console.log('');

// --- Word diffs (the panel's and the card's "what differs") ---------------------------------------
// Formerly a timed unit test (tests/lib/diff/words.test.ts); a figure that depends on the machine
// belongs here, beside the others.
const seedTexts = corpus.sentences.filter((s) => s.role !== 'furniture').map((s) => s.text);
const firstArticle = corpus.sentences.filter((s) => s.articleId === corpus.articles[0]?.id && s.role !== 'furniture').map((s) => s.text);
const diffRun = time(5, () => {
  for (const a of firstArticle) for (const b of seedTexts) diffWording(a, b);
});
const pairs = firstArticle.length * seedTexts.length;
console.log(`Word diffs: one seed article's sentences against every seed sentence, ${pairs} pairs: ${ms(diffRun.median)} ms, ${((diffRun.median / pairs) * 1000).toFixed(0)} µs a pair (median of 5).`);
