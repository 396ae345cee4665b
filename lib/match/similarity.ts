/**
 * How much a page sentence and a corpus sentence say the same thing, in [0, 1].
 *
 * The base is weighted term overlap seen from both sides: the share of the page sentence's
 * weight found in the corpus sentence, and the share of the corpus sentence's weight found in the
 * page sentence, combined as a weighted geometric mean (a page sentence may state one clause of a
 * longer corpus sentence, and the other way round). Three checks make it more than a bag of words:
 *  - names alone are no match: the shared terms must include enough content (what is said about
 *    Rubio, Ukraine or Paris), or the score is 0, unless the wording itself is the same. Content is
 *    counted in the page's words, not in the concepts they fold onto: "constructive and helpful"
 *    is two words of content even though both are one concept ("@positive");
 *  - order: content terms that appear in both should appear in roughly the same order (the share
 *    of them in the longest run ordered alike on both sides);
 *  - roles: when two shared actors swap sides around a shared verb ("Russia rejected the US plan"
 *    against "the US rejected Russia's plan"), the score is cut.
 * Cost: linear in the two sentences' terms, plus a quadratic pass over the shared content terms
 * (a handful).
 */
import type { Query, Target } from './corpus-index';
import type { MatchParams } from './params';
import { commonSubsequence } from './kind';
import { NEGATION_TERM } from './terms';

// Below this share of the page sentence's term weight, its words cannot be 80 % the same wording.
const SAME_WORDING_MIN_COVERAGE = 0.5;

const BOUND_MARGIN = 1 + 1e-9;

export interface Similarity {
  score: number;
  /** Shared weight / page sentence weight. */
  pageCoverage: number;
  /** Shared weight / corpus sentence weight. */
  corpusCoverage: number;
  /** The only shared terms were names (or too little else). */
  namesOnly: boolean;
  rolesReversed: boolean;
  /** Share of the shared content terms in the longest run in the same order on both sides, in [0, 1]. */
  orderAgreement: number;
}

export function similarity(query: Query, target: Target, params: MatchParams): Similarity {
  let shared = 0;
  let sharedContent = 0;
  let contentTerms = 0;
  const content: string[] = [];
  const names: string[] = [];
  let echoed = 0;
  for (const [term, pageW] of query.weights) {
    // A term of the corpus sentence's setting weighs there what it weighs in its sum.
    const w = target.setting.has(term) && !query.setting.has(term) ? pageW * params.settingWeight : pageW;
    if (!target.positions.has(term)) {
      // Another outlet's word for this point: evidence at a discount, never a name, never ordered.
      const e = target.echo.get(term);
      if (e !== undefined && !query.names.has(term)) echoed += w * params.pointEchoWeight;
      continue;
    }
    shared += w;
    if (query.names.has(term)) names.push(term);
    else {
      // A shared negation counts as content ("not our war"), with its own small weight.
      sharedContent += w;
      contentTerms++;
      if (term !== NEGATION_TERM) content.push(term);
    }
  }
  const pageCoverage = query.weight > 0 ? Math.min(1, (shared + echoed) / query.weight) : 0;
  const corpusCoverage = target.weight > 0 ? Math.min(1, (shared + echoed) / target.weight) : 0;
  // Same wording implies most terms shared, so the word-level check is only run when they are.
  const namesOnly =
    (sharedContent < params.minSharedContentWeight ||
      (contentTerms < params.minSharedContentTerms && contentWords(query, target) < params.minSharedContentTerms)) &&
    !(pageCoverage >= SAME_WORDING_MIN_COVERAGE && sameWording(query, target, params.sameWordingShare));
  if (namesOnly) {
    return { score: 0, pageCoverage, corpusCoverage, namesOnly, rolesReversed: false, orderAgreement: 1 };
  }
  const orderAgreement = orderedShare(content, query.positions, target.positions);
  const rolesReversed =
    reversed(names, content, query.positions, target.positions, params.roleWindow) ||
    agentsDiffer(content, query.agents, target.agents);
  const lambda = params.pageCoverageExponent;
  let score = Math.pow(pageCoverage, lambda) * Math.pow(corpusCoverage, 1 - lambda);
  score *= 1 - params.orderWeight + params.orderWeight * orderAgreement;
  if (rolesReversed) score *= params.roleReversalFactor;
  return { score: Math.min(1, score), pageCoverage, corpusCoverage, namesOnly, rolesReversed, orderAgreement };
}

/**
 * A ceiling on `similarity(query, target, params).score`, for a fraction of its cost: the same
 * coverages, summed in the same order (so the same floating-point values), times the largest the
 * order and role factors can be. The matcher scores in full only the candidates whose ceiling
 * reaches its threshold; on a typical page that is about 1 in 80 (most candidates share a name or
 * two and nothing else), and the answers are the same as scoring them all.
 */
export function scoreBound(query: Query, target: Target, params: MatchParams): number {
  let shared = 0;
  let echoed = 0;
  for (const [term, w] of query.weights) {
    if (!target.positions.has(term)) {
      const e = target.echo.get(term);
      if (e !== undefined && !query.names.has(term)) echoed += w * params.pointEchoWeight;
      continue;
    }
    shared += w;
  }
  return scoreCeiling(shared + echoed, query, target.weight, params);
}

/**
 * The highest score a pair can get when the weight it shares (echoes included) is at most
 * `sharedWeight`: coverages from that weight, the order and role factors at their largest.
 * `targetWeight`: the corpus sentence's weight (Target.weight).
 */
export function scoreCeiling(sharedWeight: number, query: Query, targetWeight: number, params: MatchParams): number {
  const lambda = params.pageCoverageExponent;
  // Outside [0, 1] the score is not increasing in both coverages: no ceiling short of 1.
  if (!(lambda >= 0 && lambda <= 1)) return 1;
  const pageCoverage = query.weight > 0 ? Math.min(1, sharedWeight / query.weight) : 0;
  const corpusCoverage = targetWeight > 0 ? Math.min(1, sharedWeight / targetWeight) : 0;
  const base = Math.pow(pageCoverage, lambda) * Math.pow(corpusCoverage, 1 - lambda);
  // The margin covers rounding: weights summed in another order, and similarity's factors
  // (1 − w + w · 1 may round above 1).
  return Math.min(1, base * Math.max(1, 1 - params.orderWeight) * Math.max(1, params.roleReversalFactor) * BOUND_MARGIN);
}

/**
 * Distinct page words whose terms are shared content (names aside): a lexicon family folds
 * "constructive and helpful" onto one term, but the page said two things about the names.
 * Only reached for pairs with fewer shared content terms than the names-only rule asks for.
 */
function contentWords(query: Query, target: Target): number {
  const words = new Set<string>();
  for (const t of query.analysis.terms) {
    if (!query.names.has(t.term) && target.positions.has(t.term)) words.add(query.analysis.words[t.pos] ?? '');
  }
  return words.size;
}

/**
 * Whether most of the page sentence's words appear, in order, in the corpus sentence: a quote
 * repeated word for word ("the French, the British, the Germans were very constructive") is the
 * same point even when what it shares is mostly names. O(|a|·|b|) words, and only reached for pairs
 * the names-only rule would drop.
 */
function sameWording(query: Query, target: Target, share: number): boolean {
  const words = query.analysis.words;
  if (words.length === 0) return false;
  return commonSubsequence(words, target.analysis.words) / words.length >= share;
}

/**
 * Share of `terms` in the longest run that keeps the same order in both sentences (1 when fewer
 * than 2; 0 when no two keep it): the longest increasing subsequence of their positions in `b`,
 * taken in their order in `a`. A phrase moved as a block ("high-level talks on Thursday" / "Thursday's talks were the first
 * high-level ones") keeps its words in order and costs only the words that moved, where counting
 * discordant pairs charged every pair across the block. O(n²) in the shared content terms (a handful).
 * Measured against the pair count it replaced: see orderWeight in params.ts.
 */
function orderedShare(terms: readonly string[], a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  if (terms.length < 2) return 1;
  const inB = [...terms].sort((x, y) => (a.get(x) ?? 0) - (a.get(y) ?? 0)).map((t) => b.get(t) ?? 0);
  // run[i]: length of the longest increasing run of positions ending at i.
  const run: number[] = [];
  let longest = 0;
  for (let i = 0; i < inB.length; i++) {
    let before = 0;
    for (let j = 0; j < i; j++) if (inB[j]! < inB[i]! && run[j]! > before) before = run[j]!;
    run.push(before + 1);
    longest = Math.max(longest, before + 1);
  }
  // One term alone is no run: when no two shared terms keep their order, nothing agrees (a pair
  // reversed, "sets a deadline" / "the deadline it set", scores 0 as before, not half).
  return longest < 2 ? 0 : longest / terms.length;
}

/**
 * Whether two shared names sit on opposite sides of a shared content term, in opposite order, in
 * the two sentences, each within `window` words of it: X … verb … Y against Y … verb … X.
 */
function reversed(
  names: readonly string[],
  content: readonly string[],
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  window: number,
): boolean {
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const x = names[i] ?? '';
      const y = names[j] ?? '';
      const ax = a.get(x) ?? 0;
      const ay = a.get(y) ?? 0;
      const bx = b.get(x) ?? 0;
      const by = b.get(y) ?? 0;
      if (Math.sign(ax - ay) === Math.sign(bx - by)) continue;
      for (const v of content) {
        const av = a.get(v) ?? 0;
        const bv = b.get(v) ?? 0;
        if (between(av, ax, ay, window) && between(bv, bx, by, window)) return true;
      }
    }
  }
  return false;
}

/**
 * Whether the shared content terms that have an actor (a country or government) just before them
 * on both sides all have different actors there: "Russia could walk away" against "the U.S. will
 * withdraw". One term whose actors agree (coordinated actors count each) is enough to keep the pair.
 */
function agentsDiffer(
  content: readonly string[],
  a: ReadonlyMap<string, readonly string[]>,
  b: ReadonlyMap<string, readonly string[]>,
): boolean {
  let differ = 0;
  for (const v of content) {
    const x = a.get(v);
    const y = b.get(v);
    if (x === undefined || y === undefined) continue;
    if (x.some((actor) => y.includes(actor))) return false;
    differ++;
  }
  return differ > 0;
}

/** Whether v lies strictly between p and q, and neither is more than `window` words from it. */
function between(v: number, p: number, q: number, window: number): boolean {
  if (Math.abs(v - p) > window || Math.abs(v - q) > window) return false;
  return (p < v && v < q) || (q < v && v < p);
}
