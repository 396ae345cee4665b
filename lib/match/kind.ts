/**
 * What kind of match a scored pair is: 'verbatim' when the words are the same up to case,
 * punctuation and spelling variants, either the whole sentence or a quote in it (the same quote
 * under another attribution: "…,” he said" against "…,” Rubio told reporters"); 'quote' when the
 * same speaker is quoted on overlapping content in different words; 'reworded' otherwise.
 */
import type { MatchKind, Quote } from '../types';
import { normalizedTokens } from '../text/normalize';
import type { MatchParams } from './params';
import { analyze } from './terms';
import { isSpellingVariant, isVariant } from './vocabulary';

// Speakers are compared by surname; transliterations of one surname count as one.
const SPEAKER_VARIANT_EDIT_LENGTH = 8;
// A quote this short is a phrase many outlets print ("excellent", "a mistake"), not a repeated quote.
const MIN_VERBATIM_QUOTE_WORDS = 4;
// Shorter words that differ are other words ("an"/"and"); from this length they may be spellings
// of one word ("endeavour"/"endeavor"): the vocabulary's own floor for common words.
const SPELLING_VARIANT_MIN_LENGTH = 6;
const SPELLING_TWO_EDIT_LENGTH = 8;

export function matchKind(
  pageWords: readonly string[],
  corpusWords: readonly string[],
  pageQuotes: readonly Quote[],
  corpusQuotes: readonly Quote[],
  params: Pick<MatchParams, 'verbatimRatio' | 'quoteOverlap'>,
): MatchKind {
  const longest = Math.max(pageWords.length, corpusWords.length);
  if (longest > 0 && commonSubsequence(pageWords, corpusWords) / longest >= params.verbatimRatio) return 'verbatim';
  for (const p of pageQuotes) {
    for (const c of corpusQuotes) if (sameQuoteWords(p, c, params.verbatimRatio)) return 'verbatim';
  }
  for (const p of pageQuotes) {
    for (const c of corpusQuotes) {
      if (sameSpeaker(p.speaker, c.speaker) && quoteOverlap(p, c) >= params.quoteOverlap) return 'quote';
    }
  }
  return 'reworded';
}

/** Whether two quotes are the same words (spelling variants aside), by speakers who are not known to differ. */
function sameQuoteWords(p: Quote, c: Quote, ratio: number): boolean {
  if (p.speaker !== null && c.speaker !== null && !sameSpeaker(p.speaker, c.speaker)) return false;
  const a = quoteWords(p);
  const b = quoteWords(c);
  if (Math.min(a.length, b.length) < MIN_VERBATIM_QUOTE_WORDS) return false;
  return commonSubsequence(a, b, sameSpelling) / Math.max(a.length, b.length) >= ratio;
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

function sameSpeaker(a: string | null, b: string | null): boolean {
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
 * Length of the longest common subsequence of two word lists, words compared by `same` (equality
 * by default). O(|a|·|b|), sentences only.
 */
export function commonSubsequence(
  a: readonly string[],
  b: readonly string[],
  same: (x: string, y: string) => boolean = (x, y) => x === y,
): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = same(a[i - 1] ?? '', b[j - 1] ?? '') ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}
