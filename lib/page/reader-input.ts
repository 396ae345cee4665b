/**
 * The reader's input that drives the hover card, and the layout changes it and the overlay follow:
 * pointer hover (hit-tested at most every HIT_TEST_INTERVAL_MS), presses outside the card, keyboard
 * focus, Escape, scrolling and resizing. Part of the page UI (page-ui.ts): listened to from when the
 * page has its first highlight, since until then there is nothing to hover.
 *
 * The reader's input only: a page can dispatch events of its own (events are shared with it), and
 * must not drive the card, nor through it open panels (tests/e2e/hostile.e2e.ts).
 */
import type { CardController } from './hover-card';
import type { OverlayPainter } from './overlay-painter';

/** Pointer positions hit-tested at most this often: a hover needs no more than ~20 checks a second. */
export const HIT_TEST_INTERVAL_MS = 50;

export interface ReaderInputEnvironment {
  /** Adds a listener for as long as the content script is valid, its handler guarded. */
  listen<E extends Event>(target: EventTarget, type: string, handler: (event: E) => void, options?: AddEventListenerOptions): void;
  setTimeout: (handler: () => void, ms: number) => number;
  /** Schedules work for the next frame (requestAnimationFrame), guarded. */
  nextFrame: (callback: () => void) => void;
  /** Parallax's own nodes on the page (the card). */
  isOwnNode: (node: Node) => boolean;
}

export function listenToReader(doc: Document, win: Window, cards: CardController, overlay: OverlayPainter | null, env: ReaderInputEnvironment): void {
  let pointer: { x: number; y: number; overCard: boolean } | null = null;
  let pointerTimer: number | null = null;
  const testPointer = () => {
    pointerTimer = null;
    if (pointer !== null) cards.pointerAt(pointer.x, pointer.y, pointer.overCard);
    pointer = null;
  };
  env.listen<PointerEvent>(
    doc,
    'pointermove',
    (event) => {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      pointer = { x: event.clientX, y: event.clientY, overCard: event.target instanceof Node && env.isOwnNode(event.target) };
      pointerTimer ??= env.setTimeout(testPointer, HIT_TEST_INTERVAL_MS);
    },
    { capture: true, passive: true },
  );
  env.listen<PointerEvent>(
    doc,
    'pointerdown',
    (event) => {
      if (!event.isTrusted) return;
      if (!(event.target instanceof Node && env.isOwnNode(event.target))) cards.pressedOutside();
    },
    { capture: true, passive: true },
  );
  env.listen<FocusEvent>(doc, 'focusin', (event) => {
    if (!event.isTrusted) return;
    // Keyboard focus only: a mouse click on a link focuses it too, and needs no card.
    if (event.target instanceof Element && event.target.matches(':focus-visible')) cards.focusIn(event.target);
  });
  env.listen<KeyboardEvent>(
    doc,
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape' && cards.visible) cards.hide();
    },
    { capture: true },
  );
  let layoutQueued = false;
  const afterLayoutChange = (innerScroll: boolean) => {
    if (innerScroll) overlay?.relayout();
    if (layoutQueued) return;
    layoutQueued = true;
    env.nextFrame(() => {
      layoutQueued = false;
      cards.reposition();
      overlay?.scrolled();
    });
  };
  env.listen(
    win,
    'scroll',
    // A scroll the page scripts (scrollTo) is the browser's event too; only a dispatched one is not.
    (event) => event.isTrusted && afterLayoutChange(event.target !== doc && event.target !== win),
    { capture: true, passive: true },
  );
  env.listen(
    win,
    'resize',
    (event) => {
      if (!event.isTrusted) return;
      afterLayoutChange(false);
      overlay?.relayout();
    },
    { passive: true },
  );
}
