/**
 * Putting the bundled corpus into the database, and reading the whole corpus back.
 *
 * Seeding runs on install, on update, and before the first match of a service-worker life (the
 * database may have been cleared). It is one transaction: either the new bundled corpus replaces
 * the old one completely, or nothing changes and the caller gets the error. Rows the reader
 * added (origin "user") are never touched.
 */
import type { Corpus } from '../types';
import type { ParallaxDB } from './database';

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
  return db.transaction('rw', [db.articles, db.sentences, db.points, db.meta], async () => {
    const meta = await db.meta.get('corpus');
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

/** The stored corpus, as one consistent snapshot. */
export async function loadCorpus(db: ParallaxDB): Promise<Corpus> {
  return db.transaction('r', [db.articles, db.sentences, db.points, db.meta], async () => {
    const [meta, articles, sentences, points] = await Promise.all([
      db.meta.get('corpus'),
      db.articles.toArray(),
      db.sentences.toArray(),
      db.points.toArray(),
    ]);
    return { version: meta?.version ?? '', articles, sentences, points };
  });
}
