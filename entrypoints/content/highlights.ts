/**
 * Highlights on the page, drawn with the CSS Custom Highlight API: ranges registered under a name
 * and styled by `::highlight(name)` in highlights.css. The page's DOM is never modified.
 */
import { sentenceRanges, type PageSentence } from '@/lib/extract';
import type { MatchKind, SentenceResult } from '@/lib/types';

export const HIGHLIGHT_NAMES: Record<MatchKind, string> = {
  verbatim: 'parallax-verbatim',
  reworded: 'parallax-reworded',
  quote: 'parallax-quote',
};
const FLASH_NAME = 'parallax-flash';
/** Long enough to catch the eye after the scroll, short enough not to linger. */
const FLASH_MS = 1600;

export class Highlighter {
  private readonly ranges = new Map<number, Range[]>();
  private readonly kinds = new Map<number, MatchKind>();
  private visible = true;

  constructor(private readonly doc: Document) {}

  /** Whether this browser can draw highlights at all. */
  static supported(): boolean {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
  }

  /** Add the matched sentences (page sentence → its best match's kind) to what is drawn. */
  add(sentences: readonly PageSentence[], results: readonly SentenceResult[]): void {
    const byIndex = new Map(sentences.map((s) => [s.index, s]));
    for (const result of results) {
      const sentence = byIndex.get(result.index);
      const best = result.matches[0];
      if (!sentence || !best) continue;
      const ranges = sentenceRanges(this.doc, sentence);
      if (ranges.length === 0) continue;
      this.ranges.set(result.index, ranges);
      this.kinds.set(result.index, best.kind);
    }
    this.paint();
  }

  clear(): void {
    this.ranges.clear();
    this.kinds.clear();
    this.paint();
  }

  get isVisible(): boolean {
    return this.visible;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.paint();
  }

  /** Scroll to sentence `index` and flash it; false when it is not (or no longer) on the page. */
  reveal(index: number): boolean {
    const ranges = this.ranges.get(index);
    const first = ranges?.[0];
    if (!first || !first.startContainer.isConnected) return false;
    const element = first.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (Highlighter.supported()) {
      CSS.highlights.set(FLASH_NAME, new Highlight(...ranges));
      setTimeout(() => CSS.highlights.delete(FLASH_NAME), FLASH_MS);
    }
    return true;
  }

  private paint(): void {
    if (!Highlighter.supported()) return;
    for (const [kind, name] of Object.entries(HIGHLIGHT_NAMES) as [MatchKind, string][]) {
      const ranges = this.visible
        ? [...this.ranges].filter(([index]) => this.kinds.get(index) === kind).flatMap(([, r]) => r)
        : [];
      if (ranges.length === 0) CSS.highlights.delete(name);
      else CSS.highlights.set(name, new Highlight(...ranges));
    }
  }
}
