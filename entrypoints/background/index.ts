import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { withContrast } from '@/lib/compare/claims';
import { matchedSentenceQuotes } from '@/lib/compare/page-quotes';
import { READABLE_ORIGINS, unreadableReason } from '@/lib/page-access';
import type { BackgroundProtocol, TabScan } from '@/lib/protocol';
import { registerArticleHandlers } from './articles';
import { loadedCorpus, seed } from './corpus';
import { createContextMenu, CROSS_REFERENCE_MENU_ID, crossReference, openPanel, runCommand } from './page-actions';
import { continuePageSession, continueSession, forgetPageSession, inTabOrder, liveSentenceCount } from './page-sessions';
import { registerScanSettingsHandlers } from './scan-settings';
import { forgetTab, getTabState, setTabState } from './tab-states';

export default defineBackground(() => {
  const { onMessage } = defineExtensionMessaging<BackgroundProtocol>();

  browser.runtime.onInstalled.addListener(() => {
    seed().catch((error: unknown) => console.error('Parallax could not store its corpus:', error));
    createContextMenu();
  });

  // A dynamic page's requests continue one page session (page-sessions.ts); each is matched as
  // the whole page so far, in the order the tab sent them.
  onMessage('scanPage', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    return inTabOrder(tabId, async () => {
      try {
        const { matcher, quotes } = await loadedCorpus();
        const continued = tabId === undefined ? continueSession(null, { ...data, from: 0 }) : await continuePageSession(tabId, data);
        if ('resendFrom' in continued) return { onStory: false, storyScore: 0, sentences: [], resendFrom: continued.resendFrom };
        const page = continued.page;
        const matched = matcher.scanPage(page);
        // How each matched sentence's wording stands among the outlets': the page marks it by that.
        const pageQuotes = matchedSentenceQuotes(page, matched);
        const verdict = { ...matched, sentences: withContrast(matched.sentences, pageQuotes, quotes) };
        if (tabId !== undefined) {
          const scan: TabScan = {
            ...verdict,
            url: page.url,
            title: page.title,
            site: siteOf(page.url),
            sentenceCount: liveSentenceCount(page),
            scannedAt: Date.now(),
            pageQuotes,
            ...(data.unread !== undefined && liveSentenceCount(page) === 0 && { unread: data.unread }),
          };
          await setTabState(tabId, { status: 'scanned', scan });
        }
        return verdict;
      } catch (error) {
        if (tabId !== undefined) await setTabState(tabId, { status: 'error', message: describe(error) });
        throw error;
      }
    });
  });

  onMessage('reportError', async ({ data: { message }, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId !== undefined) await inTabOrder(tabId, () => setTabState(tabId, { status: 'error', message }));
  });

  onMessage('openPanel', ({ data, sender }) => (sender.tab ? openPanel(sender.tab, data) : undefined));

  onMessage('getTabState', async ({ data: { tabId } }) => {
    const state = await getTabState(tabId);
    if (state.status !== 'pending') return state;
    const tab = await browser.tabs.get(tabId).catch(() => null);
    const reason = unreadableReason(tab?.url);
    if (reason === null) return state;
    // Without access to web pages the browser hides every tab's address too, and no page is read:
    // say that, rather than blame the page.
    if (!(await browser.permissions.contains({ origins: [...READABLE_ORIGINS] }))) return { status: 'no-access' };
    return { status: 'unsupported', reason };
  });

  const lookupText = async (text: string) => (await loadedCorpus()).matcher.matchText(text);
  onMessage('lookupText', ({ data: { text } }) => lookupText(text));

  onMessage('getCorpusOverview', async () => (await loadedCorpus()).overview);
  registerArticleHandlers(onMessage);
  registerScanSettingsHandlers(onMessage);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CROSS_REFERENCE_MENU_ID || tab?.id === undefined) return;
    crossReference(tab.id, lookupText, info.selectionText).catch(logRelayFailure);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    runCommand(command, tab, lookupText).catch(logRelayFailure);
  });

  // A tab starting to load a page: the old scan no longer describes it. (Without the "tabs"
  // permission `change.url` is never set, so the status alone says so; a new page with a content
  // script scans itself, and a page without one — a browser page — must not show the old scan.)
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') {
      void forgetPageSession(tabId);
      void setTabState(tabId, { status: 'pending' });
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetPageSession(tabId);
  });
});

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** A shortcut pressed on a page without a content script (a browser page, a tab opened before install). */
function logRelayFailure(error: unknown): void {
  console.warn('Parallax could not reach the page:', describe(error));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
