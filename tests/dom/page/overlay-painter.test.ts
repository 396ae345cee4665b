// The overlay fallback (for browsers without CSS Custom Highlights): boxes in Parallax's own shadow
// root at the ranges' line boxes, in document coordinates; nothing of the page changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightApiAvailable } from '../../../lib/page/highlights';
import { MAX_OVERLAY_BOXES, OverlayPainter } from '../../../lib/page/overlay-painter';
import { HOST_TAG, PageUi } from '../../../lib/page/ui-host';

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;

/** Each range of the page gets two line boxes, from its start node's line. */
const lines = new Map<Node, DOMRect[]>();

let scroll = { x: 0, y: 0 };
let ui: PageUi;
let painter: OverlayPainter;

function rangeOver(node: Node): Range {
  const range = document.createRange();
  range.selectNodeContents(node);
  return range;
}

beforeEach(() => {
  document.body.innerHTML = '<p id="a">Rubio said the United States may walk away.</p><p id="b">Peskov said talks were hard.</p>';
  lines.clear();
  lines.set(document.getElementById('a')!.firstChild!, [rect(10, 100, 300, 20), rect(10, 120, 120, 20)]);
  lines.set(document.getElementById('b')!.firstChild!, [rect(10, 160, 200, 20)]);
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return (lines.get(this.startContainer.firstChild ?? this.startContainer) ?? []) as unknown as DOMRectList;
  });
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    const rs = lines.get(this.startContainer.firstChild ?? this.startContainer) ?? [];
    return rs[0] ?? rect(0, 0, 0, 0);
  });
  scroll = { x: 0, y: 0 };
  ui = new PageUi(document);
  painter = new OverlayPainter(ui, {
    nextFrame: (callback) => callback(),
    scrollX: () => scroll.x,
    scrollY: () => scroll.y,
    viewportHeight: () => 800,
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  ui.remove();
});

const boxes = () => [...ui.root().querySelectorAll<HTMLElement>('.box')];

describe('OverlayPainter', () => {
  it('is what this test DOM needs: happy-dom has no CSS Custom Highlight API', () => {
    expect(highlightApiAvailable()).toBe(false);
  });

  it('draws one box per line box, by kind, in document coordinates, leaving the page’s DOM as it was', () => {
    const before = document.body.innerHTML;
    scroll = { x: 0, y: 50 };
    painter.add('verbatim', [rangeOver(document.getElementById('a')!)]);
    painter.add('quote', [rangeOver(document.getElementById('b')!)]);

    expect(boxes().map((b) => [b.className, b.style.left, b.style.top, b.style.width])).toEqual([
      ['box box-verbatim', '10px', '150px', '300px'],
      ['box box-verbatim', '10px', '170px', '120px'],
      ['box box-quote', '10px', '210px', '200px'],
    ]);
    expect(document.body.innerHTML).toBe(before);
    expect(document.documentElement.lastElementChild!.localName).toBe(HOST_TAG);
  });

  it('moves the layer with the window’s scroll instead of measuring again', () => {
    painter.add('reworded', [rangeOver(document.getElementById('b')!)]);
    const measured = vi.mocked(Range.prototype.getClientRects).mock.calls.length;
    scroll = { x: 0, y: 120 };
    painter.scrolled();
    expect((ui.root().querySelector('.boxes') as HTMLElement).style.transform).toBe('translate(0px, -120px)');
    expect(vi.mocked(Range.prototype.getClientRects).mock.calls.length).toBe(measured);
  });

  it('draws nothing while hidden, and removes boxes of removed ranges', () => {
    const a = rangeOver(document.getElementById('a')!);
    painter.add('verbatim', [a]);
    painter.setVisible(false);
    expect(boxes()).toHaveLength(0);
    painter.setVisible(true);
    expect(boxes()).toHaveLength(2);
    painter.remove('verbatim', [a]);
    expect(boxes()).toHaveLength(0);
  });

  it('draws at most MAX_OVERLAY_BOXES boxes', () => {
    const many = Array.from({ length: MAX_OVERLAY_BOXES }, () => rangeOver(document.getElementById('a')!));
    painter.add('verbatim', many);
    expect(boxes()).toHaveLength(MAX_OVERLAY_BOXES);
  });

  it('comes back when the page removed its element', () => {
    painter.add('verbatim', [rangeOver(document.getElementById('a')!)]);
    document.querySelector(HOST_TAG)!.remove();
    painter.relayout();
    expect(ui.attached).toBe(true);
    expect(boxes()).toHaveLength(2);
  });
});
