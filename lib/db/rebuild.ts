/**
 * Rebuilding the database from scratch: for a database that cannot be opened, failed an upgrade,
 * or is damaged. It is deleted, created at the current schema, seeded with the bundled corpus, and
 * the reader's articles are put back from their backup copy and from whatever the old database
 * still gave up. The bundle is checked before anything is deleted.
 */
import { openDatabase, type ParallaxDB } from './database';
import { EXPORT_FORMAT, EXPORT_VERSION, exportUserArticles, importArticleExport, type ArticleExport, type ExportedArticle } from './export';
import { checkCorpus, seedCorpus } from './seed';
import type { AddManyReport } from './user-articles';

export interface RebuildReport {
  /** The bundled corpus version now stored. */
  version: string;
  /** The reader's articles put back. */
  restored: number;
  /** Articles of the backup left out (duplicates), with why. */
  skipped: AddManyReport['skipped'];
}

/** How the restored articles are named in messages. */
export const SAVED_ARTICLES_LABEL = 'your saved articles';

/**
 * The reader's articles from both sources, each id once: the backup may lag behind the database
 * (its last write failed), and the database may have lost rows the backup still has.
 */
export function mergeSavedArticles(...sources: (ArticleExport | null)[]): ExportedArticle[] {
  const byId = new Map<string, ExportedArticle>();
  for (const source of sources) for (const article of source?.articles ?? []) if (!byId.has(article.id)) byId.set(article.id, article);
  return [...byId.values()];
}

export async function rebuildDatabase(db: ParallaxDB, bundled: unknown, backup: ArticleExport | null): Promise<RebuildReport> {
  checkCorpus(bundled);
  // A damaged or unopenable database may still give its articles up; if not, the backup has them.
  const rescued = await exportUserArticles(db).catch(() => null);
  const saved = mergeSavedArticles(rescued, backup);
  db.close();
  await db.delete();
  await openDatabase(db);
  await seedCorpus(db, bundled);
  const report = await restoreUserArticles(db, saved);
  return { version: bundled.version, restored: report.added.length, skipped: report.skipped };
}

/** Puts saved articles (a backup's) into the database; those already there are skipped. */
export async function restoreUserArticles(db: ParallaxDB, articles: readonly ExportedArticle[]): Promise<AddManyReport> {
  if (articles.length === 0) return { added: [], skipped: [] };
  const doc: ArticleExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '', articles: [...articles] };
  return importArticleExport(db, SAVED_ARTICLES_LABEL, doc);
}
