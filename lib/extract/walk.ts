/**
 * The walk: one pass over the DOM that turns it into blocks of text as a reader sees them,
 * each character mapped back to the text node it came from. No layout is used (linkedom has
 * none); block boundaries come from tags, whitespace collapses as CSS `white-space: normal` does.
 *
 * The walk iterates with an explicit stack (pages nest thousands of elements deep), visits each
 * node once, and is a generator that yields every WALK_NODES_PER_STEP nodes, and within a long
 * text node every WALK_CHARS_PER_STEP characters, so a caller can give the page's main thread
 * back between slices. It reads open shadow roots (a host's rendered
 * children are its shadow tree, with slots filled from the host's light DOM) and leaves frames alone.
 *
 * It records every element it enters in pre-order, with its parent and subtree end, so the
 * article can then be chosen by a linear pass over the elements (see article.ts).
 */
import { noTraits, readTraits } from './furniture';
import type { ExtractOptions, TextRun } from './types';

/**
 * Nodes visited between two yields: about 0.3 ms of work in desktop Chromium (a 100,000-element
 * page took ~110 ms in 300 steps), so a slice can stop close to its budget.
 */
export const WALK_NODES_PER_STEP = 500;

/**
 * Characters of one text node read between two yields: about the work of WALK_NODES_PER_STEP
 * nodes. A 5 MB text node read whole held Chromium's main thread for ~100 ms in one step.
 */
export const WALK_CHARS_PER_STEP = 20_000;

/**
 * Characters one block reads at most; the rest of its text is ignored. About 40,000 words, twice
 * a very long read, and the longest block of the fixture pages has 604 characters: a longer block
 * is a data dump (a 5 MB text node, a log in a <pre>), not prose anyone reads, and reading all of
 * it would cost seconds of page time for sentences nobody would be shown.
 */
export const MAX_BLOCK_CHARS = 250_000;

/** A block of text as the walk found it, before the article is chosen. */
export interface RawBlock {
  text: string;
  runs: TextRun[];
  /** The block-level element holding the text, and its pre-order number. */
  element: Element;
  owner: number;
  /** Pre-order number of the nearest furniture element around the text, or -1. */
  furniture: number;
  /** Characters of `text` inside links. */
  linkChars: number;
  /** 1–6 for headings, 0 otherwise. */
  headingLevel: number;
  /** Whether the text sits in a gallery of pictures (see furniture.ts isGallery): a caption, not prose. */
  caption: boolean;
  /**
   * Whether the text is a lone picture's caption (see furniture.ts isPhotoCaption): part of the
   * article where the article holds it, never prose that makes a container the article.
   */
  photoCaption: boolean;
  /**
   * The text's length in Latin-script characters: a character of a script written without
   * spaces (Chinese, Japanese) says about as much as CJK_CHAR_WEIGHT Latin ones, so every
   * threshold that counts characters holds for those scripts too.
   */
  size: number;
  /**
   * The paragraph the block is a line of: lines separated by <br> in one element are one paragraph
   * to a reader (a poem, a post written line by line), though each is a block of its own. For a
   * block without <br> around it, its own measures. Shared by the lines of one paragraph.
   */
  paragraph: LineGroup;
}

/** The measures of one paragraph made of <br>-separated lines (or of one block alone). */
export interface LineGroup {
  chars: number;
  size: number;
  linkChars: number;
  lines: number;
}

/**
 * How many Latin characters one character of Chinese or Japanese counts for. An English word
 * and its space average about six characters, a Chinese word about 1.5 characters (Japanese
 * kana words a little more): three is the conservative middle, so that a 300-character
 * Japanese paragraph weighs like a 900-character English one, not like a caption.
 */
export const CJK_CHAR_WEIGHT = 3;
/** Han ideographs, kana and CJK punctuation and fullwidth forms: scripts written without spaces. */
const CJK_CHARS = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/g;

/** `text.length`, with each CJK character counted CJK_CHAR_WEIGHT times. */
export function weightedLength(text: string): number {
  // Most pages have none: one search spares counting.
  if (text.search(CJK_CHARS) < 0) return text.length;
  CJK_CHARS.lastIndex = 0;
  let cjk = 0;
  while (CJK_CHARS.exec(text) !== null) cjk++;
  return text.length + (CJK_CHAR_WEIGHT - 1) * cjk;
}

/** What the walk saw: blocks in reading order, and the elements it entered in pre-order. */
export interface WalkResult {
  blocks: RawBlock[];
  /**
   * Each element entered, by pre-order number; null for an inline element without attributes,
   * shadow root or slot role, which `elementAt` finds again when needed. Not keeping those keeps
   * the page's main thread free: in a content script every DOM object the walk holds is a wrapper
   * of its isolated world that each garbage collection visits, and holding all 100,000 elements of
   * a huge page made collections hold the main thread for 80–155 ms, against 40–55 ms without.
   */
  elements: (Element | null)[];
  /** Pre-order number of each element's parent in the walk, -1 for the first. */
  parent: number[];
  /** Pre-order number of the last element inside each element's subtree. */
  end: number[];
  /** Whether each element is furniture (see furniture.ts). */
  furniture: boolean[];
}

/** Where a walk starts: what the ancestors of its first element already decided. */
export interface WalkContext {
  insideArticle: boolean;
  insideLink: boolean;
}

interface Frame {
  node: Element;
  id: number;
  /** Next child to visit, walking siblings. */
  next: Node | null;
  /** Children to visit from a list instead (a slot's assigned nodes). */
  list: Node[] | null;
  listIndex: number;
  /** The nearest block-level frame, this one included. */
  blockFrame: Frame;
  headingLevel: number;
  furniture: number;
  insideLink: boolean;
  insideArticle: boolean;
  insideGallery: boolean;
  insidePhotoCaption: boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * A run of characters that render: anything but whitespace (which collapses) and the characters
 * that render as nothing (soft hyphen, zero-width space, word joiner; the BOM is in \s already).
 * JavaScript's \s covers CSS whitespace plus the Unicode spaces pages use as spacing (NBSP, thin
 * space…), which is what a reader's eye collapses too.
 */
const VISIBLE_RUN = /[^\s\u00ad\u200b\u2060]+/g;
/**
 * A gap that renders otherwise than it is written: whitespace other than one space (collapsed to
 * one space), and the characters that render as nothing. Always a whole run of such characters.
 */
const COLLAPSING_GAP = /[\s\u00ad\u200b\u2060]{2,}|[^\S ]|[\u00ad\u200b\u2060]/g;
const SPACE = 32;
/** Whitespace in a gap between visible runs: a gap without any is a soft hyphen or zero-width space. */
const GAP_WHITESPACE = /[^\S\ufeff]/;

/**
 * The nodes a slot renders: the host's children whose slot attribute names it, else the slot's
 * own children (its fallback). Computed from attributes rather than `assignedNodes()` so that
 * every DOM gives the same answer (linkedom's returns the fallback mixed in); manual slot
 * assignment, which attributes cannot show, is left unread.
 */
function slotContent(slot: Element): Node[] | null {
  const host = (slot.getRootNode() as Partial<ShadowRoot>).host;
  if (host === undefined || host === null) return null;
  const name = slot.getAttribute('name') ?? '';
  const nodes: Node[] = [];
  for (let child = host.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE) {
      if (((child as Element).getAttribute('slot') ?? '') === name) nodes.push(child);
    } else if (child.nodeType === TEXT_NODE && name === '') {
      nodes.push(child);
    }
  }
  return nodes.length > 0 ? nodes : null;
}

/**
 * The element with pre-order number `id`, kept or not. An element the walk did not keep has its
 * DOM children as its children in the walk (it has no shadow root and is no slot), so it is the
 * parentNode of its child's element, found by climbing from a kept element below it. Null only for
 * an element with no kept element below it (no block, no attributes anywhere in it), which never
 * holds prose. Cost: O(size of the subtree before its first kept element + depth).
 */
export function elementAt(walk: WalkResult, id: number): Element | null {
  const kept = walk.elements[id];
  if (kept !== null && kept !== undefined) return kept;
  let below = -1;
  for (let j = id + 1; j <= walk.end[id]!; j++) {
    if (walk.elements[j] !== null) {
      below = j;
      break;
    }
  }
  if (below < 0) return null;
  let element = walk.elements[below]!;
  for (let j = walk.parent[below]!; j >= id; j = walk.parent[j]!) {
    element = walk.elements[j] ?? (element.parentNode as Element);
    if (j === id) return element;
  }
  return null;
}

/**
 * Whether a link is a heading's link to a place on the same page ("#contents", a "¶" permalink):
 * a section's heading linking back to the table of contents, not a headline leading elsewhere,
 * so it does not make the heading a teaser's.
 */
function isSectionAnchor(link: Element, parent: Frame | null): boolean {
  return parent !== null && parent.blockFrame.headingLevel > 0 && (link.getAttribute('href') ?? '').startsWith('#');
}

/**
 * Walks the rendered tree under `start` (itself included). Returns the blocks and element table.
 * Cost: O(nodes + characters read); memory: one stack frame per level of nesting.
 */
export function* walk(
  start: Element,
  options: ExtractOptions = {},
  context: WalkContext = { insideArticle: false, insideLink: false },
): Generator<void, WalkResult> {
  const { skip, isHidden } = options;
  const result: WalkResult = { blocks: [], elements: [], parent: [], end: [], furniture: [] };
  const stack: Frame[] = [];
  // The traits of the element being entered, filled anew for each.
  const traits = noTraits();

  // The block being built.
  let parts: string[] = [];
  let textLength = 0;
  let runs: TextRun[] = [];
  let linkChars = 0;
  let pendingSpace = false;
  let spaceNode: Text | null = null;
  let spaceOffset = 0;
  // The paragraph of <br>-separated lines being built, and the block frame it belongs to.
  let group: LineGroup | null = null;
  let groupFrame: Frame | null = null;

  /** Ends the block; `atBreak` when a <br> ends it, so that the next line joins its paragraph. */
  function flush(frame: Frame, atBreak = false): void {
    pendingSpace = false;
    const blockFrame = frame.blockFrame;
    const continues = group !== null && groupFrame === blockFrame;
    if (textLength === 0) {
      // A blank line (<br><br>) ends the paragraph, as it does for a reader.
      if (atBreak === continues) group = null;
      return;
    }
    const text = parts.join('');
    const size = weightedLength(text);
    let paragraph: LineGroup;
    if (continues) {
      paragraph = group!;
      paragraph.chars += text.length;
      paragraph.size += size;
      paragraph.linkChars += linkChars;
      paragraph.lines++;
    } else {
      paragraph = { chars: text.length, size, linkChars, lines: 1 };
    }
    if (atBreak) {
      group = paragraph;
      groupFrame = blockFrame;
    } else {
      group = null;
      groupFrame = null;
    }
    result.blocks.push({
      text,
      runs,
      element: blockFrame.node,
      owner: blockFrame.id,
      furniture: blockFrame.furniture,
      linkChars,
      headingLevel: blockFrame.headingLevel,
      caption: blockFrame.insideGallery,
      photoCaption: blockFrame.insidePhotoCaption,
      size,
      paragraph,
    });
    parts = [];
    textLength = 0;
    runs = [];
    linkChars = 0;
  }

  /** Appends `piece`, which renders node.data[from, from + piece.length). */
  function emit(node: Text, from: number, piece: string, inLink: boolean): void {
    const length = piece.length;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.node === node && last.nodeStart + last.length === from &&
        last.textStart + last.length === textLength) {
      last.length += length;
    } else {
      runs.push({ node, nodeStart: from, textStart: textLength, length });
    }
    parts.push(piece);
    textLength += length;
    if (inLink) linkChars += length;
  }

  /**
   * Reads node.data from `from` for at most WALK_CHARS_PER_STEP characters. Returns where to
   * continue, or -1 when the node is done (or the block is full). A visible run cut at the window's
   * end continues the same run in the next window (emit joins them), so the text is the same.
   */
  function appendText(node: Text, inLink: boolean, from: number): number {
    const data = node.data;
    if (textLength >= MAX_BLOCK_CHARS) return -1;
    const to = Math.min(data.length, from + WALK_CHARS_PER_STEP);
    // A slice of a long string is a view in V8, not a copy.
    const window = from === 0 && to === data.length ? data : data.slice(from, to);
    if (textLength + window.length + 1 < MAX_BLOCK_CHARS) {
      // Between the gaps that collapse, text renders as written (words and single spaces), so each
      // stretch is one piece; source text wrapped over lines has a gap a line, not a word. A single
      // space at the window's edge is a gap too: a block starts with no space, and a space pending
      // from the text before keeps its place.
      let stretchStart = 0;
      COLLAPSING_GAP.lastIndex = 0;
      for (;;) {
        const gap = COLLAPSING_GAP.exec(window);
        const gapStart = gap === null ? window.length : gap.index;
        let start = stretchStart;
        let end = gapStart;
        if (start === 0 && end > 0 && window.charCodeAt(0) === SPACE) {
          noteGap(node, window, from, 0, 1);
          start = 1;
        }
        const spaceAtEnd = end > start && end === window.length && window.charCodeAt(end - 1) === SPACE;
        if (spaceAtEnd) end--;
        if (end > start) {
          if (pendingSpace) {
            pendingSpace = false;
            if (textLength > 0 && spaceNode !== null) emit(spaceNode, spaceOffset, ' ', inLink);
          }
          emit(node, from + start, start === 0 && end === window.length ? window : window.slice(start, end), inLink);
        }
        if (spaceAtEnd) noteGap(node, window, from, end, end + 1);
        if (gap === null) break;
        stretchStart = gapStart + gap[0].length;
        noteGap(node, window, from, gapStart, stretchStart);
      }
      return to < data.length ? to : -1;
    }
    let gapStart = 0;
    VISIBLE_RUN.lastIndex = 0;
    for (let match = VISIBLE_RUN.exec(window); match !== null; match = VISIBLE_RUN.exec(window)) {
      if (match.index > gapStart) noteGap(node, window, from, gapStart, match.index);
      if (pendingSpace) {
        pendingSpace = false;
        // The collapsed run renders as one space; map it to the run's first character.
        if (textLength > 0 && spaceNode !== null) emit(spaceNode, spaceOffset, ' ', inLink);
      }
      const room = MAX_BLOCK_CHARS - textLength;
      if (match[0].length >= room) {
        if (room > 0) emit(node, from + match.index, match[0].slice(0, room), inLink);
        return -1;
      }
      emit(node, from + match.index, match[0], inLink);
      gapStart = match.index + match[0].length;
    }
    if (gapStart < window.length) noteGap(node, window, from, gapStart, window.length);
    return to < data.length ? to : -1;
  }

  /** Notes the gap window[from, to) between visible runs; `offset` is the window's place in the node. */
  function noteGap(node: Text, window: string, offset: number, from: number, to: number): void {
    if (pendingSpace) return;
    const at = window.slice(from, to).search(GAP_WHITESPACE);
    if (at < 0) return;
    pendingSpace = true;
    spaceNode = node;
    spaceOffset = offset + from + at;
  }

  /** Enters an element: records it and pushes its frame, or returns false when it is left out. */
  function enter(element: Element, parent: Frame | null): boolean {
    const tag = element.localName;
    const insideArticle = parent === null ? context.insideArticle : parent.insideArticle;
    // Every check of the element, from one read of its attributes.
    readTraits(element, tag, insideArticle, traits);
    if (traits.skipped || traits.hidden || (skip !== undefined && skip(element)) ||
        (isHidden !== undefined && isHidden(element))) return false;
    const { attributed, furniture } = traits;
    const parentCaption = parent !== null && parent.insidePhotoCaption;
    // A caption written as an inline element (a <span> after the picture) is a block of its own.
    const startsCaption = !parentCaption && traits.photoCaption;
    const block = traits.block || startsCaption;
    // Inline furniture (a share link, a credit span) is left out of the text around it.
    if (furniture && !block && parent !== null) return false;
    if (tag === 'br' || tag === 'hr') {
      if (parent !== null) flush(parent, tag === 'br');
      return false;
    }
    if (block && parent !== null) {
      flush(parent);
      group = null;
    }

    const shadow = (element as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    const list = tag === 'slot' ? slotContent(element) : null;
    const id = result.elements.length;
    // Kept: what `elementAt` cannot find again from below (see WalkResult.elements).
    const keep = block || parent === null || shadow !== null || tag === 'slot' || attributed;
    result.elements.push(keep ? element : null);
    result.parent.push(parent === null ? -1 : parent.id);
    result.end.push(id);
    result.furniture.push(furniture);

    const frame: Frame = {
      node: element,
      id,
      next: list !== null ? null : shadow ? shadow.firstChild : element.firstChild,
      list,
      listIndex: 0,
      blockFrame: undefined as unknown as Frame,
      headingLevel: 0,
      furniture: furniture ? id : parent === null ? -1 : parent.furniture,
      insideLink: (parent === null ? context.insideLink : parent.insideLink) ||
        (tag === 'a' && element.hasAttribute('href') && !isSectionAnchor(element, parent)),
      insideArticle: insideArticle || (tag !== 'body' && tag !== 'html' && traits.landmark),
      insideGallery: false,
      insidePhotoCaption: parentCaption || startsCaption,
    };
    // A gallery's captions are not prose; an article (or its body) inside a gallery-named wrapper is.
    const parentGallery = parent === null ? false : parent.insideGallery;
    if (parentGallery || traits.gallery) {
      frame.insideGallery = !traits.articleBody;
    }
    if (block || parent === null) {
      frame.blockFrame = frame;
      frame.headingLevel = traits.headingLevel;
    } else {
      frame.blockFrame = parent.blockFrame;
    }
    stack.push(frame);
    return true;
  }

  function leave(frame: Frame): void {
    if (frame.blockFrame === frame) flush(frame);
    result.end[frame.id] = result.elements.length - 1;
    stack.pop();
  }

  if (!enter(start, null)) return result;
  let visited = 0;
  // A text node longer than one step's worth, and where to continue reading it.
  let longText: Text | null = null;
  let longTextAt = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (longText !== null) {
      longTextAt = appendText(longText, frame.insideLink, longTextAt);
      if (longTextAt < 0) longText = null;
      yield;
      continue;
    }
    let node: Node | null;
    if (frame.list !== null) {
      node = frame.listIndex < frame.list.length ? frame.list[frame.listIndex++]! : null;
    } else {
      node = frame.next;
      if (node !== null) frame.next = node.nextSibling;
    }
    if (node === null) {
      leave(frame);
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const next = appendText(node as Text, frame.insideLink, 0);
      if (next >= 0) {
        longText = node as Text;
        longTextAt = next;
        yield;
        continue;
      }
    } else if (node.nodeType === ELEMENT_NODE) {
      enter(node as Element, frame);
    }
    if (++visited % WALK_NODES_PER_STEP === 0) yield;
  }
  return result;
}
