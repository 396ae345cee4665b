/**
 * The background's part in the reader's scanning settings (lib/settings.ts): the content script
 * reads them itself and, on a page it must not scan, says so here, so the panel can tell the
 * reader why the page has no highlights instead of waiting for a scan that will not come.
 */
import type { ExtensionMessenger } from '@webext-core/messaging';
import type { BackgroundProtocol } from '@/lib/protocol';
import { siteOfUrl } from '@/lib/settings';
import { reportFromDocument, type AskShownDocument } from './page-scans';
import { inTabOrder } from './page-sessions';

export function registerScanSettingsHandlers(onMessage: ExtensionMessenger<BackgroundProtocol>['onMessage'], ask: AskShownDocument): void {
  onMessage('scanSkipped', async ({ data: { reason, url, document }, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const site = siteOfUrl(url) ?? url;
    // Kept only while the tab shows the page that skipped (tab-documents.ts).
    await inTabOrder(tabId, () => reportFromDocument(tabId, { document, state: { status: 'off', reason, url, site } }, ask));
  });
}
