/**
 * The part of the page side that waits until the page first needs it: Parallax's element on the
 * page (ui-host.ts) with the hover card and its styles (hover-card.ts, card.ts), hit-testing the
 * highlights (hit-test.ts), the reader's input that drives them (reader-input.ts), the overlay
 * painter for browsers without the CSS Custom Highlight API (overlay-painter.ts), and the article
 * text the settings page asks for (page-article.ts). None of it is needed before the background
 * has answered and something is highlighted, so the content script does not carry it
 * (entrypoints/page-ui.ts builds it into a file of its own; page-ui-loader.ts loads it): a smaller
 * script to compile on every page, most of which are not about the story.
 */
import { HitTester } from './hit-test';
import { CardController } from './hover-card';
import { OverlayPainter } from './overlay-painter';
import { pageArticleOf } from './page-article';
import type { PageUiModule } from './page-ui-loader';
import { listenToReader } from './reader-input';
import { PageUi } from './ui-host';

export const pageUiModule: PageUiModule = {
  createUi: (doc: Document) => new PageUi(doc),
  createOverlay: (ui, win, nextFrame) =>
    new OverlayPainter(ui, { nextFrame, scrollX: () => win.scrollX, scrollY: () => win.scrollY, viewportHeight: () => win.innerHeight }),
  createCards: (doc, win, ui, highlighter, env) =>
    new CardController(ui, highlighter, new HitTester(doc, highlighter), {
      ...env,
      viewport: () => ({ width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight }),
      clearTimeout: (id) => win.clearTimeout(id),
      selectionRange: () => {
        const selection = win.getSelection();
        return selection !== null && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
      },
    }),
  pageArticleOf,
  listenToReader,
};
