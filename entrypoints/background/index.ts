import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { matchedSentenceQuotes } from '@/lib/compare/page-quotes';
import { unreadableReason } from '@/lib/page-access';
import type { BackgroundProtocol, TabScan } from '@/lib/protocol';
import { loadedCorpus, seed } from './corpus';
import { forgetTab, getTabState, setTabState } from './tab-states';

export default defineBackground(() => {
  const { onMessage } = defineExtensionMessaging<BackgroundProtocol>();

  browser.runtime.onInstalled.addListener(() => {
    seed().catch((error: unknown) => console.error('Parallax could not store its corpus:', error));
  });

  onMessage('scanPage', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    try {
      const { matcher } = await loadedCorpus();
      const verdict = matcher.scanPage(data);
      if (tabId !== undefined) {
        const scan: TabScan = {
          ...verdict,
          url: data.url,
          title: data.title,
          site: siteOf(data.url),
          sentenceCount: data.sentences.length,
          scannedAt: Date.now(),
          pageQuotes: matchedSentenceQuotes(data, verdict),
        };
        await setTabState(tabId, { status: 'scanned', scan });
      }
      return verdict;
    } catch (error) {
      if (tabId !== undefined) await setTabState(tabId, { status: 'error', message: describe(error) });
      throw error;
    }
  });

  onMessage('getTabState', async ({ data: { tabId } }) => {
    const state = await getTabState(tabId);
    if (state.status !== 'pending') return state;
    const tab = await browser.tabs.get(tabId).catch(() => null);
    const reason = unreadableReason(tab?.url);
    return reason === null ? state : { status: 'unsupported', reason };
  });

  onMessage('lookupText', async ({ data: { text } }) => (await loadedCorpus()).matcher.matchText(text));

  onMessage('getCorpusOverview', async () => (await loadedCorpus()).overview);

  // A new page in the tab: the old scan no longer describes it.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url !== undefined) void setTabState(tabId, { status: 'pending' });
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
