/**
 * The nouns of Parallax, declared once. Every context (background, content script,
 * popup, CLI, benchmark, tests) speaks in these types; nothing here touches a browser API.
 */

/** Where an article came from: bundled with the extension, or added by the reader. */
export type ArticleOrigin = 'seed' | 'user';

/** One outlet's article about the story. */
export interface Article {
  /** Stable id. Seeds: the file name without extension ("000_d92422b15f672f7c"); user articles: "user-<uuid>". */
  id: string;
  origin: ArticleOrigin;
  /** Display name of the outlet ("Breitbart News"). */
  outlet: string;
  title: string;
  url: string | null;
  /** Publication date as an ISO day ("2025-04-18"), when known. */
  date: string | null;
  /** Seed file name ("000_d92422b15f672f7c.txt"); null for user articles. */
  file: string | null;
  /** The article text as given (seed file contents, or the pasted / extracted text). */
  text: string;
}

/**
 * What a sentence is in its article. Furniture is page chrome that made it into the text:
 * photo credits, bylines, subscribe lines, "Read the full article".
 */
export type SentenceRole = 'body' | 'heading' | 'furniture';

/** A character span [start, end) of some text. */
export interface Span {
  start: number;
  end: number;
}

/** A quotation inside a sentence; offsets are relative to the sentence text, quotation marks excluded. */
export interface Quote extends Span {
  text: string;
  /** Who the sentence says spoke the words ("Rubio", "Dmitry Peskov"), when it says so. */
  speaker: string | null;
}

/** One sentence of a corpus article. */
export interface Sentence extends Span {
  /** `${articleId}:${index}` */
  id: string;
  articleId: string;
  /** Position of the sentence in its article, from 0. */
  index: number;
  /** The sentence as written (start/end are offsets into Article.text). */
  text: string;
  role: SentenceRole;
  /** Normalized tokens (see lib/text/normalize.ts): what matching compares. */
  tokens: string[];
  quotes: Quote[];
}

/** A fact, claim or quote of the story, with every outlet's wording of it. */
export interface Point {
  id: string;
  /** A short representative wording, chosen from the member sentences. */
  label: string;
  /** Member sentences, at most a few per article, best representative first. */
  sentenceIds: string[];
  /** Articles that state the point. */
  articleIds: string[];
  /** Articles of the corpus that leave the point out. */
  missingArticleIds: string[];
}

/** Everything Parallax knows: the articles, their sentences, and the points they group into. */
export interface Corpus {
  /** Content hash of the inputs and the builder version; a change triggers re-seeding. */
  version: string;
  articles: Article[];
  sentences: Sentence[];
  points: Point[];
}

/** How a corpus sentence relates to a page sentence. */
export type MatchKind =
  /** The same words, up to case, punctuation and spelling variants. */
  | 'verbatim'
  /** The same point in other words. */
  | 'reworded'
  /** The same speaker's quote on the same point, worded differently. */
  | 'quote';

/** A corpus sentence that states the same point as a page sentence. */
export interface Match {
  sentenceId: string;
  articleId: string;
  outlet: string;
  file: string | null;
  url: string | null;
  /** The corpus sentence's text. */
  text: string;
  /** Confidence in [0, 1]. */
  score: number;
  kind: MatchKind;
  pointId: string | null;
}

/**
 * How a page's wording of a point stands against every other outlet's: `distinct` when each
 * other outlet changes the claim (certainty, time frame, who acts, numbers, attribution, names,
 * negation), `alike` when all word it the same or only in other words for the same things,
 * `mixed` otherwise. Computed by lib/compare/claims.ts.
 */
export type WordingContrast = 'distinct' | 'alike' | 'mixed';

/** A page sentence that matched, with its matches best first. */
export interface SentenceResult {
  /** Index of the sentence in the page's sentence list. */
  index: number;
  text: string;
  pointId: string | null;
  matches: Match[];
  /**
   * How the page's wording stands against the other outlets' (lib/compare/claims.ts): set by the
   * background on a page scan, so the page can mark strongly the sentences every other outlet
   * words differently in a way that matters, and quietly those all word alike.
   */
  contrast?: WordingContrast;
}

/** What the matcher says about a page. */
export interface PageVerdict {
  /** Whether the page is about the story at all. */
  onStory: boolean;
  /** Evidence for onStory in [0, 1]. */
  storyScore: number;
  /** Only the sentences with at least one match, in page order. */
  sentences: SentenceResult[];
}

/** The text of a page, as extraction hands it to the matcher. */
export interface PageText {
  url: string;
  title: string;
  /** The article's sentences in reading order. */
  sentences: string[];
  /**
   * The block (paragraph, heading, list item…) of each sentence, numbered in reading order:
   * `blocks[i]` is the block of `sentences[i]`. Lets the quote finder see paragraph breaks.
   */
  blocks?: number[];
  /** When the page says it was published (ISO, lib/extract/published.ts); null or absent: it does not say. */
  published?: string | null;
}
