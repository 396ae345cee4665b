/**
 * What kind of match a scored pair is: 'verbatim' when the claim is worded the same, either the
 * whole sentence or a quote in it (the same quote under another attribution: "…,” he said" against
 * "…,” Rubio told reporters"); 'quote' when the same speaker is quoted on overlapping content in
 * different words; 'reworded' otherwise.
 *
 * "Worded the same" is judged on the sentence's claim (`claimSpan`): a wire dateline before it
 * ("PARIS, April 18 (Reuters) - ") and an attribution after it (", Rubio said Friday.") say where
 * and from whom, and outlets that copy a lead swap exactly those. Within the claim, the words not
 * shared (in order, spelling variants counted as one word) may only be connectives and articles
 * ("But", "the"): any other word changed ("figure out" / "determine", "may" / "will", a name, a
 * number, a "not") changes what is said, however small a share of the sentence it is.
 */
import type { MatchKind, Quote } from '../types';
import { normalizedTokens, tokenize } from '../text/normalize';
import type { MatchParams } from './params';
import { analyze } from './terms';
import { MONTHS, TITLES } from './lexicon';
import { isSpellingVariant, isVariant } from './vocabulary';

// Speakers are compared by surname; transliterations of one surname count as one.
const SPEAKER_VARIANT_EDIT_LENGTH = 8;
// A quote this short is a phrase many outlets print ("excellent", "a mistake"), not a repeated quote.
const MIN_VERBATIM_QUOTE_WORDS = 4;
// Shorter words that differ are other words ("an"/"and"); from this length they may be spellings
// of one word ("endeavour"/"endeavor"): the vocabulary's own floor for common words.
const SPELLING_VARIANT_MIN_LENGTH = 6;
const SPELLING_TWO_EDIT_LENGTH = 8;

/**
 * Words that two copies of one claim may add or drop without changing it: articles and the
 * connectives a copy-editor adds at a sentence's start or drops ("But it's not our war" / "It's not
 * our war"). Deliberately short: a modal, a negation, a preposition ("within days" / "in days") or
 * a verb is part of the claim.
 */
const IGNORABLE_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'but', 'so', 'that', 'also', 'however']);

/** A side of a scored pair, as matchKind needs it. */
export interface KindSide {
  /** The words of the sentence's claim (`claimSpan`), spelling variants resolved. */
  claim: readonly string[];
  /** The names in the attribution left out of the claim (lower case): who said it. */
  speakers: ReadonlySet<string>;
  quotes: readonly Quote[];
}

export function matchKind(page: KindSide, corpus: KindSide, params: Pick<MatchParams, 'quoteOverlap'>): MatchKind {
  if (!attributedToOthers(page, corpus) && sameWording(page.claim, corpus.claim, sameSpelling)) return 'verbatim';
  for (const p of page.quotes) {
    for (const c of corpus.quotes) if (sameQuoteWords(p, c)) return 'verbatim';
  }
  for (const p of page.quotes) {
    for (const c of corpus.quotes) {
      if (sameSpeaker(p.speaker, c.speaker) && quoteOverlap(p, c) >= params.quoteOverlap) return 'quote';
    }
  }
  return 'reworded';
}

/** Whether two word lists say the same: every word not shared in order is an ignorable one. */
function sameWording(a: readonly string[], b: readonly string[], same: (x: string, y: string) => boolean): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const contentA = a.filter((w) => !IGNORABLE_WORDS.has(w)).length;
  const contentB = b.filter((w) => !IGNORABLE_WORDS.has(w)).length;
  // Every content word of each side must be in the common subsequence, so both sides have as many.
  if (contentA !== contentB) return false;
  // Each of them must then have a word of `b` it is the same as: a reworded pair fails at its first
  // changed word, in a pass over `b`, where the subsequence compares every pair of words (with
  // `sameSpelling`, an edit distance for each pair of long words with one initial).
  const inB = new Set(b);
  if (!a.every((x) => IGNORABLE_WORDS.has(x) || inB.has(x) || b.some((y) => same(x, y)))) return false;
  return commonSubsequence(a, b, same, IGNORABLE_WORDS) === contentA;
}

// --- The claim of a sentence ---------------------------------------------------------------------

/**
 * A wire dateline: the place in capitals (or in any case when an agency in parentheses follows),
 * an optional region or country and date, an optional agency, then a dash: "PARIS, April 18
 * (Reuters) - ", "KYIV, Ukraine (AP) — ", "WASHINGTON — ", "Paris (AFP) - ",
 * "BRUSSELS/KYIV, April 18 (Reuters) - ".
 */
const DATELINE = new RegExp(
  String.raw`^\s*(?:` +
    // A place in capitals, agency optional.
    String.raw`\p{Lu}[\p{Lu}\p{M}\s.'’/-]*\p{Lu}(?:,(?:\s+[\p{Lu}][\p{L}.]*)+)?(?:,?\s+[\p{Lu}][\p{L}]*\.?\s+\d{1,2})?(?:\s*\([^()]{1,40}\))?` +
    '|' +
    // A place in any case, then the agency in parentheses.
    String.raw`\p{Lu}[\p{L}.'’/-]*(?:\s+\p{Lu}[\p{L}.'’/-]*){0,3}(?:,(?:\s+[\p{Lu}][\p{L}.]*)+)?(?:,?\s+[\p{Lu}][\p{L}]*\.?\s+\d{1,2})?\s*\([^()]{1,40}\)` +
    String.raw`)\s*[-–—]+\s+`,
  'u',
);

/** Verbs that attribute a statement, in the forms news copy uses after or before it. */
const SPEECH_VERB = String.raw`(?:said|says|told|tells|added|adds|warned|warns|stated|states|noted|notes|wrote|writes|announced|explained|stressed|emphasi[sz]ed|insisted|argued|continued|according\s+to)`;
/** What may follow the verb of an attribution: when, where, to whom ("on Friday", "to reporters in Paris"). */
const CIRCUMSTANCE_WORD = String.raw`(?:on|to|in|at|late|early|this|last|from|during|after|before|a|an|the|reporters|journalists|statement|interview|briefing|morning|afternoon|evening|night|\p{Lu}[\p{L}.'’-]*)`;
/**
 * An attribution closing the sentence, after a comma or the closing quotation mark: who (a few
 * words), the verb, and at most a short circumstance: ", Secretary of State Marco Rubio said
 * Friday.", ",” he added.", ", warned U.S. Secretary of State Marco Rubio." A clause with more
 * after its verb (", Rubio said the talks would resume") carries a claim of its own and stays.
 */
const ATTRIBUTION_TAIL = new RegExp(
  String.raw`(?:,\s*[”"’]?|[”"’])\s*` +
    String.raw`(?:(?:[\p{L}.'’-]+\s+){0,7}${SPEECH_VERB}(?:\s+${CIRCUMSTANCE_WORD}){0,4}|${SPEECH_VERB}(?:\s+[\p{L}.'’-]+){1,8})` +
    String.raw`\s*[.!?]?\s*$`,
  'u',
);
/** An attribution opening the sentence: "He said: “", "Rubio added: ", "Rubio stated, “". */
const ATTRIBUTION_LEAD = new RegExp(
  String.raw`^\s*(?:[\p{L}.'’-]+\s+){1,5}${SPEECH_VERB}(?:\s+${CIRCUMSTANCE_WORD}){0,3}\s*(?::|,(?=\s*[“"]))\s*`,
  'u',
);

/**
 * The span of `text` that carries its claim: without a leading dateline, a leading attribution
 * ("He said:") and a closing one (", Rubio said Friday."); `attribution` is the text of those
 * attributions. Never empty: when nothing would be left, the whole text is the claim.
 */
export function claimSpan(text: string): { start: number; end: number; attribution: string } {
  const dateline = DATELINE.exec(text)?.[0].length ?? 0;
  const start = dateline + (ATTRIBUTION_LEAD.exec(text.slice(dateline))?.[0].length ?? 0);
  const tail = ATTRIBUTION_TAIL.exec(text.slice(start));
  const end = tail === null ? text.length : start + tail.index;
  if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) return { start: 0, end: text.length, attribution: '' };
  return { start, end, attribution: `${text.slice(dateline, start)} ${text.slice(end)}`.trim() };
}

// Capitalized words of an attribution that name no one: pronouns and articles opening it, titles,
// days, months.
const NOT_A_SPEAKER = new Set([
  'he', 'she', 'they', 'it', 'we', 'i', 'the', 'a', 'an', 'but', 'and', 'according',
  ...TITLES, 'state', 'spokesman', 'spokeswoman', 'spokesperson', 'officials', 'official',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  ...MONTHS,
]);

/** The names in an attribution ("U.S. Secretary of State Marco Rubio said Friday" → marco, rubio, u.s). */
function attributedNames(attribution: string): Set<string> {
  const names = new Set<string>();
  for (const [word] of attribution.matchAll(/\p{Lu}[\p{L}.'’-]*/gu)) {
    const key = word.toLowerCase().replace(/[.'’]+$/u, '');
    if (!NOT_A_SPEAKER.has(key)) names.add(key);
  }
  return names;
}

/**
 * A sentence's side of the kind check. `words`: its normalized words, one per token of
 * `tokenize(text)`, spelling variants already resolved (as the matcher's analysis gives them).
 */
export function kindSide(text: string, words: readonly string[], quotes: readonly Quote[]): KindSide {
  const { start, end, attribution } = claimSpan(text);
  const speakers = attributedNames(attribution);
  if (start === 0 && end === text.length) return { claim: [...words], speakers, quotes };
  const tokens = tokenize(text);
  if (tokens.length !== words.length) return { claim: [...words], speakers, quotes };
  return { claim: words.filter((_, i) => tokens[i]!.start >= start && tokens[i]!.end <= end), speakers, quotes };
}

/** Whether the attributions name people and none of them the same: "…,” Rubio said" / "…,” Peskov said". */
function attributedToOthers(a: KindSide, b: KindSide): boolean {
  if (a.speakers.size === 0 || b.speakers.size === 0) return false;
  for (const name of a.speakers) if (b.speakers.has(name)) return false;
  return true;
}

/** Whether two quotes are the same words (spelling variants aside), by speakers who are not known to differ. */
function sameQuoteWords(p: Quote, c: Quote): boolean {
  if (p.speaker !== null && c.speaker !== null && !sameSpeaker(p.speaker, c.speaker)) return false;
  const a = quoteWords(p);
  const b = quoteWords(c);
  if (Math.min(a.length, b.length) < MIN_VERBATIM_QUOTE_WORDS) return false;
  return sameWording(a, b, sameSpelling);
}

/** Spellings of one word keep its first letter (as the vocabulary assumes), which rules out most pairs cheaply. */
function sameSpelling(a: string, b: string): boolean {
  return (
    a === b ||
    (a[0] === b[0] &&
      Math.min(a.length, b.length) >= SPELLING_VARIANT_MIN_LENGTH &&
      isSpellingVariant(a, b, SPELLING_TWO_EDIT_LENGTH))
  );
}

/** Whether two speakers are one person: the same surname, transliterations counted as one (null: unknown, never the same). */
export function sameSpeaker(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const surname = (s: string): string => normalizedTokens(s).at(-1) ?? '';
  const x = surname(a);
  const y = surname(b);
  return x.length > 0 && isVariant(x, y, SPEAKER_VARIANT_EDIT_LENGTH);
}

// A quote's words and terms, computed once per quote: a corpus quote is compared with every page
// that matches its sentence, a page quote with every candidate of its sentence.
const wordsOfQuote = new WeakMap<Quote, string[]>();
const termsOfQuote = new WeakMap<Quote, Set<string>>();

function quoteWords(q: Quote): string[] {
  let words = wordsOfQuote.get(q);
  if (words === undefined) wordsOfQuote.set(q, (words = normalizedTokens(q.text)));
  return words;
}

function quoteTerms(q: Quote): Set<string> {
  let terms = termsOfQuote.get(q);
  if (terms === undefined) termsOfQuote.set(q, (terms = new Set(analyze(q.text).terms.map((t) => t.term))));
  return terms;
}

/** Shared content terms over the smaller quote's terms. */
function quoteOverlap(a: Quote, b: Quote): number {
  const x = quoteTerms(a);
  const y = quoteTerms(b);
  const smaller = Math.min(x.size, y.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / smaller;
}

/**
 * How many words of `a` (each occurrence) appear anywhere in `b`: a bound on their common
 * subsequence (words compared by equality) found in one pass over each list, which rules out most
 * pairs before the subsequence compares every pair of words.
 */
export function wordsFoundIn(a: readonly string[], b: readonly string[]): number {
  const inB = new Set(b);
  let found = 0;
  for (const x of a) if (inB.has(x)) found++;
  return found;
}

/**
 * Length of the longest common subsequence of two word lists, words compared by `same` (equality
 * by default), counting none of the `uncounted` words. O(|a|·|b|), sentences only.
 */
export function commonSubsequence(
  a: readonly string[],
  b: readonly string[],
  same: (x: string, y: string) => boolean = (x, y) => x === y,
  uncounted: ReadonlySet<string> = new Set(),
): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1] ?? '';
      const y = b[j - 1] ?? '';
      const diagonal = same(x, y) ? (prev[j - 1] ?? 0) + (uncounted.has(x) ? 0 : 1) : -1;
      cur[j] = Math.max(diagonal, prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}
