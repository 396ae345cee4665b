/**
 * What the background knows about a tab, read where the extension's API is (harness/evaluate.ts),
 * the same in Chromium and Firefox: which tab a page was scanned in, its badge, its stored scan.
 */
import type { Browser as ChromeApi } from '@wxt-dev/browser';
import { run, type WithExtension } from './evaluate';

/** The extension API as seen inside `run` callbacks, which run in one of the extension's contexts. */
declare const chrome: typeof ChromeApi;

/** A page of either browser's driver: its address is all the tab states are searched by. */
export interface HasUrl {
  url(): string;
}

/**
 * Wait until the background has scanned the page `page` shows, and return its tab's id. Reads the
 * per-tab states the background keeps in storage.session (entrypoints/background/tab-states.ts),
 * the same the panel reads; the extension has no "tabs" permission, so tab URLs are not visible.
 */
export async function scannedTab(browser: WithExtension, page: HasUrl, timeout = 15_000): Promise<number> {
  const deadline = Date.now() + timeout;
  const url = page.url();
  while (Date.now() < deadline) {
    const tabId = await run(
      browser.extension,
      async (pageUrl) => {
        const states = await chrome.storage.session.get(null);
        for (const [key, state] of Object.entries(states)) {
          const scanned = state as { status?: string; scan?: { url?: string } };
          if (key.startsWith('tab:') && scanned.status === 'scanned' && scanned.scan?.url === pageUrl) {
            // An earlier test's tab at the same address may be closing: only a live tab counts.
            const id = Number(key.slice(4));
            if (await chrome.tabs.get(id).then(() => true, () => false)) return id;
          }
        }
        return null;
      },
      url,
    );
    if (tabId !== null) return tabId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} was not scanned within ${timeout} ms`);
}

export function badgeText(browser: WithExtension, tabId: number): Promise<string> {
  return run(browser.extension, (id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** A matched sentence of a tab's scan as the background stored it (what the panel and the card show). */
export interface StoredSentence {
  index: number;
  text: string;
  matches: { outlet: string; text: string }[];
}

/** The tab's matched sentences as the background stored them. */
export function storedSentences(browser: WithExtension, tabId: number): Promise<StoredSentence[]> {
  return run(
    browser.extension,
    async (id) => {
      const key = `tab:${id}`;
      const state = (await chrome.storage.session.get(key))[key] as { scan?: { sentences: StoredSentence[] } } | undefined;
      return state?.scan?.sentences ?? [];
    },
    tabId,
  );
}
