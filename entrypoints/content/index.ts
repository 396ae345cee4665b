/**
 * The content script: reads the page (page-scanner.ts), draws highlights (highlights.ts), shows
 * the card (hover-card.ts, loaded with the rest of the page UI when first needed: page-ui-loader.ts)
 * and answers the popup and the background (ContentProtocol).
 *
 * It must never break the page: every callback it hands the page's event loop is guarded, and a
 * failure is reported to the background (the panel then says what went wrong) instead of thrown.
 * It adds one element to the page, and only when it has something to show (ui-host.ts).
 */
import './highlights.css';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { slicedRunner } from '@/lib/extract/slices';
import { READABLE_ORIGINS } from '@/lib/page-access';
import { isShownDocumentQuestion, type BackgroundProtocol, type ContentProtocol, type ShownDocument } from '@/lib/protocol';
import { isHiddenByStyle } from '@/lib/page/hidden-by-style';
import type { CardController } from '@/lib/page/hover-card';
import { Highlighter, highlightApiAvailable, RegistryPainter } from '@/lib/page/highlights';
import type { OverlayPainter } from '@/lib/page/overlay-painter';
import { PAGE_READING_PATH, pageReadingLoader } from '@/lib/page/page-reading-loader';
import { PageScanner } from '@/lib/page/page-scanner';
import { PAGE_UI_PATH, pageUiLoader, type PageUiModule } from '@/lib/page/page-ui-loader';
import { PageWatcher } from '@/lib/page/page-watcher';
import type { PageUi } from '@/lib/page/ui-host';
import storyKeywords from 'virtual:parallax-story-keywords';
import { autoScanOff } from './scan-settings';
import { errorMessage } from '@/lib/error-message';

/**
 * Work per slice on the page: half the extraction library's default (SLICE_MS, 30 ms), because a
 * step can overrun its slice, and on a cold visit the first steps also pay for compiling their code
 * (~18 ms measured in Chromium 156; also ~16 ms for the first Intl.Segmenter, before lib/text found
 * sentence boundaries itself): with 30 ms slices the first slice held the main thread for 52 ms.
 */
export const CONTENT_SLICE_MS = 15;

export default defineContentScript({
  matches: [...READABLE_ORIGINS],
  runAt: 'document_idle',
  main(ctx) {
    // In a task of its own, not the one that evaluates this script: on a cold visit evaluating it
    // and compiling what the start calls held the main thread ~55 ms in one task (Chromium trace,
    // tests/e2e/budget.e2e.ts's long page, machine at load 17).
    ctx.setTimeout(() => {
      startOnPage(ctx).catch((error: unknown) => console.debug('Parallax could not start on this page:', error));
    }, 0);
  },
});

async function startOnPage(ctx: ContentScriptContext): Promise<void> {
  const background = defineExtensionMessaging<BackgroundProtocol>();
  const content = defineExtensionMessaging<ContentProtocol>();
  // One clock for every run (gate, extraction, Ranges, lookups): the end of one run's slice, the
  // work between runs and the next run's first slice never add up to one long task. Between
  // slices the page's own queued tasks run first (the runner's default pause).
  const run = slicedRunner({ signal: ctx.signal, sliceMs: CONTENT_SLICE_MS });

  // This document's key, sent with every report: the background keeps a report only while the
  // tab shows the document that sent it, and asks the tab's top frame which that is
  // (entrypoints/background/tab-documents.ts). A page the tab has left (pagehide; it may be kept
  // in the back-forward cache and shown again) does not answer for the tab.
  const documentKey = crypto.randomUUID();
  let pageShown = true;
  ctx.addEventListener(window, 'pagehide', () => void (pageShown = false));
  ctx.addEventListener(window, 'pageshow', () => void (pageShown = true));
  let scanner: PageScanner | null = null;
  const answerShownDocument = (message: unknown, _sender: unknown, sendResponse: (answer: ShownDocument) => void): undefined => {
    if (!isShownDocumentQuestion(message) || !pageShown || ctx.isInvalid) return;
    sendResponse({ document: documentKey, scanned: scanner?.hasScanned ?? false });
  };
  browser.runtime.onMessage.addListener(answerShownDocument);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(answerShownDocument));

  const report = (error: unknown): void => {
    if (ctx.isInvalid || (error instanceof DOMException && error.name === 'AbortError')) return;
    const message = `Parallax could not scan this page: ${errorMessage(error)}`;
    console.debug(message, error);
    background.sendMessage('reportError', { message, document: documentKey }).catch(() => undefined);
  };
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (error) {
        report(error);
      }
    };

  // The page UI (Parallax's element on the page, the hover card, hit tests, the overlay painter)
  // is imported when first needed: on a browser without the CSS Custom Highlight API now, for the
  // overlay; elsewhere when the reader first points at, focuses or steps to a highlight, or looks
  // a selection up. Until then Parallax has no element on the page and no card to update.
  const loadPageUi = pageUiLoader(() => import(/* @vite-ignore */ browser.runtime.getURL(PAGE_UI_PATH)));
  // Reading the article (extraction, sentence splitting, date finder) is imported once the cheap gate lets
  // the page through: a page that is not about the story never loads it.
  const loadReading = pageReadingLoader(() => import(/* @vite-ignore */ browser.runtime.getURL(PAGE_READING_PATH)));
  let ui: PageUi | null = null;
  // A task of its own for each step of bringing the page UI in (evaluating its module, making the
  // card, the first card shown): together they held the main thread 80–86 ms on a long page.
  const nextTask = () => new Promise<void>((resolve) => void ctx.setTimeout(resolve, 0));
  const pageUi = async (): Promise<{ module: PageUiModule; ui: PageUi }> => {
    const module = await loadPageUi();
    await nextTask();
    ui ??= module.createUi(document);
    return { module, ui };
  };
  const frame = (callback: () => void) => void ctx.requestAnimationFrame(guard(callback));
  let overlay: OverlayPainter | null = null;
  if (!highlightApiAvailable()) {
    const { module, ui } = await pageUi();
    overlay = module.createOverlay(ui, window, frame);
  }
  if (ctx.isInvalid) return;
  const highlighter = new Highlighter(document, overlay ?? new RegistryPainter(), run);
  /**
   * The card controller once loaded, listening to the reader's input (reader-input.ts); `withCards`
   * loads it, when the reader first points at or focuses something on a page with highlights, or
   * asks for a card (a lookup, a step to the next highlight).
   */
  let cards: CardController | null = null;
  let cardsLoading: Promise<CardController> | null = null;
  const withCards = (): Promise<CardController> => {
    cardsLoading ??= pageUi().then(async ({ module, ui }) => {
      await nextTask();
      const loaded = module.createCards(document, window, ui, highlighter, {
        setTimeout: (handler, ms) => ctx.setTimeout(guard(handler), ms),
        openPanel: (target) => void background.sendMessage('openPanel', target).catch(report),
      });
      module.listenToReader(document, window, loaded, overlay, {
        listen: (target, type, handler, options) => ctx.addEventListener(target as Window, type as 'scroll', guard(handler as (e: Event) => void), options),
        setTimeout: (handler, ms) => ctx.setTimeout(guard(handler), ms),
        nextFrame: frame,
        isOwnNode,
      });
      return (cards = loaded);
    });
    cardsLoading.catch(() => {
      cardsLoading = null;
    });
    return cardsLoading;
  };

  const isOwnNode = (node: Node) => ui?.owns(node) ?? false;
  let watcher: PageWatcher | null = null;
  scanner = new PageScanner({
    doc: document,
    isOwnNode,
    isHidden: isHiddenByStyle,
    run,
    reading: loadReading,
    keywords: storyKeywords,
    host: {
      scan: (request) => background.sendMessage('scanPage', { ...request, document: documentKey }),
      show: async (matched) => {
        await highlighter.show(matched);
        if (cards !== null && cards.shownIndex !== null && highlighter.entry(cards.shownIndex) === undefined) cards.hide();

        overlay?.relayout();
        // Content that arrives inside the article's shadow trees is watched too.
        for (const { sentence } of matched) {
          for (const segment of sentence.segments) {
            const root = segment.node.getRootNode();
            if ((root as Partial<ShadowRoot>).host) watcher?.watch(root);
          }
        }
      },
    },
  });
  watcher = new PageWatcher({
    root: document,
    isOwnNode,
    onChanges: (added, removed) => void scanner.update(added, removed).catch(report),
    onError: report,
    setTimeout: (handler, ms) => ctx.setTimeout(guard(handler), ms),
    clearTimeout: (id) => clearTimeout(id),
  });

  content.onMessage('revealSentence', ({ data }) => highlighter.reveal(data.index));
  content.onMessage('setHighlightsVisible', ({ data }) => {
    highlighter.setVisible(data.visible);
    if (!data.visible) cards?.hide();
    return highlighter.isVisible;
  });
  content.onMessage('highlightsVisible', () => highlighter.isVisible);
  content.onMessage('selectionText', () => window.getSelection()?.toString() ?? '');
  content.onMessage('showLookup', async ({ data }) => (await withCards()).lookup(data.text, data.results));
  content.onMessage('focusHighlight', async ({ data }) => (await withCards()).step(data.step));
  content.onMessage('resendScan', () =>
    pageShown
      ? scanner.resend().catch((error: unknown) => {
          report(error);
          return false;
        })
      : false,
  );
  content.onMessage('articleText', async () => {
    const { extractArticleSteps } = await loadReading();
    const extracted = await run(extractArticleSteps(document, { isHidden: isHiddenByStyle, skip: isOwnNode }));
    return (await loadPageUi()).pageArticleOf(extracted);
  });

  // The reader's first pointer move or keyboard focus on a page with highlights brings the card in
  // (a few ms after, the import of page-ui.js); from then on its own listeners take the reader's
  // input (reader-input.ts), and this one replays the reader's latest input of the wait: a keyboard
  // reader tabbing on while it loads is answered where the focus is now, not where it was. Loading
  // it eagerly at the first highlight cost the hostile pages a hold of ~200 ms on this busy machine
  // (tests/e2e/hostile.e2e.ts), on pages where nobody may ever hover.
  let cardsReady = false;
  let latestInput: PointerEvent | null = null;
  const bringCards = guard((event: Event) => {
    if (cardsReady || !event.isTrusted || highlighter.size === 0) return;
    const input = event as PointerEvent;
    if (input.pointerType === 'touch') return;
    latestInput = input;
    if (cardsLoading !== null) return;
    withCards()
      .then((loaded) => nextTask().then(() => loaded))
      .then(
        guard((loaded: CardController) => {
          cardsReady = true;
          const latest = latestInput;
          latestInput = null;
          if (latest === null) return;
          if (latest.type !== 'focusin') loaded.pointerAt(latest.clientX, latest.clientY, false);
          else if (latest.target instanceof Element && latest.target.matches(':focus-visible')) loaded.focusIn(latest.target);
        }),
        report,
      );
  });
  ctx.addEventListener(document, 'pointermove', bringCards, { capture: true, passive: true });
  ctx.addEventListener(document, 'focusin', bringCards);
  // A single-page app moved to another address (WXT's watcher, on the Navigation API or polling).
  ctx.addEventListener(window, 'wxt:locationchange', guard(() => watcher?.addressChanged()));

  ctx.onInvalidated(() => {
    watcher?.stop();
    cards?.hide();
    highlighter.clear();
    ui?.remove();
    content.removeAllListeners();
  });

  // The reader may have turned automatic scanning off here (settings page); lookups stay on.
  autoScanOff(location.href).then((reason) => {
    if (ctx.isInvalid) return;
    if (reason === null) {
      watcher?.start();
      scanner.start().catch(report);
      return;
    }
    watcher = null;
    background.sendMessage('scanSkipped', { reason, url: location.href, document: documentKey }).catch(() => undefined);
  }, report);
}
