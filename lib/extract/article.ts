/**
 * Choosing the article on a page: which element holds the story's paragraphs, which of its
 * blocks are the story, and what the headline is. In the spirit of Mozilla's Readability,
 * simplified to one linear pass over the elements the walk recorded:
 *
 *   score(E) = prose(E) − NOISE_WEIGHT × noise(E) − FURNITURE_NOISE_WEIGHT × furniture(E)
 *
 * where prose(E) is the non-link text of paragraph-like blocks under E, noise(E) the rest of the
 * text that would be kept with E (short lines, link lists), and furniture(E) the text of the
 * furniture inside E, which extraction drops but which says E is a page region rather than an
 * article. The element with the highest score is the article's container. Furniture is judged
 * relative to the candidate: a wrapper misnamed "has-sidebar" only costs itself, never the
 * article inside it.
 */
import { hasArticleBodyHint } from './furniture';
import { runToEnd } from './slices';
import type { RawBlock, WalkResult } from './walk';

/** Shorter lines are labels, datelines and buttons; the shortest seed paragraph is twice as long. */
export const PARAGRAPH_MIN_CHARS = 40;
/** Above this share of linked characters a block is a list of links, not prose (Readability's 0.5). */
export const PARAGRAPH_MAX_LINK_DENSITY = 0.5;
/** A character of noise kept with a container cancels a character of prose. */
export const NOISE_WEIGHT = 1;
/** Furniture is dropped anyway; it only hints that a container is a page region, not the article. */
export const FURNITURE_NOISE_WEIGHT = 0.25;
/** A container named like furniture (comments, sidebar) wins only with four times the prose. */
export const FURNITURE_CANDIDATE_FACTOR = 0.25;
/** itemprop=articleBody, "article-body", "entry-content": the page says where its article is. */
export const ARTICLE_BODY_BOOST = 1.5;
/**
 * The evidence an article needs, from Readability's isProbablyReaderable: paragraphs of at least
 * 140 characters each add sqrt(length − 140), and the sum must reach 20 (one 540-character
 * paragraph, or four of 165).
 */
export const READERABLE_MIN_PARAGRAPH_CHARS = 140;
export const READERABLE_MIN_SCORE = 20;
/** A container with this many linked headlines, at least one per two paragraphs, is an index of teasers. */
export const INDEX_MIN_LINKED_HEADINGS = 3;
export const INDEX_LINKED_HEADINGS_PER_PARAGRAPH = 0.5;
/** Lines shorter than this are kept only when they end a sentence ("He declined."); others are labels. */
export const KEPT_LINE_MIN_CHARS = 40;
/**
 * Elements (and blocks) scored between two yields. Scoring a 100,000-element page in one go held
 * Chromium's main thread for 23–51 ms (code that runs once a page is barely optimized); a step
 * of 5,000 takes a millisecond or two.
 */
export const SCORE_ELEMENTS_PER_STEP = 5_000;

const SENTENCE_END = /[.!?\u2026]["'\u201D\u2019)\]]*$/;

function linkDensity(block: RawBlock): number {
  return block.text.length === 0 ? 0 : block.linkChars / block.text.length;
}

/** Whether the block reads as a paragraph of prose (for scoring, not for keeping). */
export function isParagraph(block: RawBlock): boolean {
  return block.headingLevel === 0 && block.text.length >= PARAGRAPH_MIN_CHARS &&
    linkDensity(block) <= PARAGRAPH_MAX_LINK_DENSITY;
}

/** Whether a block inside the article is part of the story (headings and prose, not labels or link lists). */
export function isStoryBlock(block: RawBlock): boolean {
  if (linkDensity(block) > PARAGRAPH_MAX_LINK_DENSITY) return false;
  if (block.headingLevel > 0) return true;
  return block.text.length >= KEPT_LINE_MIN_CHARS || SENTENCE_END.test(block.text);
}

/**
 * The pre-order number of the element that holds the article, or -1 when no element holds any
 * prose. One pass over the elements in reverse pre-order, which visits children before parents,
 * so each element's sums are complete when it is scored. Ties go to the deeper element.
 */
export function chooseRoot(walk: WalkResult): number {
  return runToEnd(chooseRootSteps(walk));
}

/** `chooseRoot`, yielding every SCORE_ELEMENTS_PER_STEP elements and blocks. */
export function* chooseRootSteps(walk: WalkResult): Generator<void, number> {
  const n = walk.elements.length;
  const prose = new Float64Array(n);
  const noise = new Float64Array(n);
  const furniture = new Float64Array(n);
  let counted = 0;
  for (const block of walk.blocks) {
    const own = isParagraph(block) ? block.text.length - block.linkChars : 0;
    prose[block.owner]! += own;
    noise[block.owner]! += block.text.length - own;
    if (++counted % SCORE_ELEMENTS_PER_STEP === 0) yield;
  }
  let best = -1;
  let bestScore = 0;
  for (let id = n - 1; id >= 0; id--) {
    if (id % SCORE_ELEMENTS_PER_STEP === 0) yield;
    if (prose[id]! > 0) {
      let score = prose[id]! - NOISE_WEIGHT * noise[id]! - FURNITURE_NOISE_WEIGHT * furniture[id]!;
      if (score > 0) {
        if (walk.furniture[id]) score *= FURNITURE_CANDIDATE_FACTOR;
        // Only elements with attributes can name themselves, and those the walk keeps.
        const element = walk.elements[id];
        if (element != null && hasArticleBodyHint(element)) score *= ARTICLE_BODY_BOOST;
      }
      if (score > bestScore) {
        best = id;
        bestScore = score;
      }
    }
    const parent = walk.parent[id]!;
    if (parent < 0) continue;
    if (walk.furniture[id]) {
      furniture[parent]! += prose[id]! + noise[id]! + furniture[id]!;
    } else {
      prose[parent]! += prose[id]!;
      noise[parent]! += noise[id]!;
      furniture[parent]! += furniture[id]!;
    }
  }
  return best;
}

/**
 * Whether the block sits in the root's subtree with no furniture between the root and it.
 * Furniture enclosing the root itself (a misnamed wrapper) does not count.
 */
export function isInArticle(walk: WalkResult, root: number, block: RawBlock): boolean {
  if (block.owner < root || block.owner > walk.end[root]!) return false;
  return block.furniture <= root;
}

/** Why the blocks under the chosen root are not an article, or null when they are. */
export function notAnArticle(
  blocks: readonly RawBlock[],
): { reason: 'too-little-text' | 'index-page'; detail: string } | null {
  let evidence = 0;
  let paragraphs = 0;
  let linkedHeadings = 0;
  for (const block of blocks) {
    if (block.headingLevel > 0) {
      if (linkDensity(block) > PARAGRAPH_MAX_LINK_DENSITY) linkedHeadings++;
    } else if (isParagraph(block)) {
      paragraphs++;
      if (block.text.length >= READERABLE_MIN_PARAGRAPH_CHARS) {
        evidence += Math.sqrt(block.text.length - READERABLE_MIN_PARAGRAPH_CHARS);
      }
    }
  }
  if (linkedHeadings >= INDEX_MIN_LINKED_HEADINGS &&
      linkedHeadings >= paragraphs * INDEX_LINKED_HEADINGS_PER_PARAGRAPH) {
    return {
      reason: 'index-page',
      detail: `the densest text is ${linkedHeadings} linked headlines beside ${paragraphs} paragraphs: an index of teasers`,
    };
  }
  if (evidence < READERABLE_MIN_SCORE) {
    return {
      reason: 'too-little-text',
      detail: `${paragraphs} paragraph${paragraphs === 1 ? '' : 's'} with a readability score of ` +
        `${evidence.toFixed(1)} (an article needs ${READERABLE_MIN_SCORE})`,
    };
  }
  return null;
}

/** Letters and digits only, lowercased: how two wordings of a title are compared. */
function titleKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Titles shorter than this (a site name, "Live") are too generic to confirm a heading. */
const TITLE_KEY_MIN_CHARS = 12;

/**
 * The article's <h1>: the first one inside the root, else the last one before it (the headline
 * in the article's header, outside its body). Headings inside furniture (a site logo in the
 * masthead) count only when the page's declared title confirms them. Null when there is none;
 * the caller then uses the declared title itself.
 */
export function headline(walk: WalkResult, root: number, declared: string): RawBlock | null {
  const rootEnd = walk.end[root]!;
  const declaredKey = titleKey(declared);
  let before: RawBlock | null = null;
  let confirmed: RawBlock | null = null;
  for (const block of walk.blocks) {
    if (block.owner > rootEnd) break;
    if (block.headingLevel !== 1) continue;
    // Furniture around the heading disqualifies it, unless the same furniture encloses the root.
    const furniture = block.furniture;
    if (furniture >= 0 && (furniture > root || walk.end[furniture]! < root)) {
      const key = titleKey(block.text);
      if (confirmed === null && key.length >= TITLE_KEY_MIN_CHARS && declaredKey.length >= TITLE_KEY_MIN_CHARS &&
          (declaredKey.includes(key) || key.includes(declaredKey))) {
        confirmed = block;
      }
      continue;
    }
    if (block.owner >= root) return block;
    before = block;
  }
  return before ?? confirmed;
}
