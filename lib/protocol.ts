/**
 * The typed message protocol between the extension's contexts. Types only: each entrypoint
 * instantiates it with `defineExtensionMessaging<…>()` from @webext-core/messaging, so lib/
 * stays free of extension APIs.
 *
 *   content script ──BackgroundProtocol──▶ background ◀──BackgroundProtocol── popup
 *   popup / background ──ContentProtocol──▶ content script (of one tab)
 */
import type { CorpusOverview } from './compare/panel-data';
import type { PageVerdict, Quote, SentenceResult } from './types';

/** What the background knows about one tab, as the popup shows it. */
export type TabState =
  /** The content script has not reported yet (page loading, or scan under way). */
  | { status: 'pending' }
  /** The extension cannot read this page (browser pages, the PDF viewer, the web store). */
  | { status: 'unsupported'; reason: string }
  /** The page was scanned. */
  | { status: 'scanned'; scan: TabScan }
  /** Something failed; `message` says what, for the reader. */
  | { status: 'error'; message: string };

/** The result of scanning one tab's page. */
export interface TabScan extends PageVerdict {
  url: string;
  title: string;
  /** The page's site, shown as its outlet ("apnews.com"). */
  site: string;
  /** Number of sentences the page's article has (matched or not). */
  sentenceCount: number;
  /** When the scan finished (ms since epoch). */
  scannedAt: number;
  /**
   * The quotes of the matched sentences, by page sentence index, found over the whole page with
   * its paragraphs (lib/compare/page-quotes.ts), so a quotation over several sentences and its
   * speaker are known in each.
   */
  pageQuotes: Record<number, Quote[]>;
}

export interface ScanRequest {
  url: string;
  title: string;
  /** The page article's sentences in reading order. */
  sentences: string[];
  /** The block (paragraph) of each sentence, as in PageText. */
  blocks?: number[];
}

/** Messages the background answers. */
export interface BackgroundProtocol {
  /** Content script → background: match the page's sentences; the sender's tab gets highlights and a badge. */
  scanPage(request: ScanRequest): PageVerdict;
  /** Popup → background: what is known about a tab. */
  getTabState(request: { tabId: number }): TabState;
  /** Match free text (a selection) against the corpus, whatever the page is about. */
  lookupText(request: { text: string }): SentenceResult[];
  /** The corpus as the panel names it: outlets, points, quotes of corpus sentences. */
  getCorpusOverview(): CorpusOverview;
}

/** Messages a tab's content script answers. */
export interface ContentProtocol {
  /** Scroll the page to a matched sentence and flash its highlight; false when it is gone. */
  revealSentence(request: { index: number }): boolean;
  /** Show or hide all of Parallax's highlights on the page; returns whether they are shown. */
  setHighlightsVisible(request: { visible: boolean }): boolean;
  /** Whether highlights are shown. */
  highlightsVisible(): boolean;
  /** The reader's current text selection on the page ("" when none). */
  selectionText(): string;
}
