// Highlight colors: the stylesheet and the overlay fallback agree, each kind looks different, and a
// page's text stays legible under every highlight on light and dark pages (WCAG contrast of the
// page's text color against the highlight blended over the page's background).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLASH_NAME, HIGHLIGHT_LOOKS, HIGHLIGHT_NAMES, KIND_LOOKS, textDecoration } from '../../../lib/page/highlight-style';

const CSS_FILE = resolve(import.meta.dirname, '../../../entrypoints/content/highlights.css');

type Rgb = [number, number, number];

/** Page palettes (background, text): the common light and dark designs, and the hardest of each. */
const PALETTES: Record<string, { background: Rgb; text: Rgb }> = {
  'white, near-black text': { background: [255, 255, 255], text: [17, 17, 17] },
  'white, dark-gray text (many news sites)': { background: [255, 255, 255], text: [68, 68, 68] },
  'sepia reader': { background: [245, 240, 230], text: [51, 51, 51] },
  'dark mode': { background: [18, 18, 18], text: [230, 230, 230] },
  'black, white text': { background: [0, 0, 0], text: [255, 255, 255] },
  'dark mode, mid-gray text (the hardest common dark design)': { background: [30, 30, 30], text: [187, 187, 187] },
};

/** WCAG AA for body text. */
const MIN_CONTRAST = 4.5;
/** Least change of some color channel (0–255) that still reads as "this sentence is marked". */
const MIN_VISIBLE_SHIFT = 40;

function parseRgba(value: string): { rgb: Rgb; alpha: number } {
  const m = /rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\s*\)/.exec(value);
  if (!m) throw new Error(`not an rgba() color: ${value}`);
  return { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: Number(m[4]) };
}

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]: Rgb) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
const blend = (top: Rgb, alpha: number, under: Rgb): Rgb => top.map((c, i) => alpha * c + (1 - alpha) * under[i]!) as Rgb;

/** `::highlight(name) { … }` rules of highlights.css, as property → value. */
function cssRules(): Map<string, Record<string, string>> {
  const css = readFileSync(CSS_FILE, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = new Map<string, Record<string, string>>();
  for (const m of css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)) {
    const declarations: Record<string, string> = {};
    for (const d of m[2]!.split(';')) {
      const [property, ...value] = d.split(':');
      if (property?.trim()) declarations[property.trim()] = value.join(':').trim();
    }
    rules.set(m[1]!, declarations);
  }
  return rules;
}

const KINDS = [
  ...Object.entries(HIGHLIGHT_NAMES).map(([kind, name]) => ({ kind: kind as keyof typeof HIGHLIGHT_LOOKS, name })),
  { kind: 'flash' as const, name: FLASH_NAME },
];

describe('highlights.css', () => {
  it.each(KINDS)('styles $name as highlight-style.ts says', ({ kind, name }) => {
    const rule = cssRules().get(name);
    const look = HIGHLIGHT_LOOKS[kind];
    expect(rule).toBeDefined();
    expect(rule!['background-color']).toBe(look.background);
    expect(rule!['text-decoration']).toBe(textDecoration(look));
  });
});

describe('emphasis', () => {
  it('marks a sentence every outlet words differently more strongly, one all word alike more quietly, in the kind’s own color', () => {
    for (const kind of ['verbatim', 'reworded', 'quote'] as const) {
      const normal = HIGHLIGHT_LOOKS[kind];
      const strong = HIGHLIGHT_LOOKS[`${kind}-strong`];
      const quiet = HIGHLIGHT_LOOKS[`${kind}-quiet`];
      expect(strong.background).toBe(normal.background);
      expect(quiet.background).toBe(normal.background);
      expect(strong.underline).toEqual({ ...normal.underline, thickness: '3px' });
      expect(quiet.underline).toBeNull();
    }
  });
});

describe('highlight colors', () => {
  it.each(KINDS)('$name keeps the page’s text legible and visibly marked on every palette', ({ kind }) => {
    const { rgb, alpha } = parseRgba(HIGHLIGHT_LOOKS[kind].background);
    for (const [palette, { background, text }] of Object.entries(PALETTES)) {
      const under = blend(rgb, alpha, background);
      expect(contrast(text, under), `${kind} on ${palette}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
      const shift = Math.max(...under.map((c, i) => Math.abs(c - background[i]!)));
      expect(shift, `${kind} visible on ${palette}`).toBeGreaterThanOrEqual(MIN_VISIBLE_SHIFT);
    }
  });

  it('gives every kind its own color and its own underline style', () => {
    const looks = (['verbatim', 'reworded', 'quote'] as const).map((k) => KIND_LOOKS[k]);
    expect(new Set(looks.map((l) => l.background)).size).toBe(looks.length);
    expect(new Set(looks.map((l) => l.underline.style)).size).toBe(looks.length);
  });
});
