// The highlighter keeps the painter in step with the session's answer: only what changed is added
// or removed, a sentence whose best match changed kind moves, and stepping follows reading order
// even when later content sits above earlier content.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Highlighter, type Painter } from '../../../lib/page/highlights';
import { extractArticle, extractBlocks, type PageSentence } from '../../../lib/extract';
import type { HighlightClass } from '../../../lib/page/highlight-style';
import { matched } from './matched';

const runAtOnce = async <T>(steps: Generator<void, T>): Promise<T> => {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};

/** A painter that records which ranges each kind holds. */
function recordingPainter() {
  const byKind = new Map<HighlightClass, Set<Range>>();
  const painter: Painter & { texts(kind: HighlightClass): string[] } = {
    add: (kind, ranges) => {
      const set = byKind.get(kind) ?? new Set();
      for (const r of ranges) set.add(r);
      byKind.set(kind, set);
    },
    remove: (kind, ranges) => {
      for (const r of ranges) byKind.get(kind)?.delete(r);
    },
    setVisible: vi.fn(),
    flash: vi.fn(),
    clearFlash: vi.fn(),
    clear: () => byKind.clear(),
    texts: (kind) => [...(byKind.get(kind) ?? [])].map((r) => r.toString()),
  };
  return painter;
}

const FILLER = 'Speaking to reporters amid ongoing high-level talks in Paris involving the US, Ukraine, and key European powers, the official said the administration would not prolong negotiations indefinitely.';

let sentences: PageSentence[];

beforeEach(() => {
  document.body.innerHTML = `<article id="story"><h1>Talks in Paris</h1><p>Rubio said the United States may walk away within days.</p><p>Peskov said progress had been made.</p>${`<p>${FILLER}</p>`.repeat(5)}</article>`;
  sentences = extractArticle(document).sentences;
});

describe('Highlighter', () => {
  it('adds new sentences, drops those no longer matched, and moves one whose kind changed', async () => {
    const painter = recordingPainter();
    const highlighter = new Highlighter(document, painter, runAtOnce);
    const [headline, rubio, peskov] = sentences;
    await highlighter.show([matched(rubio!), matched(peskov!, 'reworded')]);
    expect(painter.texts('verbatim')).toEqual([rubio!.text]);
    expect(painter.texts('reworded')).toEqual([peskov!.text]);

    const before = highlighter.entry(rubio!.index)!.ranges[0];
    await highlighter.show([matched(headline!), matched(rubio!), matched(peskov!, 'quote')]);
    expect(highlighter.entry(rubio!.index)!.ranges[0]).toBe(before);
    expect(painter.texts('verbatim').sort()).toEqual([headline!.text, rubio!.text].sort());
    expect(painter.texts('reworded')).toEqual([]);
    expect(painter.texts('quote')).toEqual([peskov!.text]);

    await highlighter.show([matched(peskov!, 'quote')]);
    expect(painter.texts('verbatim')).toEqual([]);
    expect(highlighter.size).toBe(1);
  });

  it('draws a sentence every outlet words differently strongly, one all word alike quietly, and moves it when that changes', async () => {
    const painter = recordingPainter();
    const highlighter = new Highlighter(document, painter, runAtOnce);
    const [headline, rubio, peskov] = sentences;
    const withContrast = (m: ReturnType<typeof matched>, contrast: 'distinct' | 'alike' | 'mixed') => ({ ...m, result: { ...m.result, contrast } });
    await highlighter.show([withContrast(matched(headline!), 'mixed'), withContrast(matched(rubio!, 'reworded'), 'distinct'), withContrast(matched(peskov!), 'alike')]);
    expect(painter.texts('verbatim')).toEqual([headline!.text]);
    expect(painter.texts('reworded-strong')).toEqual([rubio!.text]);
    expect(painter.texts('verbatim-quiet')).toEqual([peskov!.text]);

    // A rescan finds another outlet wording Rubio's sentence alike: it is no longer distinct.
    await highlighter.show([withContrast(matched(headline!), 'mixed'), withContrast(matched(rubio!, 'reworded'), 'mixed'), withContrast(matched(peskov!), 'alike')]);
    expect(painter.texts('reworded-strong')).toEqual([]);
    expect(painter.texts('reworded')).toEqual([rubio!.text]);
    expect(highlighter.entry(peskov!.index)!.look).toBe('verbatim-quiet');
  });

  it('steps through highlights in reading order, wrapping around, with content added above counted first', async () => {
    const highlighter = new Highlighter(document, recordingPainter(), runAtOnce);
    const [, rubio, peskov] = sentences;
    // A live blog's new entry, inserted at the top of the article after the first read.
    const entry = document.createElement('p');
    entry.textContent = 'Rubio added on Saturday that the decision would come within days.';
    document.getElementById('story')!.prepend(entry);
    const [added] = extractBlocks(entry, { articleRoot: document.getElementById('story')!, firstSentenceIndex: 100 }).sentences;
    await highlighter.show([matched(rubio!), matched(peskov!), matched(added!)]);

    expect(highlighter.readingOrder()).toEqual([added!.index, rubio!.index, peskov!.index]);
    expect(highlighter.step(null, 1)).toBe(added!.index);
    expect(highlighter.step(peskov!.index, 1)).toBe(added!.index);
    expect(highlighter.step(added!.index, -1)).toBe(peskov!.index);
  });

  it('reveals a sentence still on the page, and not one that left it', async () => {
    const painter = recordingPainter();
    const highlighter = new Highlighter(document, painter, runAtOnce);
    const [, rubio, peskov] = sentences;
    await highlighter.show([matched(rubio!), matched(peskov!)]);
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
    expect(highlighter.reveal(rubio!.index, false)).toBe(true);
    expect(painter.flash).toHaveBeenCalledWith(highlighter.entry(rubio!.index)!.ranges);
    document.querySelectorAll('#story p')[1]!.remove();
    expect(highlighter.reveal(peskov!.index)).toBe(false);
    expect(highlighter.reveal(999)).toBe(false);
    expect(scroll).toHaveBeenCalledOnce();
    scroll.mockRestore();
  });
});
