/**
 * The stored index (lib/match/index-store.ts): a matcher loaded from it answers exactly as one built
 * from the corpus, and a stored index that does not fit (other corpus, other parameters, damaged,
 * analyzed by another version of the analyzer) is refused with a StaleIndexError, never used.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { buildCorpus } from '../../../lib/corpus/build';
import { indexFingerprint, INDEX_FORMAT, StaleIndexError, type StoredIndex } from '../../../lib/match/index-store';
import { Matcher } from '../../../lib/match/matcher';
import { DEFAULT_PARAMS } from '../../../lib/match/params';
import { readSeeds } from '../../../lib/node/seeds';
import type { Corpus } from '../../../lib/types';
import { loadDevset } from '../../devset/devset';
import { FIXTURE_CORPUS } from './fixture';

const corpus = buildCorpus(readSeeds(join(import.meta.dirname, '..', '..', '..', 'seeds')));
const devset = loadDevset();
const pages = devset.pages.map((p) => ({ title: p.title, sentences: p.sentences.map((s) => s.text), published: '2025-04-18' }));

/** What IndexedDB gives back: a structured clone. */
function stored(matcher: Matcher): StoredIndex {
  return structuredClone(matcher.storedIndex());
}

/** A built and a loaded matcher of `c`; the loaded one first used after the built one. */
function pair(c: Corpus, params = {}): { built: Matcher; loaded: Matcher } {
  const built = Matcher.fromCorpus(c, params);
  return { built, loaded: Matcher.fromStoredIndex(c, stored(Matcher.fromCorpus(c, params)), params) };
}

/** The corpus as IndexedDB returns it: every table in key order (lib/db/seed.ts loadCorpus). */
function inKeyOrder(c: Corpus): Corpus {
  const byId = <T extends { id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...c, articles: byId(c.articles), sentences: byId(c.sentences), points: byId(c.points) };
}

describe('a matcher loaded from its stored index', () => {
  it('scans every dev page exactly as the built matcher, over the seed corpus in bundle and in database order', () => {
    for (const c of [corpus, inKeyOrder(corpus)]) {
      const { built, loaded } = pair(c);
      expect(loaded.targetCount).toBe(built.targetCount);
      for (const page of pages) expect(loaded.scanPage(page)).toEqual(built.scanPage(page));
    }
  });

  it('gives the same selection lookups and raw similarities', () => {
    const { built, loaded } = pair(corpus);
    for (const s of devset.sentences) {
      expect(loaded.matchText(s.text)).toEqual(built.matchText(s.text));
      expect(loaded.similarTo(s.text, 0.2)).toEqual(built.similarTo(s.text, 0.2));
    }
  });

  it('gives the same results whichever sentences are read first (targets are decoded when first read)', () => {
    const { built, loaded } = pair(corpus);
    for (const page of [...pages].reverse()) expect(loaded.scanPage(page)).toEqual(built.scanPage(page));
  });

  it('matches as the built one over any subset of the seed articles, with other parameters, on pages mixing sentences', () => {
    const sentences = [...devset.sentences.map((s) => s.text), ...pages.flatMap((p) => p.sentences)];
    fc.assert(
      fc.property(
        fc.subarray(corpus.articles, { minLength: 1 }),
        fc.constantFrom({}, { pointEchoWeight: 0 }, { agentWindow: 2, candidateLimit: 5 }),
        fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 12 }),
        (articles, params, pageSentences) => {
          const ids = new Set(articles.map((a) => a.id));
          const points = corpus.points
            .map((p) => ({ ...p, sentenceIds: p.sentenceIds.filter((id) => ids.has(id.slice(0, id.indexOf(':')))) }))
            .filter((p) => p.sentenceIds.length > 0);
          const sub: Corpus = { ...corpus, articles, sentences: corpus.sentences.filter((s) => ids.has(s.articleId)), points };
          const { built, loaded } = pair(sub, params);
          const page = { title: pageSentences[0]!, sentences: pageSentences };
          expect(loaded.scanPage(page)).toEqual(built.scanPage(page));
        },
      ),
      { numRuns: 15 },
    );
  });

  it('holds no live object of the matcher: the stored form survives a structured clone whole', () => {
    const data = Matcher.fromCorpus(FIXTURE_CORPUS).storedIndex();
    expect(structuredClone(data)).toEqual(data);
    expect(data.format).toBe(INDEX_FORMAT);
    expect(data.fingerprint).toBe(indexFingerprint(FIXTURE_CORPUS, DEFAULT_PARAMS));
  });
});

describe('a stored index that does not fit', () => {
  it('is refused after a lexicon edit, even one no spot-checked sentence would show', async () => {
    vi.resetModules();
    vi.doMock('../../../lib/match/lexicon', async (original) => {
      const actual = await original<typeof import('../../../lib/match/lexicon')>();
      return { ...actual, CONCEPTS: { ...actual.CONCEPTS, '@abseil': ['abseil', 'rappel'] } };
    });
    try {
      const edited = await import('../../../lib/match/index-store');
      expect(edited.indexFingerprint(corpus, DEFAULT_PARAMS)).not.toBe(indexFingerprint(corpus, DEFAULT_PARAMS));
    } finally {
      vi.doUnmock('../../../lib/match/lexicon');
      vi.resetModules();
    }
    // The control: the same lexicon gives the same fingerprint, in another module instance too.
    const again = await import('../../../lib/match/index-store');
    expect(again.indexFingerprint(corpus, DEFAULT_PARAMS)).toBe(indexFingerprint(corpus, DEFAULT_PARAMS));
  });

  const data = stored(Matcher.fromCorpus(corpus));
  const load = (d: unknown, c: Corpus = corpus, params = {}) => () => Matcher.fromStoredIndex(c, d, params);

  it('is refused for another corpus: an article fewer, a sentence reworded, points regrouped', () => {
    const fewer = { ...corpus, articles: corpus.articles.slice(1), sentences: corpus.sentences.filter((s) => s.articleId !== corpus.articles[0]!.id) };
    expect(load(data, fewer)).toThrow(StaleIndexError);
    const target = corpus.sentences.findIndex((s) => s.role !== 'furniture');
    const reworded = { ...corpus, sentences: corpus.sentences.map((s, i) => (i === target ? { ...s, text: `${s.text} Indeed.` } : s)) };
    expect(load(data, reworded)).toThrow(StaleIndexError);
    expect(load(data, { ...corpus, points: corpus.points.slice(1) })).toThrow(StaleIndexError);
    expect(load(data, inKeyOrder(corpus))).toThrow(StaleIndexError);
  });

  it('is refused for other parameters', () => {
    expect(load(data, corpus, { pointEchoWeight: 0.3 })).toThrow(StaleIndexError);
    expect(load(data, corpus, { agentWindow: 5 })).toThrow(/another corpus or other parameters/);
  });

  it('is refused when damaged: not an object, another format, arrays of the wrong kind or length, indices out of range', () => {
    expect(load(null)).toThrow(StaleIndexError);
    expect(load('index')).toThrow(StaleIndexError);
    expect(load({ ...data, format: INDEX_FORMAT + 1 })).toThrow(/format/);
    expect(load({ ...data, postingTargets: Array.from(data.postingTargets) })).toThrow(/postingTargets/);
    expect(load({ ...data, termWeights: data.termWeights.subarray(1) })).toThrow(StaleIndexError);
    expect(load({ ...data, wordStart: data.wordStart.subarray(1) })).toThrow(StaleIndexError);
    const outOfRange = Int32Array.from(data.postingTargets);
    outOfRange[0] = data.sentenceIds.length;
    expect(load({ ...data, postingTargets: outOfRange })).toThrow(/postings are damaged/);
    const { terms: _terms, ...noTerms } = data;
    expect(load(noTerms)).toThrow(StaleIndexError);
  });

  it('is refused when the analyzer no longer gives what is stored (a spot-checked sentence analyzes otherwise)', () => {
    const termPos = Int32Array.from(data.termPos);
    termPos[0] = termPos[0]! + 1;
    expect(load({ ...data, termPos })).toThrow(/no longer analyzes as stored/);
    const terms = [...data.terms];
    terms[data.termIds[0]!] = '@changed';
    expect(load({ ...data, terms })).toThrow(StaleIndexError);
  });
});

describe('serializing in slices', () => {
  it('gives the stored form serializing in one piece gives, pausing between slices', async () => {
    const matcher = Matcher.fromCorpus(corpus);
    let pauses = 0;
    // A slice of 0 ms: a pause at every step, the most a slow device would take.
    const sliced = await matcher.storedIndexInSlices(0, async () => {
      pauses++;
    });
    expect(sliced).toEqual(matcher.storedIndex());
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(() => Matcher.fromStoredIndex(corpus, structuredClone(sliced))).not.toThrow();
  });

  it('lets other tasks run before it settles', async () => {
    const matcher = Matcher.fromCorpus(corpus);
    let ranBetween = false;
    const done = matcher.storedIndexInSlices(0).then(() => ranBetween);
    setTimeout(() => {
      ranBetween = true;
    }, 0);
    expect(await done).toBe(true);
  });
});
