/**
 * The content script: reads the page (page-scanner.ts), draws highlights (highlights.ts), shows
 * the card (hover-card.ts) and answers the popup and the background (ContentProtocol).
 *
 * It must never break the page: every callback it hands the page's event loop is guarded, and a
 * failure is reported to the background (the panel then says what went wrong) instead of thrown.
 * It adds one element to the page, and only when it has something to show (ui-host.ts).
 */
import './highlights.css';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { slicedRunner } from '@/lib/extract';
import { READABLE_ORIGINS } from '@/lib/page-access';
import type { BackgroundProtocol, ContentProtocol } from '@/lib/protocol';
import { isHiddenByStyle } from '@/lib/page/hidden-by-style';
import { CardController } from '@/lib/page/hover-card';
import { Highlighter, highlightApiAvailable, RegistryPainter } from '@/lib/page/highlights';
import { HitTester } from '@/lib/page/hit-test';
import { OverlayPainter } from '@/lib/page/overlay-painter';
import { readPageArticle } from '@/lib/page/page-article';
import { PageScanner } from '@/lib/page/page-scanner';
import { PageWatcher } from '@/lib/page/page-watcher';
import { autoScanOff } from './scan-settings';
import { PageUi } from '@/lib/page/ui-host';

/**
 * Work per slice on the page: half the extraction library's default (SLICE_MS, 30 ms), because a
 * step can overrun its slice, and on a cold visit the first steps also pay for compiling their code
 * and for the first Intl.Segmenter (~18 ms and ~16 ms measured in Chromium 156): with 30 ms slices
 * the first slice held the main thread for 52 ms.
 */
export const CONTENT_SLICE_MS = 15;

/** Pointer positions hit-tested at most this often: a hover needs no more than ~20 checks a second. */
export const HIT_TEST_INTERVAL_MS = 50;

export default defineContentScript({
  matches: [...READABLE_ORIGINS],
  runAt: 'document_idle',
  main(ctx) {
    try {
      startOnPage(ctx);
    } catch (error) {
      console.debug('Parallax could not start on this page:', error);
    }
  },
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function startOnPage(ctx: ContentScriptContext): void {
  const background = defineExtensionMessaging<BackgroundProtocol>();
  const content = defineExtensionMessaging<ContentProtocol>();
  // One clock for every run (gate, extraction, Ranges, lookups): the end of one run's slice, the
  // work between runs and the next run's first slice never add up to one long task. Between
  // slices the page's own queued tasks run first (the runner's default pause).
  const run = slicedRunner({ signal: ctx.signal, sliceMs: CONTENT_SLICE_MS });

  const report = (error: unknown): void => {
    if (ctx.isInvalid || (error instanceof DOMException && error.name === 'AbortError')) return;
    const message = `Parallax could not scan this page: ${messageOf(error)}`;
    console.debug(message, error);
    background.sendMessage('reportError', { message }).catch(() => undefined);
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

  const ui = new PageUi(document);
  const frame = (callback: () => void) => void ctx.requestAnimationFrame(guard(callback));
  const overlay = highlightApiAvailable()
    ? null
    : new OverlayPainter(ui, {
        nextFrame: frame,
        scrollX: () => window.scrollX,
        scrollY: () => window.scrollY,
        viewportHeight: () => window.innerHeight,
      });
  const highlighter = new Highlighter(document, overlay ?? new RegistryPainter(), run);
  const hits = new HitTester(document, highlighter);
  const cards = new CardController(ui, highlighter, hits, {
    viewport: () => ({ width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight }),
    setTimeout: (handler, ms) => ctx.setTimeout(guard(handler), ms),
    clearTimeout: (id) => clearTimeout(id),
    selectionRange: () => {
      const selection = window.getSelection();
      return selection !== null && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    },
    openPanel: (target) => void background.sendMessage('openPanel', target).catch(report),
  });

  const isOwnNode = (node: Node) => ui.owns(node);
  let watcher: PageWatcher | null = null;
  const scanner = new PageScanner({
    doc: document,
    isOwnNode,
    isHidden: isHiddenByStyle,
    run,
    host: {
      scan: (request) => background.sendMessage('scanPage', request),
      show: async (matched) => {
        await highlighter.show(matched);
        if (cards.shownIndex !== null && highlighter.entry(cards.shownIndex) === undefined) cards.hide();
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
    if (!data.visible) cards.hide();
    return highlighter.isVisible;
  });
  content.onMessage('highlightsVisible', () => highlighter.isVisible);
  content.onMessage('selectionText', () => window.getSelection()?.toString() ?? '');
  content.onMessage('showLookup', ({ data }) => cards.lookup(data.text, data.results));
  content.onMessage('focusHighlight', ({ data }) => cards.step(data.step));
  content.onMessage('articleText', () => readPageArticle(document, { isHidden: isHiddenByStyle, skip: isOwnNode }, run));

  // The reader's input only: a page can dispatch events of its own (events are shared with it),
  // and must not drive the card, nor through it open panels (tests/e2e/hostile.e2e.ts).
  // Pointer hover: the latest position is hit-tested at most every HIT_TEST_INTERVAL_MS.
  let pointer: { x: number; y: number; overCard: boolean } | null = null;
  let pointerTimer: number | null = null;
  const testPointer = guard(() => {
    pointerTimer = null;
    if (pointer !== null) cards.pointerAt(pointer.x, pointer.y, pointer.overCard);
    pointer = null;
  });
  ctx.addEventListener(
    document,
    'pointermove',
    guard((event: PointerEvent) => {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      pointer = { x: event.clientX, y: event.clientY, overCard: event.target instanceof Node && ui.owns(event.target) };
      pointerTimer ??= ctx.setTimeout(testPointer, HIT_TEST_INTERVAL_MS);
    }),
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    document,
    'pointerdown',
    guard((event: PointerEvent) => {
      if (!event.isTrusted) return;
      if (!(event.target instanceof Node && ui.owns(event.target))) cards.pressedOutside();
    }),
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    document,
    'focusin',
    guard((event: FocusEvent) => {
      if (!event.isTrusted) return;
      // Keyboard focus only: a mouse click on a link focuses it too, and needs no card.
      if (event.target instanceof Element && event.target.matches(':focus-visible')) cards.focusIn(event.target);
    }),
  );
  ctx.addEventListener(
    document,
    'keydown',
    guard((event: KeyboardEvent) => {
      if (event.isTrusted && event.key === 'Escape' && cards.visible) cards.hide();
    }),
    { capture: true },
  );
  let layoutQueued = false;
  const afterLayoutChange = (innerScroll: boolean) => {
    if (innerScroll) overlay?.relayout();
    if (layoutQueued) return;
    layoutQueued = true;
    frame(() => {
      layoutQueued = false;
      cards.reposition();
      overlay?.scrolled();
    });
  };
  ctx.addEventListener(
    window,
    'scroll',
    // A scroll the page scripts (scrollTo) is the browser's event too; only a dispatched one is not.
    guard((event: Event) => event.isTrusted && afterLayoutChange(event.target !== document && event.target !== window)),
    { capture: true, passive: true },
  );
  ctx.addEventListener(window, 'resize', guard((event: Event) => {
    if (!event.isTrusted) return;
    afterLayoutChange(false);
    overlay?.relayout();
  }), { passive: true });
  // A single-page app moved to another address (WXT's watcher, on the Navigation API or polling).
  ctx.addEventListener(window, 'wxt:locationchange', guard(() => watcher?.addressChanged()));

  ctx.onInvalidated(() => {
    watcher?.stop();
    cards.hide();
    highlighter.clear();
    ui.remove();
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
    background.sendMessage('scanSkipped', { reason, url: location.href }).catch(() => undefined);
  }, report);
}
