/**
 * The real set at the sentence level, with the page gate set aside: every sentence of every
 * on-story and transcript page is matched at the on-story threshold, as if the gate had found its
 * page on the story, and graded as the real set's README says (found: the best match is a seed
 * sentence carrying one of its gold points; correct: the same for a flagged sentence; a flagged
 * sentence with gold [] is wrong). Hard-negative pages are reported apart: how many of their
 * sentences would be flagged if their page were judged on the story. What the page gate makes of
 * them is the full-pipeline eval's business.
 * And the points grouping against the seed sentences' labels (pairs of sentences).
 */
import type { Corpus } from '../../lib/types';
import { Matcher } from '../../lib/match/matcher';
import { pageMatchThreshold, type MatchParams } from '../../lib/match/params';
import { splitSentences } from '../../lib/text/segment';
import { pointPairCounts, realHalf, seedLabels, type PairCounts, type RealHalf, type Realset } from './realset-labels';

export interface RealSentenceCounts {
  /** Sentences with gold points. */
  positives: number;
  /** Sentences as Parallax splits them (a labeled sentence may be two) that it flags. */
  flagged: number;
  /** Flagged ones whose best match carries one of their labeled sentence's gold points. */
  correct: number;
  /** Labeled sentences with gold points one of whose parts is flagged correctly. */
  found: number;
}

export interface RealsetSentenceResult {
  byHalf: Record<RealHalf | 'all', RealSentenceCounts>;
  /** Recall of the core point (the one most seed articles state), all pages. */
  core: { point: string; positives: number; found: number };
  hardNegatives: { sentences: number; flagged: number };
  /** Seed sentence pairs: cross-outlet and all. */
  pairs: { crossOutlet: PairCounts; all: PairCounts };
}

function empty(): RealSentenceCounts {
  return { positives: 0, flagged: 0, correct: 0, found: 0 };
}

/** The point stated by the most seed articles: the story's core. */
export function corePoint(labels: ReadonlyMap<string, readonly string[]>): string {
  const articles = new Map<string, Set<string>>();
  for (const [id, points] of labels) {
    const article = id.slice(0, id.lastIndexOf(':'));
    for (const p of points) articles.set(p, (articles.get(p) ?? new Set()).add(article));
  }
  let best = '';
  for (const [p, a] of articles) if (a.size > (articles.get(best)?.size ?? 0) || (a.size === articles.get(best)?.size && p < best)) best = p;
  return best;
}

export function evaluateRealset(corpus: Corpus, realset: Realset, params: Partial<MatchParams> = {}): RealsetSentenceResult {
  const labels = seedLabels(corpus, realset);
  const matcher = Matcher.fromCorpus(corpus, params);
  const threshold = pageMatchThreshold(matcher.params);
  const core = corePoint(labels);
  const result: RealsetSentenceResult = {
    byHalf: { tune: empty(), check: empty(), all: empty() },
    core: { point: core, positives: 0, found: 0 },
    hardNegatives: { sentences: 0, flagged: 0 },
    pairs: { crossOutlet: pointPairCounts(corpus.points, labels, true), all: pointPairCounts(corpus.points, labels, false) },
  };
  for (const page of realset.pages) {
    const half = realHalf(page.id);
    for (const s of page.sentences) {
      // Parallax splits text its own way: a labeled sentence may reach it as two (a quote of two
      // sentences with its attribution), and each part counts as the sentence it lies inside.
      const parts = splitSentences(s.text).map((p) => p.text);
      const bests = (parts.length > 0 ? parts : [s.text]).map((t) => matcher.matchSentence(t, threshold)[0]);
      if (page.kind === 'hard-negative') {
        result.hardNegatives.sentences++;
        if (bests.some((b) => b !== undefined)) result.hardNegatives.flagged++;
        continue;
      }
      const isCorrect = (b: (typeof bests)[number]): boolean => b !== undefined && (labels.get(b.sentenceId) ?? []).some((p) => s.gold.includes(p));
      const flagged = bests.filter((b) => b !== undefined).length;
      const correct = bests.filter(isCorrect).length;
      for (const c of [result.byHalf[half], result.byHalf.all]) {
        if (s.gold.length > 0) c.positives++;
        c.flagged += flagged;
        c.correct += correct;
        if (correct > 0) c.found++;
      }
      if (s.gold.includes(core)) {
        result.core.positives++;
        if (correct > 0) result.core.found++;
      }
    }
  }
  return result;
}

export function precisionRecall(c: RealSentenceCounts): { precision: number; recall: number } {
  return { precision: c.flagged === 0 ? 1 : c.correct / c.flagged, recall: c.positives === 0 ? 1 : c.found / c.positives };
}

const f3 = (x: number): string => x.toFixed(3);

/** The section `npm run eval` and realset-run.ts print. */
export function printRealset(r: RealsetSentenceResult): void {
  console.log('Real set, sentences matched alone on pages judged on the story (gate set aside; ../shared/realset)');
  for (const half of ['all', 'tune', 'check'] as const) {
    const c = r.byHalf[half];
    const s = precisionRecall(c);
    console.log(`  ${half.padEnd(5)}  P ${f3(s.precision)}  R ${f3(s.recall)}  (${c.correct} correct of ${c.flagged} flagged; ${c.found} of ${c.positives} with gold found)`);
  }
  const core = r.core;
  console.log(`  core point ${core.point}: R ${f3(core.positives === 0 ? 1 : core.found / core.positives)} (${core.found}/${core.positives})`);
  console.log(`  hard-negative pages, sentences flagged if judged on the story: ${r.hardNegatives.flagged} / ${r.hardNegatives.sentences}`);
  const pair = (c: RealsetSentenceResult['pairs']['all']): string =>
    `P ${f3(c.predicted === 0 ? 1 : c.correct / c.predicted)} (${c.correct}/${c.predicted}) R ${f3(c.gold === 0 ? 1 : c.found / c.gold)} (${c.found}/${c.gold})`;
  console.log(`Points grouping against the real set's seed labels: cross-outlet pairs ${pair(r.pairs.crossOutlet)}; all pairs ${pair(r.pairs.all)}`);
}
