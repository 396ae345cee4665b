/**
 * A tab's scan requests answered, and the tab's loading events: what the background's `scanPage`
 * handler and its `tabs.onUpdated` listener do, apart from the entry point so that their order of
 * events can be tested without a browser. Which page a state belongs to is decided by the plain
 * functions of tab-documents.ts (why the order of events cannot be trusted is told there); this
 * module asks the tab the question they need answered and stores their answer.
 */
import { withContrast } from '@/lib/compare/claims';
import { matchedSentenceQuotes } from '@/lib/compare/page-quotes';
import type { ScanReply, ScanRequest, TabScan } from '@/lib/protocol';
import type { LoadedCorpus } from './corpus';
import { continuePageSession, continueSession, forgetPageSession, inTabOrder, liveSentenceCount } from './page-sessions';
import { documentReported, tabFinishedLoading, tabStartedLoading, type DocumentState, type ShownDocument } from './tab-documents';
import { updateTabRecord } from './tab-states';
import { errorMessage } from '@/lib/error-message';

/** What a scan needs of the loaded corpus. */
export type ScanCorpus = Pick<LoadedCorpus, 'matcher' | 'quotes'>;

/**
 * Asks the content script of the tab's top frame which document it is; null when none answers
 * (a browser page, a page Parallax does not read, a page the tab has left). Never rejects.
 */
export type AskShownDocument = (tabId: number) => Promise<ShownDocument | null>;

/** Stores a state a document reported, if the tab still shows that document (tab-documents.ts). */
export async function reportFromDocument(tabId: number, report: DocumentState, ask: AskShownDocument): Promise<void> {
  await updateTabRecord(tabId, async (record) => documentReported(record, report, await ask(tabId)));
}

/**
 * Matches the request as the tab's whole page session so far (page-sessions.ts), in the order the
 * tab sent its requests, and stores the verdict as the tab's state (the badge follows) if the tab
 * still shows the document that sent it. `tabId` undefined: a request from outside a tab, answered
 * and kept nowhere. `document`: the sending content script's key for its document (undefined: a
 * request that names none, which nothing can confirm, is answered and not kept).
 */
export function scanTabPage(
  tabId: number | undefined,
  request: ScanRequest,
  document: string | undefined,
  corpus: () => Promise<ScanCorpus>,
  ask: AskShownDocument,
): Promise<ScanReply> {
  const store = async (state: DocumentState['state']) => {
    if (tabId !== undefined && document !== undefined) await reportFromDocument(tabId, { document, state }, ask);
  };
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
      // Stored before the page gets its answer: a page that has its answer counts as scanned.
      await store({ status: 'scanned', scan });
      return verdict;
    } catch (error) {
      await store({ status: 'error', message: errorMessage(error) });
      throw error;
    }
  });
}

/**
 * The tab started loading: no badge while it loads, its page's state set aside. (Without the
 * "tabs" permission `change.url` is never set, so the status alone says so.) The page session is
 * forgotten at once, so a request of the old page continuing it is told to start afresh.
 */
export async function tabLeftPage(tabId: number): Promise<void> {
  const forgotten = forgetPageSession(tabId);
  await updateTabRecord(tabId, tabStartedLoading);
  await forgotten;
}

/**
 * The tab finished loading: the document it shows now decides its state (tab-documents.ts). A
 * document that has scanned but whose scan is not kept (shown again from the back-forward cache)
 * is asked to send it again, without waiting here: its scan comes back through scanTabPage.
 */
export async function tabLoaded(tabId: number, ask: AskShownDocument, askToResend: (tabId: number) => Promise<unknown>): Promise<void> {
  let resend = false;
  await updateTabRecord(tabId, async (record) => {
    const outcome = tabFinishedLoading(record, await ask(tabId));
    resend = outcome.resend;
    return outcome.record;
  });
  if (resend) void askToResend(tabId).catch(() => undefined);
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
