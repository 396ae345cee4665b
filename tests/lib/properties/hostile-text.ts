/**
 * Text a news page may hand Parallax, at its worst: any code point (lone surrogates included),
 * right-to-left scripts with their marks, emoji with skin tones, ZWJ sequences, flags and keycaps,
 * invisible and control characters, and real sentences of the story in between, so that matching
 * has something to find. Shared by the property tests of this folder.
 */
import fc from 'fast-check';

/** Words of the story, so generated text sometimes reads as (broken) news. */
export const NEWS_WORDS = [
  'Rubio', 'said', 'the', 'United', 'States', 'U.S.', 'may', 'walk', 'away', 'from', 'peace', 'efforts',
  'Russia', 'Ukraine', 'within', 'days', 'Paris', 'talks', 'we’re', 'isn’t', 'Zelenskyy’s', '“We', 'done,”',
  'Mr.', 'Jan.', '20', '3.5', '1,000', 'Kremlin', 'Peskov', 'Trump', 'minerals', 'deal', 'Friday', 'endeavor',
];

export const ARABIC_WORDS = ['قال', 'روبيو', 'الولايات', 'المتحدة', 'السلام', 'أوكرانيا', 'روسيا', 'باريس', 'مُحادثات', 'خلال', 'أيام'];
export const HEBREW_WORDS = ['אמר', 'רוביו', 'ארצות', 'הברית', 'שָׁלוֹם', 'אוקראינה', 'רוסיה', 'פריז', 'שיחות', 'ימים'];
/** Sentence ends of those scripts, and bidi marks, embeddings and isolates as editors leave them. */
export const RTL_MARKS = ['؟', '،', '۔', '׃', '״', '\u200E', '\u200F', '\u202B', '\u202C', '\u2067', '\u2069', '\u061C'];

export const EMOJI = [
  '😀', '👍🏽', '👨‍👩‍👧‍👦', '👩🏾‍💻', '🏳️‍🌈', '🇺🇦', '🇺🇸', '🇷🇺', '1️⃣', '#️⃣', '❤️', '🤷‍♀️', '🧑🏻‍🤝‍🧑🏿', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
];

/** Zero-width and formatting characters that CMSes and copy-paste put inside and between words. */
export const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
export const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u001B', '\u007F', '\u0085', '\u009B', '\u2028', '\u2029', '\r', '\n', '\v', '\f'];
export const PUNCTUATION = ['.', ',', '!', '?', '…', '...', '“', '”', '"', "'", '‘', '’', '«', '»', '—', '–', '-', '(', ')', ':', ';'];
/** Whitespace other than the plain space: what "extra whitespace" may be made of. */
export const SPACES = [' ', '  ', '\t', ' \t ', '\u00A0', '\u2009', '\u3000'];

const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const combiningMarks = fc.array(fc.integer({ min: 0x300, max: 0x36f }), { minLength: 1, maxLength: 12 }).map((cs) =>
  String.fromCharCode(...cs),
);

/** One piece of hostile text. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWS_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ARABIC_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...HEBREW_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...RTL_MARKS) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...INVISIBLES) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 1, arbitrary: codePoint },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: combiningMarks },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** Hostile text: pieces joined by a space or by nothing. */
export const hostileText = (maxPieces = 60): fc.Arbitrary<string> =>
  fc
    .array(fc.tuple(hostilePiece, fc.constantFrom(' ', ' ', ' ', '')), { maxLength: maxPieces })
    .map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));

/** Text on one line: hostile text with every line break (and the controls that act as one) gone. */
export const hostileLine = (maxPieces = 60): fc.Arbitrary<string> =>
  hostileText(maxPieces).map((t) => t.replace(/[\n\r\v\f\u0085\u2028\u2029]/gu, ' '));

/**
 * `text` with every run of spaces and tabs replaced by the next of `widenings`, in turn: the same
 * text with its words spaced differently. Line breaks are left alone (they end sentences).
 */
export function respace(text: string, widenings: readonly string[]): string {
  if (widenings.length === 0) return text;
  let i = 0;
  return text.replace(/[ \t]+/gu, () => widenings[i++ % widenings.length]!);
}

/** Runs of spaces and tabs to widen a text's spaces with: extra spaces, tabs, mixtures. */
export const widenings: fc.Arbitrary<string[]> = fc.array(fc.constantFrom(' ', '  ', '   ', '\t', ' \t', '\t\t ', '    '), {
  minLength: 1,
  maxLength: 8,
});

/** Whitespace collapsed to one space and trimmed: what must not change when only spacing does. */
export const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();
