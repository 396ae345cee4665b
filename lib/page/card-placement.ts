/**
 * Where the hover card goes: beside the sentence it is about, never over it, and never cut off.
 *
 * In order of preference: below the sentence, above it, to its right, to its left, each when the
 * card fits whole there. When it fits nowhere whole (a card with many wordings, a long sentence on
 * a small screen), it goes to the side of the sentence with the most room, its height capped to
 * that room: the card scrolls inside itself rather than cover the sentence or leave the viewport.
 * Pure geometry in viewport coordinates, so it is tested without a browser's layout.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface CardPlacement {
  top: number;
  left: number;
  /** Height the card may take; null when it fits whole. */
  maxHeight: number | null;
  side: 'below' | 'above' | 'right' | 'left';
}

/**
 * A card shorter than this is hardly usable (its header and one wording): below it, a card may
 * cover the sentence's edge rather than shrink further. Only a sentence taller than the viewport
 * leaves this little room on every side.
 */
export const MIN_CARD_HEIGHT_PX = 120;

/** The box around every line of a sentence: what the card must not cover. */
export function boxAround(rects: Iterable<Box>): Box | null {
  let box: Box | null = null;
  for (const r of rects) {
    if (r.bottom <= r.top && r.right <= r.left) continue;
    box =
      box === null
        ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right }
        : { top: Math.min(box.top, r.top), bottom: Math.max(box.bottom, r.bottom), left: Math.min(box.left, r.left), right: Math.max(box.right, r.right) };
  }
  return box;
}

/**
 * The card's place for a sentence in `anchor`, a card of natural size `card` (its height before
 * any cap), in a viewport of `viewport`, keeping `gap` pixels from the sentence and the edges.
 * `alignLeft`: where the card's left edge would like to be when above or below (the line the
 * pointer is on); the sentence's left edge by default.
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  gap: number,
  alignLeft: number = anchor.left,
): CardPlacement {
  const clampLeft = (left: number) => Math.max(gap, Math.min(left, viewport.width - card.width - gap));
  const clampTop = (top: number, height: number) => Math.max(gap, Math.min(top, viewport.height - height - gap));
  const below = viewport.height - anchor.bottom - 2 * gap;
  const above = anchor.top - 2 * gap;
  const right = viewport.width - anchor.right - 2 * gap;
  const left = anchor.left - 2 * gap;
  const fullHeight = viewport.height - 2 * gap;

  if (card.height <= below) return { side: 'below', top: anchor.bottom + gap, left: clampLeft(alignLeft), maxHeight: null };
  if (card.height <= above) return { side: 'above', top: anchor.top - gap - card.height, left: clampLeft(alignLeft), maxHeight: null };
  // Beside the sentence, as tall as the viewport allows, level with the sentence's top.
  const sideHeight = Math.min(card.height, fullHeight);
  const sideCap = card.height > fullHeight ? fullHeight : null;
  if (card.width <= right) return { side: 'right', top: clampTop(anchor.top, sideHeight), left: anchor.right + gap, maxHeight: sideCap };
  if (card.width <= left) return { side: 'left', top: clampTop(anchor.top, sideHeight), left: anchor.left - gap - card.width, maxHeight: sideCap };
  // Fits whole nowhere: below or above, whichever has more room, scrolling inside itself.
  const room = Math.max(below, above, MIN_CARD_HEIGHT_PX);
  if (below >= above) {
    return { side: 'below', top: clampTop(anchor.bottom + gap, room), left: clampLeft(alignLeft), maxHeight: room };
  }
  return { side: 'above', top: Math.max(gap, anchor.top - gap - room), left: clampLeft(alignLeft), maxHeight: room };
}
