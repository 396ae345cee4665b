/**
 * Scoring a matching system on the labeled development set (tests/devset/).
 *
 * Sentence → point matching, per item: the item is flagged when the system returns a match;
 * a flagged item is correct when its best match is a corpus sentence that states (or touches) one
 * of the item's gold points. An item is positive when one of its points is stated by a sentence
 * of the corpus in use. TP: positive, flagged, correct. FP: flagged and not correct. FN: positive
 * and not (flagged and correct). Match precision looks at every listed match, not only the best.
 */
import type { Corpus } from '../../lib/types';
import { Matcher } from '../../lib/match/matcher';
import type { MatchParams } from '../../lib/match/params';
import { loadDevset, resolveGold, splitOf, type Devset, type ResolvedGold, type Split } from '../devset/devset';
import type { Scored, SentenceMatcher } from './baselines';
import type { DiagnosticPage } from '../devset/diagnostic/diagnostic';

export interface EvalItem {
  id: string;
  split: Split;
  text: string;
  /** Gold points the item states. */
  points: string[];
  /** Gold points it only touches on (a match there is fine, no match is fine too). */
  touchPoints: string[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  items: number;
  positives: number;
  matches: number;
  correctMatches: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  matchPrecision: number;
  counts: Counts;
}

/** A system under evaluation: sentence matching, and a page scan (with its page gate, if any). */
export interface System extends SentenceMatcher {
  scanPage(page: { title: string; sentences: string[] }): { onStory: boolean; flagged: Map<number, Scored[]> };
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0, items: 0, positives: 0, matches: 0, correctMatches: 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    tp: a.tp + b.tp,
    fp: a.fp + b.fp,
    fn: a.fn + b.fn,
    items: a.items + b.items,
    positives: a.positives + b.positives,
    matches: a.matches + b.matches,
    correctMatches: a.correctMatches + b.correctMatches,
  };
}

export function scores(c: Counts): Scores {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const matchPrecision = c.matches === 0 ? 1 : c.correctMatches / c.matches;
  return { precision, recall, f1, matchPrecision, counts: c };
}

/** Add one item's outcome to `counts`. `active`: the corpus sentence ids the system can return. */
export function countItem(
  counts: Counts,
  item: EvalItem,
  matches: readonly Scored[],
  gold: ResolvedGold,
  active: ReadonlySet<string>,
): void {
  const acceptable = new Set<string>();
  let positive = false;
  for (const p of item.points) {
    for (const id of gold.states.get(p) ?? []) {
      acceptable.add(id);
      if (active.has(id)) positive = true;
    }
    for (const id of gold.touches.get(p) ?? []) acceptable.add(id);
  }
  for (const p of item.touchPoints) {
    for (const id of gold.states.get(p) ?? []) acceptable.add(id);
    for (const id of gold.touches.get(p) ?? []) acceptable.add(id);
  }
  counts.items++;
  if (positive) counts.positives++;
  const best = matches[0];
  const correct = best !== undefined && acceptable.has(best.sentenceId);
  if (best !== undefined) {
    if (correct) {
      if (positive) counts.tp++;
    } else counts.fp++;
    counts.matches += matches.length;
    counts.correctMatches += matches.filter((m) => acceptable.has(m.sentenceId)).length;
  }
  if (positive && !correct) counts.fn++;
}

/** Labeled single sentences (paraphrases and negatives) as items. */
export function sentenceItems(devset: Devset): EvalItem[] {
  return devset.sentences.map((s) => ({ id: s.id, split: s.split, text: s.text, points: s.points, touchPoints: [] }));
}

/** The article sentences of one corpus article as items, labeled by the gold points. */
export function articleItems(corpus: Pick<Corpus, 'sentences'>, articleId: string, gold: ResolvedGold): EvalItem[] {
  const touchPointsOf = new Map<string, string[]>();
  for (const [point, ids] of gold.touches) {
    for (const id of ids) touchPointsOf.set(id, [...(touchPointsOf.get(id) ?? []), point]);
  }
  return corpus.sentences
    .filter((s) => s.articleId === articleId && s.role !== 'furniture')
    .map((s) => ({
      id: s.id,
      split: splitOf(`${articleId}:${s.text}`),
      text: s.text,
      points: [...(gold.pointsOf.get(s.id) ?? [])],
      touchPoints: touchPointsOf.get(s.id) ?? [],
    }));
}

/** Parallax as a System. */
export function parallaxSystem(corpus: Pick<Corpus, 'articles' | 'sentences' | 'points'>, params: Partial<MatchParams> = {}): System & { matcher: Matcher } {
  const matcher = Matcher.fromCorpus(corpus, params);
  return {
    name: 'Parallax',
    matcher,
    match: (text) => matcher.matchSentence(text).map((m) => ({ sentenceId: m.sentenceId, score: m.score })),
    scanPage: (page) => {
      const verdict = matcher.scanPage(page);
      return {
        onStory: verdict.onStory,
        flagged: new Map(
          verdict.sentences.map((r) => [r.index, r.matches.map((m) => ({ sentenceId: m.sentenceId, score: m.score }))]),
        ),
      };
    },
  };
}

/** A baseline as a System: no page gate, a page is "on the story" when any sentence matched. */
export function ungatedSystem(matcher: SentenceMatcher): System {
  return {
    name: matcher.name,
    match: (text) => matcher.match(text),
    scanPage: (page) => {
      const flagged = new Map<number, Scored[]>();
      page.sentences.forEach((s, i) => {
        const m = matcher.match(s);
        if (m.length > 0) flagged.set(i, m);
      });
      return { onStory: flagged.size > 0, flagged };
    },
  };
}

export interface SetResult {
  /** Sentence → point matching, per split. */
  bySplit: Record<Split, Counts>;
}

export interface PageResult {
  offStoryPages: Record<Split, { pages: number; pagesOnStory: number; sentences: number; flagged: number }>;
  onStoryPages: Record<Split, { pages: number; pagesOnStory: number; counts: Counts }>;
}

function bySplit<T>(make: () => T): Record<Split, T> {
  return { dev: make(), test: make() };
}

/** Score `system` on labeled single sentences. */
export function evaluateSentences(system: System, items: readonly EvalItem[], gold: ResolvedGold, active: ReadonlySet<string>): SetResult {
  const result = bySplit(emptyCounts);
  for (const item of items) countItem(result[item.split], item, system.match(item.text), gold, active);
  return { bySplit: result };
}

/** Score `system` on the labeled pages: the gate, and the sentences it flags. */
export function evaluatePages(system: System, devset: Devset, gold: ResolvedGold, active: ReadonlySet<string>): PageResult {
  const off = bySplit(() => ({ pages: 0, pagesOnStory: 0, sentences: 0, flagged: 0 }));
  const on = bySplit(() => ({ pages: 0, pagesOnStory: 0, counts: emptyCounts() }));
  for (const page of devset.pages) {
    const scan = system.scanPage({ title: page.title, sentences: page.sentences.map((s) => s.text) });
    if (!page.onStory) {
      const o = off[page.split];
      o.pages++;
      o.sentences += page.sentences.length;
      o.flagged += scan.flagged.size;
      if (scan.onStory) o.pagesOnStory++;
      continue;
    }
    const o = on[page.split];
    o.pages++;
    if (scan.onStory) o.pagesOnStory++;
    page.sentences.forEach((s, i) => {
      const item: EvalItem = { id: `${page.id}:${i}`, split: page.split, text: s.text, points: s.points, touchPoints: [] };
      countItem(o.counts, item, scan.flagged.get(i) ?? [], gold, active);
    });
  }
  return { offStoryPages: off, onStoryPages: on };
}

/** The corpus without one article (its sentences and points dropped). */
export function withoutArticle<C extends Pick<Corpus, 'articles' | 'sentences' | 'points'>>(corpus: C, articleId: string): C {
  return {
    ...corpus,
    articles: corpus.articles.filter((a) => a.id !== articleId),
    sentences: corpus.sentences.filter((s) => s.articleId !== articleId),
    points: corpus.points
      .map((p) => ({ ...p, sentenceIds: p.sentenceIds.filter((id) => !id.startsWith(`${articleId}:`)) }))
      .filter((p) => p.sentenceIds.length > 0),
  };
}

export interface LooResult {
  articleId: string;
  outlet: string;
  bySplit: Record<Split, Counts>;
  /** Whether the page gate finds the left-out article on the story. */
  onStory: boolean;
}

/** Leave one outlet out: scan each article, as a page, against the other articles. */
export function evaluateLeaveOneOut(
  corpus: Pick<Corpus, 'articles' | 'sentences' | 'points'>,
  gold: ResolvedGold,
  makeSystem: (corpus: Pick<Corpus, 'articles' | 'sentences' | 'points'>) => System,
): LooResult[] {
  return corpus.articles.map((article) => {
    const rest = withoutArticle(corpus, article.id);
    const system = makeSystem(rest);
    const active = new Set(rest.sentences.map((s) => s.id));
    const items = articleItems(corpus, article.id, gold);
    // The left-out article is read as a page would be: through the page scan and its gate.
    const scan = system.scanPage({ title: article.title, sentences: items.map((i) => i.text) });
    const result = bySplit(emptyCounts);
    items.forEach((item, i) => countItem(result[item.split], item, scan.flagged.get(i) ?? [], gold, active));
    return { articleId: article.id, outlet: article.outlet, bySplit: result, onStory: scan.onStory };
  });
}

export { loadDevset, resolveGold };

/**
 * How a system does on a set of labeled pages reported on its own: the diagnostic rewrites
 * (tests/devset/diagnostic/) and the unseen held-out set (tests/devset/unseen/).
 */
export interface LabeledPagesResult {
  /** Sentences of the on-story rewrites, through the page scan (page gate included). */
  scanned: Counts;
  /** The same sentences matched one by one, without the gate: the sentence matcher alone. */
  ungated: Counts;
  onStoryPages: number;
  onStoryFound: number;
  offStoryPages: number;
  offStoryJudgedOn: number;
  offStorySentences: number;
  /** Off-story sentences the page scan flags (must be 0). */
  offStoryFlagged: number;
  /** Off-story sentences that match when matched one by one (a selection lookup has no gate): the margin. */
  offStoryUngatedFlagged: number;
  perPage: { id: string; onStory: boolean; judgedOnStory: boolean; scanned: Counts; ungated: Counts; flagged: number; ungatedFlagged: number }[];
}

/** Score `system` on labeled pages, through the page scan and sentence by sentence. */
export function evaluateLabeledPages(
  system: System,
  pages: readonly DiagnosticPage[],
  gold: ResolvedGold,
  active: ReadonlySet<string>,
): LabeledPagesResult {
  const r: LabeledPagesResult = {
    scanned: emptyCounts(),
    ungated: emptyCounts(),
    onStoryPages: 0,
    onStoryFound: 0,
    offStoryPages: 0,
    offStoryJudgedOn: 0,
    offStorySentences: 0,
    offStoryFlagged: 0,
    offStoryUngatedFlagged: 0,
    perPage: [],
  };
  for (const page of pages) {
    const scan = system.scanPage({ title: page.title, sentences: page.sentences.map((s) => s.text) });
    const scanned = emptyCounts();
    const ungated = emptyCounts();
    let ungatedFlagged = 0;
    page.sentences.forEach((s, i) => {
      const item: EvalItem = { id: `${page.id}:${i}`, split: 'test', text: s.text, points: s.points, touchPoints: s.touches };
      const alone = system.match(s.text);
      if (alone.length > 0) ungatedFlagged++;
      countItem(scanned, item, scan.flagged.get(i) ?? [], gold, active);
      countItem(ungated, item, alone, gold, active);
    });
    r.perPage.push({ id: page.id, onStory: page.onStory, judgedOnStory: scan.onStory, scanned, ungated, flagged: scan.flagged.size, ungatedFlagged });
    if (page.onStory) {
      r.onStoryPages++;
      if (scan.onStory) r.onStoryFound++;
      r.scanned = addCounts(r.scanned, scanned);
      r.ungated = addCounts(r.ungated, ungated);
    } else {
      r.offStoryPages++;
      if (scan.onStory) r.offStoryJudgedOn++;
      r.offStorySentences += page.sentences.length;
      r.offStoryFlagged += scan.flagged.size;
      r.offStoryUngatedFlagged += ungatedFlagged;
    }
  }
  return r;
}
