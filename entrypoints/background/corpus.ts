/**
 * The background's corpus: seeded into IndexedDB from the bundle, read back (with the reader's own
 * articles), and indexed by the matcher once per service-worker life. Chromium stops an idle
 * worker; the next message rebuilds all of this from IndexedDB (the cold start the benchmark
 * measures).
 *
 * The database is the only IndexedDB connection of the extension. A database that cannot be
 * opened or is damaged surfaces as a DatabaseProblem, whose message the panel shows with the
 * offer to rebuild (`rebuild`).
 */
import bundled from 'virtual:parallax-corpus';
import { browser } from 'wxt/browser';
import { corpusOverview, type CorpusOverview } from '@/lib/compare/panel-data';
import { readBackup, writeBackup } from '@/lib/db/backup';
import { openDatabase, ParallaxDB } from '@/lib/db/database';
import { rebuildDatabase, restoreUserArticles, type RebuildReport } from '@/lib/db/rebuild';
import { loadCorpus, seedCorpus, type SeedOutcome } from '@/lib/db/seed';
import { Matcher } from '@/lib/match/matcher';
import type { Corpus, Quote } from '@/lib/types';

export interface LoadedCorpus {
  corpus: Corpus;
  matcher: Matcher;
  overview: CorpusOverview;
  /** The quotes of corpus sentences by id (only sentences that have some), for comparing wordings. */
  quotes: ReadonlyMap<string, Quote[]>;
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

/**
 * Store the bundled corpus if the database does not hold this version yet. A database that was
 * just created (first install, or lost) gets the reader's articles back from their backup copy.
 */
export async function seed(): Promise<SeedOutcome> {
  await openDatabase(db);
  const outcome = await seedCorpus(db, bundled);
  if (outcome.status === 'seeded') {
    loading = null;
    if (outcome.previousVersion === null) await restoreFromBackup();
  }
  return outcome;
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
    return { corpus, matcher: Matcher.fromCorpus(corpus), overview: corpusOverview(corpus), quotes };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
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
