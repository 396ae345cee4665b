/**
 * The background's corpus: seeded into IndexedDB from the bundle, read back (with the reader's own
 * articles), and its matcher loaded once per service-worker life from the index stored beside it
 * (lib/db/matcher-index.ts; built and stored when the corpus changed). Chromium stops an idle
 * worker; the next message reads all of this from IndexedDB again (the cold start the benchmark
 * measures).
 *
 * The database is the only IndexedDB connection of the extension. A database that cannot be
 * opened or is damaged surfaces as a DatabaseProblem, whose message the panel shows with the
 * offer to rebuild (`rebuild`).
 */
import bundled from 'virtual:parallax-corpus';
import bundledIndex from 'virtual:parallax-index';
import { browser } from 'wxt/browser';
import { corpusOverview, type CorpusOverview } from '@/lib/compare/panel-data';
import { readBackup, writeBackup } from '@/lib/db/backup';
import { openDatabase, ParallaxDB } from '@/lib/db/database';
import { rebuildDatabase, restoreUserArticles, type RebuildReport } from '@/lib/db/rebuild';
import { loadMatcher, type IndexOrigin } from '@/lib/db/matcher-index';
import { loadCorpus, seedCorpus, type SeedOutcome } from '@/lib/db/seed';
import type { Matcher } from '@/lib/match/matcher';
import type { Corpus, Quote } from '@/lib/types';

export interface LoadedCorpus {
  corpus: Corpus;
  matcher: Matcher;
  overview: CorpusOverview;
  /** The quotes of corpus sentences by id (only sentences that have some), for comparing wordings. */
  quotes: ReadonlyMap<string, Quote[]>;
  /** Where the matcher's index came from: stored, built with the bundle, or built now. */
  indexOrigin: IndexOrigin;
  /** Settles once the index is stored for the next wake (never rejects; see loadMatcher). */
  indexSaved: Promise<void>;
}

const db = new ParallaxDB();
let loading: Promise<LoadedCorpus> | null = null;

// Another connection upgrading or deleting the database, or the browser closing it (site data
// cleared, the backing store lost): what is loaded may no longer be what is stored. Dexie closes
// its connection and reopens it on the next query.
db.on('versionchange', () => invalidate());
db.on('close', () => invalidate());

/** Forget the loaded corpus and matcher: the next scan reads the database again. */
export function invalidate(): void {
  loading = null;
}

let seeding: Promise<SeedOutcome> | null = null;

/**
 * Store the bundled corpus if the database does not hold this version yet. A database that was
 * just created (first install, or lost) gets the reader's articles back from their backup copy.
 *
 * One seeding at a time: the install event and the first page's scan both ask on a fresh start,
 * and each waits for the same storing and restoring. So a load, which reads only after its seed()
 * settles, never reads a corpus without the restored articles, and none needs forgetting after it.
 * (Forgetting the load here, as before, threw away the first page's load in flight: the second
 * page read and indexed the whole corpus again.)
 */
export function seed(): Promise<SeedOutcome> {
  seeding ??= (async () => {
    await openDatabase(db);
    const outcome = await seedCorpus(db, bundled);
    if (outcome.status === 'seeded' && outcome.previousVersion === null) await restoreFromBackup();
    return outcome;
  })().finally(() => {
    seeding = null;
  });
  return seeding;
}

async function restoreFromBackup(): Promise<void> {
  try {
    const backup = await readBackup(browser.storage.local);
    if (backup === null || backup.articles.length === 0) return;
    const report = await restoreUserArticles(db, backup.articles);
    console.info(`Parallax restored ${report.added.length} of your articles from their backup copy.`);
  } catch (error) {
    // The bundled corpus works without them, and the backup stays as it was for a rebuild to retry.
    console.error('Parallax could not restore your articles from their backup copy:', error);
  }
}

/** The corpus and its matcher, loaded once; a failure is not cached, so the next call retries. */
export function loadedCorpus(): Promise<LoadedCorpus> {
  loading ??= (async () => {
    await seed();
    const corpus = await loadCorpus(db);
    const quotes = new Map(corpus.sentences.filter((s) => s.quotes.length > 0).map((s) => [s.id, s.quotes]));
    const { matcher, origin, saved } = await loadMatcher(db, corpus, bundledIndex);
    return { corpus, matcher, overview: corpusOverview(corpus), quotes, indexOrigin: origin, indexSaved: saved };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * After a change of the reader's articles: load the new corpus now, so that its index is built and
 * stored while the reader is on the settings page, not when the next page is scanned or the next
 * wake comes. A failure here is the next scan's to report.
 */
export function reindex(): void {
  loadedCorpus().catch((error: unknown) => console.warn('Parallax could not index its corpus after your change:', error));
}

/** The open database, seeded: for the reader's articles (articles.ts). */
export async function database(): Promise<ParallaxDB> {
  await seed();
  return db;
}

/** Rewrite the backup copy of the reader's articles after a change to them. */
export async function backUpUserArticles(): Promise<void> {
  try {
    await writeBackup(browser.storage.local, db);
  } catch (error) {
    // The change itself is stored; only the copy lags, and a rebuild also reads the database.
    console.error('Parallax could not update the backup copy of your articles:', error);
  }
}

/**
 * Delete the database and build it again from the bundled corpus, putting the reader's articles
 * back from their backup copy and from what the old database still gives up.
 */
export async function rebuild(): Promise<RebuildReport> {
  loading = null;
  const backup = await readBackup(browser.storage.local).catch((error: unknown) => {
    console.error('Parallax found the backup copy of your articles damaged; rebuilding without it:', error);
    return null;
  });
  const report = await rebuildDatabase(db, bundled, backup);
  loading = null;
  await backUpUserArticles();
  return report;
}
