/**
 * The matcher of the stored corpus, from its stored index when there is one that fits: a woken
 * service worker then loads the index (lib/match/index-store.ts) instead of analyzing every
 * sentence again (29 ms for the seeds, some 3 s for a corpus 100× larger).
 *
 * In order: the index stored in the database; the index built with the bundled corpus at build
 * time (lib/node/corpus-plugin.ts), which fits as long as the reader has added nothing; else the
 * index is built from the corpus. Whichever is used is stored for the next wake when it is not the
 * stored one, so a change of the reader's articles (a corpus with another fingerprint) gets its
 * index built and stored once. A stored index that does not fit or is damaged is passed over, and
 * a database that cannot store it costs the next wake a rebuild: matching never depends on it. A
 * built index is serialized in slices that yield, after the matcher is handed back.
 */
import { StaleIndexError, type StoredIndex } from '../match/index-store';
import { Matcher, type MatcherCorpus } from '../match/matcher';
import type { ParallaxDB } from './database';

export const MATCHER_INDEX_KEY = 'matcher';

/** Where the matcher's index came from. */
export type IndexOrigin = 'stored' | 'bundled' | 'built';

export interface LoadedMatcher {
  matcher: Matcher;
  origin: IndexOrigin;
  /** Why the stored index was passed over, when there was one. */
  passedOver: string | null;
  /** Settles when the index is stored for the next wake (or storing it failed, which is logged); never rejects. */
  saved: Promise<void>;
}

/** `bundled`: the index built with the bundled corpus (`virtual:parallax-index`), if at hand. */
export async function loadMatcher(db: ParallaxDB, corpus: MatcherCorpus, bundled?: unknown): Promise<LoadedMatcher> {
  const row = await db.matcherIndex.get(MATCHER_INDEX_KEY).catch((error: unknown) => {
    console.warn('Parallax could not read its stored index; building it:', error);
    return undefined;
  });
  let passedOver: string | null = null;
  if (row !== undefined) {
    try {
      return { matcher: Matcher.fromStoredIndex(corpus, row.index), origin: 'stored', passedOver, saved: Promise.resolve() };
    } catch (error) {
      passedOver = reason(error);
      // A stale index is expected after every change of the corpus; anything else is damage worth a line in the log.
      if (!(error instanceof StaleIndexError)) console.warn('Parallax found its stored index damaged; building it:', error);
    }
  }
  if (bundled !== undefined) {
    try {
      const matcher = Matcher.fromStoredIndex(corpus, bundled);
      return { matcher, origin: 'bundled', passedOver, saved: storeIndex(db, bundled as StoredIndex) }; // checked whole by the load above
    } catch (error) {
      if (!(error instanceof StaleIndexError)) console.warn('Parallax could not use the index it was built with:', error);
    }
  }
  const matcher = Matcher.fromCorpus(corpus);
  return { matcher, origin: 'built', passedOver, saved: storeBuiltIndex(db, matcher) };
}

/**
 * Serializes a just-built index in slices that yield (some 200 ms of work at 100x the seeds, which
 * in one piece would hold up the first pages after a wake that follows a change of the reader's
 * articles), then stores it. Never rejects, like storeIndex.
 */
async function storeBuiltIndex(db: ParallaxDB, matcher: Matcher): Promise<void> {
  let index: StoredIndex;
  try {
    index = await matcher.storedIndexInSlices();
  } catch (error) {
    console.warn('Parallax could not serialize its index for the next wake:', error);
    return;
  }
  await storeIndex(db, index);
}

/** Replaces the stored index; a failure (a full disk) is logged, and the next wake builds again. */
async function storeIndex(db: ParallaxDB, index: StoredIndex): Promise<void> {
  try {
    await db.matcherIndex.put({ key: MATCHER_INDEX_KEY, index, storedAt: Date.now() });
  } catch (error) {
    console.warn('Parallax could not store its index for the next wake:', error);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
