/**
 * What kind of match a scored pair is: 'verbatim' when the words are the same up to case,
 * punctuation and spelling variants; 'quote' when the same speaker is quoted on overlapping
 * content in different words; 'reworded' otherwise.
 */
import type { MatchKind, Quote } from '../types';
import { normalizedTokens } from '../text/normalize';
import type { MatchParams } from './params';
import { analyze } from './terms';
import { isVariant } from './vocabulary';

// Speakers are compared by surname; transliterations of one surname count as one.
const SPEAKER_VARIANT_EDIT_LENGTH = 8;

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
    for (const c of corpusQuotes) {
      if (sameSpeaker(p.speaker, c.speaker) && quoteOverlap(p.text, c.text) >= params.quoteOverlap) return 'quote';
    }
  }
  return 'reworded';
}

function sameSpeaker(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  const surname = (s: string): string => normalizedTokens(s).at(-1) ?? '';
  const x = surname(a);
  const y = surname(b);
  return x.length > 0 && isVariant(x, y, SPEAKER_VARIANT_EDIT_LENGTH);
}

/** Shared content terms over the smaller quote's terms. */
function quoteOverlap(a: string, b: string): number {
  const x = new Set(analyze(a).terms.map((t) => t.term));
  const y = new Set(analyze(b).terms.map((t) => t.term));
  const smaller = Math.min(x.size, y.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / smaller;
}

/** Length of the longest common subsequence of two word lists. O(|a|·|b|), sentences only. */
export function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] ?? 0;
}
