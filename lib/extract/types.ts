/**
 * What article extraction produces. These types hold live DOM references (Text, Element), so
 * they stay in the page's context: the content script keeps them to draw highlights, and sends
 * only `toPageText(article)` (a `PageText` of plain strings) across the message boundary.
 */
import type { SentenceRole } from '../types';

/** Characters [start, end) of one DOM text node's data. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

/**
 * A stretch of a block's text that is a verbatim copy of a stretch of one text node:
 * block.text[textStart, textStart + length) came from node.data[nodeStart, nodeStart + length).
 * Collapsed whitespace and invisible characters fall between runs, so a block's runs are
 * ordered by textStart and never overlap.
 */
export interface TextRun {
  node: Text;
  nodeStart: number;
  textStart: number;
  length: number;
}

/**
 * One block of the article as a reader sees it: a paragraph, heading, list item, quote or table
 * cell, its whitespace collapsed as CSS `white-space: normal` renders it.
 */
export interface Block {
  /** Position of the block in the result, from 0. */
  index: number;
  text: string;
  /** 'heading' for h1–h6 and role=heading, 'body' otherwise (furniture never becomes a block). */
  role: SentenceRole;
  /** The block-level element the text sits in (lowercase tag via element.localName). */
  element: Element;
  runs: TextRun[];
}

/** One sentence of the page's article, with the DOM text it was read from. */
export interface PageSentence {
  /** Position of the sentence in the article, from 0: the index the protocol's results refer to. */
  index: number;
  /** The sentence as rendered (whitespace collapsed). */
  text: string;
  /** Index of its block in `ExtractedArticle.blocks`. */
  block: number;
  /** Offsets of the sentence in its block's text. */
  start: number;
  end: number;
  role: SentenceRole;
  /** The DOM text the sentence covers, in document order; possibly across elements and shadow trees. */
  segments: TextSegment[];
}

/** Why a page yielded no article. */
export type NoArticleReason =
  /** No body, or nothing readable under the given root. */
  | 'empty-page'
  /** Readable text exists but too little of it reads as an article's paragraphs. */
  | 'too-little-text'
  /** The densest text is a list of teasers linking elsewhere: a homepage or section front. */
  | 'index-page';

export interface ExtractedArticle {
  title: string;
  url: string;
  /** The element chosen as the article's container; null when there is no article. */
  root: Element | null;
  blocks: Block[];
  sentences: PageSentence[];
  /** Set exactly when `blocks` is empty, with `detail` saying what was measured. */
  reason?: NoArticleReason;
  detail?: string;
}

/** Blocks and sentences of one subtree, e.g. content that arrived after the first extraction. */
export interface ExtractedBlocks {
  blocks: Block[];
  sentences: PageSentence[];
}

export interface ExtractOptions {
  /**
   * Subtrees to leave out: elements already extracted, the extension's own UI. Called once per
   * element the walk reaches, so keep it cheap (a WeakSet lookup, an attribute check).
   */
  skip?: (element: Element) => boolean;
  /**
   * Hidden-ness the DOM alone cannot tell (a class hidden by a stylesheet). The walk already
   * leaves out the `hidden` attribute, aria-hidden="true" and inline display:none/visibility:hidden.
   * Called once per element; in a browser something like `el => !el.checkVisibility()` on
   * block-level elements only is the affordable shape.
   */
  isHidden?: (element: Element) => boolean;
  /** The page URL; defaults to the document's URL. */
  url?: string;
}
