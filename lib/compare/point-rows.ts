/**
 * The panel's summary: the page's points in page order, one row each, with the outlets that
 * state the point and how their wordings differ (lib/compare/outlet-lines.ts). A point the page
 * states in several sentences (a headline and its lead) is one row; a sentence whose point is not
 * known is a row of its own.
 */
import type { Quote, WordingContrast } from '../types';
import type { ListedSentence } from './filter';
import { outletLines, type AspectLine, type WordingSource } from './outlet-lines';
import { PAGE_SOURCE_ID } from './quotes';

/** What the lines call the page the reader is on. */
export const THIS_PAGE = 'this page';

export interface PointRow {
  /** Stable across renders: the point's id, or "sentence:<index>" for a sentence without a point. */
  key: string;
  pointId: string | null;
  /** The page's sentences stating the point, in page order, with their listed matches. */
  sentences: ListedSentence[];
  /** The other outlets whose wordings are listed, in the order of their first match, each once. */
  outlets: string[];
  /** How the wordings differ, loudest first; empty when every outlet claims the same. */
  lines: AspectLine[];
  /** How the page's first sentence of the point stands against the others (set by the background). */
  contrast: WordingContrast | undefined;
}

/**
 * Rows for the listed sentences (in page order). `pageQuotes` are the page's quotes by sentence
 * index (absent for a selection); `corpusQuotes` the quotes of corpus sentences by id.
 */
export function pointRows(
  listed: readonly ListedSentence[],
  pageQuotes: Readonly<Record<number, readonly Quote[]>> | undefined,
  corpusQuotes: ReadonlyMap<string, readonly Quote[]>,
): PointRow[] {
  const rows = new Map<string, ListedSentence[]>();
  for (const item of listed) {
    const key = item.sentence.pointId ?? `sentence:${item.sentence.index}`;
    const group = rows.get(key);
    if (group) group.push(item);
    else rows.set(key, [item]);
  }
  return [...rows].map(([key, sentences]) => {
    const [first, ...more] = sentences;
    const pageSource = (s: ListedSentence): WordingSource => ({
      sourceId: PAGE_SOURCE_ID,
      outlet: THIS_PAGE,
      text: s.sentence.text,
      quotes: pageQuotes?.[s.sentence.index] ?? null,
    });
    const seen = new Set<string>();
    const others: WordingSource[] = more.map(pageSource);
    const outlets: string[] = [];
    for (const s of sentences) {
      for (const m of s.matches) {
        if (seen.has(m.sentenceId)) continue;
        seen.add(m.sentenceId);
        others.push({ sourceId: m.articleId, outlet: m.outlet, text: m.text, quotes: corpusQuotes.get(m.sentenceId) ?? [] });
        if (!outlets.includes(m.outlet)) outlets.push(m.outlet);
      }
    }
    return {
      key,
      pointId: first!.sentence.pointId,
      sentences,
      outlets,
      lines: outletLines(pageSource(first!), others),
      contrast: first!.sentence.contrast,
    };
  });
}
