/**
 * Article extraction: the story's text on a page, as blocks and sentences that keep their way
 * back to the DOM. One module for the content script (the live page) and the CLI (HTML parsed by
 * linkedom, see lib/node/html.ts): it reads only the DOM and attributes, never layout.
 *
 * Every entry point exists in two shapes: a plain function, and a generator (`…Steps`) that
 * yields every few hundred nodes (and every few thousand characters of one long text node or
 * block) so the content script can hand the main thread back between slices (`runInSlices`); no
 * single step grows with the page. Cost: linear in nodes and characters; no recursion. A block
 * reads at most MAX_BLOCK_CHARS characters (walk.ts): the rest of an absurd one is ignored.
 *
 * Dynamic pages: the first scan is `extractArticle(document)`. Content that arrives later inside
 * the article's root is read with `extractBlocks(addedElement, { articleRoot })`; text that
 * changes inside an existing block is re-read with `extractBlocks(nearestBlockElement(node))`,
 * replacing that block's sentences. If the root left the document (a single-page app navigated)
 * or the new content lies outside it, scan the document again.
 */
import type { PageText } from '../types';
import { chooseArticleSteps, headline, isHeadlineLike, isInArticle, isStoryBlock, notAnArticle, SCORE_ELEMENTS_PER_STEP } from './article';
import {
  BLOCK_TAGS,
  isArticleLandmark,
  isFurniture,
  isHiddenByAttributes,
  SKIPPED_TAGS,
} from './furniture';
import { blockSentences, blockSentencesSteps, SENTENCE_WINDOW_CHARS } from './sentences';
import { runToEnd } from './slices';
import { declaredTitle } from './title';
import type {
  Block,
  ExtractOptions,
  ExtractedArticle,
  ExtractedBlocks,
  NoArticleReason,
  PageSentence,
} from './types';
import { elementAt, type RawBlock, walk } from './walk';

export type * from './types';
export { sentenceRange, sentenceRanges, segmentRanges } from './ranges';
export { spanSegments } from './sentences';
export { runInSlices, runToEnd, slicedRunner } from './slices';

/** Blocks split into sentences between two yields: splitting takes ~11 µs per seed paragraph in Node. */
export const SENTENCE_BLOCKS_PER_STEP = 50;

/** The article of a page, all at once. Prefer `extractArticleSteps` on the live page. */
export function extractArticle(source: Document | Element, options: ExtractOptions = {}): ExtractedArticle {
  return runToEnd(extractArticleSteps(source, options));
}

/** `extractArticle`, yielding between slices of work. */
export function* extractArticleSteps(
  source: Document | Element,
  options: ExtractOptions = {},
): Generator<void, ExtractedArticle> {
  const doc = ownerDocumentOf(source);
  const url = options.url ?? doc.URL ?? '';
  const start = isDocument(source) ? (source.body ?? source.documentElement) : source;
  const noArticle = (reason: NoArticleReason, detail: string): ExtractedArticle => ({
    title: declaredTitle(doc), url, root: null, blocks: [], sentences: [], reason, detail,
  });
  if (start === null) return noArticle('empty-page', 'the document has no body');

  const walked = yield* walk(start, options);
  const region = yield* chooseArticleSteps(walked);
  if (region === null) {
    return noArticle('empty-page', `no paragraph of prose among ${walked.blocks.length} blocks of text`);
  }
  const inArticle: RawBlock[] = [];
  for (let i = 0; i < walked.blocks.length; i++) {
    const block = walked.blocks[i]!;
    if (isInArticle(walked, region, block)) inArticle.push(block);
    if ((i + 1) % SCORE_ELEMENTS_PER_STEP === 0) yield;
  }
  const declared = declaredTitle(doc);
  const heading = headline(walked, region.container, declared);
  const verdict = notAnArticle(inArticle, heading !== null || isHeadlineLike(declared));
  if (verdict !== null) return noArticle(verdict.reason, verdict.detail);

  const story = inArticle.filter(isStoryBlock);
  // A headline above the article's body (in its header) is still the article's first line.
  if (heading !== null && !story.includes(heading)) story.unshift(heading);
  const { blocks, sentences } = yield* toBlocksAndSentences(story, 0, 0);
  return {
    title: heading?.text ?? declared,
    url,
    root: elementAt(walked, region.container)!,
    blocks,
    sentences,
  };
}

export interface ExtractBlocksOptions extends ExtractOptions {
  /**
   * The article's root from an earlier extraction: furniture between it and the subtree drops
   * the subtree (an ad slot filled late, a comment thread loaded on scroll), furniture above it
   * does not. Without it, or for a subtree outside it, every ancestor is judged.
   */
  articleRoot?: Element;
  /** Numbers for the first block and sentence, to continue an earlier result's numbering. */
  firstBlockIndex?: number;
  firstSentenceIndex?: number;
}

/** The story blocks and sentences of one subtree, judged as part of the article. */
export function extractBlocks(subtree: Element, options: ExtractBlocksOptions = {}): ExtractedBlocks {
  return runToEnd(extractBlocksSteps(subtree, options));
}

/** `extractBlocks`, yielding between slices of work. */
export function* extractBlocksSteps(
  subtree: Element,
  options: ExtractBlocksOptions = {},
): Generator<void, ExtractedBlocks> {
  const ancestry = readAncestry(subtree, options);
  if (ancestry === null) return { blocks: [], sentences: [] };
  const walked = yield* walk(subtree, options, ancestry);
  const kept = walked.blocks.filter((block) => block.furniture < 0 && isStoryBlock(block));
  return yield* toBlocksAndSentences(kept, options.firstBlockIndex ?? 0, options.firstSentenceIndex ?? 0);
}

/** What the background needs of an article: plain strings only, safe to send in a message. */
export function toPageText(article: ExtractedArticle): PageText {
  return { url: article.url, title: article.title, sentences: article.sentences.map((s) => s.text), blocks: article.sentences.map((s) => s.block) };
}

/**
 * The nearest block-level element around a node: what to re-extract when text changes inside
 * an existing block. Crosses shadow boundaries to the host.
 */
export function nearestBlockElement(node: Node): Element | null {
  let current: Node | null = node;
  while (current !== null) {
    if (current.nodeType === 1 && BLOCK_TAGS.has((current as Element).localName)) return current as Element;
    current = current.parentNode ?? (current as ShadowRoot).host ?? null;
  }
  return null;
}

function* toBlocksAndSentences(
  raw: readonly RawBlock[],
  firstBlockIndex: number,
  firstSentenceIndex: number,
): Generator<void, ExtractedBlocks> {
  const blocks: Block[] = [];
  const sentences: PageSentence[] = [];
  for (const rawBlock of raw) {
    const block: Block = {
      index: firstBlockIndex + blocks.length,
      text: rawBlock.text,
      role: rawBlock.headingLevel > 0 ? 'heading' : 'body',
      element: rawBlock.element,
      runs: rawBlock.runs,
    };
    blocks.push(block);
    const firstIndex = firstSentenceIndex + sentences.length;
    const own = block.text.length > SENTENCE_WINDOW_CHARS
      ? yield* blockSentencesSteps(block, firstIndex)
      : blockSentences(block, firstIndex);
    for (const sentence of own) sentences.push(sentence);
    if (blocks.length % SENTENCE_BLOCKS_PER_STEP === 0) yield;
  }
  return { blocks, sentences };
}

/**
 * What the subtree's ancestors say, up to the article root: null when one of them hides it or is
 * furniture, else whether it sits in an article landmark and inside a link. Cost: O(depth).
 */
function readAncestry(
  subtree: Element,
  options: ExtractBlocksOptions,
): { insideArticle: boolean; insideLink: boolean } | null {
  const ancestors: Element[] = [];
  for (let el = parentElementAcrossShadow(subtree); el !== null; el = parentElementAcrossShadow(el)) {
    ancestors.push(el);
  }
  let insideArticle = false;
  let insideLink = false;
  // Furniture counts below the article root only; a subtree outside it is judged all the way up.
  let belowRoot = options.articleRoot === undefined || !ancestors.includes(options.articleRoot);
  // Outermost first, so that `insideArticle` is known when each ancestor is judged.
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const el = ancestors[i]!;
    const tag = el.localName;
    if (SKIPPED_TAGS.has(tag) || isHiddenByAttributes(el)) return null;
    if (options.skip?.(el) || options.isHidden?.(el)) return null;
    if (belowRoot && el !== options.articleRoot && isFurniture(el, tag, insideArticle)) return null;
    if (el === options.articleRoot) belowRoot = true;
    if (tag !== 'body' && tag !== 'html' && isArticleLandmark(el, tag)) insideArticle = true;
    if (tag === 'a' && el.hasAttribute('href')) insideLink = true;
  }
  return { insideArticle, insideLink };
}

function parentElementAcrossShadow(el: Element): Element | null {
  const parent = el.parentNode;
  if (parent === null) return null;
  if (parent.nodeType === 1) return parent as Element;
  return (parent as ShadowRoot).host ?? null;
}

function isDocument(source: Document | Element): source is Document {
  return source.nodeType === 9;
}

function ownerDocumentOf(source: Document | Element): Document {
  return isDocument(source) ? source : source.ownerDocument;
}
