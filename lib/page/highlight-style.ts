/**
 * How each match kind looks on the page. highlights.css states the same colors for the CSS
 * Custom Highlight API (`::highlight(name)` must live in a document stylesheet); the overlay
 * fallback (overlay-painter.ts) takes them from here. tests/dom/page/highlight-style.test.ts
 * checks that the two agree and that text stays legible on light and dark pages.
 *
 * Backgrounds are translucent so that the page's own text color shows through; their alpha is
 * the largest that keeps at least 4.5:1 contrast for the page's text on the palettes in that test
 * (white, sepia and dark pages, including mid-gray text on near-black). Each kind also has its own
 * underline style, so that kinds differ for readers who do not tell the colors apart.
 */
import type { MatchKind } from '../types';

/** Highlight names in the CSS highlight registry (the e2e harness reads names starting with "parallax"). */
export const HIGHLIGHT_NAMES: Record<MatchKind, string> = {
  verbatim: 'parallax-verbatim',
  reworded: 'parallax-reworded',
  quote: 'parallax-quote',
};
export const FLASH_NAME = 'parallax-flash';

export interface HighlightLook {
  background: string;
  underline: { style: 'solid' | 'dashed' | 'dotted' | 'wavy'; color: string };
}

export const HIGHLIGHT_LOOKS: Record<MatchKind | 'flash', HighlightLook> = {
  /** Amber: the same words as another outlet. */
  verbatim: { background: 'rgba(250, 204, 21, 0.25)', underline: { style: 'solid', color: '#d97706' } },
  /** Sky blue: the same point in other words. */
  reworded: { background: 'rgba(56, 189, 248, 0.28)', underline: { style: 'dashed', color: '#0284c7' } },
  /** Pink: the same speaker quoted in other words. */
  quote: { background: 'rgba(236, 72, 153, 0.28)', underline: { style: 'wavy', color: '#db2777' } },
  /** Orange, brief: "here it is" after a jump from the panel or the keyboard. */
  flash: { background: 'rgba(249, 115, 22, 0.35)', underline: { style: 'solid', color: '#ea580c' } },
};

/** What the card calls each kind. */
export const KIND_LABELS: Record<MatchKind, string> = {
  verbatim: 'Same words',
  reworded: 'Reworded',
  quote: 'Quote worded differently',
};
