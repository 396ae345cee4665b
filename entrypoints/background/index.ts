import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { READABLE_ORIGINS, unreadableReason } from '@/lib/page-access';
import type { BackgroundProtocol } from '@/lib/protocol';
import { registerArticleHandlers } from './articles';
import { loadedCorpus, seed } from './corpus';
import { createContextMenu, CROSS_REFERENCE_MENU_ID, crossReference, openPanel, runCommand } from './page-actions';
import { errorMessage, scanTabPage, tabLeftPage } from './page-scans';
import { forgetPageSession, inTabOrder } from './page-sessions';
import { registerScanSettingsHandlers } from './scan-settings';
import { forgetTab, getTabState, setTabState } from './tab-states';

export default defineBackground(() => {
  const { onMessage } = defineExtensionMessaging<BackgroundProtocol>();

  browser.runtime.onInstalled.addListener(() => {
    seed().catch((error: unknown) => console.error('Parallax could not store its corpus:', error));
    createContextMenu();
  });

  // A dynamic page's requests continue one page session (page-sessions.ts); each is matched as
  // the whole page so far, in the order the tab sent them (page-scans.ts).
  onMessage('scanPage', ({ data, sender }) => scanTabPage(sender.tab?.id, data, loadedCorpus));

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

  // A tab starting to load a page: the old scan no longer describes it (page-scans.ts).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabLeftPage(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetPageSession(tabId);
  });
});

/** A shortcut pressed on a page without a content script (a browser page, a tab opened before install). */
function logRelayFailure(error: unknown): void {
  console.warn('Parallax could not reach the page:', errorMessage(error));
}
