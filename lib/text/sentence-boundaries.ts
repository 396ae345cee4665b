/**
 * Unicode sentence boundaries (UAX #29, "Sentence Boundaries", rules SB1–SB11), the breaks
 * `Intl.Segmenter` with `granularity: 'sentence'` proposes, computed here instead.
 *
 * Why not the segmenter itself: creating the first `Intl.Segmenter` in a page loads ICU's sentence
 * rules, one native call of ~50 ms on Chromium's main thread in the content script (the last
 * long task of issue 14, which no slicing can split), and extraction spent a fifth of its time in
 * the segmenter (issue 12). The rules are few and local: a sentence can only end after a run of
 * terminator, closing marks and spaces, so this module searches for terminators with one regular
 * expression and decides each candidate by looking at a few characters around it. Cost: linear in
 * the text; the characters between terminators are never classified.
 *
 * Character classes come from the regular expressions' Unicode properties (the engine's own
 * Unicode data, the same ICU tables the segmenter reads in Chromium and Node), following the
 * property definitions of UAX #29 table 4. tests/lib/text/sentence-boundaries.test.ts checks the
 * classification of every code point and the breaks on varied text against `Intl.Segmenter`.
 */

/** The Sentence_Break classes the rules tell apart (UAX #29 table 4). Extend and Format are one. */
export const SentenceClass = {
  Other: 0,
  /** Paragraph separators: CR, LF and Sep (NEL, LS, PS); a sentence always ends after one. */
  ParaSep: 1,
  /** Extend or Format: combining marks, joiners, soft hyphens; they take the class of what they follow (SB5). */
  ExtendFormat: 2,
  Sp: 3,
  Lower: 4,
  Upper: 5,
  OLetter: 6,
  Numeric: 7,
  /** The full stop: ambiguous, since it also ends abbreviations and numbers. */
  ATerm: 8,
  /** ! ? and the other unambiguous terminators (。！？ ؟ ।…). */
  STerm: 9,
  /** Punctuation after which a terminator does not end the sentence: , - : ; – — 、 … */
  SContinue: 10,
  /** Opening and closing punctuation and quotation marks. */
  Close: 11,
} as const;
export type SentenceClass = (typeof SentenceClass)[keyof typeof SentenceClass];

const PARA_SEP = /[\n\r\u0085\u2028\u2029]/u;
// Extend: Grapheme_Extend, spacing marks and ZWJ; Format: the format characters (ZWNJ and ZWJ,
// also Cf, are Extend anyway). The rules treat both alike, so one class.
// Georgian Mkhedruli and Mtavruli letters became Lowercase and Uppercase in Unicode 11, but their
// Sentence_Break stayed OLetter (Georgian has no case in running text).
const GEORGIAN_LETTER = /[\u10D0-\u10FA\u10FD-\u10FF\u1C90-\u1CBA\u1CBD-\u1CBF]/u;
// Prepended concatenation marks (Arabic number signs and the like) are Cf but Numeric.
const NUMBER_SIGN = /[\u0600-\u0605\u06DD\u0890\u0891\u08E2\u{110BD}\u{110CD}]/u;
const EXTEND_FORMAT = /[\p{Grapheme_Extend}\p{Mc}\p{Cf}]/u;
const SP = /\p{White_Space}/u;
const LOWER = /\p{Lowercase}/u;
const UPPER = /[\p{Uppercase}\p{Lt}]/u;
const OLETTER = /[\p{Alphabetic}\u05F3]/u;
const NUMERIC = /[\p{Nd}\u066B\u066C\u19DA]/u;
const ATERM = /[.\u2024\uFE52\uFF0E]/u;
const STERM = /\p{Sentence_Terminal}/u;
const SCONTINUE = /[,\-:;\u037E\u055D\u060C\u060D\u07F8\u1802\u1808\u2013\u2014\u3001\uFE10\uFE11\uFE13\uFE14\uFE31\uFE32\uFE50\uFE51\uFE54\uFE55\uFE58\uFE63\uFF0C\uFF0D\uFF1A\uFF1B\uFF64]/u;
const CLOSE = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"'\u275B-\u2760\u2E00-\u2E0D\u2E1C\u2E1D\u2E20\u2E21\u{1F676}-\u{1F678}]/u;

/** The Sentence_Break class of one code point (as a string of one code point). */
export function classifyCodePoint(c: string): SentenceClass {
  if (PARA_SEP.test(c)) return SentenceClass.ParaSep;
  if (NUMBER_SIGN.test(c)) return SentenceClass.Numeric;
  if (EXTEND_FORMAT.test(c)) return SentenceClass.ExtendFormat;
  if (SP.test(c)) return SentenceClass.Sp;
  if (GEORGIAN_LETTER.test(c)) return SentenceClass.OLetter;
  if (LOWER.test(c)) return SentenceClass.Lower;
  if (UPPER.test(c)) return SentenceClass.Upper;
  if (OLETTER.test(c)) return SentenceClass.OLetter;
  if (NUMERIC.test(c)) return SentenceClass.Numeric;
  if (ATERM.test(c)) return SentenceClass.ATerm;
  if (STERM.test(c)) return SentenceClass.STerm;
  if (SCONTINUE.test(c)) return SentenceClass.SContinue;
  if (CLOSE.test(c)) return SentenceClass.Close;
  return SentenceClass.Other;
}

// Most text Parallax reads is ASCII: its classes are looked up, not matched. Built on first use,
// so that a bundle importing this module without splitting (the content script) runs nothing.
let asciiClasses: Uint8Array | null = null;

function buildAsciiClasses(): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < 128; i++) table[i] = classifyCodePoint(String.fromCharCode(i));
  return table;
}

/** The class of the code point at `i` of `text` (a code point's first UTF-16 unit). */
function classAt(text: string, i: number): SentenceClass {
  const unit = text.charCodeAt(i);
  if (unit < 128) return (asciiClasses ??= buildAsciiClasses())[unit]! as SentenceClass;
  return classifyCodePoint(String.fromCodePoint(text.codePointAt(i)!));
}

/** UTF-16 length of the code point at `i`. */
function width(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** The first offset at or after `i` that is not an Extend or Format character (SB5). */
function skipExtendFormat(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) >= 128 && classAt(text, i) === SentenceClass.ExtendFormat) i += width(text, i);
  return i;
}

/** The class of the last code point before `i` that is not Extend or Format, or Other at the start. */
function classBefore(text: string, i: number): SentenceClass {
  while (i > 0) {
    let at = i - 1;
    const unit = text.charCodeAt(at);
    if (unit >= 0xdc00 && unit <= 0xdfff && at > 0) {
      const lead = text.charCodeAt(at - 1);
      if (lead >= 0xd800 && lead <= 0xdbff) at--;
    }
    const cls = classAt(text, at);
    if (cls !== SentenceClass.ExtendFormat) return cls;
    i = at;
  }
  return SentenceClass.Other;
}

// Where a sentence may end: after a terminator (ATerm or STerm) or a paragraph separator. U+2024
// (one dot leader) is an ATerm without being a Sentence_Terminal.
const CANDIDATE = /[\p{Sentence_Terminal}\u2024\n\r\u0085\u2028\u2029]/gu;

/**
 * The offsets in `text` where a sentence ends and the next begins, in order: neither 0 nor
 * `text.length` (SB1, SB2). Each sentence keeps its closing marks and following spaces, as the
 * segmenter's segments do.
 */
export function sentenceBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  const n = text.length;
  const candidates = CANDIDATE;
  candidates.lastIndex = 0;
  for (let m = candidates.exec(text); m !== null; m = candidates.exec(text)) {
    const at = m.index;
    const mark = m[0];
    const cls = classAt(text, at);
    if (cls === SentenceClass.ParaSep) {
      // SB3: CR × LF; SB4: a break after every other paragraph separator.
      if (mark === '\r' && text.charCodeAt(at + 1) === 10) continue;
      if (at + 1 < n) boundaries.push(at + 1);
      continue;
    }
    // SATerm Close* Sp*, Extend and Format characters absorbed (SB5).
    let j = skipExtendFormat(text, at + mark.length);
    const afterTerm = j;
    while (j < n && classAt(text, j) === SentenceClass.Close) j = skipExtendFormat(text, j + width(text, j));
    while (j < n && classAt(text, j) === SentenceClass.Sp) j = skipExtendFormat(text, j + width(text, j));
    candidates.lastIndex = j;
    if (j >= n) break;
    const next = classAt(text, j);
    // SB4 after the separator itself, found as the next candidate; SB8a: SATerm Close* Sp* × (SContinue | SATerm).
    if (next === SentenceClass.ParaSep || next === SentenceClass.SContinue || next === SentenceClass.ATerm || next === SentenceClass.STerm) continue;
    if (cls === SentenceClass.ATerm && !continuesAfterFullStop(text, at, afterTerm, j, next)) {
      boundaries.push(j);
    } else if (cls !== SentenceClass.ATerm) {
      boundaries.push(j); // SB11
    }
  }
  return boundaries;
}

/**
 * Whether a full stop at `at` does not end a sentence (SB6–SB8): "3.5" (ATerm × Numeric),
 * "U.S" (Upper/Lower ATerm × Upper, nothing between), "etc. and" (ATerm Close* Sp* × any
 * non-letters, then a lowercase letter). `afterTerm` is the offset after the stop, `j` after its
 * closing marks and spaces, `next` the class at `j`.
 */
function continuesAfterFullStop(text: string, at: number, afterTerm: number, j: number, next: SentenceClass): boolean {
  if (afterTerm === j) {
    if (next === SentenceClass.Numeric) return true;
    if (next === SentenceClass.Upper) {
      const before = classBefore(text, at);
      if (before === SentenceClass.Upper || before === SentenceClass.Lower) return true;
    }
  }
  // SB8: ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower. The scan stops at the first
  // letter or terminator, which the candidate search has not passed yet: each character is read
  // by at most one such scan.
  for (let k = j; k < text.length; k += width(text, k)) {
    switch (classAt(text, k)) {
      case SentenceClass.Lower:
        return true;
      case SentenceClass.OLetter:
      case SentenceClass.Upper:
      case SentenceClass.ParaSep:
      case SentenceClass.ATerm:
      case SentenceClass.STerm:
        return false;
      default:
    }
  }
  return false;
}
