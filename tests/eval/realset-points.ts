/**
 * The points grouping (lib/corpus/points.ts) against the real set's labels of the seed sentences:
 * pairs of seed sentences, predicted together when one computed point holds both, truly together
 * when they share a labeled point. The labels come through realset.ts (read from ../shared, never
 * copied here). Cross-outlet pairs are what the coverage grid shows (who states what); all pairs
 * add those within one outlet. The set labels every heading [] by convention, though a heading
 * may restate a point ("Vice President Vance 'Optimistic' About Ending the War"), so the figures
 * are also given with headings left out of the measure (graded both ways, as its README asks of
 * debatable labels).
 */
import type { Corpus, Point } from '../../lib/types';
import { corpusPoints, type Realset } from './realset';

export interface PairCounts {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}

/**
 * Pair counts over the seed sentences that `labels` covers and some point holds. A sentence may
 * belong to two points (it states two); a pair is predicted when they share any. A predicted pair
 * with an unlabeled member (no point: a byline, a heading, commentary) is wrong.
 */
export function pointPairCounts(
  points: readonly Pick<Point, 'sentenceIds'>[],
  labels: ReadonlyMap<string, ReadonlySet<string>>,
  crossOutlet: boolean,
): PairCounts {
  const article = (id: string): string => id.slice(0, id.lastIndexOf(':'));
  const groupsOf = new Map<string, number[]>();
  points.forEach((p, i) => {
    for (const id of p.sentenceIds) groupsOf.set(id, [...(groupsOf.get(id) ?? []), i]);
  });
  const ids = [...labels.keys()].filter((id) => groupsOf.has(id));
  const counts: PairCounts = { predicted: 0, correct: 0, gold: 0, found: 0 };
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? '';
      const b = ids[j] ?? '';
      if (crossOutlet && article(a) === article(b)) continue;
      const lb = labels.get(b) ?? new Set<string>();
      const shared = [...(labels.get(a) ?? [])].some((p) => lb.has(p));
      const together = (groupsOf.get(a) ?? []).some((g) => groupsOf.get(b)?.includes(g));
      if (shared) counts.gold++;
      if (together) counts.predicted++;
      if (together && shared) {
        counts.correct++;
        counts.found++;
      }
    }
  }
  return counts;
}

/** Both measures for a corpus, and the line the eval prints. */
export function realPointPairs(
  corpus: Pick<Corpus, 'articles' | 'sentences' | 'points'>,
  realset: Realset,
): { crossOutlet: PairCounts; all: PairCounts; headingsAside: PairCounts; line: string } {
  const labels = corpusPoints(corpus, realset.seeds);
  for (const s of corpus.sentences) if (s.role === 'furniture') labels.delete(s.id);
  const crossOutlet = pointPairCounts(corpus.points, labels, true);
  const all = pointPairCounts(corpus.points, labels, false);
  const bodyLabels = new Map(labels);
  for (const s of corpus.sentences) if (s.role === 'heading') bodyLabels.delete(s.id);
  const headingsAside = pointPairCounts(corpus.points, bodyLabels, true);
  const f = (c: PairCounts): string =>
    `P ${(c.predicted === 0 ? 1 : c.correct / c.predicted).toFixed(3)} (${c.correct}/${c.predicted}) ` +
    `R ${(c.gold === 0 ? 1 : c.found / c.gold).toFixed(3)} (${c.found}/${c.gold})`;
  return {
    crossOutlet,
    all,
    headingsAside,
    line:
      `Points grouping against the real set's seed labels: cross-outlet pairs ${f(crossOutlet)} ` +
      `(headings aside: ${f(headingsAside)}); all pairs ${f(all)}`,
  };
}
