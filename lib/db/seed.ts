/**
 * Putting the bundled corpus into the database, and reading the whole corpus back.
 *
 * Seeding runs on install, on update, and before the first match of a service-worker life (the
 * database may have been cleared). It is one transaction: either the new bundled corpus replaces
 * the old one completely, or nothing changes and the caller gets the error. Rows the reader
 * added (origin "user") are never touched.
 */
import type { Corpus } from '../types';
import { corpusPoints, type StoredCorpus } from './corpus-points';
import { asDatabaseProblem, type ParallaxDB } from './database';
import { DatabaseProblem } from './problems';

export type SeedOutcome =
  | { status: 'unchanged'; version: string }
  | { status: 'seeded'; version: string; previousVersion: string | null; articles: number; sentences: number };

/** A bundled corpus that cannot be stored, with what is wrong with it. */
export class CorpusDataError extends Error {
  override name = 'CorpusDataError';
}

/**
 * Checks that a value has the shape of a Corpus before anything is written: a corrupt bundle must
 * fail loudly here rather than half-way through a transaction or, worse, at match time.
 */
export function checkCorpus(value: unknown, label = 'bundled corpus'): asserts value is Corpus {
  const fail = (what: string): never => {
    throw new CorpusDataError(`The ${label} is corrupt: ${what}.`);
  };
  if (typeof value !== 'object' || value === null) fail('it is not an object');
  const corpus = value as Partial<Corpus>;
  if (typeof corpus.version !== 'string' || corpus.version === '') fail('it has no version');
  if (!Array.isArray(corpus.articles) || corpus.articles.length === 0) fail('it has no articles');
  if (!Array.isArray(corpus.sentences) || corpus.sentences.length === 0) fail('it has no sentences');
  if (!Array.isArray(corpus.points)) fail('it has no point list');
  const articleIds = new Set<string>();
  for (const [i, article] of corpus.articles!.entries()) {
    if (typeof article?.id !== 'string' || typeof article.text !== 'string' || typeof article.outlet !== 'string') {
      fail(`article ${i} lacks an id, outlet or text`);
    }
    articleIds.add(article.id);
  }
  for (const [i, sentence] of corpus.sentences!.entries()) {
    if (typeof sentence?.id !== 'string' || typeof sentence.text !== 'string' || !Array.isArray(sentence.tokens)) {
      fail(`sentence ${i} lacks an id, text or tokens`);
    }
    if (!articleIds.has(sentence.articleId)) fail(`sentence ${sentence.id} belongs to no article`);
  }
}

export async function seedCorpus(db: ParallaxDB, bundled: unknown): Promise<SeedOutcome> {
  checkCorpus(bundled);
  try {
    return await storeBundled(db, bundled);
  } catch (error) {
    throw asDatabaseProblem(error);
  }
}

async function storeBundled(db: ParallaxDB, bundled: Corpus): Promise<SeedOutcome> {
  return db.transaction('rw', [db.articles, db.sentences, db.points, db.meta], async () => {
    const row = await db.meta.get('corpus');
    const meta = row?.key === 'corpus' ? row : undefined;
    if (meta?.version === bundled.version) return { status: 'unchanged', version: bundled.version };

    const oldSeedIds = await db.articles.where('origin').equals('seed').primaryKeys();
    await db.sentences.where('articleId').anyOf(oldSeedIds).delete();
    await db.articles.bulkDelete(oldSeedIds);
    await db.articles.bulkPut(bundled.articles);
    await db.sentences.bulkPut(bundled.sentences);
    await db.points.clear();
    await db.points.bulkPut(bundled.points);
    await db.meta.put({ key: 'corpus', version: bundled.version, seededAt: Date.now() });
    return {
      status: 'seeded',
      version: bundled.version,
      previousVersion: meta?.version ?? null,
      articles: bundled.articles.length,
      sentences: bundled.sentences.length,
    };
  });
}

/**
 * The stored corpus: seeds and the reader's articles, with the points over all of them (the
 * bundled points when the reader added nothing, else points grouped over everything, cached in
 * the database; see corpus-points.ts). Throws a DatabaseProblem when the database cannot be read
 * or what it holds is damaged, so that a broken database is reported, never matched against.
 */
export async function loadCorpus(db: ParallaxDB): Promise<Corpus> {
  let snapshot: StoredCorpus;
  try {
    snapshot = await db.transaction('r', [db.articles, db.sentences, db.points, db.meta], async () => {
      const [meta, cache, articles, sentences, points] = await Promise.all([
        db.meta.get('corpus'),
        db.meta.get('points'),
        db.articles.toArray(),
        db.sentences.toArray(),
        db.points.toArray(),
      ]);
      return {
        version: meta?.key === 'corpus' ? meta.version : null,
        cache: cache?.key === 'points' ? cache : null,
        articles,
        sentences,
        seedPoints: points,
      };
    });
  } catch (error) {
    throw asDatabaseProblem(error);
  }
  const damage = storedCorpusDamage(snapshot);
  if (damage !== null) throw new DatabaseProblem('damaged', `Parallax's database is damaged: ${damage}.`);
  const version = snapshot.version ?? '';
  const points = await corpusPoints(db, snapshot);
  return { version, articles: snapshot.articles, sentences: snapshot.sentences, points };
}

/**
 * What is wrong with the stored rows, or null. Every article has sentences (building never gives
 * an article without one) and every sentence an article; rows have the fields matching reads.
 * Linear in the rows.
 */
export function storedCorpusDamage(stored: Pick<StoredCorpus, 'version' | 'articles' | 'sentences'>): string | null {
  if (stored.version === null) return 'it does not say which bundled corpus it holds';
  if (!stored.articles.some((a) => a.origin === 'seed')) return 'it holds none of the bundled articles';
  const sentenceCount = new Map<string, number>();
  for (const article of stored.articles) {
    if (typeof article?.id !== 'string' || typeof article.text !== 'string' || typeof article.outlet !== 'string') {
      return `an article row lacks its id, outlet or text`;
    }
    sentenceCount.set(article.id, 0);
  }
  for (const sentence of stored.sentences) {
    if (typeof sentence?.id !== 'string' || typeof sentence.text !== 'string' || !Array.isArray(sentence.tokens) || !Array.isArray(sentence.quotes)) {
      return `a sentence row lacks its id, text, tokens or quotes`;
    }
    const count = sentenceCount.get(sentence.articleId);
    if (count === undefined) return `sentence ${sentence.id} belongs to no stored article`;
    sentenceCount.set(sentence.articleId, count + 1);
  }
  const empty = [...sentenceCount].filter(([, count]) => count === 0).map(([id]) => id);
  if (empty.length > 0) {
    const of = stored.articles.length;
    return `${empty.length} of its ${of} articles have no sentences (${empty.slice(0, 3).join(', ')}${empty.length > 3 ? ', …' : ''})`;
  }
  return null;
}

/**
 * `corpus` as loadCorpus reads it back once seeded: every table in key order (IndexedDB orders
 * string keys by code unit, as `<` does). The matcher's targets follow this order, and its ties
 * with them, so an index built at build time for the bundled corpus is built over this order.
 */
export function inStoredOrder(corpus: Corpus): Corpus {
  const byId = <T extends { id: string }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...corpus, articles: byId(corpus.articles), sentences: byId(corpus.sentences), points: byId(corpus.points) };
}
