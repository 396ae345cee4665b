/**
 * The background's answers about the reader's own articles and the database's repair, for the
 * settings page and the panel. The work is lib/db's; here it is serialized (one change at a time,
 * so a rebuild never runs under an import), the backup copy is rewritten after every change, and
 * the matcher is made to reload.
 */
import type { ExtensionMessenger } from '@webext-core/messaging';
import { exportUserArticles, importArticlesFile } from '@/lib/db/export';
import { addUserArticle, listUserArticles, removeUserArticle } from '@/lib/db/user-articles';
import type { AddArticleRequest, BackgroundProtocol } from '@/lib/protocol';
import { backUpUserArticles, database, invalidate, rebuild, reindex } from './corpus';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `change` after every change before it, then makes the matcher reload (with the new corpus's
 * index built and stored at once) and the backup follow.
 */
function exclusive<T>(change: () => Promise<T>, after: { changed: (result: T) => boolean }): Promise<T> {
  const run = queue.then(async () => {
    const result = await change();
    if (after.changed(result)) {
      invalidate();
      await backUpUserArticles();
      reindex();
    }
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** How an article is named in errors, after where its text came from. */
function labelOf(request: AddArticleRequest): string {
  return request.source === 'page' && request.url ? `the article from ${request.url}` : 'the pasted article';
}

export function registerArticleHandlers(onMessage: ExtensionMessenger<BackgroundProtocol>['onMessage']): void {
  onMessage('listArticles', async () => listUserArticles(await database()));

  onMessage('addArticle', async ({ data }) => {
    const { source: _source, ...input } = data;
    return exclusive(async () => addUserArticle(await database(), labelOf(data), input), { changed: () => true });
  });

  onMessage('removeArticle', async ({ data: { id } }) =>
    exclusive(async () => removeUserArticle(await database(), id), { changed: (removed) => removed }),
  );

  onMessage('exportArticles', async () => exportUserArticles(await database()));

  onMessage('importArticles', async ({ data: { fileName, json } }) =>
    exclusive(async () => importArticlesFile(await database(), fileName, json), { changed: (report) => report.added.length > 0 }),
  );

  // The rebuild must work when `database()` cannot: it does not open the database first.
  onMessage('rebuildDatabase', () => exclusive(rebuild, { changed: () => false }));
}
