/**
 * The fallback painter for browsers without the CSS Custom Highlight API (Firefox before 140,
 * Safari before 17.2): translucent boxes over the sentences' line boxes, in Parallax's own shadow
 * root (ui-host.ts). The page's text and DOM stay untouched, and the boxes never take a click
 * (pointer-events: none).
 *
 * Why boxes rather than telling the reader "highlights unavailable": the boxes are drawn from
 * Range.getClientRects(), the same geometry the browser would highlight, in a layer the page
 * cannot style, so the risks of an overlay (covering the page's controls, stealing clicks,
 * restyling text) do not arise; what can go wrong is only a box out of place until the next
 * layout pass.
 *
 * Cost: boxes are measured in document coordinates for the band of the page around the viewport
 * (a screen above, two below) and capped in number; scrolling the window only moves the layer
 * (one transform), and re-measures once the viewport leaves the measured band. Resizes, layout
 * changes the content script learns of, and scrolling inside inner scroll containers re-measure.
 */
import type { Painter } from './highlights';
import type { HighlightClass } from './highlight-style';
import type { PageUi } from './ui-host';

/** Boxes drawn at most: a few screens of highlighted lines; more would only cost the page layout time. */
export const MAX_OVERLAY_BOXES = 600;

type BoxKind = HighlightClass | 'flash';

export interface OverlayEnvironment {
  /** Schedules work for the next frame (requestAnimationFrame). */
  nextFrame: (callback: () => void) => void;
  scrollX: () => number;
  scrollY: () => number;
  viewportHeight: () => number;
}

export class OverlayPainter implements Painter {
  private readonly ranges = new Map<BoxKind, Set<Range>>();
  private visible = true;
  private layoutQueued = false;
  private measuredAt = 0;
  private boxes: HTMLElement | null = null;

  constructor(
    private readonly ui: PageUi,
    private readonly env: OverlayEnvironment,
  ) {}

  add(kind: HighlightClass, ranges: readonly Range[]): void {
    const set = this.setOf(kind);
    for (const range of ranges) set.add(range);
    this.relayout();
  }

  remove(kind: HighlightClass, ranges: readonly Range[]): void {
    const set = this.ranges.get(kind);
    if (!set) return;
    for (const range of ranges) set.delete(range);
    this.relayout();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.relayout();
  }

  flash(ranges: readonly Range[]): void {
    this.ranges.set('flash', new Set(ranges));
    this.relayout();
  }

  clearFlash(): void {
    this.ranges.delete('flash');
    this.relayout();
  }

  clear(): void {
    this.ranges.clear();
    this.boxes?.replaceChildren();
  }

  /** The window scrolled: move the layer, and re-measure once the viewport left the measured band. */
  scrolled(): void {
    if (this.boxes === null) return;
    this.place();
    if (Math.abs(this.env.scrollY() - this.measuredAt) > this.env.viewportHeight() / 2) this.relayout();
  }

  /** Measure again on the next frame (several calls in one frame measure once). */
  relayout(): void {
    if (this.layoutQueued) return;
    this.layoutQueued = true;
    this.env.nextFrame(() => {
      this.layoutQueued = false;
      this.measure();
    });
  }

  /** Measures every range near the viewport and draws its boxes. Exposed for tests. */
  measure(): void {
    const total = [...this.ranges.values()].reduce((n, set) => n + set.size, 0);
    if (!this.visible || total === 0) {
      this.boxes?.replaceChildren();
      return;
    }
    const container = this.container();
    const doc = container.ownerDocument;
    const scrollX = this.env.scrollX();
    const scrollY = this.env.scrollY();
    const height = this.env.viewportHeight();
    const bandTop = -height;
    const bandBottom = 2 * height;
    const fragment = doc.createDocumentFragment();
    let drawn = 0;
    // The flash last, so it lies on top.
    const kinds = [...this.ranges.keys()].sort((a, b) => Number(a === 'flash') - Number(b === 'flash'));
    outer: for (const kind of kinds) {
      for (const range of this.ranges.get(kind)!) {
        if (!range.startContainer.isConnected) continue;
        const bounds = range.getBoundingClientRect();
        if (bounds.bottom < bandTop || bounds.top > bandBottom) continue;
        for (const rect of range.getClientRects()) {
          if (rect.width === 0 || rect.height === 0) continue;
          if (drawn >= MAX_OVERLAY_BOXES) break outer;
          const box = doc.createElement('div');
          box.className = `box box-${kind}`;
          box.style.left = `${rect.left + scrollX}px`;
          box.style.top = `${rect.top + scrollY}px`;
          box.style.width = `${rect.width}px`;
          box.style.height = `${rect.height}px`;
          fragment.append(box);
          drawn++;
        }
      }
    }
    container.replaceChildren(fragment);
    this.measuredAt = scrollY;
    this.place();
  }

  /** How many boxes are drawn now. */
  get boxCount(): number {
    return this.boxes?.childElementCount ?? 0;
  }

  private place(): void {
    if (this.boxes) this.boxes.style.transform = `translate(${-this.env.scrollX()}px, ${-this.env.scrollY()}px)`;
  }

  private container(): HTMLElement {
    const root = this.ui.root();
    if (this.boxes === null || this.boxes.getRootNode() !== root) {
      const overlay = root.ownerDocument.createElement('div');
      overlay.className = 'overlay';
      this.boxes = root.ownerDocument.createElement('div');
      this.boxes.className = 'boxes';
      overlay.append(this.boxes);
      root.prepend(overlay);
    }
    return this.boxes;
  }

  private setOf(kind: BoxKind): Set<Range> {
    let set = this.ranges.get(kind);
    if (!set) {
      set = new Set();
      this.ranges.set(kind, set);
    }
    return set;
  }
}
