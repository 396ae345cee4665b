/**
 * Loading the page UI (page-ui.ts) when the page first needs it, and what the content script may
 * know of it before then: its types only. How it is loaded: lazy-script.ts (entrypoints/page-ui.ts
 * builds it as a script of its own).
 */
import type { CardController, CardEnvironment } from './hover-card';
import type { Highlighter } from './highlights';
import type { OverlayPainter } from './overlay-painter';
import type { pageArticleOf } from './page-article';
import { provideScript, scriptLoader } from './lazy-script';
import type { listenToReader } from './reader-input';
import type { PageUi } from './ui-host';

export interface PageUiModule {
  createUi(doc: Document): PageUi;
  /** The overlay painter, following `win`'s scrolling; `nextFrame` is requestAnimationFrame, guarded. */
  createOverlay(ui: PageUi, win: Window, nextFrame: (callback: () => void) => void): OverlayPainter;
  /** The card controller, with its hit tester; `env` gives what only the content script has. */
  createCards(
    doc: Document,
    win: Window,
    ui: PageUi,
    highlighter: Highlighter,
    env: Pick<CardEnvironment, 'setTimeout' | 'openPanel'>,
  ): CardController;
  listenToReader: typeof listenToReader;
  /** The article's text for the settings page (ContentProtocol.articleText), from an extraction. */
  pageArticleOf: typeof pageArticleOf;
}

/** Where the loaded script leaves its module: a key no page script can reach (isolated world). */
export const PAGE_UI_KEY = Symbol.for('parallax.page-ui');

/** The built script's path inside the extension. */
export const PAGE_UI_PATH = '/page-ui.js';

/** Called by the loaded script: hands its module to the content script. */
export function providePageUi(module: PageUiModule): void {
  provideScript(PAGE_UI_KEY, module);
}

/** Imports the page UI once, on the first call (lazy-script.ts); a failed load is tried again. */
export function pageUiLoader(importScript: () => Promise<unknown>): () => Promise<PageUiModule> {
  return scriptLoader<PageUiModule>(PAGE_UI_KEY, 'page UI', importScript);
}
