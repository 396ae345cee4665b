import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  namedUpgrade,
  openDatabase,
  ParallaxDB,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_VERSION,
  upgradeToV2,
} from '../../../lib/db/database';
import { DatabaseProblem, needsRebuild, REBUILD_ADVICE } from '../../../lib/db/problems';
import { loadMatcher } from '../../../lib/db/matcher-index';
import { rebuildDatabase } from '../../../lib/db/rebuild';
import { loadCorpus, seedCorpus } from '../../../lib/db/seed';
import { listUserArticles } from '../../../lib/db/user-articles';
import type { Article, Sentence } from '../../../lib/types';
import { bundledCorpus, deleteAll, nextDbName } from './fixtures';

const names: string[] = [];
function newName(): string {
  const name = nextDbName();
  names.push(name);
  return name;
}

afterEach(async () => {
  await deleteAll();
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** The database as version 1 of Parallax declared it, and nothing more. */
class ParallaxDBv1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** The database as version 2 of Parallax declared it (the reader's library; no stored index). */
class ParallaxDBv2 extends ParallaxDBv1 {
  constructor(name: string) {
    super(name);
    this.version(2).stores(SCHEMA_V2);
  }
}

/** What IndexedDB itself says about a database: its native version and its stores. */
async function nativeState(name: string): Promise<{ version: number; stores: string[] }> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const state = { version: idb.version, stores: [...idb.objectStoreNames].sort() };
  idb.close();
  return state;
}

const userArticle: Article = {
  id: 'user-v1-article',
  origin: 'user',
  outlet: 'Harbor City Ledger',
  title: 'Rubio in Paris',
  url: null,
  date: null,
  file: null,
  text: 'Rubio spoke to reporters in Paris on Friday.',
};
const userSentence: Sentence = {
  id: 'user-v1-article:0',
  articleId: 'user-v1-article',
  index: 0,
  text: userArticle.text,
  start: 0,
  end: userArticle.text.length,
  role: 'body',
  tokens: ['rubio', 'spoke', 'to', 'reporters', 'in', 'paris', 'on', 'friday'],
  quotes: [],
};

/** A version-1 database as a reader of version 1 has it: the bundled corpus and one article of theirs. */
async function v1Database(name: string): Promise<void> {
  const corpus = bundledCorpus();
  const v1 = new ParallaxDBv1(name);
  const rows: [string, unknown[]][] = [
    ['articles', [...corpus.articles, userArticle]],
    ['sentences', [...corpus.sentences, userSentence]],
    ['points', corpus.points],
    ['meta', [{ key: 'corpus', version: corpus.version, seededAt: 1 }]],
  ];
  // Each table is written on its own: the database's history, not atomicity, is what these tests need.
  for (const [table, values] of rows) await v1.table<unknown, string>(table).bulkPut(values);
  v1.close();
}

describe('schema versions', () => {
  it('creates the current schema on first install', async () => {
    const name = newName();
    const db = await openDatabase(new ParallaxDB(name));
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
    expect(await nativeState(name)).toEqual({
      version: SCHEMA_VERSION * 10, // Dexie stores version n as 10n
      stores: ['articles', 'matcherIndex', 'meta', 'points', 'sentences', 'userArticles'],
    });
  });

  it('upgrades a version-1 database: every row survives and the reader’s articles enter the library', async () => {
    const name = newName();
    await v1Database(name);
    expect((await nativeState(name)).version).toBe(10);

    const before = Date.now();
    const db = await openDatabase(new ParallaxDB(name));
    expect(db.verno).toBe(SCHEMA_VERSION);
    const corpus = bundledCorpus();
    expect(await db.articles.count()).toBe(corpus.articles.length + 1);
    expect(await db.sentences.count()).toBe(corpus.sentences.length + 1);
    expect(await db.articles.get(userArticle.id)).toEqual(userArticle);
    // The upgrade function ran: the v1 article has its library record.
    const record = await db.userArticles.get(userArticle.id);
    expect(record?.addedAt).toBeGreaterThanOrEqual(before);
    expect((await listUserArticles(db)).map((a) => a.outlet)).toEqual(['Harbor City Ledger']);
    // Seeding the same bundle finds it already stored, and the corpus loads with the v1 article.
    expect((await seedCorpus(db, corpus)).status).toBe('unchanged');
    expect((await loadCorpus(db)).articles.map((a) => a.id)).toContain(userArticle.id);
    db.close();
  });

  it('upgrades a version-2 database to the stored index: every row and the library survive, the index starts empty and is stored on the first wake', async () => {
    const name = newName();
    await v1Database(name);
    const v2 = new ParallaxDBv2(name);
    await v2.open();
    await v2.table('userArticles').put({ articleId: userArticle.id, addedAt: 1234 });
    v2.close();
    expect(await nativeState(name)).toEqual({ version: 20, stores: ['articles', 'meta', 'points', 'sentences', 'userArticles'] });

    const db = await openDatabase(new ParallaxDB(name));
    expect(db.verno).toBe(3);
    const corpus = bundledCorpus();
    expect(await db.articles.count()).toBe(corpus.articles.length + 1);
    expect(await db.sentences.count()).toBe(corpus.sentences.length + 1);
    expect(await db.articles.get(userArticle.id)).toEqual(userArticle);
    expect(await db.userArticles.get(userArticle.id)).toEqual({ articleId: userArticle.id, addedAt: 1234 });
    expect(await db.matcherIndex.count()).toBe(0);
    expect((await seedCorpus(db, corpus)).status).toBe('unchanged');
    const stored = await loadCorpus(db);
    expect(stored.articles.map((a) => a.id)).toContain(userArticle.id);
    const first = await loadMatcher(db, stored);
    expect(first.origin).toBe('built');
    await first.saved;
    expect((await loadMatcher(db, stored)).origin).toBe('stored');
    db.close();
  });

  it('keeps the previous version and its data when the upgrade fails half-way, and says so', async () => {
    const name = newName();
    await v1Database(name);

    /** This release's database, whose upgrade dies after writing part of what it writes. */
    class FailingUpgradeDB extends ParallaxDB {
      constructor(dbName: string) {
        super(dbName);
        this.version(2).upgrade(
          namedUpgrade(2, async (tx) => {
            await upgradeToV2(tx);
            throw new DOMException('The disk is full', 'UnknownError');
          }),
        );
      }
    }
    const failing = new FailingUpgradeDB(name);
    const error = await openDatabase(failing).then(
      () => null,
      (e: unknown) => e,
    );
    failing.close();
    expect(error).toBeInstanceOf(DatabaseProblem);
    expect((error as DatabaseProblem).kind).toBe('upgrade');
    expect((error as Error).message).toContain('Parallax could not upgrade its database: the upgrade to schema version 2 failed (The disk is full)');
    expect((error as Error).message).toContain('still holds the data of the previous version');
    expect(needsRebuild((error as Error).message)).toBe(true);

    // IndexedDB rolled the upgrade back: version 1, its stores, its rows, nothing of version 2.
    expect(await nativeState(name)).toEqual({ version: 10, stores: ['articles', 'meta', 'points', 'sentences'] });
    const v1 = new ParallaxDBv1(name);
    expect(await v1.table('articles').get(userArticle.id)).toEqual(userArticle);
    expect(await v1.table('sentences').count()).toBe(bundledCorpus().sentences.length + 1);
    v1.close();

    // The rebuild the message offers works from that state and keeps the reader's article.
    const db = new ParallaxDB(name);
    const report = await rebuildDatabase(db, bundledCorpus(), null);
    expect(report.restored).toBe(1);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await loadCorpus(db)).articles.find((a) => a.origin === 'user')?.outlet).toBe('Harbor City Ledger');
    db.close();
  });

  it('reports a database that cannot be opened at all', async () => {
    const db = new ParallaxDB(newName());
    // What Chromium throws when the backing store is corrupt on disk.
    db.open = (() => Promise.reject(new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'))) as never;
    const error = (await openDatabase(db).catch((e: unknown) => e)) as DatabaseProblem;
    expect(error.kind).toBe('open');
    expect(error.message).toBe(
      `Parallax could not use its database (Internal error opening backing store for indexedDB.open.). ${REBUILD_ADVICE}`,
    );
  });

  it('reports a full disk without offering a rebuild that would not help', async () => {
    const db = new ParallaxDB(newName());
    db.open = (() => Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'))) as never;
    const error = (await openDatabase(db).catch((e: unknown) => e)) as DatabaseProblem;
    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/out of space.*Free some disk space/);
    expect(needsRebuild(error.message)).toBe(false);
  });
});
