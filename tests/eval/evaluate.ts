/**
 * One full evaluation run, as data: Parallax and the baselines on the labeled development set
 * (tests/devset/), per split. `npm run eval` prints it (tests/eval/run.ts); the regression test
 * (tests/lib/match/eval.test.ts) asserts on it.
 */
import { buildCorpus } from '../../lib/corpus/build';
import { readSeeds } from '../../lib/node/seeds';
import type { Corpus } from '../../lib/types';
import type { MatchParams } from '../../lib/match/params';
import { FuseBaseline, TfidfBaseline } from './baselines';
import {
  addCounts,
  emptyCounts,
  evaluateLabeledPages,
  evaluateLeaveOneOut,
  evaluatePages,
  evaluateSentences,
  loadDevset,
  parallaxSystem,
  resolveGold,
  sentenceItems,
  ungatedSystem,
  type Counts,
  type LabeledPagesResult,
  type LooResult,
  type PageResult,
  type System,
} from './metrics';
import type { Devset, ResolvedGold, Split } from '../devset/devset';
import { loadDiagnostic, type DiagnosticPage } from '../devset/diagnostic/diagnostic';
import { loadUnseen, type UnseenPage } from '../devset/unseen/unseen';

export const SEEDS_DIR = new URL('../../seeds/', import.meta.url).pathname;

/** Candidate thresholds for the TF-IDF baseline; the best F1 on the dev split is used. */
const TFIDF_THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

export interface SystemRun {
  name: string;
  /** Labeled single sentences (paraphrases, negatives). */
  sentences: Record<Split, Counts>;
  /** Sentences of the labeled pages, as the page scan flags them. */
  pages: PageResult;
  /** Leave one outlet out, summed over outlets. */
  leaveOneOut: Record<Split, Counts>;
  looPerOutlet: LooResult[];
  /** Everything sentence-level together: labeled sentences, on-story page sentences, leave-one-out. */
  all: Record<Split, Counts>;
  /** The diagnostic rewrites (tests/devset/diagnostic/): a section of its own, in neither split. */
  diagnostic: LabeledPagesResult;
  /** The unseen held-out set (tests/devset/unseen/): a section of its own, never tuned on. */
  unseen: LabeledPagesResult;
}

export interface EvalRun {
  corpus: Corpus;
  devset: Devset;
  diagnostic: DiagnosticPage[];
  unseen: UnseenPage[];
  gold: ResolvedGold;
  tfidfThreshold: number;
  systems: SystemRun[];
  /** Points grouping against the gold points: cross-article pairs. */
  points: { predictedPairs: number; correctPairs: number; goldPairs: number; foundPairs: number; points: number; shared: number };
}

export function loadSeedCorpus(): Corpus {
  return buildCorpus(readSeeds(SEEDS_DIR));
}

function runSystem(
  name: string,
  corpus: Corpus,
  devset: Devset,
  labeled: { diagnostic: readonly DiagnosticPage[]; unseen: readonly UnseenPage[] },
  gold: ResolvedGold,
  make: (c: Pick<Corpus, 'articles' | 'sentences' | 'points'>) => System,
): SystemRun {
  const system = make(corpus);
  const active = new Set(corpus.sentences.map((s) => s.id));
  const sentences = evaluateSentences(system, sentenceItems(devset), gold, active).bySplit;
  const pages = evaluatePages(system, devset, gold, active);
  const looPerOutlet = evaluateLeaveOneOut(corpus, gold, make);
  const leaveOneOut = { dev: emptyCounts(), test: emptyCounts() };
  for (const l of looPerOutlet) {
    leaveOneOut.dev = addCounts(leaveOneOut.dev, l.bySplit.dev);
    leaveOneOut.test = addCounts(leaveOneOut.test, l.bySplit.test);
  }
  const all = {
    dev: addCounts(addCounts(sentences.dev, pages.onStoryPages.dev.counts), leaveOneOut.dev),
    test: addCounts(addCounts(sentences.test, pages.onStoryPages.test.counts), leaveOneOut.test),
  };
  return {
    name,
    sentences,
    pages,
    leaveOneOut,
    looPerOutlet,
    all,
    diagnostic: evaluateLabeledPages(system, labeled.diagnostic, gold, active),
    unseen: evaluateLabeledPages(system, labeled.unseen, gold, active),
  };
}

/** F1 of a TF-IDF threshold on the dev split of the labeled sentences. */
function tfidfDevF1(corpus: Corpus, devset: Devset, gold: ResolvedGold, threshold: number): number {
  const system = ungatedSystem(new TfidfBaseline(corpus, threshold));
  const c = evaluateSentences(system, sentenceItems(devset), gold, new Set(corpus.sentences.map((s) => s.id))).bySplit.dev;
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/**
 * `unseen: false` leaves the unseen held-out set out (it is then empty in the run): what a tuning
 * run uses, so that no figure of it is seen while the matcher changes.
 */
export function runEval(options: { params?: Partial<MatchParams>; baselines?: boolean; unseen?: boolean } = {}): EvalRun {
  const corpus = loadSeedCorpus();
  const devset = loadDevset();
  const gold = resolveGold(devset, corpus);
  if (gold.errors.length > 0) throw new Error(`dev set references do not resolve:\n${gold.errors.join('\n')}`);
  const known = new Set(devset.points.map((p) => p.id));
  const diagnostic = loadDiagnostic(known);
  const unseen = options.unseen === false ? [] : loadUnseen(known);
  const labeled = { diagnostic, unseen };
  const systems = [runSystem('Parallax', corpus, devset, labeled, gold, (c) => parallaxSystem(c, options.params))];
  let tfidfThreshold = Number.NaN;
  if (options.baselines !== false) {
    systems.push(runSystem('Fuse.js, default options', corpus, devset, labeled, gold, (c) => ungatedSystem(new FuseBaseline(c))));
    tfidfThreshold = TFIDF_THRESHOLDS.reduce((best, t) =>
      tfidfDevF1(corpus, devset, gold, t) > tfidfDevF1(corpus, devset, gold, best) ? t : best,
    );
    systems.push(
      runSystem(`TF-IDF cosine ≥ ${tfidfThreshold}`, corpus, devset, labeled, gold, (c) => ungatedSystem(new TfidfBaseline(c, tfidfThreshold))),
    );
  }
  return { corpus, devset, diagnostic, unseen, gold, tfidfThreshold, systems, points: pointPairs(corpus, gold) };
}

/** Cross-article sentence pairs that share a computed point, against those that share a gold point. */
export function pointPairs(corpus: Corpus, gold: ResolvedGold): EvalRun['points'] {
  const article = (id: string): string => id.slice(0, id.lastIndexOf(':'));
  const goldPairs = new Set<string>();
  const acceptable = new Set<string>();
  for (const [p, ids] of gold.states) {
    const stated = [...ids];
    const ok = [...stated, ...(gold.touches.get(p) ?? [])];
    for (const a of stated) for (const b of stated) if (a < b && article(a) !== article(b)) goldPairs.add(`${a}|${b}`);
    for (const a of ok) for (const b of ok) if (a < b) acceptable.add(`${a}|${b}`);
  }
  let predictedPairs = 0;
  let correctPairs = 0;
  let foundPairs = 0;
  for (const point of corpus.points) {
    for (const a of point.sentenceIds) {
      for (const b of point.sentenceIds) {
        if (!(a < b) || article(a) === article(b)) continue;
        predictedPairs++;
        if (acceptable.has(`${a}|${b}`)) correctPairs++;
        if (goldPairs.has(`${a}|${b}`)) foundPairs++;
      }
    }
  }
  return {
    predictedPairs,
    correctPairs,
    goldPairs: goldPairs.size,
    foundPairs,
    points: corpus.points.length,
    shared: corpus.points.filter((p) => p.articleIds.length > 1).length,
  };
}
