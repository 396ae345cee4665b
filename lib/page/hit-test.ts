/**
 * Which highlighted sentence is under the pointer, without a listener on any page element.
 *
 * The browser's own hit test finds the text under the point (caretPositionFromPoint, or
 * caretRangeFromPoint in older Chromium): a text node and offset, looked up in a map from text
 * nodes to the sentences read from them. The candidate is then confirmed against its Ranges'
 * client rects, since a caret position is also returned for points beside the text. Cost per
 * pointer move: one hit test plus a few rects, whatever the number of highlights. When the browser
 * gives no caret (no API, a point over an image), the rects of all highlights are scanned, under a
 * time budget so a huge page cannot make one pointer move a long task.
 */
import type { HighlightEntry, Highlighter } from './highlights';

/**
 * Time a fallback scan may take for one pointer position: small next to a 16 ms frame; on pages
 * with more highlights than fit, the rest count as not hit.
 */
export const HIT_TEST_BUDGET_MS = 4;

export function pointInRects(x: number, y: number, rects: Iterable<DOMRectReadOnly>): boolean {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/** Whether the point lies on one of the ranges' line boxes. */
export function pointInRanges(x: number, y: number, ranges: readonly Range[]): boolean {
  for (const range of ranges) {
    const bounds = range.getBoundingClientRect();
    if (x < bounds.left || x > bounds.right || y < bounds.top || y > bounds.bottom) continue;
    if (pointInRects(x, y, range.getClientRects())) return true;
  }
  return false;
}

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The text position under a point, looking into the given shadow roots where the browser can. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const position = d.caretPositionFromPoint.call(doc, x, y, shadowRoots.length > 0 ? { shadowRoots } : undefined);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint.call(doc, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

interface Span {
  index: number;
  start: number;
  end: number;
}

/** From text nodes to the highlighted sentences read from them. */
export class SentenceLocator {
  private readonly spans = new Map<Node, Span[]>();
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(entries: Iterable<HighlightEntry>) {
    const roots = new Set<ShadowRoot>();
    for (const entry of entries) {
      for (const segment of entry.sentence.segments) {
        const list = this.spans.get(segment.node);
        const last = list?.[list.length - 1];
        // One span per node and sentence: the collapsed whitespace between its segments is its too.
        if (last !== undefined && last.index === entry.sentence.index) {
          last.start = Math.min(last.start, segment.start);
          last.end = Math.max(last.end, segment.end);
          continue;
        }
        const span = { index: entry.sentence.index, start: segment.start, end: segment.end };
        if (list) list.push(span);
        else this.spans.set(segment.node, [span]);
        const root = segment.node.getRootNode();
        if ((root as Partial<ShadowRoot>).host) roots.add(root as ShadowRoot);
      }
    }
    this.shadowRoots.push(...roots);
  }

  /** Sentences whose text covers `offset` of `node` (the caret may sit just after the last character). */
  at(node: Node, offset: number): number[] {
    const out: number[] = [];
    for (const span of this.spans.get(node) ?? []) if (offset >= span.start && offset <= span.end) out.push(span.index);
    return out;
  }

  /** The first sentence read from text inside `element` (a focused link, say), or null. */
  inside(element: Element): number | null {
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(), seen = 0; node !== null && seen < MAX_TEXT_NODES_IN_FOCUS; node = walker.nextNode(), seen++) {
      const spans = this.spans.get(node);
      if (spans && spans.length > 0) return spans[0]!.index;
    }
    return null;
  }
}

/** Text nodes looked at inside a focused element: a link or a button, not a whole section. */
const MAX_TEXT_NODES_IN_FOCUS = 20;

export class HitTester {
  private locator: SentenceLocator | null = null;
  private version = -1;

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The highlighted sentence under the viewport point (x, y), or null. */
  at(x: number, y: number): number | null {
    if (this.highlighter.size === 0) return null;
    const locator = this.currentLocator();
    const caret = caretAt(this.doc, x, y, locator.shadowRoots);
    if (caret !== null && caret.node.nodeType === 3) {
      for (const index of [...locator.at(caret.node, caret.offset), ...locator.at(caret.node, caret.offset - 1)]) {
        const entry = this.highlighter.entry(index);
        if (entry && pointInRanges(x, y, entry.ranges)) return index;
      }
      return null;
    }
    return this.scan(x, y);
  }

  /** The highlighted sentence a focused element sits in, or null. */
  focused(element: Element): number | null {
    if (this.highlighter.size === 0) return null;
    return this.currentLocator().inside(element);
  }

  private scan(x: number, y: number): number | null {
    const deadline = this.now() + HIT_TEST_BUDGET_MS;
    for (const entry of this.highlighter.all()) {
      if (pointInRanges(x, y, entry.ranges)) return entry.sentence.index;
      if (this.now() > deadline) break;
    }
    return null;
  }

  private currentLocator(): SentenceLocator {
    if (this.locator === null || this.version !== this.highlighter.version) {
      this.locator = new SentenceLocator(this.highlighter.all());
      this.version = this.highlighter.version;
    }
    return this.locator;
  }
}
