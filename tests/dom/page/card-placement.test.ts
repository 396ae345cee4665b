// Where the hover card goes, as pure geometry: beside the sentence, never over it, never cut off.
import { describe, expect, it } from 'vitest';
import { boxAround, MIN_CARD_HEIGHT_PX, placeCard, type Box, type CardPlacement } from '../../../lib/page/card-placement';

const GAP = 8;
const viewport = { width: 1000, height: 700 };

/** The card's box as placed, its height capped when the placement says so. */
function cardBox(at: CardPlacement, card: { width: number; height: number }): Box {
  const height = at.maxHeight === null ? card.height : Math.min(card.height, at.maxHeight);
  return { top: at.top, left: at.left, bottom: at.top + height, right: at.left + card.width };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, v: { width: number; height: number }) => a.top >= 0 && a.left >= 0 && a.bottom <= v.height && a.right <= v.width;

describe('placeCard', () => {
  it('goes below the whole sentence when it fits there, aligned with the pointer’s line', () => {
    const sentence = { top: 100, bottom: 160, left: 80, right: 700 };
    const at = placeCard(sentence, { width: 380, height: 200 }, viewport, GAP, 120);
    expect(at).toEqual({ side: 'below', top: 168, left: 120, maxHeight: null });
  });

  it('goes above when there is no room below', () => {
    const sentence = { top: 500, bottom: 600, left: 80, right: 700 };
    const at = placeCard(sentence, { width: 380, height: 300 }, viewport, GAP);
    expect(at.side).toBe('above');
    expect(at.top + 300).toBe(500 - GAP);
  });

  it('goes to the side of a sentence in a narrow column when neither above nor below has room', () => {
    const sentence = { top: 200, bottom: 520, left: 40, right: 500 };
    const at = placeCard(sentence, { width: 380, height: 400 }, viewport, GAP);
    expect(at.side).toBe('right');
    expect(at.left).toBe(508);
  });

  it('caps a tall card to the larger room and lets it scroll, rather than cover the sentence or leave the screen', () => {
    // Five wordings (460 px) beside a three-line sentence in the middle of a small screen.
    const small = { width: 420, height: 600 };
    const sentence = { top: 250, bottom: 320, left: 8, right: 412 };
    const card = { width: 380, height: 460 };
    const at = placeCard(sentence, card, small, GAP);
    expect(at.maxHeight).not.toBeNull();
    expect(at.side).toBe('below');
    const box = cardBox(at, card);
    expect(overlaps(box, sentence)).toBe(false);
    expect(inside(box, small)).toBe(true);
  });

  it('never covers the sentence nor leaves the viewport, wherever the sentence is', () => {
    const card = { width: 380, height: 460 };
    for (const size of [{ width: 1000, height: 700 }, { width: 420, height: 600 }, { width: 1280, height: 400 }]) {
      for (let top = 0; top < size.height - 60; top += 37) {
        for (const [left, right] of [[8, size.width - 8], [40, Math.min(520, size.width - 8)]] as const) {
          const sentence = { top, bottom: top + 60, left, right };
          const box = cardBox(placeCard(sentence, card, size, GAP), card);
          expect(overlaps(box, sentence), JSON.stringify({ size, sentence })).toBe(false);
          expect(inside(box, size), JSON.stringify({ size, sentence })).toBe(true);
          expect(box.bottom - box.top).toBeGreaterThanOrEqual(Math.min(card.height, MIN_CARD_HEIGHT_PX));
        }
      }
    }
  });
});

describe('boxAround', () => {
  it('covers every line of a sentence and skips empty rects', () => {
    expect(
      boxAround([
        { top: 100, bottom: 120, left: 300, right: 700 },
        { top: 0, bottom: 0, left: 0, right: 0 },
        { top: 120, bottom: 140, left: 80, right: 500 },
      ]),
    ).toEqual({ top: 100, bottom: 140, left: 80, right: 700 });
    expect(boxAround([])).toBeNull();
  });
});
