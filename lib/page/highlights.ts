/**
 * Highlights on the page: the matched sentences' Ranges, drawn by a painter that never modifies
 * the page's DOM. Where the browser has the CSS Custom Highlight API (Chromium 105+, Safari 17.2+,
 * Firefox 140+) the Ranges go into the highlight registry under one name per match kind, styled by
 * `::highlight(name)` in highlights.css. Elsewhere overlay-painter.ts draws boxes in Parallax's own
 * shadow root.
 *
 * Ranges are made in slices (`run`) so painting a huge page does not hold the main thread, and
 * kept per sentence: a rescan adds and removes only what changed.
 */
import { sentenceRanges } from '../extract';
import type { MatchKind, SentenceResult } from '../types';
import type { PageSentence } from '../extract';
import { emphasisOf, FLASH_NAME, HIGHLIGHT_NAMES, highlightClass, type HighlightClass } from './highlight-style';
import type { MatchedSentence } from './page-scanner';

/** What draws highlights. Looks are match kinds at an emphasis (highlight-style.ts), plus the brief flash after a jump. */
export interface Painter {
  add(look: HighlightClass, ranges: readonly Range[]): void;
  remove(look: HighlightClass, ranges: readonly Range[]): void;
  setVisible(visible: boolean): void;
  /** Shows `ranges` in the flash style until `clearFlash`. */
  flash(ranges: readonly Range[]): void;
  clearFlash(): void;
  clear(): void;
}

/** Whether this browser has the CSS Custom Highlight API. */
export function highlightApiAvailable(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** The CSS Custom Highlight API painter: one Highlight per kind, in the page's registry while shown. */
export class RegistryPainter implements Painter {
  private readonly highlights = new Map<string, Highlight>();
  private visible = true;

  add(look: HighlightClass, ranges: readonly Range[]): void {
    const highlight = this.highlightOf(HIGHLIGHT_NAMES[look]);
    for (const range of ranges) highlight.add(range);
    this.sync(HIGHLIGHT_NAMES[look]);
  }

  remove(look: HighlightClass, ranges: readonly Range[]): void {
    const highlight = this.highlights.get(HIGHLIGHT_NAMES[look]);
    if (!highlight) return;
    for (const range of ranges) highlight.delete(range);
    this.sync(HIGHLIGHT_NAMES[look]);
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    for (const name of this.highlights.keys()) this.sync(name);
  }

  flash(ranges: readonly Range[]): void {
    const highlight = new Highlight(...ranges);
    // Above the kind's own color, so the jump target stands out.
    highlight.priority = 1;
    this.highlights.set(FLASH_NAME, highlight);
    this.sync(FLASH_NAME);
  }

  clearFlash(): void {
    this.highlights.delete(FLASH_NAME);
    CSS.highlights.delete(FLASH_NAME);
  }

  clear(): void {
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
  }

  private highlightOf(name: string): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      this.highlights.set(name, highlight);
    }
    return highlight;
  }

  private sync(name: string): void {
    const highlight = this.highlights.get(name);
    if (this.visible && highlight && highlight.size > 0) CSS.highlights.set(name, highlight);
    else CSS.highlights.delete(name);
  }
}

/** A highlighted sentence. */
export interface HighlightEntry {
  sentence: PageSentence;
  result: SentenceResult;
  kind: MatchKind;
  /** How it is drawn: its kind, at the emphasis its wording's contrast with the other outlets' gives. */
  look: HighlightClass;
  ranges: Range[];
}

/** How a matched sentence is drawn. */
function lookOf(result: SentenceResult): HighlightClass {
  return highlightClass(result.matches[0]!.kind, emphasisOf(result.contrast));
}

/** Sentences turned into Ranges between two yields: ~0.05 ms each in Chromium. */
export const RANGES_PER_STEP = 100;
/** Long enough to catch the eye after the scroll, short enough not to linger. */
export const FLASH_MS = 1600;

export class Highlighter {
  private readonly entries = new Map<number, HighlightEntry>();
  private visible = true;
  private order: number[] | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped on every change, so views built from the entries know when to rebuild. */
  version = 0;

  constructor(
    private readonly doc: Document,
    private readonly painter: Painter,
    private readonly run: <T>(steps: Generator<void, T>) => Promise<T>,
  ) {}

  get isVisible(): boolean {
    return this.visible;
  }

  get size(): number {
    return this.entries.size;
  }

  entry(index: number): HighlightEntry | undefined {
    return this.entries.get(index);
  }

  all(): IterableIterator<HighlightEntry> {
    return this.entries.values();
  }

  /** Draw exactly `matched` (the session's whole answer): what is new is added, what is gone removed. */
  async show(matched: readonly MatchedSentence[]): Promise<void> {
    const wanted = new Map<number, MatchedSentence>();
    for (const m of matched) if (m.result.matches.length > 0) wanted.set(m.sentence.index, m);
    for (const [index, entry] of this.entries) {
      const next = wanted.get(index);
      if (next && next.sentence === entry.sentence && lookOf(next.result) === entry.look) {
        entry.result = next.result;
        wanted.delete(index);
        continue;
      }
      this.painter.remove(entry.look, entry.ranges);
      this.entries.delete(index);
    }
    this.changed();
    if (wanted.size > 0) await this.run(this.addSteps([...wanted.values()]));
  }

  private *addSteps(list: readonly MatchedSentence[]): Generator<void, void> {
    const batch = new Map<HighlightClass, Range[]>();
    const flush = () => {
      for (const [look, ranges] of batch) this.painter.add(look, ranges);
      batch.clear();
      this.changed();
    };
    let made = 0;
    for (const { sentence, result } of list) {
      const ranges = sentenceRanges(this.doc, sentence);
      if (ranges.length === 0) continue;
      const look = lookOf(result);
      this.entries.set(sentence.index, { sentence, result, kind: result.matches[0]!.kind, look, ranges });
      const forLook = batch.get(look);
      if (forLook) forLook.push(...ranges);
      else batch.set(look, [...ranges]);
      if (++made % RANGES_PER_STEP === 0) {
        flush();
        yield;
      }
    }
    flush();
  }

  clear(): void {
    this.entries.clear();
    this.painter.clear();
    this.changed();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.painter.setVisible(visible);
  }

  /**
   * Scroll to sentence `index` and flash it; false when it is not (or no longer) on the page.
   * `smooth` for a jump the reader watches (from the panel); instant for keyboard stepping.
   */
  reveal(index: number, smooth = true): boolean {
    const entry = this.entries.get(index);
    const first = entry?.ranges[0];
    if (!entry || !first || !first.startContainer.isConnected) return false;
    const element = first.startContainer.nodeType === 1 ? (first.startContainer as Element) : first.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'instant' });
    this.painter.flash(entry.ranges);
    if (this.flashTimer !== null) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      this.flashTimer = null;
      this.painter.clearFlash();
    }, FLASH_MS);
    return true;
  }

  /**
   * The highlighted sentence `step` places after (or before) `from` in reading order, wrapping
   * around; the first (or last) when `from` is null.
   */
  step(from: number | null, step: 1 | -1): number | null {
    const order = this.readingOrder();
    if (order.length === 0) return null;
    const at = from === null ? -1 : order.indexOf(from);
    if (at < 0) return step === 1 ? order[0]! : order[order.length - 1]!;
    return order[(at + step + order.length) % order.length]!;
  }

  /** Highlighted sentences in document order (appended content may sit above older content). */
  readingOrder(): number[] {
    if (this.order === null) {
      const anchors = new Map<number, Node>();
      for (const [index, entry] of this.entries) anchors.set(index, inDocumentTree(entry.sentence.segments[0]!.node));
      this.order = [...this.entries.keys()].sort((a, b) => {
        const na = anchors.get(a)!;
        const nb = anchors.get(b)!;
        if (na === nb) return a - b;
        const position = na.compareDocumentPosition(nb);
        if (position & Node.DOCUMENT_POSITION_DISCONNECTED) return a - b;
        return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
    }
    return this.order;
  }

  private changed(): void {
    this.order = null;
    this.version++;
  }
}

/** The node itself, or the shadow host that places it in the document tree. */
function inDocumentTree(node: Node): Node {
  let current = node;
  for (let root = current.getRootNode(); (root as Partial<ShadowRoot>).host; root = current.getRootNode()) {
    current = (root as ShadowRoot).host;
  }
  return current;
}
