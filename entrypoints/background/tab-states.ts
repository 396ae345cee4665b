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

/** Matches kept per sentence when a scan is too big for storage.session (10 MB for all tabs). */
const TRIMMED_MATCHES = 2;

/**
 * Stores the tab's state and shows it on the badge. `stillCurrent`: whether the work that produced
 * the state still describes the tab's page; asked after every wait, just before each write, so a
 * scan that finishes after its tab moved to another page (the tab's `loading` event came while it
 * ran) leaves the new page's state and badge alone.
 */
export async function setTabState(tabId: number, state: TabState, stillCurrent: () => boolean = () => true): Promise<void> {
  // A scan that finishes after its tab closed would outlive forgetTab and stay for the session.
  if (!(await tabExists(tabId)) || !stillCurrent()) return;
  await storeTabState(tabId, state);
  if (!stillCurrent()) return;
  await showBadge(tabId, state);
}

/** tabs.get needs no permission to say whether a tab exists (only its URL and title need "tabs"). */
async function tabExists(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(
    (tab) => tab !== undefined,
    () => false,
  );
}

/**
 * Store a tab's state; a scan over the session quota is kept with fewer matches per sentence
 * rather than lost (highlights and the badge do not depend on it, the panel would be empty).
 */
async function storeTabState(tabId: number, state: TabState): Promise<void> {
  const key = keyOf(tabId);
  try {
    await browser.storage.session.set({ [key]: state });
    return;
  } catch (error) {
    if (state.status !== 'scanned') throw error;
  }
  const { scan } = state;
  const trimmed: TabState = {
    status: 'scanned',
    scan: { ...scan, sentences: scan.sentences.map((s) => ({ ...s, matches: s.matches.slice(0, TRIMMED_MATCHES) })) },
  };
  try {
    await browser.storage.session.set({ [key]: trimmed });
  } catch {
    await browser.storage.session.set({
      [key]: {
        status: 'error',
        message: `This page has ${scan.sentences.length} matching sentences, more than Parallax can keep for the panel. Its highlights still show on the page.`,
      } satisfies TabState,
    });
  }
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
