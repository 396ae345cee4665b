/**
 * Text normalization: what "the same words" means to Parallax.
 *
 * Two outlets print the same sentence with curly or straight quotes, "U.S." or "US",
 * "Zelenskyy’s" or "Zelenskyy's", a non-breaking space here and a soft hyphen there. Matching must
 * not see those differences, and highlighting must still find the words on the page, so
 * `tokenize` reports each word's normalized form together with its offsets in the input as given.
 *
 * Contractions are expanded to the words they stand for, so that "we're not" and "we are not"
 * compare equal: "we're" → "we" + "are", "isn't" → "is" + "not", "won't" → "will" + "not",
 * "can't" → "can" + "not", "I'm" → "i" + "am", "they've" → "they" + "have", "we'll" → "we" + "will",
 * "I'd" → "i" + "would". A final "'s" is "is" after a pronoun or "there/here/that/what/who…"
 * ("it's" → "it" + "is", "let's" → "let" + "us") and a possessive everywhere else, where it is
 * dropped ("Russia's" → "russia", even in "the president's probably at a point", which reads as
 * "president is": dropping is the safe reading for both). The expanded words each carry the
 * offsets of the letters they come from ("we" = "we", "are" = "'re").
 */

/** One word of a text: its normalized form and where it is in the input. */
export interface Token {
  norm: string;
  /** Offset of the word's first character in the input string. */
  start: number;
  /** Offset just past the word's last character in the input string. */
  end: number;
}

// Characters that carry no meaning inside a word and are often injected by CMSes and
// copy-paste: soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM.
const INVISIBLE_IN_WORD = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
const WORD_CHAR = '\\p{L}\\p{N}\\p{M}';
// Apostrophe look-alikes as they appear between letters: ASCII, right and left single quotes,
// modifier letter apostrophe, fullwidth apostrophe, grave and acute accents, prime.
const APOSTROPHES = "'\\u2019\\u2018\\u02BC\\uFF07`\\u00B4\\u2032";
// A raw word: word characters, possibly joined by apostrophes, periods or commas that sit between
// word characters ("Russia's", "U.S", "3.5", "1,000"). Hyphens and dashes never join: they split.
// The two classes are disjoint, so the regex cannot backtrack more than once per word: linear.
const RAW_WORD = new RegExp(
  `[${WORD_CHAR}][${WORD_CHAR}${INVISIBLE_IN_WORD}]*` +
    `(?:[${APOSTROPHES}.,]+[${WORD_CHAR}][${WORD_CHAR}${INVISIBLE_IN_WORD}]*)*`,
  'gu',
);
/** RAW_WORD searched from a given offset (its own lastIndex: matchAll copies RAW_WORD's). */
const RAW_WORD_FROM = new RegExp(RAW_WORD.source, RAW_WORD.flags);
const APOSTROPHE_RE = new RegExp(`[${APOSTROPHES}]`, 'u');
const INVISIBLE_RE = new RegExp(`[${INVISIBLE_IN_WORD}]`, 'gu');
const SINGLE_LETTER = /^\p{L}$/u;
const DIGIT_END = /\p{N}$/u;
const DIGIT_START = /^\p{N}/u;
const THOUSANDS_GROUP = /^\p{N}{3}(?!\p{N})/u;
// Characters read on each side of a period or comma to tell whether it sits inside a number: a
// digit group and the odd invisible character. Bounded, so a long word is read once, not once per period.
const NUMBER_CONTEXT = 16;

// Diacritics are dropped only on scripts where they are accents on a base letter (é → e).
// In Devanagari, Arabic, Hebrew… combining marks are vowels: dropping them would merge words.
const ACCENT_AFTER_BASE = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;
// Letters that NFKD does not decompose but readers treat as spelling variants of ASCII.
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/** Words that take "'s" as "is" (or "us", for "let's") rather than as a possessive. */
const S_MEANS_IS = new Set([
  'it', 'he', 'she', 'that', 'there', 'here', 'what', 'who', 'where', 'when', 'why', 'how',
  'this', 'everyone', 'everybody', 'someone', 'somebody', 'nobody', 'nothing', 'everything', 'something',
]);
const CONTRACTION_TAILS: Readonly<Record<string, string>> = { re: 'are', ve: 'have', ll: 'will', d: 'would' };
/** "n't" bases whose spelling differs from the verb: "can't", "won't", "shan't", "ain't". */
const NOT_BASES: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'is' };

/** Lowercase, fold compatibility forms and accents, drop invisible characters and joiners. */
function foldWord(raw: string): string {
  // Every accent, ligature, compatibility form and invisible character lies beyond ASCII: an ASCII
  // word has nothing to fold but its case (the possessives and contractions of English news,
  // "Russia's", "don't", come here in two pieces each).
  if (isAscii(raw)) return raw.toLowerCase();
  return raw
    .replace(INVISIBLE_RE, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(ACCENT_AFTER_BASE, '$1')
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c] ?? c)
    // Again: compatibility forms can decompose to capitals ("𝓐" → "A").
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Split `text` into normalized word tokens. Punctuation is not a token; hyphens split
 * ("Russia-Ukraine" → "russia", "ukraine"); letter-period acronyms join ("U.S." / "U.S" / "US" → "us",
 * "J.D." → "jd"); numbers stay whole ("3.5", "1,000" → "1000"). Offsets are into `text` as given.
 * Linear in the length of the text.
 */
export function tokenize(text: string): Token[] {
  // Most of English news is plain ASCII: a run of ASCII letters and digits ended by an ASCII
  // character that neither continues nor joins a raw word (a space, most punctuation) is a whole
  // raw word of RAW_WORD, and its token is that run lower-cased (see splitRawWord). Those are read
  // here without the regex; from any other character the regex finds the next raw word, exactly as
  // `tokenizeByPattern` does everywhere (tests/lib/match/fast-path.test.ts pins the two together).
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (isAsciiAlnum(c)) {
      let end = i + 1;
      while (end < length && isAsciiAlnum(text.charCodeAt(end))) end++;
      if (endsAsciiWord(text, end)) {
        tokens.push({ norm: text.slice(i, end).toLowerCase(), start: i, end });
        i = end;
        continue;
      }
    } else if (c < 128) {
      // ASCII outside letters and digits never opens a raw word.
      i++;
      continue;
    }
    RAW_WORD_FROM.lastIndex = i;
    const match = RAW_WORD_FROM.exec(text);
    if (match === null) break;
    const start = match.index;
    splitRawWord(text, start, start + match[0].length, tokens);
    i = start + match[0].length;
  }
  return tokens;
}

/**
 * `tokenize` as the pattern alone gives it: every raw word RAW_WORD finds, split by splitRawWord.
 * The reference `tokenize`'s shortcut is tested against.
 */
export function tokenizeByPattern(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(RAW_WORD)) {
    const start = match.index;
    splitRawWord(text, start, start + match[0].length, tokens);
  }
  return tokens;
}

/** 0-9, A-Z, a-z. */
function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether a run of ASCII letters and digits ending at `end` is a whole raw word: the text ends
 * there, or what follows is ASCII punctuation or space that does not join it to a next word. RAW_WORD
 * joins words by a run of apostrophes, grave accents, periods and commas followed by a word
 * character ("U.S", "it's", "1,000"); after such a run, an ASCII character other than a letter or
 * digit (or the end of the text) ends the word ("Friday." "talks,"). A character beyond ASCII may
 * continue the word (a letter, a mark, an invisible one) or join it (a curly apostrophe): the regex
 * decides those.
 */
function endsAsciiWord(text: string, end: number): boolean {
  let k = end;
  while (k < text.length && isAsciiJoiner(text.charCodeAt(k))) k++;
  if (k === text.length) return true;
  const c = text.charCodeAt(k);
  return c < 128 && !isAsciiAlnum(c);
}

/** ' ` . , */
function isAsciiJoiner(c: number): boolean {
  return c === 39 || c === 96 || c === 46 || c === 44;
}

/** The normalized words of `text`, in order: what matching compares. */
export function normalizedTokens(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

/** Break one raw word at its commas and periods, unless they belong to a number or an acronym. */
function splitRawWord(text: string, start: number, end: number, out: Token[]): void {
  // Most words of English news are plain ASCII letters and digits, for which every step below
  // (acronyms, separators, apostrophes, folding) comes down to lower-casing: matching tokenizes
  // every page sentence, and this is most of its cost.
  if (isPlainAscii(text, start, end)) {
    out.push({ norm: text.slice(start, end).toLowerCase(), start, end });
    return;
  }
  const raw = text.slice(start, end);
  const acronym = asAcronym(raw);
  if (acronym !== null) {
    // "U.S." keeps its final period: the word as printed is "U.S.", and a highlight should cover it.
    const withFinalPeriod = text[end] === '.' ? end + 1 : end;
    out.push({ norm: acronym, start, end: withFinalPeriod });
    return;
  }
  let pieceStart = start;
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '.' || c === ',') {
      // Invisible characters inside a number ("1,0\u00AD00") do not make it two words.
      const before = text.slice(Math.max(pieceStart, i - NUMBER_CONTEXT), i).replace(INVISIBLE_RE, '');
      const after = text.slice(i + 1, Math.min(end, i + 1 + NUMBER_CONTEXT)).replace(INVISIBLE_RE, '');
      const numeric =
        DIGIT_END.test(before) && (c === '.' ? DIGIT_START.test(after) : THOUSANDS_GROUP.test(after));
      if (!numeric) {
        pushPiece(text, pieceStart, i, out);
        // Skip the whole run of separators ("end...Then").
        while (i < end && (text[i] === '.' || text[i] === ',')) i++;
        pieceStart = i;
        continue;
      }
    }
    i++;
  }
  pushPiece(text, pieceStart, end, out);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return false;
  return true;
}

/** Whether text[start, end) holds only ASCII letters and digits. */
function isPlainAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isAsciiAlnum(text.charCodeAt(i))) return false;
  return true;
}

/** "U.S" / "J.D" / "e.g": single letters joined by periods → the letters ("us", "jd", "eg"). */
function asAcronym(raw: string): string | null {
  if (!raw.includes('.')) return null;
  const parts = raw.replace(INVISIBLE_RE, '').split('.');
  if (parts.length < 2 || !parts.every((p) => SINGLE_LETTER.test(p))) return null;
  return foldWord(parts.join(''));
}

/** One piece without periods or commas outside numbers: handle apostrophes, then emit tokens. */
function pushPiece(text: string, start: number, end: number, out: Token[]): void {
  if (start >= end) return;
  const piece = text.slice(start, end);
  const parts = piece.split(APOSTROPHE_RE);
  if (parts.length === 2) {
    const head = parts[0] ?? '';
    const tail = parts[1] ?? '';
    const headEnd = start + head.length;
    if (expandContraction(head, tail, start, headEnd, end, out)) return;
  }
  emit(foldWord(parts.join('').replace(/,/g, '')), start, end, out);
}

function emit(norm: string, start: number, end: number, out: Token[]): void {
  if (norm.length > 0) out.push({ norm, start, end });
}

/**
 * Expand "head'tail" when it is a contraction or a possessive; false when the apostrophe is part of
 * a name ("O'Brien" → "obrien", "d'Orsay" → "dorsay").
 */
function expandContraction(
  head: string,
  tail: string,
  start: number,
  headEnd: number,
  end: number,
  out: Token[],
): boolean {
  const h = foldWord(head);
  const t = foldWord(tail);
  if (t === 't' && h.length > 1 && h.endsWith('n')) {
    const base = h.slice(0, -1);
    emit(NOT_BASES[base] ?? base, start, headEnd - 1, out);
    emit('not', headEnd - 1, end, out);
    return true;
  }
  if (t === 's') {
    if (h === 'let') {
      emit(h, start, headEnd, out);
      emit('us', headEnd, end, out);
    } else if (S_MEANS_IS.has(h)) {
      emit(h, start, headEnd, out);
      emit('is', headEnd, end, out);
    } else {
      emit(h, start, end, out);
    }
    return true;
  }
  if (t === 'm' && h === 'i') {
    emit(h, start, headEnd, out);
    emit('am', headEnd, end, out);
    return true;
  }
  const expanded = CONTRACTION_TAILS[t];
  if (expanded !== undefined) {
    emit(h, start, headEnd, out);
    emit(expanded, headEnd, end, out);
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Display-neutral text

const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u2036\u301D\u301E\uFF02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02BC\u2039\u203A]/g;
// Every dash: Unicode dash punctuation (hyphen, en/em dash, figure dash, …) plus the minus sign.
const DASHES = /[\p{Pd}\u2212]/gu;
// Zero-width and formatting characters vanish (they sit inside words); control characters other
// than whitespace become spaces (they sit between words).
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\p{Cf}]/gu;
const CONTROL = /[\p{Cc}]/gu;
const WHITESPACE_RUN = /\s+/gu;

/**
 * The text as a reader sees it, with typographic variation removed: NFKC (so "…" → "...",
 * non-breaking space → space, fullwidth → ASCII), curly quotes → straight, every dash → "-",
 * invisible characters removed, whitespace collapsed to single spaces, trimmed.
 * For comparing wordings on screen; matching compares `normalizedTokens`.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}
