/**
 * The settings page's wiring: asks the background about the reader's articles and the database,
 * reads and writes the scanning settings in storage.local, asks the tab the page was opened for
 * (`options.html?tab=<id>`, from the panel) for its article, and hands it all to <OptionsPage>.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { OptionsPage } from '@/components/OptionsPage';
import { formatBytes } from '@/lib/corpus/validate';
import { describeArticle, MAX_IMPORT_BYTES, type NewArticle } from '@/lib/db/new-article';
import type { UserArticleSummary } from '@/lib/db/user-articles';
import type { BackgroundProtocol, ContentProtocol, PageArticle } from '@/lib/protocol';
import { loadSettings, saveSettings, type ScanSettings } from '@/lib/settings';
import { errorMessage } from '@/lib/error-message';

const background = defineExtensionMessaging<BackgroundProtocol>();
const content = defineExtensionMessaging<ContentProtocol>();

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Saves `text` as a file in the reader's downloads, as a link with `download` does; no permission needed. */
function saveFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy once started; the next task is late enough to let go of ours.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function exportName(exportedAt: string): string {
  return `parallax-articles-${(exportedAt || new Date().toISOString()).slice(0, 10)}.json`;
}

export function App({ tabId }: { tabId: number | null }) {
  const [articles, setArticles] = useState<UserArticleSummary[] | null>(null);
  const [articlesProblem, setArticlesProblem] = useState<string | null>(null);
  const [settings, setSettings] = useState<ScanSettings | null>(null);

  const refresh = useCallback(async () => {
    try {
      setArticles(await background.sendMessage('listArticles', undefined));
      setArticlesProblem(null);
    } catch (error) {
      setArticlesProblem(errorMessage(error));
    }
  }, []);

  useEffect(() => {
    void refresh();
    loadSettings(browser.storage.local).then(setSettings, (error: unknown) => {
      console.error('Parallax could not read its settings:', error);
    });
  }, [refresh]);

  const onAdd = useCallback(
    async (article: NewArticle, source: 'paste' | 'page') => {
      const added = await background.sendMessage('addArticle', { ...article, source });
      await refresh();
      return `Added ${describeArticle(added)}: ${plural(added.sentenceCount, 'sentence', 'sentences')} to compare pages with.`;
    },
    [refresh],
  );

  const onTakePageArticle = useCallback(async (): Promise<PageArticle> => {
    if (tabId === null) throw new Error('Open the settings from Parallax’s panel on a page to take its article.');
    try {
      return await content.sendMessage('articleText', undefined, tabId);
    } catch (error) {
      throw new Error(`Parallax cannot read that tab’s page (${errorMessage(error)}). Reload the page, then try again.`);
    }
  }, [tabId]);

  const onRemove = useCallback(
    async (article: UserArticleSummary) => {
      const removed = await background.sendMessage('removeArticle', { id: article.id });
      await refresh();
      return removed ? `Removed ${describeArticle(article)}.` : `${describeArticle(article)} was already gone.`;
    },
    [refresh],
  );

  const onExport = useCallback(async () => {
    const doc = await background.sendMessage('exportArticles', undefined);
    const name = exportName(doc.exportedAt);
    saveFile(name, `${JSON.stringify(doc, null, 2)}\n`);
    return `Exported ${plural(doc.articles.length, 'article', 'articles')} to ${name}.`;
  }, []);

  const onImport = useCallback(
    async (file: File) => {
      // Refused before it is read: a file this large is no export of Parallax's.
      if (file.size > MAX_IMPORT_BYTES) {
        throw new Error(
          `${file.name}: is ${formatBytes(file.size)}; an export of Parallax articles is at most ${formatBytes(MAX_IMPORT_BYTES)}. Nothing was imported.`,
        );
      }
      const report = await background.sendMessage('importArticles', { fileName: file.name, json: await file.text() });
      await refresh();
      const added = `Imported ${plural(report.added.length, 'article', 'articles')} from ${file.name}.`;
      if (report.skipped.length === 0) return added;
      const skipped = report.skipped.map((s) => `${describeArticle(s)} (${s.reason})`).join('; ');
      return `${added} Skipped ${plural(report.skipped.length, 'article', 'articles')} already stored: ${skipped}.`;
    },
    [refresh],
  );

  const onSettingsChange = useCallback(async (next: ScanSettings) => {
    await saveSettings(browser.storage.local, next);
    setSettings(next);
    return 'Saved. Pages you open or reload from now on follow it.';
  }, []);

  const onRebuild = useCallback(async () => {
    const report = await background.sendMessage('rebuildDatabase', undefined);
    await refresh();
    return `Rebuilt the database: the bundled articles are stored again, and ${plural(report.restored, 'article', 'articles')} of yours came back.`;
  }, [refresh]);

  return (
    <OptionsPage
      articles={articles}
      articlesProblem={articlesProblem}
      settings={settings}
      onAdd={onAdd}
      onTakePageArticle={tabId === null ? undefined : onTakePageArticle}
      onRemove={onRemove}
      onExport={onExport}
      onImport={onImport}
      onSettingsChange={onSettingsChange}
      onRebuild={onRebuild}
    />
  );
}
