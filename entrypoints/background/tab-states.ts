/**
 * What the background knows about each tab, kept in storage.session so that it survives the
 * service worker being stopped while idle (the popup may open long after the scan), and is gone
 * when the browser closes. The toolbar badge follows the state.
 */
import { browser } from 'wxt/browser';
import type { TabState } from '@/lib/protocol';

const keyOf = (tabId: number) => `tab:${tabId}`;

/** Badge colors: the highlight color of the most common match kind would be noisy; one calm blue. */
const BADGE_COLOR = '#1d4ed8';

export async function getTabState(tabId: number): Promise<TabState> {
  const key = keyOf(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabState | undefined) ?? { status: 'pending' };
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: state });
  await showBadge(tabId, state);
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

async function showBadge(tabId: number, state: TabState): Promise<void> {
  const count = state.status === 'scanned' && state.scan.onStory ? state.scan.sentences.length : 0;
  try {
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    if (count > 0) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  } catch {
    // The tab closed between the scan and the badge: nothing to show it on.
  }
}
