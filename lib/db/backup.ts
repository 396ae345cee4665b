/**
 * A copy of the reader's articles outside IndexedDB (in the extension's storage.local), rewritten
 * after every change to them. When the database is lost, damaged or rebuilt, the articles come
 * back from here: the bundled corpus can always be seeded again, the reader's articles cannot.
 *
 * The copy has the export file's format (export.ts), so it is checked like an imported file.
 */
import type { StorageArea } from '../storage-area';
import type { ParallaxDB } from './database';
import { checkArticleExport, exportUserArticles, type ArticleExport } from './export';

export const BACKUP_KEY = 'userArticlesBackup';

/** How the backup is named in messages. */
export const BACKUP_LABEL = 'the backup copy of your articles';

/** Rewrites the backup from the database's current articles. */
export async function writeBackup(area: StorageArea, db: ParallaxDB): Promise<ArticleExport> {
  const doc = await exportUserArticles(db);
  await area.set({ [BACKUP_KEY]: doc });
  return doc;
}

/** The backup, checked; null when there is none. Throws an ImportError when it is damaged. */
export async function readBackup(area: StorageArea): Promise<ArticleExport | null> {
  const stored = (await area.get(BACKUP_KEY))[BACKUP_KEY];
  return stored === undefined ? null : checkArticleExport(BACKUP_LABEL, stored);
}
