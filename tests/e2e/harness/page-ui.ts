/**
 * What a test sees of Parallax on a page besides the highlights: its card (in the open shadow root
 * of its one element), and the pointer moves a reader makes to get it.
 */
import type { Page } from 'playwright-core';

export const UI_HOST = 'parallax-ui';

/** The card, as a locator (Playwright's CSS selectors pierce open shadow roots). */
export function card(page: Page) {
  return page.locator(`${UI_HOST} .card`);
}

/**
 * Moves the pointer onto the highlighted sentence whose text is `text` (whitespace collapsed),
 * scrolling it into view first, as a reader would. Throws when no such highlight exists.
 */
export async function hoverHighlight(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
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
  }, text);
  if (point === null) throw new Error(`No highlighted sentence reads "${text}"`);
  // Two moves: a pointer arriving from elsewhere, then resting on the sentence.
  await page.mouse.move(point.x + 3, point.y + 1);
  await page.mouse.move(point.x, point.y);
}

/** Selects the text of the first element matching `selector`, as a reader's drag would. */
export async function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) throw new Error(`nothing matches ${sel}`);
    element.scrollIntoView({ block: 'center', behavior: 'instant' });
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, selector);
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
