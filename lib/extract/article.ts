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
import { titleConfirms, titleKey, TITLE_KEY_MIN_CHARS } from './title';
import { runToEnd } from './slices';
import { elementAt, type RawBlock, type WalkResult } from './walk';

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
/** A container with this many linked headlines, at least one per two paragraphs, is an index of teasers… */
export const INDEX_MIN_LINKED_HEADINGS = 3;
export const INDEX_LINKED_HEADINGS_PER_PARAGRAPH = 0.5;
/**
 * …unless prose dominates it: one uninterrupted stretch holds this share of its prose (a story
 * with a "trending" list of linked headlines beside it)…
 */
export const INDEX_BODY_SHARE = 0.5;
/**
 * …or its linked headlines carry this much prose each on average: more than a teaser's one- or
 * two-sentence standfirst (about 150–300 characters), as a list article's items do.
 */
export const INDEX_PROSE_PER_LINKED_HEADING = 450;
/**
 * A headline and this many characters of prose that reads as sentences make a short item an
 * article: about two sentences of a wire brief. A label, a button or a one-line notice is shorter.
 */
export const SHORT_ITEM_MIN_PROSE = 100;
/** Lines shorter than this are kept only when they end a sentence ("He declined."); others are labels. */
export const KEPT_LINE_MIN_CHARS = 40;
/**
 * Elements (and blocks) scored between two yields. Scoring a 100,000-element page in one go held
 * Chromium's main thread for 23–51 ms (code that runs once a page is barely optimized); a step
 * of 5,000 takes a millisecond or two.
 */
export const SCORE_ELEMENTS_PER_STEP = 5_000;

/** A sentence's last character, in Latin and CJK punctuation, before closing quotes and brackets. */
const SENTENCE_END = /[.!?\u2026\u3002\uff01\uff1f]["'\u201D\u2019)\]\u300d\u300f\uff09]*$/;

const TABLE_CELL_TAGS: ReadonlySet<string> = new Set(['td', 'th']);

/** A text wholly in one pair of brackets: a photo credit standing alone. */
const BRACKETED = /^[([][^()[\]]*[)\]]$/;

function linkDensity(block: RawBlock): number {
  return block.text.length === 0 ? 0 : block.linkChars / block.text.length;
}

/**
 * Whether the block reads as a paragraph of prose (for scoring, not for keeping). A line of
 * <br>-separated lines is judged with its paragraph: a short line of a long paragraph is prose.
 */
export function isParagraph(block: RawBlock): boolean {
  const paragraph = block.paragraph;
  return block.headingLevel === 0 && !block.caption && !block.photoCaption && paragraph.size >= PARAGRAPH_MIN_CHARS &&
    paragraph.linkChars <= PARAGRAPH_MAX_LINK_DENSITY * paragraph.chars &&
    linkDensity(block) <= PARAGRAPH_MAX_LINK_DENSITY;
}

/** Whether a block inside the article is part of the story (headings and prose, not labels or link lists). */
export function isStoryBlock(block: RawBlock): boolean {
  // A table's cell in the article ("1947", a linked name) is data read along its row, not a
  // label or a link list; a table of links laid out as a menu is furniture or outside the article.
  if (TABLE_CELL_TAGS.has(block.element.localName)) return !block.caption;
  if (linkDensity(block) > PARAGRAPH_MAX_LINK_DENSITY || block.caption) return false;
  if (block.headingLevel > 0) return true;
  // A picture's caption is kept whole, short or not (no label or button is written as one),
  // unless it is only the credit in brackets: "(Jane Roe, Pool Photo via AP)".
  if (block.photoCaption) return !BRACKETED.test(block.text);
  if (block.size >= KEPT_LINE_MIN_CHARS || SENTENCE_END.test(block.text)) return true;
  // A line of a paragraph written line by line (a list of changes, a poem) is part of it.
  return block.paragraph.lines > 1 && isParagraph(block);
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
  return (yield* scoreElementsSteps(walk)).best;
}

/** Each element's sums (furniture children's text counted as furniture), and the best candidate. */
interface ElementScores {
  prose: Float64Array;
  noise: Float64Array;
  furniture: Float64Array;
  /** Linked headlines (headings mostly link text) in each element's subtree, furniture left out. */
  linkedHeadings: Float64Array;
  /** The prose of paragraphs with a sentence's end in them: a byline or a date line has none. */
  sentenceProse: Float64Array;
  /** Pre-order number of the best candidate, -1 when none holds prose. */
  best: number;
  /** When teaser lists were set aside to find `best`: the best candidate with them counted (an index's root). */
  withTeasers?: number;
}

function* scoreElementsSteps(walk: WalkResult): Generator<void, ElementScores> {
  const n = walk.elements.length;
  const own = {
    prose: new Float64Array(n),
    noise: new Float64Array(n),
    linkedHeadings: new Float64Array(n),
    sentenceProse: new Float64Array(n),
  };
  let counted = 0;
  for (const block of walk.blocks) {
    if (++counted % SCORE_ELEMENTS_PER_STEP === 0) yield;
    // Captions (a gallery's, a lone picture's) are text about pictures: they neither make a
    // container an article nor count against one that embeds the pictures.
    if (block.caption || block.photoCaption) continue;
    const prose = isParagraph(block) ? block.size * (1 - linkDensity(block)) : 0;
    own.prose[block.owner]! += prose;
    own.noise[block.owner]! += block.size - prose;
    if (prose > 0 && HAS_SENTENCE_END.test(block.text)) own.sentenceProse[block.owner]! += prose;
    if (block.headingLevel > 0 && linkDensity(block) > PARAGRAPH_MAX_LINK_DENSITY) own.linkedHeadings[block.owner]! += 1;
  }
  const plain = yield* sumAndScore(walk, own, null);
  // Teaser cards (one linked headline and at most a standfirst's prose) listed by the same parent.
  // Cards inside furniture (a rail of teasers in an <aside>) are out of every article already:
  // they need no second scoring.
  const teaserCards = new Float64Array(n);
  const underFurniture = new Uint8Array(n);
  let lists = 0;
  for (let id = 0; id < n; id++) {
    const parent = walk.parent[id]!;
    if (walk.furniture[id] || (parent >= 0 && underFurniture[parent] === 1)) {
      underFurniture[id] = 1;
      continue;
    }
    if (parent >= 0 && plain.linkedHeadings[id]! === 1 && plain.prose[id]! < INDEX_PROSE_PER_LINKED_HEADING &&
        ++teaserCards[parent]! === INDEX_MIN_LINKED_HEADINGS) {
      lists++;
    }
  }
  if (lists === 0) return plain;
  // A list of teaser cards is an index, whatever its standfirsts say: scored again with their
  // prose as noise and nothing inside them a candidate, a story beside a "recommended" list wins
  // over the two together. When nothing else holds prose, the page is an index, and the plain
  // scores say which one.
  const listed = new Uint8Array(n);
  let insideUntil = -1;
  for (let id = 1; id < n; id++) {
    if (id <= insideUntil) {
      listed[id] = 1;
      continue;
    }
    const parent = walk.parent[id]!;
    if (parent >= 0 && teaserCards[parent]! >= INDEX_MIN_LINKED_HEADINGS && plain.linkedHeadings[id]! === 1 &&
        plain.prose[id]! < INDEX_PROSE_PER_LINKED_HEADING && !walk.furniture[id]) {
      listed[id] = 1;
      insideUntil = walk.end[id]!;
    }
  }
  const unlisted = yield* sumAndScore(walk, own, listed);
  return unlisted.best >= 0 ? { ...unlisted, withTeasers: plain.best } : plain;
}

/**
 * Sums each element's prose, noise, furniture and linked headlines over its subtree, children
 * before parents, and picks the best candidate. Elements marked in `listed` are teaser cards (or
 * inside one): never candidates, and their text is noise to their ancestors.
 */
function* sumAndScore(
  walk: WalkResult,
  own: { prose: Float64Array; noise: Float64Array; linkedHeadings: Float64Array; sentenceProse: Float64Array },
  listed: Uint8Array | null,
): Generator<void, ElementScores> {
  const n = walk.elements.length;
  const prose = Float64Array.from(own.prose);
  const noise = Float64Array.from(own.noise);
  const linkedHeadings = Float64Array.from(own.linkedHeadings);
  const sentenceProse = Float64Array.from(own.sentenceProse);
  const furniture = new Float64Array(n);
  let best = -1;
  let bestScore = 0;
  for (let id = n - 1; id >= 0; id--) {
    if (id % SCORE_ELEMENTS_PER_STEP === 0) yield;
    const isListed = listed !== null && listed[id] === 1;
    if (prose[id]! > 0 && !isListed) {
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
      if (isListed && listed[parent] !== 1) {
        noise[parent]! += prose[id]! + noise[id]!;
      } else {
        prose[parent]! += prose[id]!;
        noise[parent]! += noise[id]!;
      }
      furniture[parent]! += furniture[id]!;
      linkedHeadings[parent]! += linkedHeadings[id]!;
      if (!isListed) sentenceProse[parent]! += sentenceProse[id]!;
    }
  }
  return { prose, noise, furniture, linkedHeadings, sentenceProse, best };
}

/**
 * Where the article is: the chosen root, and when the story's body is split into sibling
 * containers (around an ad slot, a newsletter box, a video), their common parent with the
 * children that are not part of the body left out.
 */
export interface ArticleRegion {
  /** The best-scoring element: the heart of the body. */
  root: number;
  /** The element that holds the whole body: `root`, or the parent of the joined siblings. */
  container: number;
  /** Children of `container` left out (pre-order numbers, ascending); empty when container is root. */
  excluded: number[];
  /**
   * When lists of teaser cards were set aside to choose the root: the root with them counted.
   * If what is left is no article, that root says whether the page is an index of teasers.
   */
  withTeasers?: number;
}

/**
 * A sibling before the body (the opening paragraphs, above an ad) joins when it is this pure:
 * its prose at least this share of its text. A header of byline and date lines is not.
 */
export const SIBLING_MIN_PURITY = 0.7;
/**
 * A sibling after the body joins when it is as pure and either is the same kind of container
 * (same tag and class: one body cut in parts) or has this share of the body's prose (a second
 * part that is plainly more story, not a short bio or a note).
 */
export const SIBLING_MIN_SHARE = 0.4;
/** Between two joined parts, a child with at most this much text beyond its prose (a label, a short line) stays in. */
export const SIBLING_GAP_NOISE_CHARS = 80;

/** The article's region (see ArticleRegion), or null when no element holds prose. */
export function* chooseArticleSteps(walk: WalkResult): Generator<void, ArticleRegion | null> {
  const scores = yield* scoreElementsSteps(walk);
  const root = scores.best;
  if (root < 0) return null;
  const { prose, noise, linkedHeadings, sentenceProse } = scores;
  const alone: ArticleRegion = { root, container: root, excluded: [] };
  if (scores.withTeasers !== undefined) alone.withTeasers = scores.withTeasers;
  // Climb wrappers that hold nothing else of note (a <tbody> in its <table>, a lone inner div).
  let top = root;
  for (let up = walk.parent[top]!; up >= 0 && !walk.furniture[top] && prose[up]! === prose[top]! &&
    linkedHeadings[up]! === linkedHeadings[top]!; up = walk.parent[top]!) {
    top = up;
  }
  const container = walk.parent[top]!;
  if (container < 0 || walk.furniture[top]) return alone;
  const containerElement = walk.elements[container];
  // The page's body is the page, not a story's body: its children are regions, never parts.
  if (containerElement == null || containerElement.localName === 'body' || containerElement.localName === 'html') return alone;

  const kind = (el: Element | null): string => (el === null ? '' : `${el.localName}.${el.getAttribute('class') ?? ''}`);
  const topKind = kind(elementAt(walk, top));
  const topScore = prose[top]! - noise[top]!;
  const children: number[] = [];
  for (let c = container + 1; c <= walk.end[container]!; c = walk.end[c]! + 1) children.push(c);

  const joined = new Set<number>([top]);
  for (const c of children) {
    if (c === top || walk.furniture[c] || linkedHeadings[c]! > 0) continue;
    const text = prose[c]! + noise[c]!;
    // A part of the story has sentences; a byline or a date line long enough to pass for prose does not.
    if (sentenceProse[c]! < PARAGRAPH_MIN_CHARS || prose[c]! < SIBLING_MIN_PURITY * text) continue;
    if (c < top || kind(elementAt(walk, c)) === topKind || prose[c]! - noise[c]! >= SIBLING_MIN_SHARE * topScore) {
      joined.add(c);
    }
  }
  if (joined.size === 1) return alone;
  const first = Math.min(...joined);
  const last = Math.max(...joined);
  const excluded: number[] = [];
  for (const c of children) {
    if (joined.has(c)) continue;
    // Between the parts: keep what is not a list of links and carries little beyond prose (a
    // subheading, a short line); everything before the first part and after the last is left out.
    const between = c > first && c < last && linkedHeadings[c]! === 0 && noise[c]! - prose[c]! <= SIBLING_GAP_NOISE_CHARS;
    if (!between) excluded.push(c);
  }
  return { ...alone, container, excluded };
}

/**
 * Whether the block belongs to the article region: inside the container, outside every child
 * left out, and with no furniture between the container (or the root, for blocks inside it)
 * and it. Furniture enclosing the container itself (a misnamed wrapper) does not count.
 * Cost: O(log excluded).
 */
export function isInArticle(walk: WalkResult, region: ArticleRegion | number, block: RawBlock): boolean {
  const { root, container, excluded } = typeof region === 'number'
    ? { root: region, container: region, excluded: [] as number[] }
    : region;
  const owner = block.owner;
  if (owner < container || owner > walk.end[container]!) return false;
  if (owner >= root && owner <= walk.end[root]!) return block.furniture <= root;
  if (block.furniture > container) return false;
  // The last excluded child starting at or before the owner: is the owner inside it?
  let lo = 0;
  let hi = excluded.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (excluded[mid]! <= owner) {
      at = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return at < 0 || owner > walk.end[excluded[at]!]!;
}

/** A sentence's end anywhere in a text: what makes a paragraph news text rather than a label. */
const HAS_SENTENCE_END = /[.!?\u2026\u3002\uff01\uff1f]["'\u201D\u2019)\]\u300d\u300f\uff09]*(?:\s|$)/;

/**
 * Why the blocks under the chosen root are not an article, or null when they are.
 * `hasHeadline`: the page names its story (an <h1> by the article, or a declared title).
 *
 * Readability's evidence (READERABLE_MIN_SCORE) answers "is this worth a reader view"; Parallax
 * asks "is there news text here", so a headline with SHORT_ITEM_MIN_PROSE characters of prose
 * that reads as sentences is an article too: a wire brief, a short item, the top of a video page,
 * a page of short plain paragraphs. Furniture, link lists and labels never count as that prose.
 */
export function notAnArticle(
  blocks: readonly RawBlock[],
  hasHeadline = false,
): { reason: 'too-little-text' | 'index-page'; detail: string } | null {
  let evidence = 0;
  let paragraphs = 0;
  let linkedHeadings = 0;
  let prose = 0;
  let sentenceProse = 0;
  // The longest stretch of prose with no linked headline inside it: a story's body is one.
  let run = 0;
  let longestRun = 0;
  let lastParagraph: RawBlock['paragraph'] | null = null;
  for (const block of blocks) {
    if (block.headingLevel > 0) {
      if (linkDensity(block) > PARAGRAPH_MAX_LINK_DENSITY) {
        linkedHeadings++;
        run = 0;
      }
    } else if (isParagraph(block)) {
      const size = block.size * (1 - linkDensity(block));
      prose += size;
      run += size;
      if (run > longestRun) longestRun = run;
      if (HAS_SENTENCE_END.test(block.text)) sentenceProse += size;
      // Lines of one <br>-separated paragraph are one paragraph of evidence.
      const paragraph = block.paragraph;
      if (paragraph !== lastParagraph) {
        paragraphs++;
        if (paragraph.size >= READERABLE_MIN_PARAGRAPH_CHARS) {
          evidence += Math.sqrt(paragraph.size - READERABLE_MIN_PARAGRAPH_CHARS);
        }
      }
      lastParagraph = paragraph;
    }
  }
  // Linked headlines make an index only when no story body dominates the prose around them:
  // a list article's items, or a "trending" list beside a story, are linked headings too.
  const proseDominates = longestRun >= INDEX_BODY_SHARE * prose ||
    prose >= INDEX_PROSE_PER_LINKED_HEADING * linkedHeadings;
  if (linkedHeadings >= INDEX_MIN_LINKED_HEADINGS &&
      linkedHeadings >= paragraphs * INDEX_LINKED_HEADINGS_PER_PARAGRAPH && !proseDominates) {
    return {
      reason: 'index-page',
      detail: `the densest text is ${linkedHeadings} linked headlines beside ${paragraphs} paragraphs: an index of teasers`,
    };
  }
  if (evidence >= READERABLE_MIN_SCORE) return null;
  if (hasHeadline && sentenceProse >= SHORT_ITEM_MIN_PROSE) return null;
  return {
    reason: 'too-little-text',
    detail: `${paragraphs} paragraph${paragraphs === 1 ? '' : 's'} with a readability score of ` +
      `${evidence.toFixed(1)} (an article needs ${READERABLE_MIN_SCORE}), ` +
      (hasHeadline
        ? `${Math.round(sentenceProse)} characters of sentences under a headline (a short item needs ${SHORT_ITEM_MIN_PROSE})`
        : 'and no headline'),
  };
}

/** Whether a declared title can stand for a headline: longer than a site's or section's name. */
export function isHeadlineLike(title: string): boolean {
  return titleKey(title).length >= TITLE_KEY_MIN_CHARS;
}

/**
 * The article's <h1>: the first one inside the root, else the last one before it (the headline
 * in the article's header, outside its body). Headings inside furniture (a site logo in the
 * masthead) count only when the page's declared title confirms them. Null when there is none;
 * the caller then uses the declared title itself.
 */
export function headline(walk: WalkResult, root: number, declared: string): RawBlock | null {
  const rootEnd = walk.end[root]!;
  let before: RawBlock | null = null;
  let confirmed: RawBlock | null = null;
  for (const block of walk.blocks) {
    if (block.owner > rootEnd) break;
    if (block.headingLevel !== 1) continue;
    // Furniture around the heading disqualifies it, unless the same furniture encloses the root.
    const furniture = block.furniture;
    if (furniture >= 0 && (furniture > root || walk.end[furniture]! < root)) {
      if (confirmed === null && titleConfirms(declared, block.text)) confirmed = block;
      continue;
    }
    if (block.owner >= root) return block;
    before = block;
  }
  return before ?? confirmed;
}
