/**
 * The one IndexedDB database of Parallax. Every module that stores or reads the corpus asks this
 * class; nothing else opens IndexedDB. It is pure Dexie, so it runs in the service worker and, with
 * fake-indexeddb, in Node tests.
 *
 * Schema versions are explicit and append-only: never edit a published version's stores; add a
 * new `this.version(n)` with an upgrade function instead.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { StoredIndex } from '../match/index-store';
import type { Article, Point, Sentence } from '../types';
import { causeText, DatabaseProblem, isQuotaError } from './problems';

export const DB_NAME = 'parallax';

/** Bookkeeping rows: which bundled corpus is seeded, and when. */
export interface CorpusMeta {
  key: 'corpus';
  /** Corpus.version of the bundled corpus now stored. */
  version: string;
  seededAt: number;
}

/**
 * The points over the seeds and the reader's articles together (the bundled points know only the
 * seeds). Grouping takes a matcher lookup per sentence, so it is done once per change of the
 * corpus, not once per service-worker life; `basis` says which corpus it was computed for.
 */
export interface PointsCache {
  key: 'points';
  basis: string;
  points: Point[];
}

export type MetaRow = CorpusMeta | PointsCache;

/** What the library knows about an article the reader added, beyond the Article itself. */
export interface UserArticleRecord {
  articleId: string;
  /** When it was added (ms since epoch); kept through export and import. */
  addedAt: number;
}

/** Version 1: articles, their sentences, the points they group into, and bookkeeping. */
export const SCHEMA_V1 = {
  articles: 'id, origin',
  sentences: 'id, articleId',
  points: 'id',
  meta: 'key',
} as const;

/** Version 2: the reader's library, listed newest first. */
export const SCHEMA_V2 = {
  userArticles: 'articleId, addedAt',
} as const;

/**
 * Version 3: the matcher's index in its stored form (lib/match/index-store.ts), so that a woken
 * service worker loads it instead of analyzing the whole corpus again. It starts empty: the first
 * wake after the upgrade stores the index it loads or builds (lib/db/matcher-index.ts).
 */
export const SCHEMA_V3 = {
  matcherIndex: 'key',
} as const;

export const SCHEMA_VERSION = 3;

/** The stored matcher index: one row, replaced whenever the corpus it fits changes. */
export interface MatcherIndexRow {
  key: 'matcher';
  /** Its fingerprint says which corpus and parameters it fits. */
  index: StoredIndex;
  storedAt: number;
}

/** The version an upgrade was moving to, on the error it throws. */
export class UpgradeFailed extends Error {
  override name = 'UpgradeFailed';
  constructor(
    readonly toVersion: number,
    cause: unknown,
  ) {
    super(`the upgrade to schema version ${toVersion} failed (${causeText(cause)})`, { cause });
  }
}

/**
 * v1 → v2: every article a reader added under v1 gets its library record. When it was added is
 * not known; the time of the upgrade stands in, so the list still has an order.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const now = Date.now();
  const userIds = await tx.table<Article, string>('articles').where('origin').equals('user').primaryKeys();
  await tx.table<UserArticleRecord, string>('userArticles').bulkPut(userIds.map((articleId) => ({ articleId, addedAt: now })));
}

/** An upgrade function whose failure says which version it was moving to. */
export function namedUpgrade(toVersion: number, upgrade: (tx: Transaction) => Promise<void>): (tx: Transaction) => Promise<void> {
  return async (tx) => {
    try {
      await upgrade(tx);
    } catch (error) {
      throw new UpgradeFailed(toVersion, error);
    }
  };
}

export class ParallaxDB extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  sentences!: EntityTable<Sentence, 'id'>;
  points!: EntityTable<Point, 'id'>;
  // Table, not EntityTable: the insert type of EntityTable does not keep the union's members apart.
  meta!: Table<MetaRow, MetaRow['key']>;
  userArticles!: EntityTable<UserArticleRecord, 'articleId'>;
  matcherIndex!: Table<MatcherIndexRow, MatcherIndexRow['key']>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(namedUpgrade(2, upgradeToV2));
    // Nothing to move: a new table of what can always be rebuilt from the corpus.
    this.version(3).stores(SCHEMA_V3);
  }
}

/**
 * Opens the database, turning whatever IndexedDB throws into a DatabaseProblem the reader can act
 * on. A failed upgrade is rolled back by IndexedDB: the database stays at its previous version
 * with its data, and the message says so.
 */
export async function openDatabase(db: ParallaxDB): Promise<ParallaxDB> {
  try {
    await db.open();
    return db;
  } catch (error) {
    throw asDatabaseProblem(error);
  }
}

/** The reader's message for an error of the database, whatever threw it. */
export function asDatabaseProblem(error: unknown): DatabaseProblem {
  if (error instanceof DatabaseProblem) return error;
  const upgrade = findUpgradeFailure(error);
  if (upgrade !== null) {
    return new DatabaseProblem(
      'upgrade',
      `Parallax could not upgrade its database: ${upgrade.message}. It still holds the data of the previous version, which this version of Parallax cannot use.`,
      { cause: error },
    );
  }
  if (isQuotaError(error)) {
    return new DatabaseProblem(
      'quota',
      `Parallax's database is out of space: the browser refused to store more (${causeText(error)}). Free some disk space, then try again.`,
      { cause: error },
    );
  }
  return new DatabaseProblem('open', `Parallax could not use its database (${causeText(error)}).`, { cause: error });
}

function findUpgradeFailure(error: unknown): UpgradeFailed | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = (e as { inner?: unknown }).inner ?? e.cause, depth++) {
    if (e instanceof UpgradeFailed) return e;
  }
  return null;
}
