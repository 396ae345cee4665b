/**
 * What the panel is given: the tab's state as the background reports it, and an overview of the
 * corpus (articles, points, the quotes of corpus sentences). Everything the panel shows is derived
 * from this by the pure functions of lib/compare/, so the popup, the full-tab view and the tests
 * all render the same thing from the same data.
 */
import type { TabScan, TabState } from '../protocol';
import type { Article, Corpus, Point, Sentence, SentenceResult } from '../types';
import { storySummary, type StorySummary } from './story';

/** A corpus article as the panel names and links it. */
export type CorpusArticle = Pick<Article, 'id' | 'outlet' | 'url' | 'title'> & Partial<Pick<Article, 'date'>>;

/** A point as the coverage grid lists it. */
export type CorpusPoint = Pick<Point, 'id' | 'label' | 'articleIds' | 'missingArticleIds'>;

/** A corpus sentence's quotes; the sentence's text travels in Match.text already. */
export type CorpusSentence = Pick<Sentence, 'id' | 'articleId' | 'text' | 'quotes'>;

export interface CorpusOverview {
  articles: CorpusArticle[];
  points: CorpusPoint[];
  /**
   * Corpus sentences whose quotes the panel may need. A matched sentence missing from this list is
   * taken to have no quotes, so the list may hold only the sentences that have some.
   */
  sentences: CorpusSentence[];
  /** The story the corpus follows (who, what, when), named at the top of the panel; null when the corpus has no point. */
  story?: StorySummary | null;
}

/** The outcome of "scan my selection" (BackgroundProtocol.lookupText). */
export type SelectionLookup =
  | { status: 'pending' }
  | { status: 'done'; sentences: SentenceResult[] }
  | { status: 'error'; message: string };

export interface PanelData {
  tab: TabState;
  /**
   * Null while the corpus overview is not loaded. A page's matches wait for it (panelView), so
   * that the story summary, point names and quotes render with the rows and push none of them
   * down; once `corpusError` says it failed, the rows show without them.
   */
  corpus: CorpusOverview | null;
  /** Why the corpus overview could not be loaded; absent while it loads or once it has. */
  corpusError?: string;
  /** Present once the reader asked to scan their selection. */
  selection?: SelectionLookup;
}

/**
 * The overview the panel needs from a full corpus: no article texts, no tokens, and only the
 * sentences that hold quotes. Small enough to send in one message.
 */
export function corpusOverview(corpus: Pick<Corpus, 'articles' | 'points' | 'sentences'>): CorpusOverview {
  return {
    articles: corpus.articles.map(({ id, outlet, url, title, date }) => ({ id, outlet, url, title, date })),
    points: corpus.points.map(({ id, label, articleIds, missingArticleIds }) => ({
      id,
      label,
      articleIds,
      missingArticleIds,
    })),
    sentences: corpus.sentences
      .filter((s) => s.quotes.length > 0)
      .map(({ id, articleId, text, quotes }) => ({ id, articleId, text, quotes })),
    story: storySummary(corpus),
  };
}

/**
 * What the panel learns about a tab by itself. The extension has no "tabs" permission, so tab
 * URLs are hidden from it and the background cannot tell a browser page from a page still
 * loading; whether the tab's content script answers, and whether the tab is loading (Tab.status
 * is not hidden), can.
 */
export interface TabProbe {
  /** The tab's content script answered a message: Parallax runs in the page. */
  contentScriptAnswers: boolean;
  /** The browser is still loading the tab's page. */
  loading: boolean;
}

/** Said of a tab where Parallax does not run and the background knows no more. */
export const NOT_RUNNING_REASON = 'Parallax is not running in this tab.';

/**
 * The tab's state as the panel shows it: the background's word for a scan or an error; otherwise
 * loading while the page loads or the content script (which answers before its scan is done)
 * is reading it, and "cannot read" only when neither is the case.
 */
export function tabStateForPanel(state: TabState, probe: TabProbe): TabState {
  if (state.status === 'scanned' || state.status === 'error' || state.status === 'off' || state.status === 'no-access') return state;
  if (probe.contentScriptAnswers || probe.loading) return { status: 'pending' };
  return state.status === 'unsupported' ? state : { status: 'unsupported', reason: NOT_RUNNING_REASON };
}

/** Which view the panel shows for a tab. */
export type PanelView =
  /** The page is being read; or, `scan` given, its matches wait for the corpus overview. */
  | { kind: 'loading'; scan?: TabScan }
  | { kind: 'unsupported'; reason: string }
  /** The reader withdrew Parallax's access to web pages; the panel offers to ask for it again. */
  | { kind: 'no-access' }
  | { kind: 'error'; message: string }
  /** The reader turned automatic scanning off for the page; selection lookups still work. */
  | { kind: 'scan-off'; reason: string; page: { url: string; site: string } }
  /** Scanned, and the page is not about the story. */
  | { kind: 'off-story'; scan: TabScan }
  /** On the story, but no sentence of the page matched the corpus. */
  | { kind: 'no-matches'; scan: TabScan }
  | { kind: 'matches'; scan: TabScan };

/**
 * `corpusSettled`: whether the corpus overview has loaded or failed. Until it has, a page with
 * matches shows as loading: the overview puts the story summary above the points and names them,
 * and arriving after the rows it would move 'Open all' and every row under the reader's pointer.
 */
export function panelView(tab: TabState, corpusSettled = true): PanelView {
  switch (tab.status) {
    case 'pending':
      return { kind: 'loading' };
    case 'unsupported':
      return { kind: 'unsupported', reason: tab.reason };
    case 'no-access':
      return { kind: 'no-access' };
    case 'error':
      return { kind: 'error', message: tab.message };
    case 'off':
      return { kind: 'scan-off', reason: tab.reason, page: { url: tab.url, site: tab.site } };
    case 'scanned': {
      const { scan } = tab;
      if (!scan.onStory) return { kind: 'off-story', scan };
      if (scan.sentences.length === 0) return { kind: 'no-matches', scan };
      return corpusSettled ? { kind: 'matches', scan } : { kind: 'loading', scan };
    }
  }
}
