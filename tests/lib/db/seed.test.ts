import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ParallaxDB } from '../../../lib/db/database';
import { CorpusDataError, loadCorpus, seedCorpus } from '../../../lib/db/seed';
import type { Article, Corpus, Sentence } from '../../../lib/types';

/** A two-article corpus made from real seed lines; seeding does not care how sentences were split. */
function corpus(version: string, extraSentence?: string): Corpus {
  const articles: Article[] = [
    article('000_d92422b15f672f7c', 'Valuetainment (VT News)', 'Rubio: US is prepared to abandon Ukraine peace talks'),
    article('004_1d32572d87f94e9b', 'The Voice News', 'The United States may withdraw from mediating the Russia-Ukraine conflict'),
  ];
  const sentences: Sentence[] = [
    sentence(articles[0]!.id, 0, 'Rubio said the administration is not willing to prolong negotiations indefinitely.'),
    sentence(articles[1]!.id, 0, 'Rubio emphasized that the U.S. will not continue efforts indefinitely.'),
  ];
  if (extraSentence) sentences.push(sentence(articles[1]!.id, 1, extraSentence));
  return { version, articles, sentences, points: [] };
}

function article(id: string, outlet: string, title: string): Article {
  return { id, origin: 'seed', outlet, title, url: null, date: '2025-04-18', file: `${id}.txt`, text: title };
}

function sentence(articleId: string, index: number, text: string): Sentence {
  return {
    id: `${articleId}:${index}`,
    articleId,
    index,
    text,
    start: 0,
    end: text.length,
    role: 'body',
    tokens: text.toLowerCase().split(/\W+/).filter(Boolean),
    quotes: [],
  };
}

let db: ParallaxDB;
let dbCount = 0;
function freshDb(): ParallaxDB {
  db = new ParallaxDB(`parallax-test-${++dbCount}`);
  return db;
}

afterEach(async () => {
  await db?.delete();
});

describe('seedCorpus', () => {
  it('stores the bundled corpus on first install', async () => {
    const outcome = await seedCorpus(freshDb(), corpus('v1'));
    expect(outcome).toMatchObject({ status: 'seeded', version: 'v1', previousVersion: null, articles: 2, sentences: 2 });
    const stored = await loadCorpus(db);
    expect(stored.version).toBe('v1');
    expect(stored.articles.map((a) => a.outlet).sort()).toEqual(['The Voice News', 'Valuetainment (VT News)']);
    expect(stored.sentences).toHaveLength(2);
  });

  it('is idempotent: seeding the same version twice gives the same rows', async () => {
    await seedCorpus(freshDb(), corpus('v1'));
    const before = await loadCorpus(db);
    const outcome = await seedCorpus(db, corpus('v1'));
    expect(outcome.status).toBe('unchanged');
    expect(await loadCorpus(db)).toEqual(before);
  });

  it('replaces the seed rows when the bundled version changes, dropping sentences that are gone', async () => {
    await seedCorpus(freshDb(), corpus('v1', 'A sentence that the next version no longer has.'));
    expect(await db.sentences.count()).toBe(3);
    const outcome = await seedCorpus(db, corpus('v2'));
    expect(outcome).toMatchObject({ status: 'seeded', version: 'v2', previousVersion: 'v1' });
    expect(await db.sentences.count()).toBe(2);
  });

  it('leaves articles the reader added untouched', async () => {
    await seedCorpus(freshDb(), corpus('v1'));
    const mine: Article = { ...article('user-1', 'My Local Paper', 'Rubio in Paris'), origin: 'user', file: null };
    await db.articles.put(mine);
    await db.sentences.put(sentence('user-1', 0, 'Rubio spoke to reporters in Paris on Friday.'));
    await seedCorpus(db, corpus('v2'));
    expect(await db.articles.get('user-1')).toEqual(mine);
    expect(await db.sentences.where('articleId').equals('user-1').count()).toBe(1);
  });

  it('refuses a corrupt bundled corpus with a clear error and keeps what was stored', async () => {
    await seedCorpus(freshDb(), corpus('v1'));
    const broken = { ...corpus('v2'), sentences: [{ id: 'x:0', articleId: 'nowhere', text: 'x', tokens: [] }] };
    await expect(seedCorpus(db, broken)).rejects.toThrow(CorpusDataError);
    await expect(seedCorpus(db, broken)).rejects.toThrow(/corrupt: sentence x:0 belongs to no article/);
    await expect(seedCorpus(db, 'not json')).rejects.toThrow(/corrupt: it is not an object/);
    expect((await loadCorpus(db)).version).toBe('v1');
    expect(await db.sentences.count()).toBe(2);
  });

  it('rolls back completely when a write fails half-way', async () => {
    await seedCorpus(freshDb(), corpus('v1', 'A sentence that only v1 has.'));
    const before = await loadCorpus(db);
    // A row that cannot be stored (a function cannot be cloned into IndexedDB) passes the shape
    // check but makes bulkPut fail after the old seed rows were deleted inside the transaction.
    const poisoned = corpus('v2');
    poisoned.sentences.push({ ...poisoned.sentences[0]!, id: 'poison:0', quotes: [() => 0] as never });
    await expect(seedCorpus(db, poisoned)).rejects.toThrow(/clone/i);
    expect(await loadCorpus(db)).toEqual(before);
  });
});

describe('loadCorpus on a damaged database', () => {
  it('says the database is damaged instead of matching against what is left', async () => {
    await seedCorpus(freshDb(), corpus('v1'));
    await db.sentences.delete('004_1d32572d87f94e9b:0');
    await expect(loadCorpus(db)).rejects.toThrow(
      "Parallax's database is damaged: 1 of its 2 articles have no sentences (004_1d32572d87f94e9b). Rebuild the database",
    );
  });

  it('finds a sentence whose article is gone, and a malformed row', async () => {
    await seedCorpus(freshDb(), corpus('v1'));
    await db.articles.delete('004_1d32572d87f94e9b');
    await expect(loadCorpus(db)).rejects.toThrow(/damaged: sentence 004_1d32572d87f94e9b:0 belongs to no stored article/);
    await seedCorpus(freshDb(), corpus('v1'));
    await db.sentences.put({ id: 'bad', articleId: '000_d92422b15f672f7c' } as never);
    await expect(loadCorpus(db)).rejects.toThrow(/damaged: a sentence row lacks its id, text, tokens or quotes/);
  });

  it('says so when the bundled corpus is missing', async () => {
    await seedCorpus(freshDb(), corpus('v1'));
    await db.meta.delete('corpus');
    await expect(loadCorpus(db)).rejects.toThrow(/damaged: it does not say which bundled corpus it holds/);
  });
});
