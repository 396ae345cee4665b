/**
 * The background's corpus: seeded into IndexedDB from the bundle, read back (with the reader's own
 * articles), and indexed by the matcher once per service-worker life. Chromium stops an idle
 * worker; the next message rebuilds all of this from IndexedDB (the cold start the benchmark
 * measures).
 */
import bundled from 'virtual:parallax-corpus';
import { corpusOverview, type CorpusOverview } from '@/lib/compare/panel-data';
import { ParallaxDB } from '@/lib/db/database';
import { loadCorpus, seedCorpus, type SeedOutcome } from '@/lib/db/seed';
import { Matcher } from '@/lib/match/matcher';
import type { Corpus } from '@/lib/types';

export interface LoadedCorpus {
  corpus: Corpus;
  matcher: Matcher;
  overview: CorpusOverview;
}

const db = new ParallaxDB();
let loading: Promise<LoadedCorpus> | null = null;

/** Store the bundled corpus if the database does not hold this version yet. */
export async function seed(): Promise<SeedOutcome> {
  const outcome = await seedCorpus(db, bundled);
  if (outcome.status === 'seeded') loading = null;
  return outcome;
}

/** The corpus and its matcher, loaded once; a failure is not cached, so the next call retries. */
export function loadedCorpus(): Promise<LoadedCorpus> {
  loading ??= (async () => {
    await seed();
    const corpus = await loadCorpus(db);
    return { corpus, matcher: Matcher.fromCorpus(corpus), overview: corpusOverview(corpus) };
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
