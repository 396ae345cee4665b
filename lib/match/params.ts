/**
 * Every number that tunes matching, in one place, each with the reason for its value and the
 * evaluation that chose it. Rerun the evaluation with `npm run eval` (tuning looks at the dev split
 * only; the held-out test split is reported, never tuned on). Figures quoted below are from the
 * runs named, on the dev split, unless they say otherwise.
 */
export interface MatchParams {
  // --- Fuzzy vocabulary (lib/match/vocabulary.ts) -----------------------------------------------
  /** Shortest capitalized page word (a name, most likely) looked up fuzzily. */
  fuzzyMinLength: number;
  /** Shortest lowercase page word looked up fuzzily. */
  fuzzyMinLengthLowercase: number;
  /** Fuse.js threshold for candidates (verified afterwards by edit distance). */
  fuzzyFuseThreshold: number;
  /** Word length from which two edits (not one) still count as a spelling variant. */
  fuzzyTwoEditLength: number;
  /** Cached word mappings before the cache starts over. */
  fuzzyCacheSize: number;

  // --- Term weights --------------------------------------------------------------------------------
  /** Weight of a term that names someone, relative to its rarity weight. */
  nameWeight: number;
  /** Weight of a negation ("not", "no", "never"). */
  negationWeight: number;
  /** Largest rarity weight of any term. */
  maxTermWeight: number;
  /** Weight of a page word the corpus never uses (most are common English the corpus happens to lack). */
  unseenTermWeight: number;

  // --- Candidates (lib/match/corpus-index.ts) -----------------------------------------------------
  /** Terms in more than this share of corpus sentences are not used to find candidates. */
  candidateMaxDfShare: number;
  /** Postings read per sentence before further (common) terms only add to candidates already found. */
  candidatePostingsBudget: number;
  /** How many candidates, best first by shared weight, are scored in full. */
  candidateLimit: number;

  // --- Scoring (lib/match/similarity.ts) ------------------------------------------------------------
  /** Exponent of the page-side coverage in the score (the corpus side gets 1 − this). */
  pageCoverageExponent: number;
  /** Least weight of shared terms that are not names: below it, shared names are all there is. */
  minSharedContentWeight: number;
  /** Least number of shared content (non-name) terms. */
  minSharedContentTerms: number;
  /** Factor applied when the same actors swap places around the same verb (roles reversed). */
  roleReversalFactor: number;
  /** Words before a verb within which a country or government counts as the one acting. */
  agentWindow: number;
  /** Share of the score that depends on the order of shared content terms agreeing. */
  orderWeight: number;
  /** Share of normalized words in common (in order) from which a match is 'verbatim'. */
  verbatimRatio: number;
  /** Share of the quote's content terms in common from which a same-speaker match is a 'quote'. */
  quoteOverlap: number;

  // --- Decisions ------------------------------------------------------------------------------------
  /** Score from which a corpus sentence is a match. */
  matchThreshold: number;
  /** Score from which a corpus sentence is a match on a page the gate found on the story. */
  onStoryMatchThreshold: number;
  /** Further matches of one page sentence must score at least this share of its best match. */
  relativeMatchFloor: number;
  /** Most matches listed for one page sentence. */
  maxMatchesPerSentence: number;

  // --- Points (lib/corpus/points.ts) ------------------------------------------------------------------
  /** Similarity from which two sentences of different articles may state one point. */
  pointThreshold: number;
  /** Least average similarity between all members of two groups for them to become one point. */
  pointLinkage: number;

  // --- Page gate (lib/match/story-gate.ts) --------------------------------------------------------
  /** Evidence (noisy-or of the best distinct points' scores) from which a page is on the story. */
  storyThreshold: number;
  /** How many distinct points, at most, add to the evidence. */
  storyEvidencePoints: number;
}

export const DEFAULT_PARAMS: Readonly<MatchParams> = {
  fuzzyMinLength: 4,
  fuzzyMinLengthLowercase: 6,
  fuzzyFuseThreshold: 0.5,
  fuzzyTwoEditLength: 8,
  fuzzyCacheSize: 50_000,

  nameWeight: 0.7,
  negationWeight: 0.5,
  maxTermWeight: 4,
  unseenTermWeight: 2.5,

  candidateMaxDfShare: 0.25,
  candidatePostingsBudget: 2000,
  candidateLimit: 24,

  pageCoverageExponent: 0.5,
  minSharedContentWeight: 2.5,
  minSharedContentTerms: 2,
  roleReversalFactor: 0.3,
  agentWindow: 4,
  orderWeight: 0.2,
  verbatimRatio: 0.9,
  quoteOverlap: 0.5,

  matchThreshold: 0.35,
  onStoryMatchThreshold: 0.35,
  relativeMatchFloor: 0.6,
  maxMatchesPerSentence: 8,

  pointThreshold: 0.35,
  pointLinkage: 0.25,

  storyThreshold: 0.8,
  storyEvidencePoints: 3,
};
