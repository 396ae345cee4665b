/**
 * What a test sees of Parallax on a page: the highlights, its card (in the open shadow root of its
 * one element), and the pointer moves and selections a reader makes. All but `card` are written
 * against harness/evaluate.ts, so Chromium's and Firefox's tests read the page the same way.
 */
import type { Page } from 'playwright-core';
import { run, type Evaluates } from './evaluate';

export const UI_HOST = 'parallax-ui';
/** The card inside Parallax's element: `CARD` in Playwright (its CSS selectors pierce open shadow roots), `CARD_PIERCING` in Puppeteer. */
export const CARD = `${UI_HOST} .card`;
export const CARD_PIERCING = `${UI_HOST} >>> .card`;

/** The card, as a Playwright locator. */
export function card(page: Page) {
  return page.locator(CARD);
}

/** A page whose pointer a test can move: Playwright's and Puppeteer's pages both are. */
export interface Pointer {
  mouse: { move(x: number, y: number): Promise<void> };
}

/** The text under each of Parallax's highlights on the page, by highlight name. */
export function highlightedText(page: Evaluates): Promise<Record<string, string[]>> {
  return run(
    page,
    () => {
      const out: Record<string, string[]> = {};
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('parallax')) continue;
        out[name] = [...(highlight as unknown as Iterable<Range>)].map((range) => range.toString().replace(/\s+/g, ' ').trim());
      }
      return out;
    },
    null,
  );
}

/** Every highlighted sentence, whatever its kind. */
export async function allHighlighted(page: Evaluates): Promise<string[]> {
  const byName = await highlightedText(page);
  return Object.entries(byName)
    .filter(([name]) => name !== 'parallax-flash')
    .flatMap(([, texts]) => texts);
}

/**
 * Moves the pointer onto the highlighted sentence whose text is `text` (whitespace collapsed),
 * scrolling it into view first, as a reader would. Throws when no such highlight exists.
 */
export async function hoverHighlight(page: Evaluates & Pointer, text: string): Promise<void> {
  const point = await run(
    page,
    (wanted) => {
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('parallax') || name === 'parallax-flash') continue;
        for (const range of highlight as unknown as Iterable<Range>) {
          if (squash(range.toString()) !== wanted) continue;
          const element = range.startContainer.parentElement;
          element?.scrollIntoView({ block: 'center', behavior: 'instant' });
          const first = range.getClientRects()[0];
          if (!first) return null;
          return { x: first.left + Math.min(30, first.width / 2), y: first.top + first.height / 2 };
        }
      }
      return null;
    },
    text,
  );
  if (point === null) throw new Error(`No highlighted sentence reads "${text}"`);
  // Two moves: a pointer arriving from elsewhere, then resting on the sentence.
  await page.mouse.move(point.x + 3, point.y + 1);
  await page.mouse.move(point.x, point.y);
}

/** Selects the text of the first element matching `selector`, as a reader's drag would. */
export function selectText(page: Evaluates, selector: string): Promise<string> {
  return run(
    page,
    (sel) => {
      const element = document.querySelector(sel);
      if (!element) throw new Error(`nothing matches ${sel}`);
      element.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    selector,
  );
}

/** The boxes (viewport coordinates) of every line of the highlighted sentence reading `text`. */
export async function highlightRects(page: Page, text: string): Promise<{ top: number; bottom: number; left: number; right: number }[]> {
  return page.evaluate((wanted) => {
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('parallax') || name === 'parallax-flash') continue;
      for (const range of highlight as unknown as Iterable<Range>) {
        if (squash(range.toString()) !== wanted) continue;
        return [...range.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right }));
      }
    }
    return [];
  }, text);
}
