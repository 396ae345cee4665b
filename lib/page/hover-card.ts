/**
 * When the card shows, where, and for what: hovering a highlighted sentence (after a short rest,
 * so moving the pointer across the page does not flash cards), focusing into one with the keyboard
 * (Tab onto a link inside it, or the next/previous-highlight shortcut), or a selection lookup.
 * A hover card goes when the pointer leaves both the sentence and the card; a card the reader
 * asked for (keyboard, lookup) stays until Escape, its close button, or a click elsewhere.
 */
import type { PanelTarget } from '../protocol';
import type { SentenceResult } from '../types';
import { lookupCardModel, renderCard, sentenceCardModel, type CardModel } from './card';
import { boxAround, placeCard, type Box } from './card-placement';
import type { Highlighter } from './highlights';
import type { HitTester } from './hit-test';
import type { PageUi } from './ui-host';

/** Rest on a sentence before its card shows: longer than a pass over it, shorter than a reading pause. */
export const HOVER_DELAY_MS = 200;
/** Time to travel from the sentence to the card before the card goes. */
export const HIDE_DELAY_MS = 300;
/** Space between the sentence and the card, and between the card and the viewport's edges. */
const GAP_PX = 8;

type Origin = 'hover' | 'keyboard' | 'lookup';

interface Shown {
  origin: Origin;
  /** The sentence shown, or null for a lookup. */
  index: number | null;
  /** What the card must not cover: the sentence's lines, or the selection. */
  anchor: () => Box | null;
  /** Where the card's left edge would like to be (the pointer's line); the anchor's left when null. */
  alignLeft: number | null;
  card: HTMLElement;
}

export interface CardEnvironment {
  viewport: () => { width: number; height: number };
  setTimeout: (handler: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  /** The current selection's Range, for a lookup's card. */
  selectionRange: () => Range | null;
  openPanel: (target: PanelTarget) => void;
}

export class CardController {
  private shown: Shown | null = null;
  private showTimer: number | null = null;
  private hideTimer: number | null = null;
  private pendingIndex: number | null = null;
  /** The sentence the keyboard is on, for stepping. */
  private keyboardIndex: number | null = null;

  constructor(
    private readonly ui: PageUi,
    private readonly highlighter: Highlighter,
    private readonly hits: HitTester,
    private readonly env: CardEnvironment,
  ) {}

  /** The sentence whose card is shown (null: none, or a lookup's card). */
  get shownIndex(): number | null {
    return this.shown?.index ?? null;
  }

  get visible(): boolean {
    return this.shown !== null && this.shown.card.isConnected;
  }

  /** The pointer moved to (x, y); `overCard` when it is over Parallax's own UI. */
  pointerAt(x: number, y: number, overCard: boolean): void {
    if (overCard) {
      this.cancelHide();
      return;
    }
    if (!this.highlighter.isVisible) return;
    const index = this.hits.at(x, y);
    if (index === null) {
      this.cancelShow();
      if (this.shown?.origin === 'hover') this.scheduleHide();
      return;
    }
    this.cancelHide();
    if (this.shown?.index === index) return;
    if (this.pendingIndex === index) return;
    this.cancelShow();
    this.pendingIndex = index;
    // The card's model (each wording's changes of claim) is worked out in a task of its own while
    // the hover delay runs: worked out and drawn in one task, a first card held the main thread
    // over 50 ms on a long page (tests/e2e/budget.e2e.ts).
    this.env.setTimeout(() => {
      const entry = this.pendingIndex === index ? this.highlighter.entry(index) : undefined;
      if (entry) this.modelOf(entry.result);
    }, 0);
    this.showTimer = this.env.setTimeout(() => {
      this.showTimer = null;
      this.pendingIndex = null;
      // A card the reader asked for is not replaced by passing over another sentence.
      if (this.shown !== null && this.shown.origin !== 'hover') return;
      this.showSentence(index, 'hover', lineUnder(x, y, this.highlighter.entry(index)?.ranges ?? []));
    }, HOVER_DELAY_MS);
  }

  /** Keyboard focus moved onto `element` (Tab through the page's links). */
  focusIn(element: Element): void {
    if (this.ui.owns(element) || !this.highlighter.isVisible) return;
    const index = this.hits.focused(element);
    if (index === null) {
      if (this.shown?.origin === 'keyboard' && this.shown.index !== null) this.hide();
      return;
    }
    if (this.shown?.index === index) return;
    this.keyboardIndex = index;
    this.showSentence(index, 'keyboard', null, false);
  }

  /** The next/previous-highlight shortcut: go to the sentence, show its card, put focus on it. */
  step(step: 1 | -1): number | null {
    if (!this.highlighter.isVisible) return null;
    const index = this.highlighter.step(this.shown?.index ?? this.keyboardIndex, step);
    if (index === null) return null;
    this.keyboardIndex = index;
    if (!this.highlighter.reveal(index, false)) return null;
    this.showSentence(index, 'keyboard', null, true);
    return index;
  }

  /** A selection lookup's answer, beside the selection. */
  lookup(text: string, results: readonly SentenceResult[]): boolean {
    const range = this.env.selectionRange();
    const anchor = range ? () => (range.startContainer.isConnected ? range.getBoundingClientRect() : null) : () => null;
    // No focus move: focusing the card would take the reader's selection away (and the panel's
    // selection view reads that same selection).
    this.show('lookup', null, lookupCardModel(text, results), anchor, false, { selection: true });
    return range !== null;
  }

  /**
   * Something scrolled or resized: a hover card goes (the pointer is elsewhere on the text now), a
   * card the reader asked for follows its anchor, and goes when the anchor leaves the viewport.
   */
  reposition(): void {
    if (this.shown === null) return;
    if (this.shown.origin === 'hover' || !this.place(this.shown)) this.hide();
  }

  /** A pointer press outside the card closes a card the reader asked for. */
  pressedOutside(): void {
    if (this.shown !== null && this.shown.origin !== 'hover') this.hide();
  }

  hide(): void {
    this.cancelShow();
    this.cancelHide();
    this.shown?.card.remove();
    this.shown = null;
  }

  private showSentence(index: number, origin: Origin, pointerLine: DOMRect | null, focus = false): void {
    const entry = this.highlighter.entry(index);
    if (!entry) return;
    // The whole sentence, every line of it: the card goes beside it, not over its other lines.
    const anchor = () => {
      if (!entry.ranges[0]?.startContainer.isConnected) return null;
      return boxAround(entry.ranges.flatMap((range) => [...range.getClientRects()])) ?? entry.ranges[0].getBoundingClientRect();
    };
    const alignLeft = origin === 'hover' && pointerLine !== null ? pointerLine.left : null;
    this.show(origin, index, this.modelOf(entry.result), anchor, focus, { sentence: index }, alignLeft);
  }

  /** Each highlighted sentence's card model, made once per answer of the background. */
  private readonly models = new WeakMap<SentenceResult, CardModel>();

  private modelOf(result: SentenceResult): CardModel {
    let model = this.models.get(result);
    if (model === undefined) this.models.set(result, (model = sentenceCardModel(result)));
    return model;
  }

  private show(
    origin: Origin,
    index: number | null,
    model: CardModel,
    anchor: () => Box | null,
    focus: boolean,
    target: PanelTarget,
    alignLeft: number | null = null,
  ): void {
    this.hide();
    const root = this.ui.root();
    const card = renderCard(root.ownerDocument, model, {
      onCompare: () => {
        this.env.openPanel(target);
        this.hide();
      },
      onClose: () => this.hide(),
    });
    card.tabIndex = -1;
    // Its shadow root is open, so a page script could click its buttons (and open panels at will):
    // only the reader's own clicks and keys reach them.
    const readerOnly = (event: Event) => {
      if (!event.isTrusted) event.stopImmediatePropagation();
    };
    card.addEventListener('click', readerOnly, { capture: true });
    card.addEventListener('keydown', readerOnly, { capture: true });
    card.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.hide();
      }
    });
    // Hidden until placed, so it never shows for a frame at the corner.
    card.style.visibility = 'hidden';
    root.append(card);
    const shown: Shown = { origin, index, anchor, alignLeft, card };
    this.shown = shown;
    if (!this.place(shown) && origin === 'hover') {
      this.hide();
      return;
    }
    card.style.visibility = 'visible';
    if (focus) (card.querySelector<HTMLElement>('.compare') ?? card).focus({ preventScroll: true });
  }

  /**
   * Puts the card beside its anchor, never over it (lib/page/card-placement.ts); false when the
   * anchor is off screen.
   */
  private place(shown: Shown): boolean {
    const rect = shown.anchor();
    const { width, height } = this.env.viewport();
    const onScreen = rect !== null && rect.bottom >= 0 && rect.top <= height && rect.right >= 0 && rect.left <= width;
    // Measured at its natural height: a cap set for an earlier place must not shrink it for this one.
    shown.card.style.maxHeight = '';
    const box = shown.card.getBoundingClientRect();
    const anchor = onScreen ? rect : { top: height / 3, bottom: height / 3, left: GAP_PX, right: GAP_PX };
    const at = placeCard(anchor, { width: box.width, height: box.height }, { width, height }, GAP_PX, shown.alignLeft ?? anchor.left);
    shown.card.style.top = `${Math.round(at.top)}px`;
    shown.card.style.left = `${Math.round(at.left)}px`;
    if (at.maxHeight !== null) shown.card.style.maxHeight = `${Math.floor(at.maxHeight)}px`;
    shown.card.dataset.side = at.side;
    // A lookup whose selection is gone still shows its answer, in the middle of the screen.
    return onScreen || shown.origin === 'lookup';
  }

  private scheduleHide(): void {
    if (this.hideTimer !== null) return;
    this.hideTimer = this.env.setTimeout(() => {
      this.hideTimer = null;
      if (this.shown?.origin === 'hover') this.hide();
    }, HIDE_DELAY_MS);
  }

  private cancelHide(): void {
    if (this.hideTimer !== null) this.env.clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private cancelShow(): void {
    if (this.showTimer !== null) this.env.clearTimeout(this.showTimer);
    this.showTimer = null;
    this.pendingIndex = null;
  }
}

/** The line box of the ranges that holds the point: the card then opens right under the pointer's line. */
function lineUnder(x: number, y: number, ranges: readonly Range[]): DOMRect | null {
  for (const range of ranges) {
    for (const rect of range.getClientRects()) {
      if (y >= rect.top && y <= rect.bottom && x >= rect.left && x <= rect.right) return rect;
    }
  }
  return null;
}
