/**
 * The typed message protocol between the extension's contexts. Types only: each entrypoint
 * instantiates it with `defineExtensionMessaging<…>()` from @webext-core/messaging, so lib/
 * stays free of extension APIs.
 *
 *   content script ──BackgroundProtocol──▶ background ◀──BackgroundProtocol── popup
 *   popup / background ──ContentProtocol──▶ content script (of one tab)
 */
import type { CorpusOverview } from './compare/panel-data';
import type { ArticleExport } from './db/export';
import type { RebuildReport } from './db/rebuild';
import type { AddManyReport, NewArticle, UserArticleSummary } from './db/user-articles';
import type { NoArticleReason } from './extract/types';
import type { PageVerdict, Quote, SentenceResult } from './types';

/**
 * Why the page gave the matcher no sentence: the cheap gate found none of the story's words on it
 * (so nothing was read), or extraction found no article (a homepage, too little prose).
 */
export type PageUnread =
  | { why: 'no-story-words' }
  | { why: 'no-article'; reason: NoArticleReason; detail: string };

/** What the background knows about one tab, as the popup shows it. */
export type TabState =
  /** The content script has not reported yet (page loading, or scan under way). */
  | { status: 'pending' }
  /** The extension cannot read this page (browser pages, the PDF viewer, the web store). */
  | { status: 'unsupported'; reason: string }
  /**
   * The reader withdrew Parallax's access to web pages (lib/page-access.ts READABLE_ORIGINS): no
   * page is read until it is given back.
   */
  | { status: 'no-access' }
  /** The page was scanned. */
  | { status: 'scanned'; scan: TabScan }
  /** Something failed; `message` says what, for the reader. */
  | { status: 'error'; message: string }
  /** The reader turned automatic scanning off for this page (lib/settings.ts); `reason` says where. */
  | { status: 'off'; reason: string; url: string; site: string };

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
  /** Set when the page gave no sentence at all: why (the panel says so rather than "off the story"). */
  unread?: PageUnread;
}

export interface ScanRequest {
  url: string;
  title: string;
  /** The page article's sentences in reading order. */
  sentences: string[];
  /** The block (paragraph) of each sentence, as in PageText. */
  blocks?: number[];
  /** When the page says it was published (ISO), as in PageText; null or absent: it does not say. */
  published?: string | null;
  /**
   * Dynamic pages scan in steps: one page session (a document, or one address of a single-page
   * app) is a first request with `from` 0, then requests that continue it with the sentences that
   * arrived since (`from` = how many the session had). Absent: the request is a whole page.
   */
  session?: string;
  /** Index of the first of `sentences` in the session; 0 or absent starts the session afresh. */
  from?: number;
  /** Sentences sent earlier that left the page (their paragraph was removed or rewritten). */
  retired?: number[];
  /** Why no sentence was read, when none was. */
  unread?: PageUnread;
}

/** The verdict on the whole page session so far: `sentences` covers every request of the session. */
export interface ScanReply extends PageVerdict {
  /**
   * Set when the background could not continue the session at `from` (it restarted, or a request
   * went missing): it holds this many of the session's sentences, so send again from there.
   */
  resendFrom?: number;
}

/** Where the panel opens when the page asks for it (the hover card's "Compare"). */
export interface PanelTarget {
  /** Open at this page sentence. */
  sentence?: number;
  /** Open on the reader's selection (the card showed a selection lookup). */
  selection?: boolean;
}

/**
 * What a content script adds to each report to the background: a random key of its own for its
 * document, so the background keeps the report only while the tab shows that document
 * (entrypoints/background/tab-documents.ts). Firefox gives no `sender.documentId`, and the
 * content script must be able to name itself when asked (SHOWN_DOCUMENT_QUESTION).
 */
export interface FromDocument {
  document: string;
}

/**
 * Background → the content script of a tab's top frame, sent as it is (not through the typed
 * messenger, whose handlers always answer): which document are you? Answered with a
 * ShownDocument by the page the tab shows; a page the tab has left (kept in the back-forward
 * cache) does not answer at all, so the tab's own page answers even where the browser asks both.
 */
export const SHOWN_DOCUMENT_QUESTION = { parallax: 'shownDocument' } as const;

export function isShownDocumentQuestion(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { parallax?: unknown }).parallax === SHOWN_DOCUMENT_QUESTION.parallax;
}

/** A content script's answer to SHOWN_DOCUMENT_QUESTION. */
export interface ShownDocument {
  /** Its key for its document, as in FromDocument. */
  document: string;
  /** Whether its current page session has had a scan answered (so it will send none unasked). */
  scanned: boolean;
}

/** A ShownDocument, or null for anything else (no answer, another extension's, a malformed one). */
export function shownDocumentOf(answer: unknown): ShownDocument | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const { document, scanned } = answer as Partial<ShownDocument>;
  return typeof document === 'string' && typeof scanned === 'boolean' ? { document, scanned } : null;
}

/** Messages the background answers. */
export interface BackgroundProtocol {
  /** Content script → background: match the page's sentences; the sender's tab gets highlights and a badge. */
  scanPage(request: ScanRequest & FromDocument): ScanReply;
  /** Content script → background: the page could not be scanned; the tab's state says why. */
  reportError(request: { message: string } & FromDocument): void;
  /** Content script → background: open the panel for the sender's tab in a tab of its own. */
  openPanel(request: PanelTarget): void;
  /** Popup → background: what is known about a tab. */
  getTabState(request: { tabId: number }): TabState;
  /** Match free text (a selection) against the corpus, whatever the page is about. */
  lookupText(request: { text: string }): SentenceResult[];
  /** The corpus as the panel names it: outlets, points, quotes of corpus sentences. */
  getCorpusOverview(): CorpusOverview;
  /** Content script → background: automatic scanning is off for the sender's page; its tab's state says so. */
  scanSkipped(request: { reason: string; url: string } & FromDocument): void;
  /** Options page → background: the reader's own articles, newest first. */
  listArticles(): UserArticleSummary[];
  /** Options page → background: add an article of the reader's; errors name the input and what is wrong. */
  addArticle(request: AddArticleRequest): UserArticleSummary;
  /** Options page → background: remove one of the reader's articles; false when it is not there. */
  removeArticle(request: { id: string }): boolean;
  /** Options page → background: the reader's articles as an export file's contents. */
  exportArticles(): ArticleExport;
  /** Options page → background: import an export file; all or nothing, duplicates skipped and reported. */
  importArticles(request: { fileName: string; json: string }): AddManyReport;
  /** Options page or panel → background: delete the database and build it again from the bundle, keeping the reader's articles. */
  rebuildDatabase(): RebuildReport;
}

/** An article the reader adds, and where its text came from (named so in error messages). */
export interface AddArticleRequest extends NewArticle {
  source: 'paste' | 'page';
}

/** A page's article as the content script extracts it, for the reader to add to their articles. */
export interface PageArticle {
  title: string;
  url: string;
  /** Its blocks (headline, paragraphs) separated by blank lines; "" when the page has no article. */
  text: string;
  /** Why there is no text, for the reader; null when there is. */
  problem: string | null;
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
  /** Show the matches of a selection lookup in a card beside the selection; false when nothing is selected. */
  showLookup(request: { text: string; results: SentenceResult[] }): boolean;
  /**
   * Move to the next (`step` 1) or previous (-1) highlighted sentence in reading order, scroll to
   * it and show its card: the keyboard's way to what hovering shows. Returns its index, or null
   * when the page has no highlights.
   */
  focusHighlight(request: { step: 1 | -1 }): number | null;
  /** The page's article, read as a scan reads it, for the reader to add to their own articles. */
  articleText(): PageArticle;
  /**
   * Background → content script: the tab shows this page again and the background keeps no scan
   * of it (it came back from the back-forward cache): send the page session again from its start.
   * False when nothing is sent (the page has not sent its first request yet, or the tab left it).
   */
  resendScan(): boolean;
}
