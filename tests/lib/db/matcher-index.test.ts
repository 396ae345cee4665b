/**
 * The matcher of the stored corpus from its stored index (lib/db/matcher-index.ts): the bundled
 * index on the first wake, the stored one after, a new one built and stored when the reader's
 * articles change; a stale, damaged, unreadable or unwritable stored index costs a rebuild, never
 * a wrong or missing matcher.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMatcher, MATCHER_INDEX_KEY } from '../../../lib/db/matcher-index';
import { inStoredOrder, loadCorpus, seedCorpus } from '../../../lib/db/seed';
import { addUserArticle } from '../../../lib/db/user-articles';
import { Matcher } from '../../../lib/match/matcher';
import type { ParallaxDB } from '../../../lib/db/database';
import { loadDevset } from '../../devset/devset';
import { bundledCorpus, deleteAll, freshDb, LEDGER, LEDGER_OWN_SENTENCE } from './fixtures';

/** What the build bundles as `virtual:parallax-index` (lib/node/corpus-plugin.ts). */
const bundledIndex = Matcher.fromCorpus(inStoredOrder(bundledCorpus())).storedIndex();
const pages = loadDevset().pages.slice(0, 6).map((p) => ({ title: p.title, sentences: p.sentences.map((s) => s.text) }));

let db: ParallaxDB;
beforeEach(async () => {
  db = freshDb();
  await seedCorpus(db, bundledCorpus());
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await deleteAll();
});

/** Whether `matcher` scans the dev pages as a matcher built from `db`'s corpus now. */
async function matchesAsBuilt(matcher: Matcher): Promise<void> {
  const built = Matcher.fromCorpus(await loadCorpus(db));
  for (const page of pages) expect(matcher.scanPage(page)).toEqual(built.scanPage(page));
}

describe('loadMatcher', () => {
  it('uses the bundled index on the first wake, stores it, and loads the stored one on the next', async () => {
    const first = await loadMatcher(db, await loadCorpus(db), bundledIndex);
    expect(first.origin).toBe('bundled');
    await first.saved;
    await matchesAsBuilt(first.matcher);
    const next = await loadMatcher(db, await loadCorpus(db), bundledIndex);
    expect(next).toMatchObject({ origin: 'stored', passedOver: null });
    await matchesAsBuilt(next.matcher);
  });

  it('builds without a bundled index, and stores what it built', async () => {
    const first = await loadMatcher(db, await loadCorpus(db));
    expect(first.origin).toBe('built');
    await first.saved;
    expect((await db.matcherIndex.get(MATCHER_INDEX_KEY))?.index.fingerprint).toBe(first.matcher.storedIndex().fingerprint);
    expect((await loadMatcher(db, await loadCorpus(db))).origin).toBe('stored');
  });

  it('builds and stores a new index once the reader adds an article; the old stored and the bundled one no longer fit', async () => {
    await (await loadMatcher(db, await loadCorpus(db), bundledIndex)).saved;
    await addUserArticle(db, 'the pasted article', LEDGER);
    const changed = await loadMatcher(db, await loadCorpus(db), bundledIndex);
    expect(changed.origin).toBe('built');
    expect(changed.passedOver).toMatch(/another corpus/);
    expect(changed.matcher.matchSentence(LEDGER_OWN_SENTENCE)[0]?.outlet).toBe(LEDGER.outlet);
    await changed.saved;
    const next = await loadMatcher(db, await loadCorpus(db), bundledIndex);
    expect(next.origin).toBe('stored');
    expect(next.matcher.matchSentence(LEDGER_OWN_SENTENCE)[0]?.outlet).toBe(LEDGER.outlet);
    await matchesAsBuilt(next.matcher);
  });

  it('passes a damaged stored index over, says why in the log, and replaces it', async () => {
    await db.matcherIndex.put({ key: MATCHER_INDEX_KEY, index: { ...bundledIndex, postingTargets: 'lost' } as never, storedAt: 1 });
    const loaded = await loadMatcher(db, await loadCorpus(db), bundledIndex);
    expect(loaded.origin).toBe('bundled');
    expect(loaded.passedOver).toMatch(/postingTargets/);
    await loaded.saved;
    await matchesAsBuilt(loaded.matcher);
    expect((await loadMatcher(db, await loadCorpus(db))).origin).toBe('stored');
  });

  it('still gives the matcher when the database can neither read nor store the index', async () => {
    vi.spyOn(db.matcherIndex, 'get').mockRejectedValue(new DOMException('The backing store is gone', 'UnknownError'));
    vi.spyOn(db.matcherIndex, 'put').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const loaded = await loadMatcher(db, await loadCorpus(db));
    expect(loaded.origin).toBe('built');
    await expect(loaded.saved).resolves.toBeUndefined();
    await matchesAsBuilt(loaded.matcher);
    expect(console.warn).toHaveBeenCalledWith('Parallax could not store its index for the next wake:', expect.any(DOMException));
  });
});
