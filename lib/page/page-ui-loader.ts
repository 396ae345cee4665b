/**
 * Loading the page UI (page-ui.ts) when the page first needs it, and what the content script may
 * know of it before then: its types only, so none of its code comes along into the content script.
 *
 * How it is loaded: the build makes it a script of its own (entrypoints/page-ui.ts, a WXT unlisted
 * script), listed in web_accessible_resources with `use_dynamic_url` (Chromium hands out a URL that
 * changes every session, so pages cannot probe for Parallax by it) and imported from the content
 * script with a dynamic `import()`. The imported script runs in the content script's isolated world,
 * not the page's (checked in Chromium 156), and hands its module over on that world's global
 * object under PAGE_UI_KEY: WXT 0.21 builds unlisted scripts as IIFEs, with no exports to import.
 */
import type { CardController, CardEnvironment } from './hover-card';
import type { Highlighter } from './highlights';
import type { OverlayPainter } from './overlay-painter';
import type { pageArticleOf } from './page-article';
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

type Holder = { [PAGE_UI_KEY]?: PageUiModule };

/** Called by the loaded script: hands its module to the content script. */
export function providePageUi(module: PageUiModule): void {
  (globalThis as Holder)[PAGE_UI_KEY] = module;
}

/**
 * A loader that imports the page UI once, on the first call, and answers every call with the same
 * module. `importScript` is the dynamic import of the script's URL (`import(url)` in the content
 * script); a failed load is not cached, so the next need tries again.
 */
export function pageUiLoader(importScript: () => Promise<unknown>): () => Promise<PageUiModule> {
  let loading: Promise<PageUiModule> | null = null;
  return () => {
    loading ??= importScript().then(() => {
      const module = (globalThis as Holder)[PAGE_UI_KEY];
      if (module === undefined) throw new Error('the page UI script loaded but did not provide its module');
      return module;
    });
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
}
