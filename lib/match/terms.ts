/**
 * Terms: what the matcher compares. A sentence becomes the ordered list of its content terms:
 * word stems, with lexicon families folded onto one concept ("walked away" → "@withdraw",
 * "Moscow" → "@russia"), function words and attribution verbs dropped, negations kept. Each term
 * remembers its position (for the order checks) and whether it names someone (for the rule that
 * shared names alone are no match). Lexicon words are matched by form and inflection, not by stem
 * (Porter gives "positions" the stem of "positive"); other words by stem, linked on the page side to
 * the corpus stem of the same derivational family ("difficult" → "difficulti"; lib/match/morphology.ts).
 */
import { stemmer } from 'stemmer';
import { tokenize, type Token } from '../text/normalize';
import {
  ACTOR_CONCEPTS,
  ATTRIBUTION_VERBS,
  CAPITALIZED_COMMON,
  CIRCUMSTANCE,
  CONCEPTS,
  DAY_OF_MONTH,
  LIGHT_VERBS,
  MONTHS,
  NEGATIONS,
  STOPWORDS,
  TITLES,
  YEAR,
} from './lexicon';
import { inflections, PORTER_EXCEPTIONS } from './morphology';

export interface Term {
  /** Stem, concept ("@withdraw") or "@not". */
  term: string;
  /** Index of the (first) word the term comes from among the sentence's words. */
  pos: number;
  /** A person, place, organization or country, as opposed to what is said about them. */
  name: boolean;
  /** In the sentence's opening setting clause ("Speaking in Paris after the talks, …"): see settingEnd. */
  setting?: true;
}

export interface AnalyzedText {
  /** Normalized words, all of them (verbatim comparison looks at these). */
  words: string[];
  /** Content terms in reading order. */
  terms: Term[];
  /**
   * Indexes of the words that open a new clause (after a comma, semicolon, colon, dash, bracket or
   * quotation mark), in order; 0 is not listed. The matcher scores clauses of long sentences alone.
   */
  breaks: number[];
}

/** How the analyzer learns about words the corpus knows; identity for the corpus itself. */
export interface WordResolver {
  /**
   * The corpus word a page word stands for (spelling variant, typo), or the word itself.
   * `nameLike`: the word is capitalized mid-sentence, as names are.
   */
  resolve(word: string, nameLike: boolean): string;
  /** Whether a word is a name in the corpus (capitalized mid-sentence there). */
  isName(word: string): boolean;
  /** The corpus stem of the same derivational family as `stem`, or `stem` (see StemFamilies). */
  family?(stem: string): string;
}

/** The term every negation ("not", "never", "n't") reads as. */
export const NEGATION_TERM = '@not';
const MAX_PHRASE_WORDS = 3;

// Characters after which a capital letter says nothing about names: a sentence or a quotation starts.
const OPENS_SENTENCE = /[.!?:;"“‘(\[—–]\s*$/u;
const UPPER_INITIAL = /^\p{Lu}/u;
// Capitals and periods; the soft hyphens and zero-width characters pages put inside words do not count.
const ALL_UPPER = /^[\p{Lu}.\u00AD\u200B-\u200D\u2060\uFEFF]+$/u;
const DIGITS = /^\p{N}/u;

const stemCache = new Map<string, string>();
// Plenty for a day of browsing; bounded so a long-lived background does not grow without end.
const STEM_CACHE_SIZE = 50_000;
/** Porter stem, memoized: the same few thousand words recur on every page. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = DIGITS.test(word) ? word : (PORTER_EXCEPTIONS.get(word) ?? stemmer(word));
    if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/**
 * What analysis needs of a word before its context: its stem (for lexicon phrases), whether that
 * stem opens one, and its role: a negation, a function word (a stopword, a verb of attribution or a
 * light verb, a single letter: no term), or content (resolved into a term). Kept per word, like
 * stems (every lookup below is a set or map of its own otherwise, each on every word of every page
 * sentence); what it holds is what the plain lookups give (tests/lib/match/fast-path.test.ts).
 */
export interface WordFacts {
  stem: string;
  opensPhrase: boolean;
  role: 'negation' | 'function' | 'content';
}

const factsCache = new Map<string, WordFacts>();

export function factsOf(word: string): WordFacts {
  let facts = factsCache.get(word);
  if (facts === undefined) {
    const s = stem(word);
    const role = NEGATIONS.has(word) ? 'negation' : STOPWORDS.has(word) || ATTRIBUTION.has(word) || word.length < 2 ? 'function' : 'content';
    facts = { stem: s, opensPhrase: PHRASE_FIRST_STEMS.has(s), role };
    // Bounded like the stem cache.
    if (factsCache.size >= STEM_CACHE_SIZE) factsCache.clear();
    factsCache.set(word, facts);
  }
  return facts;
}

/**
 * Single words of the lexicon keyed by every inflected form, phrases by their words' stems (a
 * phrase is specific enough that stemming its words finds no false friend).
 */
const WORD_CONCEPT = new Map<string, string>();
const PHRASE_CONCEPT = new Map<string, string>();
for (const [concept, forms] of Object.entries(CONCEPTS)) {
  for (const form of forms) {
    const words = form.split(' ');
    if (words.length > 1) PHRASE_CONCEPT.set(words.map(stem).join(' '), concept);
    else for (const f of inflections(form)) if (!WORD_CONCEPT.has(f)) WORD_CONCEPT.set(f, concept);
  }
}
/** The first stem of every lexicon phrase. */
const PHRASE_FIRST_STEMS = new Set([...PHRASE_CONCEPT.keys()].map((key) => key.split(' ')[0] ?? ''));
// Listed forms win over another form's generated inflection ("meet" lists "met"; nothing generates it).
for (const [concept, forms] of Object.entries(CONCEPTS)) for (const form of forms) if (!form.includes(' ')) WORD_CONCEPT.set(form, concept);

/** Titles in every inflection ("ministers", "envoys"). */
const TITLE_FORMS = new Set([...TITLES].flatMap(inflections));

/** Attribution and light verbs in every inflection: who is speaking, or no content of their own. */
const ATTRIBUTION = new Set([...ATTRIBUTION_VERBS, ...LIGHT_VERBS].flatMap(inflections));

// Share of capitalized words (stopwords aside) from which a line is title case: nearly all, since
// news sentences full of names ("Rubio met French President Emmanuel Macron") come close.
const TITLE_CASE_SHARE = 0.9;

/** Whether `text` is a title-case headline ("Mineral Resources Deal Hangs in Balance"). */
export function isTitleCase(text: string, tokens: readonly Token[]): boolean {
  let words = 0;
  let capitalized = 0;
  // The words counted are at most the tokens: once the uncapitalized ones exceed the share of all
  // tokens the headline rule allows (a word more, against rounding), the share cannot be reached,
  // and a sentence of prose is answered in its first few words with the full count's answer
  // (tests/lib/match/fast-path.test.ts).
  const uncapitalizedLimit = (1 - TITLE_CASE_SHARE) * tokens.length + 1;
  for (const t of tokens) {
    if (STOPWORDS.has(t.norm) || t.norm.length < 2) continue;
    words++;
    if (upperInitial(text, t.start, t.end)) capitalized++;
    else if (words - capitalized > uncapitalizedLimit) return false;
  }
  return words >= 3 && capitalized / words >= TITLE_CASE_SHARE;
}

/** Whether a word of this text reads as a name: capitalized where capitals carry no grammar. */
export function capitalizedMidSentence(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (token === undefined) return false;
  if (i === 0 || !upperInitial(text, token.start, token.end)) return false;
  return !OPENS_SENTENCE.test(text.slice(tokens[i - 1]?.end ?? 0, token.start));
}

/** Whether text[start, end) starts with a capital letter; ASCII answered without a regex. */
function upperInitial(text: string, start: number, end: number): boolean {
  if (start >= end) return false;
  const c = text.charCodeAt(start);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return UPPER_INITIAL.test(text.slice(start, end));
}

const IDENTITY: WordResolver = { resolve: (w) => w, isName: () => false };

/**
 * Words that open a clause saying where, when or on what occasion something was said: "After talks
 * in Paris, …", "Speaking to reporters on Friday, …", "Earlier in the day, …". Words opening a
 * clause that can carry a claim of its own ("while", "as", "amid", "despite", "if") are left out.
 */
const SETTING_OPENERS: ReadonlySet<string> = new Set([
  'after', 'following', 'before', 'during', 'earlier', 'later', 'ahead', 'upon', 'at', 'in', 'on', 'asked',
]);
// A participle opening the sentence ("Speaking", "Addressing"): a short -ing word is rarely one.
const PARTICIPLE = /^[a-z]{3,}ing$/u;
// The setting is a short opening clause; a longer one is a statement of its own.
const SETTING_MAX_WORDS = 24;
// Words that must follow the setting for the sentence to say something besides it.
const SETTING_MIN_REST = 4;
/**
 * A longer opening clause is setting too when what follows it is a report of speech ("…, Rubio
 * said the administration wants …", "…, the minister told reporters"): the sentence's main clause
 * is then who said what, and the opening long clause is the background it was said against. Up to
 * this many words, with the speech verb within SPEAKER_WORDS words after the comma.
 */
const SETTING_MAX_WORDS_BEFORE_SPEECH = 40;
const SPEAKER_WORDS = 4;
const SPEECH_VERBS: ReadonlySet<string> = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'stated']);

/**
 * The index of the first word after the sentence's opening setting clause, 0 when it has none.
 * A news sentence often opens with the occasion of what it reports ("Speaking in Paris after
 * meeting European officials, Rubio said …"): the occasion is shared by every sentence about that
 * day and states no point of its own, so it must not make two sentences look alike (it made a
 * page's sentence about a deadline match a corpus sentence about something else said on the same
 * occasion). The clause opens with a word of SETTING_OPENERS or a participle and ends at the first
 * comma. Linear in the clause's length.
 */
export function settingEnd(text: string, tokens: readonly Token[]): number {
  const first = tokens[0]?.norm ?? '';
  if (!SETTING_OPENERS.has(first) && !PARTICIPLE.test(first)) return 0;
  const last = Math.min(tokens.length - SETTING_MIN_REST, SETTING_MAX_WORDS_BEFORE_SPEECH);
  for (let i = 1; i <= last; i++) {
    const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
    if (gap.includes(',')) return i <= SETTING_MAX_WORDS || speechFollows(tokens, i) ? i : 0;
    // A sentence break or a quotation inside: not an opening clause.
    if (/[.;:!?"“”]/u.test(gap)) return 0;
  }
  return 0;
}

/** Whether a speech verb ("said", "told") is among the few words from `from`: "…, Rubio said". */
function speechFollows(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + SPEAKER_WORDS); i++) if (SPEECH_VERBS.has(tokens[i]!.norm)) return true;
  return false;
}

/**
 * Analyze one sentence. Linear in its length: phrases are looked up by at most
 * MAX_PHRASE_WORDS words from each position.
 */
export function analyze(text: string, resolver: WordResolver = IDENTITY): AnalyzedText {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.norm);
  // In a title-case headline every word is capitalized: there, capitals say nothing about names.
  const capitalsMeanNames = !isTitleCase(text, tokens);
  const facts = words.map(factsOf);
  const outcomes = outcomeCaches(resolver);
  const terms: Term[] = [];
  const setting = settingEnd(text, tokens);
  let i = 0;
  while (i < words.length) {
    const phrase = facts[i]!.opensPhrase ? longestPhrase(facts.slice(i, i + MAX_PHRASE_WORDS).map((f) => f.stem), 0) : null;
    if (phrase !== null) {
      terms.push({ term: phrase.concept, pos: i, name: ACTOR_CONCEPTS.has(phrase.concept) });
      i += phrase.length;
      continue;
    }
    const raw = words[i] ?? '';
    const token = tokens[i];
    const role = facts[i]!.role;
    // "US" / "U.S." and the pronoun "us" normalize alike; only the capitals tell them apart.
    if (raw === 'us' && token !== undefined && ALL_UPPER.test(text.slice(token.start, token.end))) {
      terms.push({ term: '@us', pos: i, name: true });
    } else if (role === 'negation') {
      terms.push({ term: NEGATION_TERM, pos: i, name: false });
    } else if (role === 'content') {
      const nameLike = capitalsMeanNames && capitalizedMidSentence(text, tokens, i);
      const outcome = wordOutcome(raw, nameLike, resolver, outcomes);
      if (outcome !== null) {
        // A day number beside a month says when, like a name (and has no family).
        if (outcome.linked !== null && isDate(words, i)) terms.push({ term: outcome.linked, pos: i, name: true });
        else terms.push({ term: outcome.term, pos: i, name: outcome.name });
      }
    }
    i++;
  }
  for (const t of terms) if (t.pos < setting) t.setting = true;
  return { words, terms, breaks: clauseBreaks(text, tokens) };
}

// Between two words, what ends a clause: a comma, semicolon, colon, dash, bracket or quotation mark.
const CLAUSE_GAP = /[,;:()\[\]"“”«»—–]|\s-\s/u;
const SPACE = 32;

/** Indexes of the words that open a clause (see AnalyzedText.breaks). Linear in the text. */
export function clauseBreaks(text: string, tokens: readonly Token[]): number[] {
  const breaks: number[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const end = tokens[i - 1]!.end;
    const start = tokens[i]!.start;
    // Most gaps are one space, which holds none of CLAUSE_GAP's marks: no slice, no regex.
    if (start === end + 1 && text.charCodeAt(end) === SPACE) continue;
    if (CLAUSE_GAP.test(text.slice(end, start))) breaks.push(i);
  }
  return breaks;
}

/** What one word, out of context, becomes: its term, or null when it has none. */
interface WordOutcome {
  term: string;
  name: boolean;
  /**
   * For a word that is not a name by itself: its own stem, which is its term instead (and it a
   * name) when the word is the day of a date; null otherwise.
   */
  linked: string | null;
}

// A word's outcome depends on the word, whether it is written as a name, and the resolver (a
// corpus's vocabulary, fixed for its life): kept per resolver, since a page and the pages after
// it repeat their words, and resolving one (stem, spelling variants, family) is most of the cost
// of analysis.
type OutcomeCaches = [Map<string, WordOutcome | null>, Map<string, WordOutcome | null>];
const outcomes = new WeakMap<WordResolver, OutcomeCaches>();

/** The resolver's kept outcomes (words written as names, and not): looked up once per sentence. */
function outcomeCaches(resolver: WordResolver): OutcomeCaches {
  let caches = outcomes.get(resolver);
  if (caches === undefined) outcomes.set(resolver, (caches = [new Map(), new Map()]));
  return caches;
}

function wordOutcome(raw: string, nameLike: boolean, resolver: WordResolver, caches: OutcomeCaches): WordOutcome | null {
  const cache = caches[nameLike ? 1 : 0];
  let outcome = cache.get(raw);
  if (outcome === undefined) {
    outcome = resolveWord(raw, nameLike, resolver);
    // Bounded like the stem cache: a long-lived background sees unbounded vocabulary.
    if (cache.size >= STEM_CACHE_SIZE) cache.clear();
    cache.set(raw, outcome);
  }
  return outcome;
}

function resolveWord(raw: string, nameLike: boolean, resolver: WordResolver): WordOutcome | null {
  const word = WORD_CONCEPT.has(raw) ? raw : resolver.resolve(raw, nameLike);
  const concept = WORD_CONCEPT.get(word);
  if (concept !== undefined) return { term: concept, name: ACTOR_CONCEPTS.has(concept) || TITLES.has(concept), linked: null };
  if (STOPWORDS.has(word) || ATTRIBUTION.has(word)) return null;
  // Titles, days, months and years say who and when, not what: like names, sharing only them is
  // no match (a day of a date too: see `analyze`).
  const name =
    TITLE_FORMS.has(word) ||
    CIRCUMSTANCE.has(word) ||
    YEAR.test(word) ||
    (!CAPITALIZED_COMMON.has(word) && (resolver.isName(word) || nameLike));
  const s = stem(word);
  if (name) return { term: s, name: true, linked: null };
  // Names have no derivational families; their variants are the vocabulary's business.
  return { term: resolver.family === undefined ? s : resolver.family(s), name: false, linked: s };
}

/** Whether word `i` is the day of a date: a day number beside a month ("April 18", "18 April"). */
function isDate(words: readonly string[], i: number): boolean {
  return DAY_OF_MONTH.test(words[i] ?? '') && (MONTHS.has(words[i - 1] ?? '') || MONTHS.has(words[i + 1] ?? ''));
}

/**
 * The lexicon concept that the words at `at` express, and how many words it takes: the longest
 * lexicon phrase starting there ("walked away" → "@withdraw", 2), else the word's own family
 * ("abandon" → "@withdraw", 1). `words` are lower-case words; null when no family holds them.
 */
export function conceptAt(words: readonly string[], at: number): { concept: string; length: number } | null {
  const phrase = longestPhrase(words.slice(at, at + MAX_PHRASE_WORDS).map(stem), 0);
  if (phrase !== null) return phrase;
  const concept = WORD_CONCEPT.get(words[at] ?? '');
  return concept === undefined ? null : { concept, length: 1 };
}

/** Whether a lower-case word is a function word or a verb of attribution: no content of its own. */
export function isFunctionWord(word: string): boolean {
  return STOPWORDS.has(word) || ATTRIBUTION.has(word);
}

function longestPhrase(stems: readonly string[], at: number): { concept: string; length: number } | null {
  // Few words open a lexicon phrase; every other position is answered without building keys.
  if (!PHRASE_FIRST_STEMS.has(stems[at] ?? '')) return null;
  for (let n = Math.min(MAX_PHRASE_WORDS, stems.length - at); n >= 2; n--) {
    const concept = PHRASE_CONCEPT.get(stems.slice(at, at + n).join(' '));
    if (concept !== undefined) return { concept, length: n };
  }
  return null;
}
