/**
 * The matcher: given a page, decide whether it is about the story, which of its sentences are,
 * and which corpus sentences state the same point as each, best first.
 *
 * Per page sentence: analyze it into terms (lib/match/terms.ts) with its words mapped onto the
 * corpus vocabulary (lib/match/vocabulary.ts), take candidates from the inverted index
 * (lib/match/corpus-index.ts), score each candidate (lib/match/similarity.ts), keep those above
 * the threshold. Cost per sentence: its terms' postings plus a fixed number of full scorings, so
 * a page costs time linear in its length and grows slowly with the corpus.
 */
import { storyKeywords, type StoryKeywords } from './story-keywords';
import type { Corpus, Match, PageVerdict, Quote, SentenceResult } from '../types';
import { closedQuotations, extractQuotes } from '../text/quotes';
import { splitSentences } from '../text/segment';
import { tokenize } from '../text/normalize';
import { CorpusIndex, type Query, type Target } from './corpus-index';
import { loadIndex, serializeIndex, serializeIndexInSlices, type StoredIndex } from './index-store';
import { commonSubsequence, kindSide, matchKind, sameSpeaker, wordsFoundIn, type KindSide } from './kind';
import { DEFAULT_PARAMS, pageMatchThreshold, type MatchParams } from './params';
import { scoreCeiling, similarity } from './similarity';
import { judgeStory, storyProfile, type StoryProfile } from './story-gate';
import { isSectionLabel } from '../text/roles';
import { DETERMINERS } from './lexicon';
import { NEGATION_TERM } from './terms';

const QUOTE_MARK = /["“”‘’«»„]|'(?!\p{L})|(?<!\p{L})'/u;

/** How a page sentence's quotes (with speakers) are found. */
export type QuoteFinder = (sentence: string) => Quote[];

/** The text layer's extractor, on the sentence alone (a page gives no paragraphs to resolve "he"). */
export const sentenceQuotes: QuoteFinder = (sentence) =>
  extractQuotes(sentence, [{ text: sentence, start: 0, end: sentence.length }])[0] ?? [];

/** A corpus sentence's quotation, as a page sentence may repeat it: its words and where they lie. */
interface CorpusQuote {
  /** The target (index among the index's targets) whose sentence carries it. */
  target: number;
  /** Its normalized words, as analysis reads them. */
  words: readonly string[];
  /** Its first word's index among its sentence's words. */
  from: number;
  speaker: string | null;
  /** Whether it says enough alone (saysEnough); null until first asked. */
  saysEnough: boolean | null;
}

/** What a matcher is built from. */
export type MatcherCorpus = Pick<Corpus, 'articles' | 'sentences'> & Partial<Pick<Corpus, 'points'>>;

export class Matcher {
  readonly params: Readonly<MatchParams>;
  private readonly index: CorpusIndex;
  private readonly pointOf = new Map<string, string>();
  private readonly articles: Map<string, Corpus['articles'][number]>;
  private readonly claims = new WeakMap<Target, KindSide>();
  /**
   * Corpus sentences that are section labels ("Demands and Sanctions": a heading that names a topic
   * and states nothing; lib/text/roles.ts). They stay in the index (its words and their rarity are
   * the corpus's), but are never a match: a label fully covered by a few words of a long sentence
   * scored like a statement of it, and the points grouping gives labels no point either.
   */
  private readonly labels: ReadonlySet<string>;
  /** What the page gate knows of the story: its points' centrality, its core, its days. */
  readonly story: StoryProfile;
  private derivedKeywords: StoryKeywords | null = null;
  /** The corpus's quotations of at least quoteRepeatMinWords words, by first word, on first need. */
  private corpusQuotes: Map<string, CorpusQuote[]> | null = null;
  /** The names most of the story's articles use (namesStoryActors), on first need. */
  private storyActors: ReadonlySet<string> | null = null;

  private constructor(
    private readonly corpus: MatcherCorpus,
    params: MatchParams,
    private readonly findQuotes: QuoteFinder,
    index?: CorpusIndex,
  ) {
    this.params = params;
    this.index = index ?? new CorpusIndex(corpus, params);
    this.articles = new Map(corpus.articles.map((a) => [a.id, a]));
    for (const point of corpus.points ?? []) for (const id of point.sentenceIds) this.pointOf.set(id, point.id);
    this.labels = new Set(corpus.sentences.filter((s) => s.role === 'heading' && isSectionLabel(s.text)).map((s) => s.id));
    this.story = storyProfile(corpus, params);
  }

  /**
   * The cheap pre-gate's keywords (pre-gate.ts), as the build derives them for the content script;
   * derived on first use (the CLI's gate), not on every wake of the background, which never asks.
   */
  get keywords(): StoryKeywords {
    return (this.derivedKeywords ??= storyKeywords(this.corpus, this.params));
  }

  /** Build the index over the corpus's article sentences (furniture is never a match target). */
  static fromCorpus(corpus: MatcherCorpus, params: Partial<MatchParams> = {}, findQuotes: QuoteFinder = sentenceQuotes): Matcher {
    return new Matcher(corpus, { ...DEFAULT_PARAMS, ...params }, findQuotes);
  }

  /**
   * The matcher of `corpus` with its index loaded from its stored form (lib/match/index-store.ts)
   * instead of built: no corpus text is analyzed. Throws a StaleIndexError when `stored` was not
   * built from this corpus with these parameters, or is damaged; `fromCorpus` is then the way.
   */
  static fromStoredIndex(
    corpus: MatcherCorpus,
    stored: unknown,
    params: Partial<MatchParams> = {},
    findQuotes: QuoteFinder = sentenceQuotes,
  ): Matcher {
    const full = { ...DEFAULT_PARAMS, ...params };
    return new Matcher(corpus, full, findQuotes, loadIndex(stored, corpus, full));
  }

  /** This matcher's index in its stored form, for `fromStoredIndex` on a later wake. */
  storedIndex(): StoredIndex {
    return serializeIndex(this.index, this.corpus, this.params);
  }

  /** `storedIndex` in slices that yield to other tasks (index-store.ts, serializeIndexInSlices). */
  storedIndexInSlices(sliceMs?: number, pause?: () => Promise<void>): Promise<StoredIndex> {
    return serializeIndexInSlices(this.index, this.corpus, this.params, sliceMs, pause);
  }

  /** Number of corpus sentences that can be matched. */
  get targetCount(): number {
    return this.index.size;
  }

  /**
   * (a) Is the page on the story, (b) which sentences are, (c) their matches, best first.
   * `published`: the page's publication date (ISO, lib/extract/published.ts), when it shows one.
   */
  scanPage(page: { title: string; sentences: readonly string[]; published?: string | null }): PageVerdict {
    const headline = normalizedHeadline(page.title);
    const headlineRepeats = new Set<number>();
    page.sentences.forEach((s, i) => {
      if (repeatsHeadline(s, headline)) headlineRepeats.add(i);
    });
    // On a page about the story a sentence is likelier to state one of its points, so once the
    // gate has spoken, a lower threshold applies there; lower still in the headline and lede,
    // where news copy states its story's main points (the inverted pyramid).
    const low = pageMatchThreshold(this.params);
    const lede = ledeOf(page.sentences.length, headlineRepeats, this.params.ledeMatchSentences);
    const ledeThreshold = Math.min(low, this.params.ledeMatchThreshold);
    // A question states nothing: the lede's prior is for its statements.
    const threshold = (text: string, index: number) => (lede.has(index) && !isQuestion(text) ? ledeThreshold : low);
    const results = page.sentences.map((text, index) => this.result(text, index, threshold(text, index)));
    const titleQuery = page.title.trim() === '' ? null : this.index.query(page.title);
    const title = titleQuery === null ? [] : this.matchQuery(page.title, titleQuery, this.params.matchThreshold);
    const confident = results.map((r) => r.matches.filter((m) => m.score >= this.params.matchThreshold));
    const headlineNamesActors = () => titleQuery !== null && this.namesStoryActors(titleQuery);
    const gate = judgeStory(
      { title, sentences: confident, headlineRepeats, published: page.published ?? null, headlineNamesActors },
      this.story,
      this.params,
    );
    const onStory = gate.onStory;
    return {
      onStory,
      storyScore: gate.evidence,
      sentences: onStory ? results.filter((r) => r.matches.length > 0) : [],
    };
  }

  /**
   * Whether a headline names the story's actors: at least `storyHeadlineNames` of the names (people,
   * places, countries and their capitals) that `storyCoreShare` of the corpus's articles use. The
   * actors are gathered on the first headline that needs them (one pass over the index's terms).
   */
  private namesStoryActors(headline: Query): boolean {
    const actors = (this.storyActors ??= this.index.storyNames(this.params.storyCoreShare));
    let named = 0;
    for (const term of headline.positions.keys()) if (actors.has(term)) named++;
    return named >= this.params.storyHeadlineNames;
  }

  /** Selection lookup: split `text` into sentences and match each, whatever the page is about. */
  matchText(text: string): SentenceResult[] {
    return splitSentences(text)
      .map((s, index) => this.result(s.text, index))
      .filter((r) => r.matches.length > 0);
  }

  /** The corpus sentences that state the same point as `text`, best first (empty: none). */
  matchSentence(text: string, threshold = this.params.matchThreshold): Match[] {
    return this.matchQuery(text, this.index.query(text), threshold);
  }

  /** `matchSentence` of a text whose query is already built (the headline, which the gate reads twice). */
  private matchQuery(text: string, query: Query, threshold: number): Match[] {
    const scored = this.score(query, threshold, text);
    if (scored.length === 0) return [];
    const pageWords = query.analysis.words.map((w) => this.index.vocabulary.resolve(w));
    // Quote extraction is the costliest step of all; only sentences with matches and quotation
    // marks need it.
    const pageQuotes = QUOTE_MARK.test(text) ? this.findQuotes(text) : [];
    const page = kindSide(text, pageWords, pageQuotes);
    const kinds = scored.map(({ target }) => matchKind(page, this.claimOf(target), this.params));
    // The floor ranks other wordings against the best *other wording*: a verbatim copy (the page
    // is, or quotes, a corpus article) says where the text came from, and must not push every
    // other outlet's rewording of the point off the list.
    const best = scored.find((_, i) => kinds[i] !== 'verbatim') ?? scored[0]!;
    const floor = best.score * this.params.relativeMatchFloor;
    return scored
      .map((candidate, i) => ({ ...candidate, kind: kinds[i]! }))
      .filter((s) => s.kind === 'verbatim' || s.score >= floor)
      .slice(0, this.params.maxMatchesPerSentence)
      .map(({ target, score, kind }) => {
        const sentence = target.sentence;
        const article = this.articles.get(sentence.articleId);
        return {
          sentenceId: sentence.id,
          articleId: sentence.articleId,
          outlet: article?.outlet ?? sentence.articleId,
          file: article?.file ?? null,
          url: article?.url ?? null,
          text: sentence.text,
          score: round(score),
          kind,
          pointId: this.pointOf.get(sentence.id) ?? null,
        };
      });
  }

  /**
   * Every corpus sentence scoring at least `minScore` against `text`, best first, without the
   * relative floor or the cap of `matchSentence`: the raw similarities that grouping into points
   * (lib/corpus/points.ts) works from. `quotations`: a quotation's own score counts too, as in
   * `matchSentence` (grouping compares whole statements, so it leaves them out).
   */
  similarTo(text: string, minScore: number, options: { quotations?: boolean } = {}): { sentenceId: string; articleId: string; score: number }[] {
    return this.score(this.index.query(text), minScore, options.quotations === true ? text : undefined).map(({ target, score }) => ({
      sentenceId: target.sentence.id,
      articleId: target.sentence.articleId,
      score,
    }));
  }

  /**
   * The clauses of a long page sentence worth scoring alone: each run of one or two consecutive
   * clauses (analysis.breaks) of at least `clauseMinWords` words, the whole sentence aside. None for
   * a sentence shorter than `clauseSentenceWords`. At most twice the sentence's clauses.
   */
  private clausesOf(query: Query): Query[] {
    const words = query.analysis.words.length;
    if (words < this.params.clauseSentenceWords || query.analysis.breaks.length === 0) return [];
    const bounds = [0, ...query.analysis.breaks, words];
    const clauses: Query[] = [];
    for (let a = 0; a < bounds.length - 1; a++) {
      for (let b = a + 1; b <= Math.min(a + 2, bounds.length - 1); b++) {
        const from = bounds[a]!;
        const to = bounds[b]!;
        if (to - from < this.params.clauseMinWords || to - from === words) continue;
        const clause = this.index.clauseQuery(query, from, to);
        if (clause.positions.size > 0) clauses.push(clause);
      }
    }
    return clauses;
  }

  /** A corpus sentence's side of the kind check, computed once per target. */
  private claimOf(target: Target): KindSide {
    let side = this.claims.get(target);
    if (side === undefined) {
      side = kindSide(target.sentence.text, target.analysis.words, target.sentence.quotes);
      this.claims.set(target, side);
    }
    return side;
  }

  /**
   * The corpus sentences scoring at least `minScore` against the page sentence, best first. With
   * the sentence's `text`, a quotation in it is also scored alone (`scoreQuotes`).
   */
  private score(query: Query, minScore: number, text?: string): { target: Target; score: number }[] {
    const whole = this.scoreWhole(query, minScore);
    if (text === undefined || !QUOTE_MARK.test(text)) return whole;
    const quoted = this.scoreQuotes(text, query, minScore);
    if (quoted.length === 0) return whole;
    const best = new Map(whole.map((s) => [s.target, s.score]));
    for (const q of quoted) best.set(q.target, Math.max(best.get(q.target) ?? 0, q.score));
    return [...best].map(([target, score]) => ({ target, score })).sort(bestFirst);
  }

  /**
   * Outlets quote a speaker's own words, and wrap them in their own context ("After weeks of
   * failed efforts, Rubio said the administration wants to decide 'in a matter of days whether…'"):
   * the context dilutes the sentence's coverage of a corpus sentence carrying the same quote, and
   * may resemble another point's wording more. A quotation repeated word for word is evidence of
   * the same statement, not a mention: scored alone, it stands for the sentence against a corpus
   * sentence that
   *  - carries it: `sameWordingShare` of its words in order, as the names-only rule reads same
   *    wording (a quotation of at least `quoteMinWords` words), or
   *  - quotes part of it: the corpus sentence's own quotation (of at least `quoteRepeatMinWords`
   *    words, `quoteRepeatMinContent` distinct content words) lies word for word inside this one, and the
   *    speakers are not known to differ (`repeatedQuotes`). The other direction: the corpus sentence
   *    quotes a short phrase ("warned that there is 'no safe crossing' and asked for patience") and
   *    its other words dilute it.
   * A quotation that is the whole sentence adds nothing. Only sentences with quotation marks get
   * here; cost: one candidate search per quotation, and a lookup of its words among the corpus's
   * quotations' first words.
   */
  private scoreQuotes(text: string, query: Query, minScore: number): { target: Target; score: number }[] {
    const out: { target: Target; score: number }[] = [];
    const all = query.analysis.words;
    let pageQuotes: Quote[] | null = null;
    for (const quote of quotations(text)) {
      // The quotation's words, as a clause of the sentence's own analysis (no word is read again).
      const from = tokenize(text.slice(0, quote.start)).length;
      const to = from + tokenize(quote.text).length;
      const words = to - from;
      if (words >= all.length) continue;
      let q: Query | null = null;
      if (words >= this.params.quoteMinWords) {
        q = this.index.clauseQuery(query, from, to);
        if (q.positions.size === 0) continue;
        const quoteWords = all.slice(from, to);
        const carriedWords = this.params.sameWordingShare * words;
        const carried = (target: Target) =>
          wordsFoundIn(quoteWords, target.analysis.words) >= carriedWords && commonSubsequence(quoteWords, target.analysis.words) >= carriedWords;
        out.push(...this.scoredCandidates(q, minScore, carried));
      }
      for (const repeated of this.repeatedQuotes(all, from, to)) {
        // Another speaker's words are another statement, whatever they repeat.
        pageQuotes ??= this.findQuotes(text);
        const end = quote.start + quote.text.length;
        const speaker = pageQuotes.find((p) => p.start < end && quote.start < p.end)?.speaker ?? null;
        if (speaker !== null && repeated.speaker !== null && !sameSpeaker(speaker, repeated.speaker)) continue;
        q ??= this.index.clauseQuery(query, from, to);
        const target = this.index.targets[repeated.target]!;
        const { score } = similarity(q, target, this.params);
        if (score >= minScore) out.push({ target, score });
      }
    }
    return out;
  }

  /**
   * The corpus quotations lying word for word in `words` from `from` to `to` (exclusive) that say
   * enough alone (`saysEnough`: "either side or both", "Paris and Kyiv" are no statement of
   * anyone's). Words are compared as normalized, spelling variants not folded: word for word.
   */
  private repeatedQuotes(words: readonly string[], from: number, to: number): CorpusQuote[] {
    if (this.params.quoteRepeatMinWords <= 0 || to - from < this.params.quoteRepeatMinWords) return [];
    const table = (this.corpusQuotes ??= this.quotesOfCorpus());
    const found: CorpusQuote[] = [];
    for (let k = from; k < to; k++) {
      for (const cq of table.get(words[k]!) ?? []) {
        if (k + cq.words.length > to || !cq.words.every((w, j) => words[k + j] === w)) continue;
        if (this.saysEnough(cq) && !found.includes(cq)) found.push(cq);
      }
    }
    return found;
  }

  /**
   * The corpus's quotations of at least `quoteRepeatMinWords` words, by first word: a pass over its
   * sentences' quotes (found when the corpus was built), no analysis. Made when a page sentence
   * with quotation marks first needs it, not when the index is built or loaded.
   */
  private quotesOfCorpus(): Map<string, CorpusQuote[]> {
    const table = new Map<string, CorpusQuote[]>();
    this.index.targets.forEach(({ sentence }, target) => {
      if (sentence.quotes.length === 0 || this.labels.has(sentence.id)) return;
      const tokens = tokenize(sentence.text);
      for (const quote of sentence.quotes) {
        const from = tokens.findIndex((t) => t.start >= quote.start);
        if (from < 0) continue;
        let to = from;
        while (to < tokens.length && tokens[to]!.end <= quote.end) to++;
        if (to - from < this.params.quoteRepeatMinWords) continue;
        const words = tokens.slice(from, to).map((t) => t.norm);
        const list = table.get(words[0]!) ?? table.set(words[0]!, []).get(words[0]!)!;
        list.push({ target, words, from, speaker: quote.speaker, saysEnough: null });
      }
    });
    return table;
  }

  /**
   * Whether a corpus quotation has `quoteRepeatMinContent` distinct content words (its sentence's
   * own analysis: words whose terms are not names, not a negation, not a determiner; lexicon.ts,
   * DETERMINERS).
   */
  private saysEnough(cq: CorpusQuote): boolean {
    if (cq.saysEnough === null) {
      const to = cq.from + cq.words.length;
      const { words, terms } = this.index.targets[cq.target]!.analysis;
      const content = new Set<string>();
      for (const t of terms) {
        if (t.pos < cq.from || t.pos >= to || t.name || this.index.nameTerms.has(t.term) || t.term === NEGATION_TERM) continue;
        // Counted in words, as the names-only rule counts them: "constructive and positive" folds
        // onto one concept and says two things.
        const word = words[t.pos] ?? '';
        if (!DETERMINERS.has(word)) content.add(word);
      }
      cq.saysEnough = content.size >= this.params.quoteRepeatMinContent;
    }
    return cq.saysEnough;
  }

  private scoreWhole(query: Query, minScore: number): { target: Target; score: number }[] {
    if (query.positions.size === 0) return [];
    if (this.params.clauseFactor > 0) return this.scoreWithClauses(query, minScore);
    return this.scoredCandidates(query, minScore).sort(bestFirst);
  }

  /**
   * The candidates of `query` (never a section label) scoring at least `minScore`, unordered. Most
   * cannot reach it whatever their order and roles (they share a name or two and little else): the
   * search's own tally rules out most (before anything else is looked up: about 1 candidate in 50
   * passes it), a pass over the query's terms most of the rest, then `admit` if given, and only
   * those left are scored in full.
   */
  private scoredCandidates(query: Query, minScore: number, admit?: (target: Target) => boolean): { target: Target; score: number }[] {
    const scored: { target: Target; score: number }[] = [];
    const { found, unwalked } = this.index.rankedCandidates(query);
    for (const { i, w } of found) {
      if (scoreCeiling(w + unwalked, query, this.index.targetWeights[i]!, this.params) < minScore) continue;
      const target = this.index.targets[i];
      if (target === undefined || this.labels.has(target.sentence.id) || this.index.scoreBound(query, i) < minScore) continue;
      if (admit !== undefined && !admit(target)) continue;
      const { score } = similarity(query, target, this.params);
      if (score >= minScore) scored.push({ target, score });
    }
    return scored;
  }

  /**
   * `score` with clause matching (clauseFactor > 0; off by default, see params.ts): every candidate
   * is scored whole, since a candidate below the threshold may reach it through a clause.
   */
  private scoreWithClauses(query: Query, minScore: number): { target: Target; score: number }[] {
    const whole: { target: Target; score: number }[] = [];
    for (const i of this.index.candidates(query)) {
      const target = this.index.targets[i];
      if (target === undefined || this.labels.has(target.sentence.id)) continue;
      whole.push({ target, score: similarity(query, target, this.params).score });
    }
    whole.sort((a, b) => b.score - a.score);
    // A long sentence may state the point in one of its clauses: the clause, scored alone (at a
    // discount), stands for the sentence. Only for the sentence's nearest candidates: a clause
    // confirms what the whole sentence leans to, it does not find another point of its own (a
    // clause alone matched points the sentence only mentions).
    let clauses: Query[] | null = null;
    const scored: { target: Target; score: number }[] = [];
    whole.forEach(({ target, score }, rank) => {
      if (rank < this.params.clauseTopCandidates && score >= this.params.clauseCandidateFloor && score < 1) {
        clauses ??= this.clausesOf(query);
        for (const clause of clauses) score = Math.max(score, similarity(clause, target, this.params).score * this.params.clauseFactor);
      }
      if (score >= minScore) scored.push({ target, score });
    });
    return scored.sort(bestFirst);
  }

  private result(text: string, index: number, threshold = this.params.matchThreshold): SentenceResult {
    const matches = this.matchSentence(text, threshold);
    return { index, text, pointId: matches[0]?.pointId ?? null, matches };
  }
}

/** The closed quotations of a sentence (double or single marks, lib/text/quotes.ts), with where each starts. */
export function quotations(text: string): { text: string; start: number }[] {
  return closedQuotations(text).filter((q) => q.text.trim() !== '');
}

/** Whether a sentence asks rather than states: it ends with a question mark (closing quotes aside). */
export function isQuestion(text: string): boolean {
  return /\?["'”’»)\]]*\s*$/u.test(text);
}

/** The page's headline (its repeats as sentences) and the first `length` sentences after it. */
export function ledeOf(sentences: number, headlineRepeats: ReadonlySet<number>, length: number): Set<number> {
  const lede = new Set(headlineRepeats);
  for (let i = 0, body = 0; i < sentences && body < length; i++) {
    if (headlineRepeats.has(i)) continue;
    lede.add(i);
    body++;
  }
  return lede;
}

/** A headline compared with a page sentence: case, spacing and closing punctuation aside. */
export function normalizedHeadline(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().replace(/[.!?…]+$/u, '').toLowerCase();
}

/**
 * Whether a page sentence repeats the headline (`headline`: its normalizedHeadline; '' repeats
 * nothing). The sentence's first character, lower-cased, opens its normalized form (lower-casing
 * maps a string's first character as it maps that character alone), so a sentence that opens with
 * another letter is answered without normalizing it: most of a page's sentences, each a regex pass
 * and a copy otherwise.
 */
export function repeatsHeadline(sentence: string, headline: string): boolean {
  if (headline === '') return false;
  const first = sentence.trimStart().codePointAt(0);
  if (first === undefined || !headline.startsWith(String.fromCodePoint(first).toLowerCase())) return false;
  return normalizedHeadline(sentence) === headline;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Scored targets, best first (ties: by sentence id, so that the order never depends on the index's). */
function bestFirst(a: { target: Target; score: number }, b: { target: Target; score: number }): number {
  return b.score - a.score || a.target.sentence.id.localeCompare(b.target.sentence.id);
}
