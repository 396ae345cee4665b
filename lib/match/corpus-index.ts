/**
 * The index the matcher searches: every article sentence of the corpus (furniture left out),
 * analyzed once into weighted terms, with an inverted index from term to sentences.
 *
 * Weights are rarity weights over corpus sentences (a BM25-style idf, capped): a term found in
 * many sentences ("Rubio", "peace") tells sentences apart less than one found in few ("Lavrov",
 * "minerals"). Candidates for a page sentence come from the postings of its terms, rarest first,
 * skipping terms so common that their postings would cost more than they tell.
 *
 * Echoes: each point (lib/corpus/points.ts) is stated by several outlets in different words, so a
 * corpus sentence also carries, at a discount (`pointEchoWeight`), the terms its point's other
 * outlets use and it does not ("move on" beside "walk away"). A page sentence worded like one
 * outlet then finds every outlet's wording of the point. The echo only adds evidence to what the
 * sentence's own words already share (see similarity.ts); it never makes a target of its own.
 */
import type { Corpus, Point, Sentence } from '../types';
import type { MatchParams } from './params';
import { analyze, capitalizedMidSentence, isTitleCase, NEGATION_TERM, stem, type AnalyzedText, type Term, type WordResolver } from './terms';
import { tokenize } from '../text/normalize';
import { Vocabulary } from './vocabulary';
import { ACTOR_CONCEPTS, CAPITALIZED_COMMON, CIRCUMSTANCE, MONTHS, TITLES } from './lexicon';
import { StemFamilies } from './morphology';
import { scoreBound } from './similarity';

/** A corpus sentence ready for scoring. */
export interface Target {
  sentence: Sentence;
  analysis: AnalyzedText;
  /** Unique terms with their first position. */
  positions: Map<string, number>;
  /** Term → the actors (countries, governments) right before its first occurrence, if any. */
  agents: Map<string, string[]>;
  /** Sum of the weights of its unique terms (its setting's at `settingWeight`). */
  weight: number;
  /** Terms found only in its opening setting clause (terms.ts, settingEnd). */
  setting: Set<string>;
  /**
   * Terms its point's sentences from other articles use and it does not, each with its weight
   * already discounted by `pointEchoWeight` (empty when the point has one outlet, or no points).
   */
  echo: Map<string, number>;
}

/** A page sentence ready for scoring. */
export interface Query {
  analysis: AnalyzedText;
  positions: Map<string, number>;
  agents: Map<string, string[]>;
  /** Terms that are names here: the page shows them so (capitalized mid-sentence) or the corpus does. */
  names: Set<string>;
  /** Each unique term's weight, names and setting discounted. */
  weights: Map<string, number>;
  /** Terms found only in its opening setting clause. */
  setting: Set<string>;
  weight: number;
}

/** Name terms that say who someone is or when, not who: titles, days, months, capitalized common words. */
const NOT_ACTORS: ReadonlySet<string> = new Set([...TITLES, ...CIRCUMSTANCE, ...MONTHS, ...CAPITALIZED_COMMON].map(stem));
// Reading a posting (a typed-array read) costs a fraction of looking a touched target up (in a
// bit set): a term's postings are walked instead of the touched targets up to this many per target.
const POSTINGS_PER_PROBE = 4;
// A corpus word is a name when most of its mid-sentence occurrences are capitalized.
const NAME_MAJORITY = 0.5;

/** What a corpus index is built from: the corpus's sentences (furniture is left out) and points. */
export type IndexSource = Pick<Corpus, 'sentences'> & Partial<Pick<Corpus, 'points'>>;

/**
 * What an index is made of: everything that takes text analysis (or a pass over every sentence)
 * to compute, and nothing derived from it cheaply. A built index has them from the corpus; a
 * stored one (lib/match/index-store.ts) from IndexedDB, with its targets decoded when first read.
 * Every order here is the order of the build, which matching depends on for its ties.
 */
export interface IndexParts {
  /** Article sentences in corpus order, furniture left out. */
  targets: Target[];
  /** Term → indices of the targets holding it, ascending; terms in order of first appearance. */
  postings: Map<string, number[]>;
  /** Term → rarity weight. */
  weights: TermWeights;
  /** Terms that are names in the corpus. */
  nameTerms: Set<string>;
  /** Term → indices of the targets holding it only as an echo. */
  echoPostings: Map<string, number[]>;
  /** The corpus's words in order of first appearance (what the vocabulary resolves page words to). */
  words: Set<string>;
  /** Words the corpus capitalizes mid-sentence more often than not. */
  nameWords: Set<string>;
  /** Stems of `words`. */
  wordStems: Set<string>;
  /**
   * `scoreBound(query, targets[i])` computed without reading the target's analysis, when the parts
   * have a cheaper way than the target's own maps (a stored index, whose targets are decoded when
   * read: lib/match/index-store.ts). Must give the same value.
   */
  bound?: (query: Query, i: number) => number;
}

/** What the index asks of its term weights: a built index has a map, a stored one its array. */
export type TermWeights = Pick<ReadonlyMap<string, number>, 'get'>;

export class CorpusIndex {
  readonly targets: Target[] = [];
  /**
   * Each target's weight (Target.weight), by index: the score ceiling reads it for every candidate
   * a page sentence finds, and from an array the reads stay off the targets themselves (scattered
   * over the heap: a cache miss each in a large corpus).
   */
  readonly targetWeights: Float64Array;
  readonly vocabulary: Vocabulary;
  /** Terms that are names in the corpus. */
  readonly nameTerms = new Set<string>();
  private readonly postings = new Map<string, number[]>();
  private readonly weights: TermWeights;
  private readonly bound: ((query: Query, i: number) => number) | undefined;
  private readonly unseenWeight: number;
  private readonly resolver: WordResolver;
  private readonly words: Set<string>;
  private readonly nameWords: Set<string>;
  private readonly wordStems: Set<string>;
  // Reused accumulators: candidate search allocates nothing per sentence.
  private readonly shared: Float64Array;
  private readonly touched: number[] = [];
  /** Query-time only: the targets holding a common term (or its echo), as bits, by term. */
  private readonly holderBits = new Map<string, Uint32Array>();
  /** How many times each target is in `touched` (once, unless weights of 0 touched it again). */
  private touchedTimes = new Uint32Array(0);

  /** Term → targets that hold it only as an echo. */
  private readonly echoPostings = new Map<string, number[]>();

  /**
   * From a corpus: every sentence analyzed (linear in the corpus's words; 29 ms for the seeds, some
   * 3 s for a corpus 100× larger). From parts (a stored index): no text is analyzed, only the
   * vocabulary's buckets and the stem families are laid out.
   */
  constructor(
    source: IndexSource | IndexParts,
    private readonly params: MatchParams,
  ) {
    this.unseenWeight = params.unseenTermWeight;
    if ('postings' in source) {
      this.targets = source.targets;
      this.postings = source.postings;
      this.weights = source.weights;
      this.nameTerms = source.nameTerms;
      this.echoPostings = source.echoPostings;
      this.words = source.words;
      this.nameWords = source.nameWords;
      this.wordStems = source.wordStems;
      this.bound = source.bound;
    } else {
      const weights = new Map<string, number>();
      this.weights = weights;
      const corpus = source;
      const sentences = corpus.sentences.filter((s) => s.role !== 'furniture');
      const nameWords = learnNames(sentences);
      const corpusResolver: WordResolver = { resolve: (w) => w, isName: (w) => nameWords.has(w) };
      const words = new Set<string>();
      for (const sentence of sentences) {
        const analysis = analyze(sentence.text, corpusResolver);
        for (const w of analysis.words) words.add(w);
        const positions = firstPositions(analysis.terms);
        for (const t of analysis.terms) if (t.name) this.nameTerms.add(t.term);
        const index = this.targets.length;
        for (const term of positions.keys()) {
          let list = this.postings.get(term);
          if (list === undefined) this.postings.set(term, (list = []));
          list.push(index);
        }
        this.targets.push({
          sentence,
          analysis,
          positions,
          agents: agentsOf(analysis.terms, params.agentWindow),
          weight: 0,
          setting: settingTerms(analysis.terms),
          echo: new Map(),
        });
      }
      const n = this.targets.length;
      for (const [term, list] of this.postings) weights.set(term, this.rarity(list.length, n));
      for (const target of this.targets) target.weight = this.sumWeights(target.positions.keys(), this.nameTerms, target.setting);
      if (params.pointEchoWeight > 0) this.addEchoes(corpus.points ?? []);
      this.words = words;
      this.nameWords = nameWords;
      // Stems of the corpus's words, whatever became of them in analysis: an inflection of a corpus
      // word ("remained" beside "remains") is that word, not a spelling variant of another ("remind").
      this.wordStems = new Set([...words].map(stem));
    }
    this.targetWeights = Float64Array.from(this.targets, (t) => t.weight);
    const { nameWords, wordStems } = this;
    this.vocabulary = new Vocabulary(this.words, params, nameWords);
    const families = new StemFamilies(new Set([...this.postings.keys()].filter((t) => !t.startsWith('@'))), params.fuzzyCacheSize);
    this.resolver = {
      resolve: (w, nameLike) => (wordStems.has(stem(w)) ? w : this.vocabulary.resolve(w, nameLike)),
      isName: (w) => nameWords.has(w),
      family: (s) => families.resolve(s),
    };
    this.shared = new Float64Array(this.targets.length);
  }

  /** What this index is made of, for storing it (lib/match/index-store.ts). */
  parts(): IndexParts {
    const { targets, postings, weights, nameTerms, echoPostings, words, nameWords, wordStems } = this;
    return { targets, postings, weights, nameTerms, echoPostings, words, nameWords, wordStems };
  }

  get size(): number {
    return this.targets.length;
  }

  /**
   * A ceiling on the score of target i against `query` (similarity.ts, scoreBound): from the
   * target's own maps, or from the stored index's arrays when it was loaded (no decoding).
   */
  scoreBound(query: Query, i: number): number {
    if (this.bound !== undefined) return this.bound(query, i);
    const target = this.targets[i];
    return target === undefined ? 0 : scoreBound(query, target, this.params);
  }

  /**
   * The story's actors: the names (people, places, countries, capitals: not titles, days, months or
   * years) that at least `share` of the corpus's articles use. One pass over the targets' terms.
   */
  storyNames(share: number): Set<string> {
    const articlesOf = new Map<string, Set<string>>();
    const articles = new Set<string>();
    for (const target of this.targets) {
      articles.add(target.sentence.articleId);
      for (const term of target.positions.keys()) {
        const actor = ACTOR_CONCEPTS.has(term) || (this.nameTerms.has(term) && !NOT_ACTORS.has(term) && !/^\d+$/u.test(term));
        if (actor) (articlesOf.get(term) ?? articlesOf.set(term, new Set()).get(term)!).add(target.sentence.articleId);
      }
    }
    const least = Math.max(2, share * articles.size);
    return new Set([...articlesOf].filter(([, used]) => used.size >= least).map(([term]) => term));
  }

  /** Analyze a page sentence against this corpus's vocabulary. */
  query(text: string): Query {
    const analysis = analyze(text, this.resolver);
    const positions = firstPositions(analysis.terms);
    const names = new Set<string>();
    for (const t of analysis.terms) if (t.name || this.nameTerms.has(t.term)) names.add(t.term);
    const weights = new Map<string, number>();
    const setting = settingTerms(analysis.terms);
    let weight = 0;
    for (const term of positions.keys()) {
      const w = this.weightOf(term, names.has(term)) * (setting.has(term) ? this.params.settingWeight : 1);
      weights.set(term, w);
      weight += w;
    }
    return { analysis, positions, agents: agentsOf(analysis.terms, this.params.agentWindow), names, weights, weight, setting };
  }

  /**
   * The part of a page sentence from word `from` to word `to` (exclusive) as a query of its own:
   * its terms, with the weights they have in the whole sentence. No new analysis: linear in the
   * sentence's terms.
   */
  clauseQuery(query: Query, from: number, to: number): Query {
    const terms = query.analysis.terms.filter((t) => t.pos >= from && t.pos < to);
    const positions = firstPositions(terms);
    const weights = new Map<string, number>();
    let weight = 0;
    for (const term of positions.keys()) {
      const w = query.weights.get(term) ?? 0;
      weights.set(term, w);
      weight += w;
    }
    return {
      analysis: { words: query.analysis.words, terms, breaks: [] },
      positions,
      agents: agentsOf(terms, this.params.agentWindow),
      names: query.names,
      weights,
      weight,
      setting: query.setting,
    };
  }

  /** Weight of one term, given whether it is a name in this comparison. */
  weightOf(term: string, name: boolean): number {
    if (term === NEGATION_TERM) return this.params.negationWeight;
    const w = this.weights.get(term) ?? this.unseenWeight;
    return name ? w * this.params.nameWeight : w;
  }

  /**
   * Indices of the targets sharing the most weight with the query, best first, at most
   * `candidateLimit`. Terms are taken rarest first; their postings are walked until
   * `candidatePostingsBudget` entries have been read, after which a term only adds to the
   * candidates already found (probing each one's terms) instead of walking its long list. So the
   * cost per sentence is bounded whatever the corpus size: a corpus 100× larger does not cost
   * 100× the time, and rare terms, which tell most, always find their sentences.
   */
  candidates(query: Query): number[] {
    return this.rankedCandidates(query).found.map((f) => f.i);
  }

  /**
   * `candidates` with what the search learned on the way: each candidate's accumulated shared
   * weight `w`, and `unwalked`, the weight of the query's terms that were not added to every
   * candidate holding them (too common to walk, or probed before the candidate was found). A
   * candidate's shared weight in `similarity` (echoes included) is at most `w + unwalked`, up to
   * rounding: a ceiling that costs nothing more to know.
   */
  rankedCandidates(query: Query): { found: { i: number; w: number }[]; unwalked: number } {
    const n = this.targets.length;
    // Sized here rather than in the constructor: query-time state, whichever way the index was made.
    if (this.touchedTimes.length !== n) this.touchedTimes = new Uint32Array(n);
    let unwalked = 0;
    const maxDf = Math.max(1, Math.floor(this.params.candidateMaxDfShare * n));
    const terms: { term: string; list: number[]; w: number }[] = [];
    for (const [term, w] of query.weights) {
      const list = this.postings.get(term);
      if (list !== undefined && list.length <= maxDf) terms.push({ term, list, w });
      else if (list !== undefined) unwalked += w;
    }
    terms.sort(byPostings);
    let budget = this.params.candidatePostingsBudget;
    for (const { term, list, w } of terms) {
      if (list.length <= budget || this.touched.length === 0) {
        budget -= list.length;
        for (const i of list) {
          if (this.shared[i] === 0) this.touch(i);
          this.shared[i] = (this.shared[i] ?? 0) + w;
        }
      } else {
        unwalked += w;
        this.addToTouched(list, w, term);
      }
    }
    // Echoes add discounted weight, walked within what is left of the budget (else only onto the
    // candidates found), like the common terms above.
    for (const [term, w] of query.weights) {
      const list = this.echoPostings.get(term);
      if (list === undefined) continue;
      const echoW = w * this.params.pointEchoWeight;
      if (list.length <= budget || this.touched.length === 0) {
        budget -= list.length;
        for (const i of list) {
          if (this.shared[i] === 0) this.touch(i);
          this.shared[i] = (this.shared[i] ?? 0) + echoW;
        }
      } else {
        unwalked += echoW;
        this.addToTouched(list, echoW, `${term}\u0000echo`);
      }
    }
    const found = topCandidates(this.touched, this.shared, this.params.candidateLimit);
    for (const i of this.touched) {
      this.shared[i] = 0;
      this.touchedTimes[i] = 0;
    }
    this.touched.length = 0;
    return { found, unwalked };
  }

  private touch(i: number): void {
    this.touched.push(i);
    this.touchedTimes[i] = (this.touchedTimes[i] ?? 0) + 1;
  }

  /**
   * Add `w` to every touched target that holds a term (`list`: the term's postings), once per time
   * it was touched. In a large corpus a few hundred targets are touched and a common term has
   * thousands of postings: a list that is short beside them is walked (a typed-array read each);
   * a long one is turned once into a bit set of its targets (kept, query-time only: common terms
   * recur on every page), and the touched targets are looked up in it. Either replaces a map
   * lookup of the term in each touched target's terms. Bit sets are kept only for lists of at
   * least a full postings budget, so they take at most (all postings / budget) × targets / 8 bytes.
   */
  private addToTouched(list: readonly number[], w: number, key: string): void {
    if (list.length <= this.touched.length * POSTINGS_PER_PROBE || list.length < this.params.candidatePostingsBudget) {
      for (const i of list) for (let k = this.touchedTimes[i] ?? 0; k > 0; k--) this.shared[i] = (this.shared[i] ?? 0) + w;
      return;
    }
    let bits = this.holderBits.get(key);
    if (bits === undefined) {
      bits = new Uint32Array((this.targets.length >>> 5) + 1);
      for (const i of list) bits[i >>> 5] = (bits[i >>> 5] ?? 0) | (1 << (i & 31));
      this.holderBits.set(key, bits);
    }
    for (const i of this.touched) if ((((bits[i >>> 5] ?? 0) >>> (i & 31)) & 1) === 1) this.shared[i] = (this.shared[i] ?? 0) + w;
  }

  /**
   * Each target's echo: the content terms (names aside: who is named is not how it is worded) of
   * its point's members from other articles, at `pointEchoWeight` of their weight.
   * Cost: the sum over points of members × their terms.
   */
  private addEchoes(points: readonly Pick<Point, 'sentenceIds'>[]): void {
    const at = new Map(this.targets.map((t, i) => [t.sentence.id, i]));
    for (const point of points) {
      const members = point.sentenceIds.map((id) => at.get(id)).filter((i): i is number => i !== undefined);
      if (members.length < 2) continue;
      for (const i of members) {
        const target = this.targets[i]!;
        for (const j of members) {
          const mate = this.targets[j]!;
          if (mate.sentence.articleId === target.sentence.articleId) continue;
          for (const term of mate.positions.keys()) {
            if (target.positions.has(term) || target.echo.has(term) || this.nameTerms.has(term) || term === NEGATION_TERM) continue;
            if (mate.analysis.terms.some((t) => t.term === term && t.name)) continue;
            target.echo.set(term, this.weightOf(term, false) * this.params.pointEchoWeight);
            let list = this.echoPostings.get(term);
            if (list === undefined) this.echoPostings.set(term, (list = []));
            list.push(i);
          }
        }
      }
    }
  }

  private rarity(df: number, n: number): number {
    return Math.min(this.params.maxTermWeight, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }

  private sumWeights(terms: Iterable<string>, names: ReadonlySet<string>, setting: ReadonlySet<string>): number {
    let sum = 0;
    for (const t of terms) sum += this.weightOf(t, names.has(t) || this.nameTerms.has(t)) * (setting.has(t) ? this.params.settingWeight : 1);
    return sum;
  }
}

/**
 * For each term, the actors (countries, governments) at most `window` words before its first
 * occurrence: usually one ("the U.S. will withdraw"), two when they are coordinated ("neither Russia
 * nor Ukraine is engaging").
 */
export function agentsOf(terms: readonly Term[], window: number): Map<string, string[]> {
  const agents = new Map<string, string[]>();
  const actors: Term[] = [];
  for (const t of terms) {
    if (ACTOR_CONCEPTS.has(t.term)) {
      actors.push(t);
      continue;
    }
    if (actors.length === 0 || agents.has(t.term)) continue;
    const near = actors.filter((a) => t.pos - a.pos <= window).map((a) => a.term);
    if (near.length > 0) agents.set(t.term, near);
  }
  return agents;
}

/**
 * The `limit` touched targets with the most shared weight, best first (ties: lower index first),
 * as sorting them all and keeping the first `limit` would give. A page sentence touches up to
 * hundreds of targets in a large corpus and keeps a couple of dozen: selection into a short
 * sorted list does not sort the rest.
 */
function topCandidates(touched: readonly number[], shared: Float64Array, limit: number): { i: number; w: number }[] {
  if (!(limit >= 1) || touched.length <= limit) {
    const all = touched.map((i) => ({ i, w: shared[i] ?? 0 }));
    all.sort(byWeightThenIndex);
    return all.slice(0, limit);
  }
  const top: { i: number; w: number }[] = [];
  for (const i of touched) {
    const w = shared[i] ?? 0;
    const last = top[top.length - 1];
    if (top.length === limit && last !== undefined && !ranksBefore(i, w, last)) continue;
    let at = top.length;
    while (at > 0 && ranksBefore(i, w, top[at - 1]!)) at--;
    top.splice(at, 0, { i, w });
    if (top.length > limit) top.pop();
  }
  return top;
}

function byPostings(a: { list: readonly number[] }, b: { list: readonly number[] }): number {
  return a.list.length - b.list.length;
}

/** Candidates' order: more shared weight first, then lower index. */
function byWeightThenIndex(a: { i: number; w: number }, b: { i: number; w: number }): number {
  return b.w - a.w || a.i - b.i;
}

function ranksBefore(i: number, w: number, other: { i: number; w: number }): boolean {
  return w > other.w || (w === other.w && i < other.i);
}

/** Terms every occurrence of which lies in the sentence's opening setting clause. */
export function settingTerms(terms: readonly Term[]): Set<string> {
  const setting = new Set<string>();
  // Most sentences open without a setting clause: nothing to collect.
  if (!terms.some((t) => t.setting === true)) return setting;
  const elsewhere = new Set<string>();
  for (const t of terms) (t.setting === true ? setting : elsewhere).add(t.term);
  for (const t of elsewhere) setting.delete(t);
  return setting;
}

export function firstPositions(terms: readonly Term[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (const t of terms) if (!positions.has(t.term)) positions.set(t.term, t.pos);
  return positions;
}

/** Words the corpus capitalizes mid-sentence more often than not: its names. */
export function learnNames(sentences: readonly Sentence[]): Set<string> {
  const capitalized = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const s of sentences) {
    const tokens = tokenize(s.text);
    if (isTitleCase(s.text, tokens)) continue;
    for (let i = 1; i < tokens.length; i++) {
      const w = tokens[i]?.norm ?? '';
      seen.set(w, (seen.get(w) ?? 0) + 1);
      if (capitalizedMidSentence(s.text, tokens, i)) capitalized.set(w, (capitalized.get(w) ?? 0) + 1);
    }
  }
  const names = new Set<string>();
  for (const [w, c] of capitalized) if (c / (seen.get(w) ?? 1) > NAME_MAJORITY) names.add(w);
  return names;
}
