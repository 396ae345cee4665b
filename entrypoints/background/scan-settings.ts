/**
 * The background's part in the reader's scanning settings (lib/settings.ts): the content script
 * reads them itself and, on a page it must not scan, says so here, so the panel can tell the
 * reader why the page has no highlights instead of waiting for a scan that will not come.
 */
import type { ExtensionMessenger } from '@webext-core/messaging';
import type { BackgroundProtocol } from '@/lib/protocol';
import { siteOfUrl } from '@/lib/settings';
import { inTabOrder } from './page-sessions';
import { setTabState } from './tab-states';

export function registerScanSettingsHandlers(onMessage: ExtensionMessenger<BackgroundProtocol>['onMessage']): void {
  onMessage('scanSkipped', async ({ data: { reason, url }, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const site = siteOfUrl(url) ?? url;
    await inTabOrder(tabId, () => setTabState(tabId, { status: 'off', reason, url, site }));
  });
}
