/**
 * Sentence splitting for news text.
 *
 * Line breaks are hard boundaries: in the texts Parallax reads (seed files, pasted articles, text
 * extracted block by block from a page) every paragraph, heading, photo credit and list item sits on
 * its own line, so a line never continues a sentence of the line before. Within a line, the Unicode
 * sentence boundaries (UAX #29, the breaks `Intl.Segmenter` proposes; computed by
 * sentence-boundaries.ts, which creates no segmenter) propose the breaks, and a few repairs fix
 * what they get wrong in news copy: they break after "Mr." and "U.S." before a capital, after
 * "Jan." before a date, after "..." mid-sentence, between “Why?” and "he asked", and they leave an opening quotation mark stuck to the previous sentence when
 * no space follows the period (`said.“The`).
 *
 * Spans never include surrounding whitespace or a list bullet, and always satisfy
 * `text === input.slice(start, end)`.
 */

/** A sentence of some text: its words as written and where they are. */
export interface SentenceSpan {
  text: string;
  /** Offset into the input of the sentence's first character. */
  start: number;
  /** Offset into the input just past the sentence's last character. */
  end: number;
}

/** A non-blank line of some text, without its surrounding whitespace and list bullet. */
export interface LineSpan extends SentenceSpan {
  /** Whether the line began with a list bullet ("•", "-", "*", …), which the span leaves out. */
  bulleted: boolean;
}

import { sentenceBoundaries } from './sentence-boundaries';

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
// A list bullet at the start of a line. Typographic bullets may touch the text; the ASCII ones
// ("-", "*") need a space after them so that "-5 degrees" and "*NSYNC" keep their first character.
const BULLET = /^[\u2022\u25E6\u25AA\u25AB\u25CF\u25CB\u25A0\u25A1\u2023\u2043\u2219\u00B7\u27A2\u25BA\u25B8]\s*|^[-*+]\s+/u;
const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Whether a UTF-16 unit is whitespace as a regular expression's `\s` reads it. Trimming with a
 * loop instead of `/\s+$/`: the regular expression tries every start in the sentence.
 */
function isSpace(unit: number): boolean {
  if (unit < 128) return unit === 32 || (unit >= 9 && unit <= 13);
  return unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 ||
    unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
}

/** The non-blank lines of `text`, bullets and surrounding whitespace left out. */
export function splitLines(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let lineStart = 0;
  const pushLine = (from: number, to: number): void => {
    let start = from;
    let end = to;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start >= end) return;
    let bulleted = false;
    const bullet = text.slice(start, end).match(BULLET);
    if (bullet) {
      // A line that is nothing but a bullet is an empty list item: there is no text to keep.
      if (start + bullet[0].length >= end) return;
      bulleted = true;
      start += bullet[0].length;
    }
    lines.push({ text: text.slice(start, end), start, end, bulleted });
  };
  for (const m of text.matchAll(LINE_BREAK)) {
    pushLine(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  pushLine(lineStart, text.length);
  return lines;
}

/** The sentences of `text`, in order. Every line holds at least one sentence. */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  for (const line of splitLines(text)) {
    for (const s of splitLine(line.text)) {
      const start = line.start + s.start;
      const end = line.start + s.end;
      sentences.push({ text: text.slice(start, end), start, end });
    }
  }
  return sentences;
}

/**
 * The sentences of `line`, which holds no line break, read as the middle of a line: unlike
 * `splitSentences`, a leading list bullet is kept as text. For a caller that splits a very long
 * line window by window and starts a window at a sentence of it (lib/extract/sentences.ts).
 */
export function splitLineSentences(line: string): SentenceSpan[] {
  return splitLine(line).map((piece) => ({ text: line.slice(piece.start, piece.end), start: piece.start, end: piece.end }));
}

// --- Within a line ----------------------------------------------------------------------------

interface Piece {
  start: number;
  end: number;
}

// How much of the sentence before a break the repairs look at: they only read its last word or
// marks, and reading a whole long sentence again at every break would make splitting quadratic.
const BEFORE_BREAK_TAIL = 80;
// A numbered-list marker ("12.", "b)") is at most this long, spaces included.
const MAX_LIST_MARKER_CHARS = 8;

/** The Unicode sentences of `line` (UAX #29), before the repairs. */
function unicodePieces(line: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  for (const end of sentenceBoundaries(line)) {
    pieces.push({ start, end });
    start = end;
  }
  if (start < line.length) pieces.push({ start, end: line.length });
  return pieces;
}

/** Sentences of one line (no line breaks inside), offsets relative to the line. */
function splitLine(line: string): Piece[] {
  const raw = unicodePieces(line);
  moveOpeningQuotesForward(line, raw);
  moveSpacedClosingMarksBack(line, raw);
  const merged: (Piece & { hasWord: boolean })[] = [];
  for (const piece of raw) {
    const previous = merged[merged.length - 1];
    const text = line.slice(piece.start, piece.end);
    const hasWord = HAS_WORD.test(text);
    if (previous) {
      const before: BeforeBreak = {
        tail: line.slice(Math.max(previous.start, previous.end - BEFORE_BREAK_TAIL), previous.end),
        whole: previous.end - previous.start <= MAX_LIST_MARKER_CHARS ? line.slice(previous.start, previous.end) : null,
        hasWord: previous.hasWord,
      };
      if (shouldJoin(before, text, hasWord)) {
        previous.end = piece.end;
        previous.hasWord ||= hasWord;
        continue;
      }
    }
    merged.push({ ...piece, hasWord });
  }
  const out: Piece[] = [];
  for (const piece of merged) {
    const trimmed = trim(line, piece);
    if (trimmed.start < trimmed.end) out.push(trimmed);
  }
  return out;
}

/** What the repairs know of the sentence before a proposed break. */
interface BeforeBreak {
  /** Its last characters (BEFORE_BREAK_TAIL of them). */
  tail: string;
  /** All of it, when it is short enough to be a list marker; else null. */
  whole: string | null;
  hasWord: boolean;
}

function trim(line: string, piece: Piece): Piece {
  let start = piece.start;
  let end = piece.end;
  while (start < end && isSpace(line.charCodeAt(start))) start++;
  while (end > start && isSpace(line.charCodeAt(end - 1))) end--;
  return { start, end };
}

// Opening quotation marks, and the corner and angle brackets Chinese and Japanese quote with
// (「」『』《》〈〉【】〔〕, fullwidth parentheses): `述べた。「準備` breaks after the bracket too.
const OPENING_QUOTES = new Set([
  '\u201C', '\u2018', '\u00AB', '\u201E', '\u201A', '\u2039',
  '\u300C', '\u300E', '\u300A', '\u3008', '\u3010', '\u3014', '\uFF08',
]);
// Closing marks that never open a sentence. French sets its closing guillemet off with a space
// (`« Nous sommes prêts. » Le sommet`), and the Unicode rules keep no closing mark after a space
// with the sentence before.
const CLOSING_MARKS = new Set([
  '\u00BB', '\u201D', '\u2019', '\u203A', ')', ']',
  '\u300D', '\u300F', '\u300B', '\u3009', '\u3011', '\u3015', '\uFF09',
]);
const SPACE = /\s/u;

/**
 * `said.“The` — with no space after the period the Unicode rules break after the quotation mark, so
 * the next sentence's opening mark ends the previous one. Give it back. A straight `"` is an
 * opening mark when an even number of straight quotes precede it on the line.
 */
function moveOpeningQuotesForward(line: string, pieces: Piece[]): void {
  const straightBefore = line.includes('"') ? straightQuotesBefore(line) : null;
  for (let i = 0; i + 1 < pieces.length; i++) {
    const piece = pieces[i]!;
    const next = pieces[i + 1]!;
    let cut = piece.end;
    while (cut > piece.start) {
      const c = line[cut - 1]!;
      const opens = OPENING_QUOTES.has(c) || (c === '"' && straightBefore !== null && straightBefore[cut - 1]! % 2 === 0);
      if (!opens) break;
      cut--;
    }
    if (cut < piece.end && cut > piece.start) {
      next.start = cut;
      piece.end = cut;
    }
  }
}

/**
 * `prêts. » Le sommet` — a closing mark that starts a piece and stands alone (a space or the line's
 * end after it) closes the sentence before: move it and its spaces back. A mark that touches the
 * next word (`»Wir sind bereit«, sagte er`, as German quotes) stays where it is.
 */
function moveSpacedClosingMarksBack(line: string, pieces: Piece[]): void {
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!CLOSING_MARKS.has(line[piece.start]!)) continue;
    let cut = piece.start + 1;
    if (cut < piece.end && !SPACE.test(line[cut]!)) continue;
    while (cut < piece.end && SPACE.test(line[cut]!)) cut++;
    pieces[i - 1]!.end = cut;
    piece.start = cut;
  }
}

/** For each offset of `line`, how many straight double quotes precede it (one pass, not one per query). */
function straightQuotesBefore(line: string): Uint32Array {
  const counts = new Uint32Array(line.length + 1);
  for (let i = 0; i < line.length; i++) counts[i + 1] = counts[i]! + (line[i] === '"' ? 1 : 0);
  return counts;
}

// Abbreviations that stand before a name and so never end a sentence ("Mr. Smith", "Gen. Kellogg").
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Mx', 'Messrs', 'Dr', 'Prof', 'Rev', 'Fr', 'Hon', 'Pres', 'Gov', 'Sen', 'Sens', 'Rep',
  'Reps', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cmdr', 'Adm', 'Sgt', 'Cpl', 'Pvt', 'Brig', 'Supt', 'Insp', 'Det',
  'Amb', 'Atty', 'St', 'Ste', 'Mt', 'Ft', 'vs', 'Vs', 'approx', 'Approx', 'cf',
]);
// Abbreviations that stand before a number ("Jan. 20", "No. 1", "Vol. 3"): no break before a digit.
const BEFORE_NUMBER = new Set([
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'No', 'no', 'Nos', 'nos', 'Nr', 'Vol', 'vol', 'Fig', 'fig', 'Art', 'art', 'Sec', 'sec', 'Ch', 'ch',
  'Pt', 'pt', 'Para', 'para', 'p', 'pp', 'Ref', 'ref', 'Ed', 'ed', 'ca',
]);
// Words that begin sentences. After "U.S." or an initial, a capitalized word from this list starts
// a new sentence ("…in the U.S. The next day"); any other capitalized word continues a name or a
// title ("U.S. President Donald Trump", "George W. Bush").
const SENTENCE_STARTERS = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'They', 'We', 'I', 'You',
  'His', 'Her', 'Their', 'Our', 'My', 'Your', 'There', 'Here', 'But', 'And', 'Or', 'Nor', 'So', 'Yet',
  'Still', 'If', 'When', 'While', 'Whether', 'Although', 'Though', 'As', 'After', 'Before', 'Since',
  'Because', 'However', 'Meanwhile', 'Despite', 'In', 'On', 'At', 'For', 'From', 'With', 'Without', 'By',
  'To', 'Of', 'Under', 'Over', 'During', 'Last', 'Next', 'Earlier', 'Later', 'Now', 'Then', 'Some',
  'Many', 'Most', 'Several', 'Both', 'Neither', 'Either', 'Each', 'Every', 'All', 'No', 'Not', 'One',
  'Other', 'Another', 'Such', 'What', 'Who', 'Why', 'How', 'Where', 'Which', 'According', 'Also',
  'Instead', 'Nevertheless', 'Nonetheless', 'Moreover', 'Furthermore', 'Indeed', 'Officials', 'Analysts',
  'Critics', 'Experts', 'Asked', 'Speaking', 'Separately', 'Elsewhere', 'Even', 'Only', 'Just', 'Once',
  'Until', 'Unless', 'Thus', 'Therefore', 'Yes', 'Among', 'About', 'Like', 'Unlike', 'Amid',
]);

const LAST_WORD_BEFORE_PERIOD = /(?:^|[\s(\[“‘"'\u2014\u2013-])([\p{L}]+(?:\.[\p{L}]+)*)\.\s*$/u;
const DOTTED_LETTERS = /^\p{L}(?:\.\p{L})*$/u;
const ELLIPSIS_END = /(?:\u2026|\.\s*\.\s*\.)\s*$/u;
const QUESTION_OR_EXCLAMATION_IN_QUOTES = /[?!][\u201D\u2019"')\]]+\s*$/u;
const CLOSERS_AFTER_QUESTION = new Set(['\u201D', '\u2019', '"', "'", ')', ']']);
const LIST_NUMBER = /^\s*(?:\d{1,3}|[a-zA-Z])[.)]\s*$/u;
const FIRST_WORD = /^[\s\u201C\u2018"'(\[]*([\p{L}]+)/u;
const STARTS_LOWERCASE = /^[\s\u201C\u2018"'(\[]*\p{Ll}/u;
const STARTS_WITH_DIGIT = /^\s*\p{N}/u;
const STARTS_WITH_OPENING_QUOTE = /^\s*[\u201C\u2018"]/u;

/** The last character of `text` that is not whitespace, or '' when there is none. */
function lastMark(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end > 0 ? text[end - 1]! : '';
}

const ASCII_LETTER = /^[A-Za-z]$/;
// The ASCII characters LAST_WORD_BEFORE_PERIOD accepts before a word (whitespace, ( [ " ' -).
const ASCII_BEFORE_WORD = /^[\t-\r ("'\[-]$/;

/**
 * LAST_WORD_BEFORE_PERIOD's word of `tail`, which ends with a period and spaces. The regular
 * expression tries every start in the tail at every break; when the word and the character before
 * it are ASCII (nearly always in English news) a backward scan finds the same word, and anything
 * else goes to the regular expression.
 */
function lastWordBeforePeriod(tail: string): string | undefined {
  let end = tail.length;
  while (end > 0 && tail.charCodeAt(end - 1) === 32) end--;
  // A period, then nothing but ASCII spaces: else the regular expression decides.
  if (end === 0 || tail[end - 1] !== '.') {
    return tail.match(LAST_WORD_BEFORE_PERIOD)?.[1];
  }
  const wordEnd = end - 1;
  let start = wordEnd;
  while (start > 0) {
    const c = tail[start - 1]!;
    if (c === '.' || ASCII_LETTER.test(c)) start--;
    else if (c.charCodeAt(0) >= 128) return tail.match(LAST_WORD_BEFORE_PERIOD)?.[1];
    else break;
  }
  if (start > 0 && !ASCII_BEFORE_WORD.test(tail[start - 1]!)) return undefined;
  const word = tail.slice(start, wordEnd);
  return /^[A-Za-z]+(?:\.[A-Za-z]+)*$/.test(word) ? word : undefined;
}

/** Whether the Unicode break between `before` and `after` is wrong for news text. */
function shouldJoin(before: BeforeBreak, after: string, afterHasWord: boolean): boolean {
  // A piece with no words (a stray closing mark, a lone dash) belongs to the sentence before it.
  if (!afterHasWord || !before.hasWord) return true;
  // A numbered-list marker ("1.", "b)") is not a sentence.
  if (before.whole !== null && LIST_NUMBER.test(before.whole)) return true;
  const tail = before.tail;
  // The tail's last mark picks the repairs that can apply (each of their patterns ends with one).
  const mark = lastMark(tail);
  // "…it's just a meeting to have another meeting… I'm willing": an ellipsis is a pause.
  if ((mark === '.' || mark === '\u2026') && ELLIPSIS_END.test(tail)) return true;
  // “Why?” he asked. — a lowercase word after ?/! inside quotes continues the sentence.
  if (CLOSERS_AFTER_QUESTION.has(mark) && QUESTION_OR_EXCLAMATION_IN_QUOTES.test(tail) && STARTS_LOWERCASE.test(after)) return true;
  if (mark !== '.') return false;
  const word = lastWordBeforePeriod(tail);
  if (word === undefined) return false;
  if (TITLES.has(word)) return true;
  if (BEFORE_NUMBER.has(word) && STARTS_WITH_DIGIT.test(after)) return true;
  // Initials and dotted abbreviations: "George W. Bush", "J.D. Vance", "U.S. President", "3 p.m. Friday".
  if (DOTTED_LETTERS.test(word)) {
    if (STARTS_WITH_OPENING_QUOTE.test(after)) return false;
    const next = after.match(FIRST_WORD)?.[1];
    if (next === undefined) return false;
    return !SENTENCE_STARTERS.has(next);
  }
  return false;
}
