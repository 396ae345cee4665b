/**
 * Word-level diff of a page sentence against another outlet's wording of the same point.
 *
 * The diff itself is jsdiff's Myers diff (`diffArrays`) over our own tokens, so that what counts as
 * "the same word" is decided here, in one place: tokens are compared by a key that folds case,
 * curly vs straight quotes and apostrophes, dash variants, dotted abbreviations ("U.S." = "US")
 * and British/American spelling ("endeavour" = "endeavor", lib/diff/spelling.ts). Differences
 * that only such folding removes, that touch only punctuation, or that replace a name by its
 * transliteration ("Zelensky" → "Zelenskyy") are still reported, but marked `quiet`: a reader
 * comparing wording wants "or → and" to stand out, and "— → –" or "Kiev → Kyiv" not to.
 *
 * Cost: tokenizing is linear; the diff is O((N + M) · D) for N and M tokens and D edits, i.e.
 * near-linear for close wordings and about N·M for unrelated ones. A sentence pair beyond
 * MAX_EDIT_LENGTH edits is reported as one replacement instead of being diffed.
 */
import { diffArrays } from 'diff';
import { isSpellingVariant, spellingKey } from './spelling';

/**
 * Edits past which two texts are called wholly different rather than diffed. News sentences have
 * tens of tokens, so 600 edits still diffs two unrelated 300-token sentences in full, while the
 * worst case (long, unrelated texts) stays near 20 ms in Node instead of growing quadratically.
 */
export const MAX_EDIT_LENGTH = 600;

/** How a stretch of the other outlet's sentence relates to the page sentence. */
export type WordDiffOp =
  /** The same words in both. */
  | 'equal'
  /** Only the other sentence has these words. */
  | 'inserted'
  /** Only the page sentence has these words. */
  | 'deleted'
  /** The page's words here were replaced by others. */
  | 'replaced';

export interface WordDiffSegment {
  op: WordDiffOp;
  /**
   * The difference is only punctuation, case, quotation-mark or dash style, dots in an
   * abbreviation, or spelling (British/American, transliterated names). Always false for `equal`.
   */
  quiet: boolean;
  /** The page sentence's text of this stretch, exactly as written ('' when inserted). */
  page: string;
  /** The other sentence's text of this stretch, exactly as written ('' when deleted). */
  other: string;
  /** The whitespace before this stretch in the page sentence ('' when inserted). */
  pageBefore: string;
  /** The whitespace before this stretch in the other sentence ('' when deleted). */
  otherBefore: string;
}

/** A word or punctuation mark of a sentence. */
export interface Token {
  /** As written. */
  text: string;
  /** As a reader sees it: without the invisible characters inside a word. */
  visible: string;
  /** What the diff compares: equal keys mean "the same word". */
  key: string;
  start: number;
  end: number;
  /** True for letters or digits; false for a punctuation mark. */
  isWord: boolean;
}

/**
 * One token per: a dotted abbreviation ("U.S.", "J.D."), a word with inner apostrophes ("we’re",
 * "Russia's"), an ellipsis, a run of dashes, or any other single non-space character. A word keeps
 * the invisible characters pages put between its letters (soft hyphens, zero-width spaces and joiners):
 * "Rub\u00ADio" is the word "Rubio", as matching reads it (lib/text/normalize.ts).
 */
const TOKEN_PATTERN =
  /(\p{Lu}\.(?:\p{Lu}\.)+)|([\p{L}\p{M}\p{N}]+(?:[\u00AD\u200B-\u200D\u2060\uFEFF]+[\p{L}\p{M}\p{N}]+)*(?:['’ʼ][\p{L}\p{M}\p{N}]+(?:[\u00AD\u200B-\u200D\u2060\uFEFF]+[\p{L}\p{M}\p{N}]+)*)*)|(\.{3}|…)|([-‐‑‒–—―−]+)|(\S)/gu;
const INVISIBLE_IN_WORD = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

const DOUBLE_QUOTES = /["“”„‟«»″]/u;
const SINGLE_QUOTES = /['‘’‚‛`´′]/u;
const APOSTROPHES = /['’ʼ]/gu;

function punctuationKey(mark: string): string {
  if (DOUBLE_QUOTES.test(mark)) return '"';
  if (SINGLE_QUOTES.test(mark)) return "'";
  return mark.normalize('NFKC');
}

/** The words and punctuation marks of a text, keyed for comparison (see Token). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    const [raw, abbreviation, word, ellipsis, dashes] = m;
    const start = m.index;
    let key: string;
    let isWord = false;
    if (abbreviation !== undefined) {
      key = abbreviation.replaceAll('.', '').toLowerCase();
      isWord = true;
    } else if (word !== undefined) {
      key = spellingKey(word.replace(INVISIBLE_IN_WORD, '').normalize('NFKC').toLowerCase().replace(APOSTROPHES, "'"));
      isWord = true;
    } else if (ellipsis !== undefined) {
      key = '…';
    } else if (dashes !== undefined) {
      key = '-';
    } else {
      key = punctuationKey(raw);
    }
    tokens.push({ text: raw, visible: raw.replace(INVISIBLE_IN_WORD, ''), key, start, end: start + raw.length, isWord });
  }
  return tokens;
}

/**
 * The words of a text as the diff compares them, punctuation left out: lower case, apostrophes
 * straightened, abbreviation dots dropped, British spellings as American. Two texts with equal
 * word keys say the same words.
 */
export function wordKeys(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.isWord)
    .map((t) => t.key);
}

/** One word as another's spelling: the same key, or the same name transliterated. */
function sameWord(a: Token, b: Token): boolean {
  return a.key === b.key || isSpellingVariant(a.visible, b.visible);
}

/** Whether two runs of tokens are the same words, one by one, once punctuation is dropped. */
export function sameWordTokens(a: readonly Token[], b: readonly Token[]): boolean {
  const wa = a.filter((t) => t.isWord);
  const wb = b.filter((t) => t.isWord);
  return wa.length === wb.length && wa.every((t, i) => sameWord(t, wb[i]!));
}

/**
 * True when two texts have the same words, whatever their punctuation, case, quote style and
 * spelling variants ("endeavour"/"endeavor", "Zelensky"/"Zelenskyy").
 */
export function sameWords(a: string, b: string): boolean {
  return sameWordTokens(tokenize(a), tokenize(b));
}

/** Exact source text of tokens[from, to), inner whitespace kept. */
export function sliceOf(text: string, tokens: readonly Token[], from: number, to: number): string {
  if (from >= to) return '';
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/** The whitespace before tokens[i] in its text. */
export function whitespaceBefore(text: string, tokens: readonly Token[], i: number): string {
  const token = tokens[i];
  if (token === undefined) return '';
  const previousEnd = i === 0 ? token.start : tokens[i - 1]!.end;
  return text.slice(previousEnd, token.start);
}

/**
 * Diff `page` (the sentence on the page the reader is on) against `other` (another outlet's
 * sentence). Segments come in reading order, the page's deleted words in place; concatenating
 * `pageBefore` + `page` of all segments gives back `page`, and `otherBefore` + `other` gives back
 * `other` (each less leading and trailing whitespace). Deterministic: same inputs, same segments.
 */
export function diffWording(page: string, other: string): WordDiffSegment[] {
  const a = tokenize(page);
  const b = tokenize(other);
  const changes = diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
    { maxEditLength: MAX_EDIT_LENGTH },
  );

  const segments: WordDiffSegment[] = [];
  const push = (segment: WordDiffSegment): void => {
    if (segment.page === '' && segment.other === '') return;
    segments.push(segment);
  };

  if (changes === undefined) {
    push({
      op: 'replaced',
      quiet: false,
      page: sliceOf(page, a, 0, a.length),
      other: sliceOf(other, b, 0, b.length),
      pageBefore: '',
      otherBefore: '',
    });
    return segments;
  }

  for (const stretch of diffStretches(changes, (i, j) => a[i]!.visible !== b[j]!.visible)) {
    if (stretch.kind === 'change') {
      const removed = a.slice(stretch.aFrom, stretch.aTo);
      const added = b.slice(stretch.bFrom, stretch.bTo);
      const op: WordDiffOp = removed.length === 0 ? 'inserted' : added.length === 0 ? 'deleted' : 'replaced';
      push({
        op,
        quiet: sameWordTokens(removed, added),
        page: sliceOf(page, a, stretch.aFrom, stretch.aTo),
        other: sliceOf(other, b, stretch.bFrom, stretch.bTo),
        pageBefore: op === 'inserted' ? '' : whitespaceBefore(page, a, stretch.aFrom),
        otherBefore: op === 'deleted' ? '' : whitespaceBefore(other, b, stretch.bFrom),
      });
    } else {
      // Keys are equal; runs split where the tokens as seen differ (case, quote style…).
      const differs = stretch.relation;
      push({
        op: differs ? 'replaced' : 'equal',
        quiet: differs,
        page: sliceOf(page, a, stretch.aFrom, stretch.aTo),
        other: sliceOf(other, b, stretch.bFrom, stretch.bTo),
        pageBefore: whitespaceBefore(page, a, stretch.aFrom),
        otherBefore: whitespaceBefore(other, b, stretch.bFrom),
      });
    }
  }
  return segments;
}

/**
 * A stretch of a jsdiff array diff between sequences a and b, as index ranges: a `change` (what
 * was removed from a, [aFrom, aTo), and added in b, [bFrom, bTo), either possibly empty), or a
 * `same` run of equal keys throughout which `relation(i, j)` of the paired items is one value.
 */
export type DiffStretch<R> = { aFrom: number; aTo: number; bFrom: number; bTo: number } & ({ kind: 'change' } | { kind: 'same'; relation: R });

/**
 * Walks jsdiff's changes in order: consecutive removals and additions make one change stretch, and
 * each run of equal keys is split where `relation` of its paired items changes. The word diff and
 * the meaning alignment share it (each with its own relation). Linear in the diff's length.
 */
export function* diffStretches<R>(changes: readonly { count: number; added: boolean; removed: boolean }[], relation: (i: number, j: number) => R): Generator<DiffStretch<R>> {
  let i = 0; // next item of a
  let j = 0; // next item of b
  let removedFrom = -1;
  let addedFrom = -1;
  for (const change of changes) {
    const count = change.count;
    if (change.removed) {
      if (removedFrom < 0) removedFrom = i;
      i += count;
    } else if (change.added) {
      if (addedFrom < 0) addedFrom = j;
      j += count;
    } else {
      if (removedFrom >= 0 || addedFrom >= 0) {
        yield { kind: 'change', aFrom: removedFrom < 0 ? i : removedFrom, aTo: i, bFrom: addedFrom < 0 ? j : addedFrom, bTo: j };
        removedFrom = -1;
        addedFrom = -1;
      }
      let runStart = 0;
      while (runStart < count) {
        const kind = relation(i + runStart, j + runStart);
        let runEnd = runStart + 1;
        while (runEnd < count && relation(i + runEnd, j + runEnd) === kind) runEnd++;
        yield { kind: 'same', relation: kind, aFrom: i + runStart, aTo: i + runEnd, bFrom: j + runStart, bTo: j + runEnd };
        runStart = runEnd;
      }
      i += count;
      j += count;
    }
  }
  if (removedFrom >= 0 || addedFrom >= 0) {
    yield { kind: 'change', aFrom: removedFrom < 0 ? i : removedFrom, aTo: i, bFrom: addedFrom < 0 ? j : addedFrom, bTo: j };
  }
}

/** What a diff amounts to, for a one-line summary beside it. */
export interface WordDiffSummary {
  /** Segments that change words. */
  changes: number;
  /** Segments that change only punctuation, case, quote style or spelling. */
  quietChanges: number;
  /** Word keys the other sentence shares with the page sentence, over the page's word count. */
  sharedWordShare: number;
}

export function summarizeWordDiff(segments: readonly WordDiffSegment[]): WordDiffSummary {
  let changes = 0;
  let quietChanges = 0;
  let pageWords = 0;
  let sharedWords = 0;
  for (const s of segments) {
    const words = wordKeys(s.page).length;
    pageWords += words;
    if (s.op === 'equal') sharedWords += words;
    else if (s.quiet) {
      quietChanges++;
      sharedWords += words;
    } else changes++;
  }
  return { changes, quietChanges, sharedWordShare: pageWords === 0 ? 0 : sharedWords / pageWords };
}
