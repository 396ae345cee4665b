// The background's answers about the reader's articles: every change rewrites the backup copy in
// storage.local and reaches the matcher; a database that was lost gets the articles back from
// that copy; a rebuild keeps them. The handlers are called as the messaging library calls them.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerArticleHandlers } from '../../../entrypoints/background/articles';
import { database, invalidate, loadedCorpus, seed } from '../../../entrypoints/background/corpus';
import { BACKUP_KEY } from '../../../lib/db/backup';
import type { ArticleExport } from '../../../lib/db/export';
import type { BackgroundProtocol } from '../../../lib/protocol';

type Handler = (message: { data: unknown }) => unknown;
const handlers = new Map<string, Handler>();
registerArticleHandlers(((type: string, handler: Handler) => {
  handlers.set(type, handler);
  return () => handlers.delete(type);
}) as never);

/** What the background answers `type` with, as a sender of that message receives it. */
async function sendMessage<K extends keyof BackgroundProtocol>(
  type: K,
  data: Parameters<BackgroundProtocol[K]>[0],
): Promise<ReturnType<BackgroundProtocol[K]>> {
  const handler = handlers.get(type);
  if (handler === undefined) throw new Error(`no handler for ${type}`);
  return (await handler({ data })) as ReturnType<BackgroundProtocol[K]>;
}

const LEDGER = {
  source: 'paste' as const,
  outlet: 'Harbor City Ledger',
  text: 'Families of the harbor district gathered at the library on Saturday to hear letters sent from Odesa.\n\nThe council promised a new shelter.',
};

async function backup(): Promise<ArticleExport | undefined> {
  return (await fakeBrowser.storage.local.get(BACKUP_KEY))[BACKUP_KEY] as ArticleExport | undefined;
}

beforeEach(async () => {
  // Each test starts from a database holding the bundled corpus only.
  for (const article of await sendMessage('listArticles', undefined)) await sendMessage('removeArticle', { id: article.id });
  await fakeBrowser.storage.local.clear();
  invalidate();
});

describe('the reader’s articles, through the background', () => {
  it('adds an article, backs it up, and the matcher finds it', async () => {
    const added = await sendMessage('addArticle', LEDGER);
    expect(added.outlet).toBe('Harbor City Ledger');
    expect((await backup())?.articles.map((a) => a.id)).toEqual([added.id]);
    const { matcher } = await loadedCorpus();
    expect(matcher.matchSentence('Families of the harbor district gathered at the library on Saturday to hear letters sent from Odesa.')[0]?.outlet).toBe(
      'Harbor City Ledger',
    );
  });

  it('never builds the index of the bundled corpus alone: it was built with the bundle, and is stored after the first wake', async () => {
    const first = await loadedCorpus();
    expect(['bundled', 'stored']).toContain(first.indexOrigin);
    await first.indexSaved;
    invalidate();
    expect((await loadedCorpus()).indexOrigin).toBe('stored');
  });

  it('indexes the new corpus at once after a change and stores the index: the next wake loads it, and matches alike', async () => {
    await sendMessage('addArticle', LEDGER);
    const changed = await loadedCorpus();
    expect(changed.indexOrigin).toBe('built');
    await changed.indexSaved;
    invalidate();
    const woken = await loadedCorpus();
    expect(woken.indexOrigin).toBe('stored');
    const sentence = 'Families of the harbor district gathered at the library on Saturday to hear letters sent from Odesa.';
    expect(woken.matcher.matchSentence(sentence)).toEqual(changed.matcher.matchSentence(sentence));
    expect(woken.matcher.matchSentence(sentence)[0]?.outlet).toBe('Harbor City Ledger');
  });

  it('names a bad paste, and stores nothing', async () => {
    await expect(sendMessage('addArticle', { ...LEDGER, text: '' })).rejects.toThrow('the pasted article: is empty');
    await expect(sendMessage('addArticle', { ...LEDGER, source: 'page', url: 'https://ledger.example/a', text: 'x\u0000y' })).rejects.toThrow(
      /^the article from https:\/\/ledger\.example\/a: contains NUL bytes/,
    );
    expect(await sendMessage('listArticles', undefined)).toEqual([]);
    expect(await backup()).toBeUndefined();
  });

  it('removes an article, from the backup too, and the matcher forgets it', async () => {
    const added = await sendMessage('addArticle', LEDGER);
    await loadedCorpus();
    expect(await sendMessage('removeArticle', { id: added.id })).toBe(true);
    expect((await backup())?.articles).toEqual([]);
    const { corpus } = await loadedCorpus();
    expect(corpus.articles.some((a) => a.id === added.id)).toBe(false);
  });

  it('gets the articles back from their backup when the database was lost', async () => {
    const added = await sendMessage('addArticle', LEDGER);
    const db = await database();
    await db.delete({ disableAutoOpen: false });
    const { corpus } = await loadedCorpus();
    expect(corpus.articles.find((a) => a.id === added.id)?.outlet).toBe('Harbor City Ledger');
  });

  it('on a fresh start, the install event and the first page seed once together: the page’s load is kept, with the articles restored', async () => {
    const added = await sendMessage('addArticle', LEDGER);
    const db = await database();
    await db.delete({ disableAutoOpen: false });
    invalidate();
    // The install event's seeding and the first page's scan, at once; then the second page.
    const [, first] = await Promise.all([seed(), loadedCorpus()]);
    const second = await loadedCorpus();
    expect(second).toBe(first);
    expect(first.corpus.articles.find((a) => a.id === added.id)?.outlet).toBe('Harbor City Ledger');
  });

  it('rebuilds the database and keeps the articles', async () => {
    const added = await sendMessage('addArticle', LEDGER);
    const report = await sendMessage('rebuildDatabase', undefined);
    expect(report.restored).toBe(1);
    expect((await sendMessage('listArticles', undefined)).map((a) => a.id)).toEqual([added.id]);
    expect((await backup())?.articles.map((a) => a.id)).toEqual([added.id]);
  });

  it('imports a file all or nothing, and exports what is stored', async () => {
    await sendMessage('addArticle', LEDGER);
    const file = JSON.stringify(await sendMessage('exportArticles', undefined));
    await sendMessage('removeArticle', { id: (await sendMessage('listArticles', undefined))[0]!.id });
    await expect(sendMessage('importArticles', { fileName: 'mine.json', json: file.replace('"version": 1', '"version": 9').replace('"version":1', '"version":9') })).rejects.toThrow(
      /^mine\.json: was written by a newer Parallax/,
    );
    expect(await sendMessage('listArticles', undefined)).toEqual([]);
    const report = await sendMessage('importArticles', { fileName: 'mine.json', json: file });
    expect(report.added).toHaveLength(1);
  });
});
