import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_KEY, BACKUP_LABEL, readBackup, writeBackup } from '../../../lib/db/backup';
import type { ParallaxDB } from '../../../lib/db/database';
import { ImportError } from '../../../lib/db/export';
import { DatabaseProblem } from '../../../lib/db/problems';
import { rebuildDatabase } from '../../../lib/db/rebuild';
import { CorpusDataError, loadCorpus, seedCorpus } from '../../../lib/db/seed';
import { addUserArticle, listUserArticles, removeUserArticle } from '../../../lib/db/user-articles';
import { memoryStorageArea } from '../../../lib/storage-area';
import { bundledCorpus, deleteAll, freshDb, LEDGER } from './fixtures';

afterEach(deleteAll);

const SECOND = { outlet: 'Second Paper', text: 'Rubio spoke in Paris on Friday.\n\nThe talks went on into the evening.' };

async function seededDb(): Promise<ParallaxDB> {
  const db = freshDb();
  await seedCorpus(db, bundledCorpus());
  return db;
}

describe('the backup copy', () => {
  it('holds the reader’s articles in the export format and reads back checked', async () => {
    const db = await seededDb();
    const area = memoryStorageArea();
    expect(await readBackup(area)).toBeNull();
    await addUserArticle(db, 'the pasted article', LEDGER);
    await writeBackup(area, db);
    const backup = await readBackup(area);
    expect(backup?.articles.map((a) => a.outlet)).toEqual([LEDGER.outlet]);
    expect(backup?.articles[0]?.text).toBe(LEDGER.text);
  });

  it('says so when the copy is damaged', async () => {
    const area = memoryStorageArea({ [BACKUP_KEY]: { format: 'parallax-articles', version: 1, articles: [{ id: 'user-1' }] } });
    const error = await readBackup(area).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(new RegExp(`^${BACKUP_LABEL} cannot be imported \\(2 problems\\)`));
  });
});

describe('rebuilding the database', () => {
  it('repairs a damaged database: the seeds are back, and so are the reader’s articles from the backup', async () => {
    const db = await seededDb();
    const area = memoryStorageArea();
    await addUserArticle(db, 'the pasted article', LEDGER);
    await writeBackup(area, db);

    await db.sentences.clear();
    const damage = (await loadCorpus(db).catch((e: unknown) => e)) as DatabaseProblem;
    expect(damage).toBeInstanceOf(DatabaseProblem);
    expect(damage.kind).toBe('damaged');
    expect(damage.message).toMatch(/^Parallax's database is damaged: 6 of its 6 articles have no sentences \(000_d92422b15f672f7c, 001_ba9eee08ec8f519a, 002_264115c7bb73e8f9, …\)\. Rebuild the database/);

    const report = await rebuildDatabase(db, bundledCorpus(), await readBackup(area));
    expect(report).toMatchObject({ version: bundledCorpus().version, restored: 1, skipped: [] });
    const corpus = await loadCorpus(db);
    expect(corpus.sentences.length).toBeGreaterThan(bundledCorpus().sentences.length);
    expect((await listUserArticles(db)).map((a) => a.outlet)).toEqual([LEDGER.outlet]);
  });

  it('keeps articles the backup lacks but the old database still gives up, and the backup’s the database lost', async () => {
    const db = await seededDb();
    const area = memoryStorageArea();
    const ledger = await addUserArticle(db, 'the pasted article', LEDGER);
    await writeBackup(area, db);
    // The database lost the Ledger and gained an article the backup never saw (its write failed).
    await removeUserArticle(db, ledger.id);
    await addUserArticle(db, 'the pasted article', SECOND);
    const report = await rebuildDatabase(db, bundledCorpus(), await readBackup(area));
    expect(report.restored).toBe(2);
    expect((await listUserArticles(db)).map((a) => a.outlet).sort()).toEqual([LEDGER.outlet, 'Second Paper']);
  });

  it('refuses a corrupt bundled corpus before deleting anything', async () => {
    const db = await seededDb();
    await addUserArticle(db, 'the pasted article', LEDGER);
    const before = await db.articles.count();
    await expect(rebuildDatabase(db, { version: 'x', articles: [] }, null)).rejects.toThrow(CorpusDataError);
    expect(await db.articles.count()).toBe(before);
  });

  it('works on a database that never held anything', async () => {
    const db = freshDb();
    const report = await rebuildDatabase(db, bundledCorpus(), null);
    expect(report.restored).toBe(0);
    expect((await loadCorpus(db)).articles).toHaveLength(bundledCorpus().articles.length);
  });
});
