/**
 * What a reader sees of a tab's scan once every part of it has arrived. The background stores the
 * tab's scan (what `scannedTab` waits for) before it sets the badge, and only then answers the
 * page, which paints its highlights after that, in slices: a test that reads the badge or the
 * highlights the moment the scan is stored reads a state the product has not finished showing,
 * and on a loaded machine the gap between the three grows long enough to be caught. This waits on
 * the real condition instead of a time: the badge says what the stored scan says, and the page
 * shows a highlight for every sentence the stored scan matched (none when it matched none).
 */
import type { Browser as ChromeApi } from '@wxt-dev/browser';
import { run, type Evaluates, type WithExtension } from './evaluate';
import { allHighlighted } from './page-ui';
import { scannedTab, type HasUrl } from './tab-states';

declare const chrome: typeof ChromeApi;

/**
 * Long enough for a first scan on a cold worker on a 2-core machine running several browsers; well
 * under the e2e test timeout (vitest.e2e.config.ts, 60 s), so a scan that never settles fails
 * here, saying what it last saw, rather than as a bare test timeout.
 */
export const SETTLE_TIMEOUT_MS = 45_000;

/** Between two looks at the badge and the page. */
const POLL_MS = 50;

export interface SettledScan {
  tabId: number;
  /** The highlighted text, one entry per highlight Range (allHighlighted). */
  highlighted: string[];
  badge: string;
  /** What the background stored: whether the page is on the story, and its matched sentences. */
  onStory: boolean;
  matched: number;
}

interface StoredVerdict {
  onStory: boolean;
  matched: number;
  badge: string;
}

/** The tab's stored verdict and its badge, read together in the background. */
function storedVerdict(browser: WithExtension, tabId: number): Promise<StoredVerdict> {
  return run(
    browser.extension,
    async (id) => {
      const key = `tab:${id}`;
      const state = (await chrome.storage.session.get(key))[key] as { scan?: { onStory?: boolean; sentences?: unknown[] } } | undefined;
      const badge = await chrome.action.getBadgeText({ tabId: id });
      return { onStory: state?.scan?.onStory === true, matched: state?.scan?.sentences?.length ?? 0, badge };
    },
    tabId,
  );
}

/** The badge the background shows for a stored verdict (entrypoints/background/tab-states.ts). */
function badgeFor(verdict: StoredVerdict): string {
  return verdict.onStory && verdict.matched > 0 ? String(verdict.matched) : '';
}

/**
 * Waits until the page `page` shows has been scanned and both the badge and the page's highlights
 * show that scan, then returns what they show. A sentence may be drawn as more than one Range
 * (split by hidden text), so the page must show at least one per matched sentence.
 */
export async function settledScan(browser: WithExtension, page: HasUrl & Evaluates, timeout = SETTLE_TIMEOUT_MS): Promise<SettledScan> {
  const deadline = Date.now() + timeout;
  const tabId = await scannedTab(browser, page, timeout);
  let last = '';
  for (;;) {
    const verdict = await storedVerdict(browser, tabId);
    const highlighted = await allHighlighted(page);
    const shown = verdict.matched === 0 ? highlighted.length === 0 : highlighted.length >= verdict.matched;
    if (verdict.badge === badgeFor(verdict) && shown) {
      return { tabId, highlighted, badge: verdict.badge, onStory: verdict.onStory, matched: verdict.matched };
    }
    last = `stored ${verdict.matched} matched sentence(s) (onStory ${verdict.onStory}), badge '${verdict.badge}', ${highlighted.length} highlight(s) on the page`;
    if (Date.now() >= deadline) throw new Error(`${page.url()}: the scan did not settle within ${timeout} ms; last seen: ${last}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
