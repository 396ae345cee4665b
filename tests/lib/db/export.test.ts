import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParallaxDB } from '../../../lib/db/database';
import {
  EXPORT_FORMAT,
  exportFileName,
  exportJson,
  exportUserArticles,
  ImportError,
  importArticlesFile,
  parseArticleExport,
} from '../../../lib/db/export';
import { loadCorpus, seedCorpus } from '../../../lib/db/seed';
import { addUserArticle, listUserArticles, removeUserArticle } from '../../../lib/db/user-articles';
import { bundledCorpus, deleteAll, freshDb, LEDGER } from './fixtures';

afterEach(deleteAll);

const SECOND = { outlet: 'Second Paper', text: 'Rubio spoke in Paris on Friday.\n\nThe talks went on into the evening.', date: '2025-04-18' };

async function seededDb(): Promise<ParallaxDB> {
  const db = freshDb();
  await seedCorpus(db, bundledCorpus());
  return db;
}

async function everything(db: ParallaxDB) {
  return { articles: await db.articles.toArray(), sentences: await db.sentences.toArray(), userArticles: await db.userArticles.toArray() };
}

/** An export file of the Ledger and the second paper, as the reader would have saved it. */
async function exportedFile(): Promise<string> {
  const db = await seededDb();
  await addUserArticle(db, 'the pasted article', LEDGER, { now: Date.parse('2025-04-19T08:00:00Z') });
  await addUserArticle(db, 'the pasted article', SECOND, { now: Date.parse('2025-04-20T08:00:00Z') });
  return exportJson(await exportUserArticles(db, Date.parse('2025-04-21T08:00:00Z')));
}

describe('export', () => {
  it('writes the reader’s articles, oldest first, in a versioned format, without the seeds', async () => {
    const doc = JSON.parse(await exportedFile());
    expect(doc).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-04-21T08:00:00.000Z' });
    expect(doc.articles).toHaveLength(2);
    expect(doc.articles[0]).toEqual({
      id: expect.stringMatching(/^user-/),
      outlet: LEDGER.outlet,
      title: LEDGER.title,
      url: LEDGER.url,
      date: null,
      addedAt: '2025-04-19T08:00:00.000Z',
      text: LEDGER.text,
    });
    expect(doc.articles[1]).toMatchObject({ outlet: 'Second Paper', date: '2025-04-18' });
  });

  it('names the file after the day', () => {
    expect(exportFileName(Date.parse('2025-04-21T08:00:00Z'))).toBe('parallax-articles-2025-04-21.json');
  });
});

describe('import', () => {
  it('brings removed articles back as they were, and they match and group again', async () => {
    const file = await exportedFile();
    const db = await seededDb();
    const report = await importArticlesFile(db, 'articles.json', file);
    expect(report.added.map((a) => a.outlet)).toEqual([LEDGER.outlet, 'Second Paper']);
    expect(report.skipped).toEqual([]);
    const listed = await listUserArticles(db);
    expect(listed.map((a) => [a.outlet, new Date(a.addedAt).toISOString()])).toEqual([
      ['Second Paper', '2025-04-20T08:00:00.000Z'],
      [LEDGER.outlet, '2025-04-19T08:00:00.000Z'],
    ]);
    const ledgerId = listed[1]!.id;
    expect(JSON.parse(file).articles[0].id).toBe(ledgerId);
    expect((await loadCorpus(db)).points.some((p) => p.articleIds.includes(ledgerId) && p.articleIds.length > 1)).toBe(true);
  });

  it('skips what is already stored: importing the same file twice adds nothing', async () => {
    const file = await exportedFile();
    const db = await seededDb();
    await importArticlesFile(db, 'articles.json', file);
    const before = await everything(db);
    const again = await importArticlesFile(db, 'articles.json', file);
    expect(again.added).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual([
      expect.stringMatching(/^an article with its id \(user-.*\) is already stored$/),
      expect.stringMatching(/^an article with its id/),
    ]);
    expect(await everything(db)).toEqual(before);
  });

  it('skips an article whose text is stored under another id, and a repeat within the file', async () => {
    const db = await seededDb();
    await addUserArticle(db, 'the pasted article', LEDGER);
    const doc = JSON.parse(await exportedFile());
    doc.articles.push({ ...doc.articles[1], id: 'user-copy-of-second' });
    const report = await importArticlesFile(db, 'articles.json', JSON.stringify(doc));
    expect(report.added.map((a) => a.outlet)).toEqual(['Second Paper']);
    expect(report.skipped.map((s) => s.reason)).toEqual([
      `its text is already stored, as Harbor City Ledger’s “${LEDGER.title}”`,
      'its text is already stored, as Second Paper’s “Rubio spoke in Paris on Friday.”',
    ]);
  });
});

describe('import of a bad file: a clear error naming the file and what is wrong, and nothing stored is lost', () => {
  /** The Ledger's export with one change. */
  const variant = async (change: (doc: any) => unknown) => {
    const doc = JSON.parse(await exportedFile());
    return JSON.stringify(change(doc) ?? doc);
  };
  const cases: [string, () => Promise<string> | string, RegExp | string][] = [
    ['an empty file', () => '', 'mine.json: is empty. Nothing was imported.'],
    ['a binary file', () => 'PK\u0003\u0004\u0000\u0000\u0014\u0000', 'mine.json: is a binary file (it contains NUL bytes), not a Parallax export. Nothing was imported.'],
    ['a 20 MB file', () => ' '.repeat(20 * 1024 * 1024), 'mine.json: is 20 MB; an export of Parallax articles is at most 16 MB. Nothing was imported.'],
    ['a file that is not JSON', () => '{"format": "parallax-articles", ', /^mine\.json: is not valid JSON \(.+\)\. Nothing was imported\.$/],
    ['some other JSON', () => '{"name": "package"}', 'mine.json: is not a Parallax export: it lacks "format": "parallax-articles". Nothing was imported.'],
    ['a newer format', () => variant((d) => void (d.version = 2)), /^mine\.json: was written by a newer Parallax \(format version 2\); this one reads version 1\. Update Parallax/],
    ['no article list', () => variant((d) => void delete d.articles), 'mine.json: has no "articles" list. Nothing was imported.'],
    [
      'an article with a seed’s id',
      () => variant((d) => void (d.articles[1].id = '004_1d32572d87f94e9b')),
      'mine.json articles[1] (“Rubio spoke in Paris on Friday.”): "id" must look like "user-…", not "004_1d32572d87f94e9b". Nothing was imported.',
    ],
    [
      'an article with empty text',
      () => variant((d) => void (d.articles[1].text = '')),
      'mine.json articles[1] (“Rubio spoke in Paris on Friday.”) "text": is empty. Nothing was imported.',
    ],
    [
      'a 10 MB article',
      () => variant((d) => void (d.articles[0].text = 'Rubio spoke. '.repeat((10 * 1024 * 1024) / 13))),
      `mine.json articles[0] (“${LEDGER.title}”) "text": is 10 MB; an article may be at most 2 MB. Nothing was imported.`,
    ],
    [
      'several bad articles',
      () => variant((d) => void d.articles.push(null, { id: 'user-x', outlet: 7, text: 'x' })),
      'mine.json cannot be imported (2 problems); nothing was imported:\nmine.json articles[2]: is not an object\nmine.json articles[3]: "outlet" must be a string',
    ],
  ];
  for (const [what, file, message] of cases) {
    it(`refuses ${what}`, async () => {
      const json = await file();
      const db = await seededDb();
      await addUserArticle(db, 'the pasted article', { outlet: 'Kept Paper', text: 'A sentence the reader keeps. Another one.' });
      const before = await everything(db);
      const error = await importArticlesFile(db, 'mine.json', json).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      if (typeof message === 'string') expect((error as Error).message).toBe(message);
      else expect((error as Error).message).toMatch(message);
      expect(await everything(db)).toEqual(before);
    });
  }

  it('stores none of a file’s good articles when one is bad (all or nothing)', async () => {
    const json = await variant((d) => void (d.articles[1].url = 'not a url'));
    const db = await seededDb();
    await expect(importArticlesFile(db, 'mine.json', json)).rejects.toThrow(/articles\[1\].*"not a url", which is not an http\(s\) URL/);
    expect(await listUserArticles(db)).toEqual([]);
  });

  it('stores nothing when the articles would outgrow the library', async () => {
    const db = await seededDb();
    const filler = 'x'.repeat(2 * 1024 * 1024 - 100);
    await db.articles.bulkPut(
      [0, 1, 2, 3].map((n) => ({ id: `user-${n}`, origin: 'user' as const, outlet: `P${n}`, title: '', url: null, date: null, file: null, text: `${n}${filler}` })),
    );
    const before = await everything(db);
    await expect(importArticlesFile(db, 'mine.json', await exportedFile())).rejects.toThrow(
      /^mine\.json: would bring your own articles to 8 MB; Parallax keeps at most 8 MB/,
    );
    expect(await everything(db)).toEqual(before);
  });

  it('parses a good file without touching any database', async () => {
    const doc = parseArticleExport('mine.json', await exportedFile());
    expect(doc.articles.map((a) => a.outlet)).toEqual([LEDGER.outlet, 'Second Paper']);
  });

  it('a removed article can be imported back from an export made before', async () => {
    const db = await seededDb();
    const added = await addUserArticle(db, 'the pasted article', LEDGER);
    const file = exportJson(await exportUserArticles(db));
    await removeUserArticle(db, added.id);
    const report = await importArticlesFile(db, 'mine.json', file);
    expect(report.added.map((a) => a.id)).toEqual([added.id]);
  });
});
