/**
 * The one IndexedDB database of Parallax. Every module that stores or reads the corpus asks this
 * class; nothing else opens IndexedDB. It is pure Dexie, so it runs in the service worker and, with
 * fake-indexeddb, in Node tests.
 *
 * Schema versions are explicit and append-only: never edit a published version's stores; add a
 * new `this.version(n)` with an upgrade function instead.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Article, Point, Sentence } from '../types';

export const DB_NAME = 'parallax';

/** Bookkeeping rows: which bundled corpus is seeded, and when. */
export interface CorpusMeta {
  key: 'corpus';
  /** Corpus.version of the bundled corpus now stored. */
  version: string;
  seededAt: number;
}

export type MetaRow = CorpusMeta;

/** Version 1: articles, their sentences, the points they group into, and bookkeeping. */
export const SCHEMA_V1 = {
  articles: 'id, origin',
  sentences: 'id, articleId',
  points: 'id',
  meta: 'key',
} as const;

export class ParallaxDB extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  sentences!: EntityTable<Sentence, 'id'>;
  points!: EntityTable<Point, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}
