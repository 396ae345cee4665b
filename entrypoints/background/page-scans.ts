/**
 * A tab's scan requests answered, and the tab leaving its page: what the background's `scanPage`
 * handler and its `tabs.onUpdated` listener do, apart from the entry point so that their order of
 * events can be tested without a browser.
 *
 * The race this guards against: a scan in flight (the corpus still loading, the matcher running)
 * when its tab moves to another page. The tab's `loading` event resets its state at once; the scan
 * finishing after it must not store its verdict and badge over the new page's state, least of all
 * on a browser page (chrome://version) where no content script will ever scan again to mend it.
 */
import { withContrast } from '@/lib/compare/claims';
import { matchedSentenceQuotes } from '@/lib/compare/page-quotes';
import type { ScanReply, ScanRequest, TabScan } from '@/lib/protocol';
import type { LoadedCorpus } from './corpus';
import { continuePageSession, continueSession, currentVisit, forgetPageSession, inTabOrder, liveSentenceCount } from './page-sessions';
import { setTabState } from './tab-states';

/** What a scan needs of the loaded corpus. */
export type ScanCorpus = Pick<LoadedCorpus, 'matcher' | 'quotes'>;

/**
 * Matches the request as the tab's whole page session so far (page-sessions.ts), in the order the
 * tab sent its requests, and stores the verdict as the tab's state (the badge follows) unless the
 * tab has left the page that sent it in the meantime. `tabId` undefined: a request from outside a
 * tab, answered and kept nowhere.
 */
export function scanTabPage(tabId: number | undefined, request: ScanRequest, corpus: () => Promise<ScanCorpus>): Promise<ScanReply> {
  // Taken when the request arrives, not when its turn comes: it was sent by the page the tab
  // showed then, and a queued request of the old page must not describe the next one.
  const visit = tabId === undefined ? 0 : currentVisit(tabId);
  const stillCurrent = () => tabId !== undefined && currentVisit(tabId) === visit;
  return inTabOrder(tabId, async () => {
    try {
      const { matcher, quotes } = await corpus();
      const continued = tabId === undefined ? continueSession(null, { ...request, from: 0 }) : await continuePageSession(tabId, request);
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
          ...(request.unread !== undefined && liveSentenceCount(page) === 0 && { unread: request.unread }),
        };
        await setTabState(tabId, { status: 'scanned', scan }, stillCurrent);
      }
      return verdict;
    } catch (error) {
      if (tabId !== undefined) await setTabState(tabId, { status: 'error', message: errorMessage(error) }, stillCurrent);
      throw error;
    }
  });
}

/**
 * The tab started loading a page: the old scan no longer describes it. (Without the "tabs"
 * permission `change.url` is never set, so the status alone says so; a new page with a content
 * script scans itself, and a page without one — a browser page — must not show the old scan.)
 * Forgetting the session first, synchronously, is what tells a scan in flight that it is stale.
 */
export async function tabLeftPage(tabId: number): Promise<void> {
  const forgotten = forgetPageSession(tabId);
  await setTabState(tabId, { status: 'pending' });
  await forgotten;
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
