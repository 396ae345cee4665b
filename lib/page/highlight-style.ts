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
import type { MatchKind, WordingContrast } from '../types';

/**
 * How strongly a sentence is marked, from how its wording stands among the outlets'
 * (SentenceResult.contrast): `strong` when every other outlet words it differently in a way
 * that changes the claim, `quiet` when every outlet words it alike, `normal` otherwise.
 */
export type Emphasis = 'strong' | 'normal' | 'quiet';

export function emphasisOf(contrast: WordingContrast | undefined): Emphasis {
  return contrast === 'distinct' ? 'strong' : contrast === 'alike' ? 'quiet' : 'normal';
}

/** A highlight as drawn: the match kind, at normal emphasis, or with "-strong" / "-quiet". */
export type HighlightClass = MatchKind | `${MatchKind}-strong` | `${MatchKind}-quiet`;

export function highlightClass(kind: MatchKind, emphasis: Emphasis): HighlightClass {
  return emphasis === 'normal' ? kind : `${kind}-${emphasis}`;
}

/** Highlight names in the CSS highlight registry (the e2e harness reads names starting with "parallax"). */
export const HIGHLIGHT_NAMES: Record<HighlightClass, string> = {
  verbatim: 'parallax-verbatim',
  reworded: 'parallax-reworded',
  quote: 'parallax-quote',
  'verbatim-strong': 'parallax-verbatim-strong',
  'reworded-strong': 'parallax-reworded-strong',
  'quote-strong': 'parallax-quote-strong',
  'verbatim-quiet': 'parallax-verbatim-quiet',
  'reworded-quiet': 'parallax-reworded-quiet',
  'quote-quiet': 'parallax-quote-quiet',
};
export const FLASH_NAME = 'parallax-flash';

export interface HighlightLook {
  background: string;
  /** Null: no underline (the quiet emphasis). `thickness` only where it is not the browser's own. */
  underline: { style: 'solid' | 'dashed' | 'dotted' | 'wavy'; color: string; thickness?: string } | null;
}

/** Underline thickness of the strong emphasis: three times a thin rule, unmistakable beside the normal one. */
export const STRONG_UNDERLINE = '3px';

/** The looks of the match kinds and the flash, at normal emphasis: each has its underline. */
export const KIND_LOOKS: Record<MatchKind | 'flash', HighlightLook & { underline: NonNullable<HighlightLook['underline']> }> = {
  /** Amber: the same words as another outlet. */
  verbatim: { background: 'rgba(250, 204, 21, 0.25)', underline: { style: 'solid', color: '#d97706' } },
  /** Sky blue: the same point in other words. */
  reworded: { background: 'rgba(56, 189, 248, 0.28)', underline: { style: 'dashed', color: '#0284c7' } },
  /** Pink: the same speaker quoted in other words. */
  quote: { background: 'rgba(236, 72, 153, 0.28)', underline: { style: 'wavy', color: '#db2777' } },
  /** Orange, brief: "here it is" after a jump from the panel or the keyboard. */
  flash: { background: 'rgba(249, 115, 22, 0.35)', underline: { style: 'solid', color: '#ea580c' } },
};

/**
 * Every look: the kinds' own, the same background with a thick underline (strong), and the same
 * background without its underline (quiet). Backgrounds stay the kind's, so the legibility the
 * kind's alpha was chosen for holds for all three.
 */
export const HIGHLIGHT_LOOKS: Record<HighlightClass | 'flash', HighlightLook> = {
  ...KIND_LOOKS,
  'verbatim-strong': { ...KIND_LOOKS.verbatim, underline: { ...KIND_LOOKS.verbatim.underline, thickness: STRONG_UNDERLINE } },
  'reworded-strong': { ...KIND_LOOKS.reworded, underline: { ...KIND_LOOKS.reworded.underline, thickness: STRONG_UNDERLINE } },
  'quote-strong': { ...KIND_LOOKS.quote, underline: { ...KIND_LOOKS.quote.underline, thickness: STRONG_UNDERLINE } },
  'verbatim-quiet': { background: KIND_LOOKS.verbatim.background, underline: null },
  'reworded-quiet': { background: KIND_LOOKS.reworded.background, underline: null },
  'quote-quiet': { background: KIND_LOOKS.quote.background, underline: null },
};

/** The `text-decoration` value of a look, as highlights.css writes it. */
export function textDecoration(look: HighlightLook): string {
  if (look.underline === null) return 'none';
  const { style, color, thickness } = look.underline;
  return thickness === undefined ? `underline ${style} ${color}` : `underline ${style} ${color} ${thickness}`;
}

/** What the card calls each kind. */
export const KIND_LABELS: Record<MatchKind, string> = {
  verbatim: 'Same words',
  reworded: 'Reworded',
  quote: 'Quote worded differently',
};
