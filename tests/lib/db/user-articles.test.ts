import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildArticle } from '../../../lib/corpus/build';
import { CorpusInputError } from '../../../lib/corpus/validate';
import { loadCorpus, seedCorpus } from '../../../lib/db/seed';
import {
  addUserArticle,
  listUserArticles,
  MAX_LIBRARY_BYTES,
  newArticleProblems,
  removeUserArticle,
} from '../../../lib/db/user-articles';
import { Matcher } from '../../../lib/match/matcher';
import type { ParallaxDB } from '../../../lib/db/database';
import { bundledCorpus, deleteAll, freshDb, LEDGER, LEDGER_OWN_SENTENCE, nextRelease } from './fixtures';

afterEach(deleteAll);

const PASTED = 'the pasted article';

async function seededDb(): Promise<ParallaxDB> {
  const db = freshDb();
  await seedCorpus(db, bundledCorpus());
  return db;
}

/** Every row of the database, to show that a refused input changed nothing. */
async function everything(db: ParallaxDB) {
  return {
    articles: await db.articles.toArray(),
    sentences: await db.sentences.toArray(),
    userArticles: await db.userArticles.toArray(),
  };
}

describe('adding an article', () => {
  it('builds it as the seeds are built and stores it with origin "user"', async () => {
    const db = await seededDb();
    const added = await addUserArticle(db, PASTED, LEDGER, { now: 1_000 });
    expect(added).toMatchObject({ outlet: LEDGER.outlet, title: LEDGER.title, url: LEDGER.url, addedAt: 1_000 });
    expect(added.id).toMatch(/^user-[0-9a-f-]{36}$/);

    const article = await db.articles.get(added.id);
    expect(article).toMatchObject({ origin: 'user', outlet: LEDGER.outlet, file: null, text: LEDGER.text });
    // The same sentences, roles, tokens and quotes as buildArticle gives for the same input.
    const expected = buildArticle({ id: added.id, outlet: LEDGER.outlet, text: LEDGER.text, title: LEDGER.title, url: LEDGER.url });
    const stored = await db.sentences.where('articleId').equals(added.id).sortBy('index');
    expect(stored).toEqual(expected.sentences);
    expect(added.sentenceCount).toBe(stored.filter((s) => s.role !== 'furniture').length);
  });

  it('joins the matcher’s corpus: its sentences match as another outlet’s wording', async () => {
    const db = await seededDb();
    const added = await addUserArticle(db, PASTED, LEDGER);
    const matcher = Matcher.fromCorpus(await loadCorpus(db));
    const matches = matcher.matchSentence(LEDGER_OWN_SENTENCE);
    expect(matches[0]).toMatchObject({ articleId: added.id, outlet: LEDGER.outlet, kind: 'verbatim' });
  });

  it('joins the points: its wording of a seed point is grouped with the seeds’, and its own sentence is a point of its own', async () => {
    const db = await seededDb();
    const bundledPoints = (await loadCorpus(db)).points;
    const added = await addUserArticle(db, PASTED, LEDGER);
    const corpus = await loadCorpus(db);
    const withinDays = corpus.points.find((p) =>
      p.sentenceIds.some((id) => corpus.sentences.find((s) => s.id === id)?.text.startsWith('The United States may withdraw from mediating')),
    );
    expect(withinDays?.articleIds).toContain(added.id);
    expect(withinDays?.articleIds).toContain('004_1d32572d87f94e9b');
    const own = corpus.points.find((p) => p.label === LEDGER_OWN_SENTENCE);
    expect(own?.articleIds).toEqual([added.id]);
    // Every other article leaves the Ledger's own point out; the bundled points never knew it.
    expect(own?.missingArticleIds).toHaveLength(corpus.articles.length - 1);
    expect(bundledPoints.some((p) => p.label === LEDGER_OWN_SENTENCE)).toBe(false);
  });

  it('groups the points once and reuses them until the articles change', async () => {
    const db = await seededDb();
    await addUserArticle(db, PASTED, LEDGER);
    const first = await loadCorpus(db);
    const cache = await db.meta.get('points');
    expect(cache?.key === 'points' && cache.points).toEqual(first.points);
    // A poisoned cache with the right basis is what the next load returns: it was not recomputed.
    if (cache?.key !== 'points') throw new Error('no points cache');
    await db.meta.put({ ...cache, points: cache.points.slice(0, 1) });
    expect((await loadCorpus(db)).points).toHaveLength(1);
    // Removing the article changes the basis: the bundled points are back.
    await removeUserArticle(db, (await listUserArticles(db))[0]!.id);
    const byId = (points: { id: string }[]) => [...points].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId((await loadCorpus(db)).points)).toEqual(byId(bundledCorpus().points));
  });

  it('survives an extension update: seeding a new bundled corpus keeps it, its sentences and its record', async () => {
    const db = await seededDb();
    const added = await addUserArticle(db, PASTED, LEDGER);
    const before = await everything(db);
    const outcome = await seedCorpus(db, nextRelease());
    expect(outcome).toMatchObject({ status: 'seeded', version: 'next-release' });
    const after = await everything(db);
    const mine = <T extends { articleId?: string; id?: string }>(rows: T[]) =>
      rows.filter((r) => (r.articleId ?? r.id ?? '').startsWith('user-'));
    expect(mine(after.articles)).toEqual(mine(before.articles));
    expect(mine(after.sentences)).toEqual(mine(before.sentences));
    expect(after.userArticles).toEqual(before.userArticles);
    const corpus = await loadCorpus(db);
    expect(corpus.version).toBe('next-release');
    expect(corpus.points.some((p) => p.articleIds.includes(added.id))).toBe(true);
  });

  it('can be removed, with its sentences; the seeds stay', async () => {
    const db = await seededDb();
    const added = await addUserArticle(db, PASTED, LEDGER);
    expect(await removeUserArticle(db, added.id)).toBe(true);
    expect(await db.articles.get(added.id)).toBeUndefined();
    expect(await db.sentences.where('articleId').equals(added.id).count()).toBe(0);
    expect(await listUserArticles(db)).toEqual([]);
    expect(await db.articles.count()).toBe(bundledCorpus().articles.length);
    // Removing again, or removing a seed, does nothing.
    expect(await removeUserArticle(db, added.id)).toBe(false);
    expect(await removeUserArticle(db, '004_1d32572d87f94e9b')).toBe(false);
    expect(await db.articles.count()).toBe(bundledCorpus().articles.length);
  });

  it('lists the reader’s articles newest first', async () => {
    const db = await seededDb();
    await addUserArticle(db, PASTED, LEDGER, { now: 1 });
    await addUserArticle(db, PASTED, { outlet: 'Second Paper', text: 'Rubio spoke in Paris. The talks went on.' }, { now: 2 });
    expect((await listUserArticles(db)).map((a) => a.outlet)).toEqual(['Second Paper', LEDGER.outlet]);
  });
});

describe('bad input: a clear error naming the input, and nothing stored is lost', () => {
  const cases: [string, Parameters<typeof addUserArticle>[2], RegExp][] = [
    ['empty', { outlet: 'Ledger', text: '  \n\n ' }, /^the pasted article: is empty$/],
    ['binary', { outlet: 'Ledger', text: 'PK\u0003\u0004\u0000\u0000binary' }, /^the pasted article: contains NUL bytes .* it is a binary file, not article text$/],
    ['10 MB', { outlet: 'Ledger', text: 'Rubio spoke. '.repeat((10 * 1024 * 1024) / 13) }, /^the pasted article: is 10 MB; an article may be at most 2 MB$/],
    ['not UTF-8', { outlet: 'Ledger', text: 'Rubio said \uFFFD in Paris.' }, /is not valid UTF-8/],
    ['no outlet', { outlet: '   ', text: 'Rubio spoke in Paris.' }, /^the pasted article: has no outlet name/],
    ['a bad address', { outlet: 'Ledger', text: 'Rubio spoke in Paris.', url: 'javascript:alert(1)' }, /not an http\(s\) URL/],
    ['a bad date', { outlet: 'Ledger', text: 'Rubio spoke in Paris.', date: '18/04/2025' }, /write it as 2025-04-18/],
  ];
  for (const [what, input, message] of cases) {
    it(`refuses ${what} text`, async () => {
      const db = await seededDb();
      await addUserArticle(db, PASTED, LEDGER);
      const before = await everything(db);
      const error = await addUserArticle(db, PASTED, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CorpusInputError);
      expect((error as Error).message).toMatch(message);
      expect(await everything(db)).toEqual(before);
    });
  }

  it('names every problem at once', () => {
    const problems = newArticleProblems(PASTED, { outlet: '', text: '', url: 'ftp://x' });
    expect(problems.map((p) => p.problem)).toEqual([
      'is empty',
      'has no outlet name: say which outlet published it',
      'has the address "ftp://x", which is not an http(s) URL',
    ]);
  });

  it('refuses the same text twice, and a seed’s text, naming what it duplicates', async () => {
    const db = await seededDb();
    await addUserArticle(db, PASTED, LEDGER);
    const before = await everything(db);
    await expect(addUserArticle(db, PASTED, { ...LEDGER, text: `  ${LEDGER.text.replace(/\n\n/g, '\n')}  ` })).rejects.toThrow(
      `the pasted article: is not added: its text is already stored, as Harbor City Ledger’s “${LEDGER.title}”`,
    );
    const seed = bundledCorpus().articles.find((a) => a.id === '004_1d32572d87f94e9b')!;
    await expect(addUserArticle(db, PASTED, { outlet: 'Copycat', text: seed.text })).rejects.toThrow(
      /its text is already stored, as The Voice News’s/,
    );
    expect(await everything(db)).toEqual(before);
  });

  it('refuses an article that would outgrow the library', async () => {
    const db = await seededDb();
    // Stored as earlier adds would have left them (sentences do not count towards the limit).
    const filler = 'x'.repeat(MAX_LIBRARY_BYTES / 4 - 1024);
    await db.articles.bulkPut(
      [0, 1, 2, 3].map((n) => ({ id: `user-${n}`, origin: 'user' as const, outlet: `Paper ${n}`, title: '', url: null, date: null, file: null, text: `${n}${filler}` })),
    );
    const before = await everything(db);
    const news = { outlet: 'Paper 9', text: 'Rubio spoke in Paris on Friday. '.repeat(8 * 1024) };
    await expect(addUserArticle(db, PASTED, news)).rejects.toThrow(
      /^the pasted article: would bring your own articles to 8.2 MB; Parallax keeps at most 8 MB of them, so that their backup copy fits/,
    );
    expect(await everything(db)).toEqual(before);
  });
});
