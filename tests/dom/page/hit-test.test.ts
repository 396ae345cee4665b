// Hit-testing the pointer against highlighted sentences. happy-dom has no layout, so the geometry is
// given: each text node gets a line box, and the browser's caret lookup is a stand-in that answers
// from those boxes, as Chromium's would.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter, type Painter } from '../../../lib/page/highlights';
import { HitTester, pointInRects, SentenceLocator } from '../../../lib/page/hit-test';
import type { MatchedSentence } from '../../../lib/page/page-scanner';
import { extractArticle } from '../../../lib/extract';
import type { MatchKind } from '../../../lib/types';
import { matched } from './matched';

const runAtOnce = async <T>(steps: Generator<void, T>): Promise<T> => {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};

const noPainter: Painter = {
  add: () => undefined,
  remove: () => undefined,
  setVisible: () => undefined,
  flash: () => undefined,
  clearFlash: () => undefined,
  clear: () => undefined,
};

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;

/** Line boxes by text node: a stand-in for layout. */
const boxes = new Map<Node, DOMRect>();

function rectsOf(range: Range): DOMRect[] {
  const out: DOMRect[] = [];
  for (const [node, box] of boxes) if (range.intersectsNode(node)) out.push(box);
  return out;
}

function bounds(rects: DOMRect[]): DOMRect {
  if (rects.length === 0) return rect(0, 0, 0, 0);
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  return rect(left, top, Math.max(...rects.map((r) => r.right)) - left, Math.max(...rects.map((r) => r.bottom)) - top);
}

const FILLER = 'Speaking to reporters amid ongoing high-level talks in Paris involving the US, Ukraine, and key European powers, the official said the administration would not prolong negotiations indefinitely on any account.';

/** An article whose paragraphs each sit on one 20 px line, one under the other. */
function page() {
  document.body.innerHTML =
    '<article><h1>Talks in Paris</h1>' +
    `<p id="a">Rubio said the United States may walk away from the talks within days if no progress is made soon.</p>` +
    `<p id="b">Kremlin spokesperson <a href="/peskov">Dmitry Peskov</a> acknowledged that some progress had been made in the talks.</p>` +
    `<p id="c">${FILLER}</p>${`<p>${FILLER}</p>`.repeat(4)}</article>`;
  let top = 100;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    boxes.set(node, rect(50, top, (node as Text).length * 7, 20));
    top += 20;
  }
  const article = extractArticle(document);
  const sentence = (text: string) => {
    const found = article.sentences.find((s) => s.text.startsWith(text));
    if (!found) throw new Error(`no sentence "${text}…" was extracted (${article.reason ?? ''} ${article.detail ?? ''})`);
    return found;
  };
  return { article, sentence };
}

async function highlighterWith(...sentences: { sentence: MatchedSentence['sentence']; kind?: MatchKind }[]) {
  const highlighter = new Highlighter(document, noPainter, runAtOnce);
  await highlighter.show(sentences.map(({ sentence, kind }) => matched(sentence, kind)));
  return highlighter;
}

/** The browser's caret lookup, answering from the line boxes: the node under the point and an offset in it. */
function caretFromBoxes(x: number, y: number): { offsetNode: Node; offset: number } | null {
  for (const [node, box] of boxes) {
    if (y >= box.top && y <= box.bottom) {
      return { offsetNode: node, offset: Math.max(0, Math.min((node as Text).length, Math.round((x - box.left) / 7))) };
    }
  }
  return null;
}

beforeEach(() => {
  boxes.clear();
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    return rectsOf(this) as unknown as DOMRectList;
  });
  vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
    return bounds(rectsOf(this));
  });
  Object.defineProperty(document, 'caretPositionFromPoint', { configurable: true, value: caretFromBoxes });
});

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'caretPositionFromPoint');
});

describe('pointInRects', () => {
  it('counts the edges of a box as inside and anything past them as outside', () => {
    const r = [rect(10, 10, 100, 20)];
    expect(pointInRects(10, 10, r)).toBe(true);
    expect(pointInRects(110, 30, r)).toBe(true);
    expect(pointInRects(110.5, 20, r)).toBe(false);
    expect(pointInRects(50, 9.5, r)).toBe(false);
  });
});

describe('HitTester', () => {
  it('finds the highlighted sentence under the pointer, and none beside its text or over other text', async () => {
    const { sentence } = page();
    const a = sentence('Rubio said');
    const hits = new HitTester(document, await highlighterWith({ sentence: a }));
    const line = boxes.get(document.getElementById('a')!.firstChild!)!;

    expect(hits.at(line.left + 30, line.top + 10)).toBe(a.index);
    // The same line, past the end of its text: the caret lookup still lands in the node.
    expect(hits.at(line.right + 40, line.top + 10)).toBeNull();
    const other = boxes.get(document.getElementById('c')!.firstChild!)!;
    expect(hits.at(other.left + 30, other.top + 10)).toBeNull();
  });

  it('finds a sentence from text inside a link within it', async () => {
    const { sentence } = page();
    const b = sentence('Kremlin spokesperson');
    const hits = new HitTester(document, await highlighterWith({ sentence: b }));
    const link = boxes.get(document.querySelector('#b a')!.firstChild!)!;
    expect(hits.at(link.left + 10, link.top + 5)).toBe(b.index);
  });

  it('follows the highlights as they change', async () => {
    const { sentence } = page();
    const a = sentence('Rubio said');
    const highlighter = await highlighterWith({ sentence: a });
    const hits = new HitTester(document, highlighter);
    const line = boxes.get(document.getElementById('a')!.firstChild!)!;
    expect(hits.at(line.left + 30, line.top + 10)).toBe(a.index);
    await highlighter.show([]);
    expect(hits.at(line.left + 30, line.top + 10)).toBeNull();
  });

  it('without a caret lookup, scans the highlights’ rects, within its time budget', async () => {
    const { sentence } = page();
    Reflect.deleteProperty(document, 'caretPositionFromPoint');
    const a = sentence('Rubio said');
    const c = sentence('Speaking to reporters');
    const highlighter = await highlighterWith({ sentence: a }, { sentence: c });
    const lineC = boxes.get(document.getElementById('c')!.firstChild!)!;

    // A clock that stands still: the scan's time budget never runs out, however busy the machine.
    expect(new HitTester(document, highlighter, () => 0).at(lineC.left + 5, lineC.top + 5)).toBe(c.index);
    // A clock that runs out after the first sentence: the scan stops there and reports no hit.
    let now = 0;
    const slow = new HitTester(document, highlighter, () => (now += 10));
    expect(slow.at(lineC.left + 5, lineC.top + 5)).toBeNull();
  });

  it('tells which highlighted sentence a focused link sits in', async () => {
    const { sentence } = page();
    const b = sentence('Kremlin spokesperson');
    const hits = new HitTester(document, await highlighterWith({ sentence: b }));
    expect(hits.focused(document.querySelector('#b a')!)).toBe(b.index);
    expect(hits.focused(document.querySelector('h1')!)).toBeNull();
  });
});

describe('SentenceLocator', () => {
  it('maps a text node and offset to the sentences read from it, caret positions at the end included', async () => {
    const { sentence } = page();
    const a = sentence('Rubio said');
    const highlighter = await highlighterWith({ sentence: a });
    const locator = new SentenceLocator(highlighter.all());
    const text = document.getElementById('a')!.firstChild!;
    expect(locator.at(text, 0)).toEqual([a.index]);
    expect(locator.at(text, a.text.length)).toEqual([a.index]);
    expect(locator.at(document.getElementById('c')!.firstChild!, 3)).toEqual([]);
    expect(locator.shadowRoots).toEqual([]);
  });
});
