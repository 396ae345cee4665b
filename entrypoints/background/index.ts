import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { READABLE_ORIGINS, unreadableReason } from '@/lib/page-access';
import { errorMessage } from '@/lib/error-message';
import { SHOWN_DOCUMENT_QUESTION, shownDocumentOf, type BackgroundProtocol, type ContentProtocol } from '@/lib/protocol';
import { registerArticleHandlers } from './articles';
import { loadedCorpus, seed } from './corpus';
import { createContextMenu, CROSS_REFERENCE_MENU_ID, crossReference, openPanel, runCommand } from './page-actions';
import { reportFromDocument, scanTabPage, tabLeftPage, tabLoaded, type AskShownDocument } from './page-scans';
import { forgetPageSession, inTabOrder } from './page-sessions';
import { registerScanSettingsHandlers } from './scan-settings';
import { forgetTab, getTabState } from './tab-states';

export default defineBackground(() => {
  const { onMessage } = defineExtensionMessaging<BackgroundProtocol>();
  const content = defineExtensionMessaging<ContentProtocol>();

  // Which document the tab's top frame shows, in its content script's words (tab-documents.ts).
  const askShownDocument: AskShownDocument = (tabId) =>
    browser.tabs.sendMessage(tabId, SHOWN_DOCUMENT_QUESTION, { frameId: 0 }).then(shownDocumentOf, () => null);

  browser.runtime.onInstalled.addListener(() => {
    seed().catch((error: unknown) => console.error('Parallax could not store its corpus:', error));
    createContextMenu();
  });

  // A dynamic page's requests continue one page session (page-sessions.ts); each is matched as
  // the whole page so far, in the order the tab sent them (page-scans.ts).
  // Each is kept only while the tab shows the document that sent it (tab-documents.ts).
  onMessage('scanPage', ({ data, sender }) => scanTabPage(sender.tab?.id, data, data.document, loadedCorpus, askShownDocument));

  onMessage('reportError', async ({ data: { message, document }, sender }) => {
    const tabId = sender.tab?.id;
    const report = { document, state: { status: 'error' as const, message } };
    if (tabId !== undefined) await inTabOrder(tabId, () => reportFromDocument(tabId, report, askShownDocument));
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
  registerScanSettingsHandlers(onMessage, askShownDocument);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CROSS_REFERENCE_MENU_ID || tab?.id === undefined) return;
    crossReference(tab.id, lookupText, info.selectionText).catch(logRelayFailure);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    runCommand(command, tab, lookupText).catch(logRelayFailure);
  });

  // A tab starting to load: its page's state is set aside; done loading: the document it shows
  // decides, and is asked to send its scan again if it has one the background lacks (page-scans.ts).
  const askToResend = (tabId: number) => content.sendMessage('resendScan', undefined, { tabId, frameId: 0 });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void tabLeftPage(tabId);
    else if (change.status === 'complete') void tabLoaded(tabId, askShownDocument, askToResend);
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
