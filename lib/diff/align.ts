/**
 * Two wordings of one point aligned by meaning, not only by letters: a reader comparing "The US
 * may withdraw from the talks" with "The US may walk away from the negotiations" should see that
 * both say the same thing, and have the eye drawn to what does not.
 *
 * The words are grouped into units of meaning and each unit gets a key: a lexicon family for
 * words and phrases the matcher folds together ("withdraw", "abandon", "walk away" → "@withdraw";
 * lib/match/lexicon.ts), the Porter stem for other content words ("warns", "warned" → "warn"), and
 * the spelling key for function words and punctuation (lib/diff/spelling.ts: "endeavour" is
 * "endeavor"). jsdiff's Myers diff then runs over the keys, as `diffWording` does over spellings.
 * Units with equal keys but other words are "the same in other words" (`sameMeaning`), which the
 * panel draws quietly; changes that touch only function words and punctuation are `minor`.
 *
 * Cost: as `diffWording` — linear tokenizing and lookups, O((N + M) · D) for the diff, bounded
 * by MAX_EDIT_LENGTH.
 */
import { diffArrays } from 'diff';
import { conceptAt, isFunctionWord, stem } from '../match/terms';
import type { Span } from '../types';
import { diffStretches, MAX_EDIT_LENGTH, sameWordTokens, sliceOf, tokenize, whitespaceBefore, type Token, type WordDiffOp, type WordDiffSegment } from './words';

/** How two stretches with the same meaning key differ in wording. */
export type SameMeaning =
  /** Another form of the same word: "warns" / "warned", "negotiation" / "negotiations". */
  | 'form'
  /** Other words for the same thing: "withdraw from" / "walk away from", "Moscow" / "Russia". */
  | 'synonym';

export interface AlignedSegment extends WordDiffSegment {
  /**
   * Set on a `replaced` stretch whose two sides mean the same (the same lexicon family, or the
   * same stem); null otherwise. Such a stretch is no change of claim.
   */
  sameMeaning: SameMeaning | null;
  /** A change (not `equal`, not `sameMeaning`) of function words and punctuation only: "the", "its", a comma. */
  minor: boolean;
  /** Where this stretch lies in the page's text (empty at the insertion point when inserted). */
  pageSpan: Span;
  /** Where this stretch lies in the other text (empty when deleted). */
  otherSpan: Span;
}

/** A unit of meaning: one token, or the words of a lexicon phrase. */
interface Unit {
  /** Index of its first token, and one past its last. */
  from: number;
  to: number;
  /** What the diff compares. */
  key: string;
  /** The key of its spelling: equal spellings are the same words. */
  spelling: string;
  /** Whether it is content (not a function word, not punctuation). */
  content: boolean;
}

/**
 * Function words that still carry the claim: modal verbs (how sure) and negations. A change of
 * them is never minor.
 */
const CLAIM_WORDS = new Set(['will', 'would', 'shall', 'should', 'may', 'might', 'can', 'could', 'must', 'not', 'no', 'never', 'neither', 'nor', 'none', 'unless', 'without']);

/** "US", "U.S." written in capitals name the country; "us" is a pronoun. */
const COUNTRY_US = /^(?:U\.S\.?|US|U\.S\.A\.?|USA)$/u;

/** The units of meaning of a tokenized text. */
function unitsOf(tokens: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  const lower = tokens.map((t) => (t.isWord ? t.key : ''));
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (!token.isWord) {
      units.push({ from: i, to: i + 1, key: token.key, spelling: token.key, content: false });
      i++;
      continue;
    }
    // A phrase runs over words only: a comma or a dash ends it.
    let wordsAhead = 0;
    while (i + wordsAhead < tokens.length && tokens[i + wordsAhead]!.isWord) wordsAhead++;
    const concept = conceptAt(lower.slice(i, i + wordsAhead), 0);
    if (COUNTRY_US.test(token.visible)) {
      units.push({ from: i, to: i + 1, key: '@us', spelling: token.key, content: true });
      i++;
    } else if (concept !== null) {
      const to = i + concept.length;
      units.push({ from: i, to, key: concept.concept, spelling: lower.slice(i, to).join(' '), content: true });
      i = to;
    } else if (isFunctionWord(token.key)) {
      units.push({ from: i, to: i + 1, key: token.key, spelling: token.key, content: CLAIM_WORDS.has(token.key) });
      i++;
    } else {
      units.push({ from: i, to: i + 1, key: `~${stem(token.key.replace(/'s$/u, ''))}`, spelling: token.key, content: true });
      i++;
    }
  }
  return units;
}

/**
 * Align `page` (the page's sentence) with `other` (another outlet's wording of the same point).
 * Segments come in reading order, as `diffWording` gives them: concatenating `pageBefore` +
 * `page` gives back the page's sentence, `otherBefore` + `other` the other one (less outer
 * whitespace). Deterministic.
 */
export function alignWording(page: string, other: string): AlignedSegment[] {
  const a = tokenize(page);
  const b = tokenize(other);
  const ua = unitsOf(a);
  const ub = unitsOf(b);
  const changes = diffArrays(
    ua.map((u) => u.key),
    ub.map((u) => u.key),
    { maxEditLength: MAX_EDIT_LENGTH },
  );

  const segments: AlignedSegment[] = [];
  const spanOf = (text: string, tokens: readonly Token[], from: number, to: number): Span => {
    if (from < to) return { start: tokens[from]!.start, end: tokens[to - 1]!.end };
    const at = from < tokens.length ? tokens[from]!.start : text.length;
    return { start: at, end: at };
  };
  // Token ranges [aFrom, aTo) and [bFrom, bTo) as one segment.
  const push = (op: WordDiffOp, aFrom: number, aTo: number, bFrom: number, bTo: number, extra: Pick<AlignedSegment, 'quiet' | 'sameMeaning' | 'minor'>): void => {
    const pageText = sliceOf(page, a, aFrom, aTo);
    const otherText = sliceOf(other, b, bFrom, bTo);
    if (pageText === '' && otherText === '') return;
    segments.push({
      op,
      ...extra,
      page: pageText,
      other: otherText,
      pageBefore: op === 'inserted' ? '' : whitespaceBefore(page, a, aFrom),
      otherBefore: op === 'deleted' ? '' : whitespaceBefore(other, b, bFrom),
      pageSpan: spanOf(page, a, aFrom, aTo),
      otherSpan: spanOf(other, b, bFrom, bTo),
    });
  };

  if (changes === undefined) {
    push('replaced', 0, a.length, 0, b.length, { quiet: false, sameMeaning: null, minor: false });
    return segments;
  }

  const tokenAt = (units: readonly Unit[], u: number, tokens: readonly Token[]) => (u < units.length ? units[u]!.from : tokens.length);

  /** How unit x of the page and unit y of the other, with equal keys, relate in wording. */
  const relation = (x: Unit, y: Unit): 'equal' | 'quiet' | SameMeaning => {
    const tx = a.slice(x.from, x.to);
    const ty = b.slice(y.from, y.to);
    if (tx.length === ty.length && tx.every((t, k) => t.visible === ty[k]!.visible)) return 'equal';
    if (sameWordTokens(tx, ty) || x.spelling === y.spelling) return 'quiet';
    // One family holds both: the same word in another form ("warned" / "warn"), or other words.
    const stems = (u: Unit) => u.spelling.split(' ').map(stem).join(' ');
    return x.key.startsWith('@') && stems(x) !== stems(y) ? 'synonym' : 'form';
  };

  for (const stretch of diffStretches(changes, (i, j) => relation(ua[i]!, ub[j]!))) {
    const aFrom = tokenAt(ua, stretch.aFrom, a);
    const aTo = tokenAt(ua, stretch.aTo, a);
    const bFrom = tokenAt(ub, stretch.bFrom, b);
    const bTo = tokenAt(ub, stretch.bTo, b);
    if (stretch.kind === 'change') {
      const removed = ua.slice(stretch.aFrom, stretch.aTo);
      const added = ub.slice(stretch.bFrom, stretch.bTo);
      const op: WordDiffOp = removed.length === 0 ? 'inserted' : added.length === 0 ? 'deleted' : 'replaced';
      const quiet = sameWordTokens(a.slice(aFrom, aTo), b.slice(bFrom, bTo));
      const minor = !quiet && !removed.some((u) => u.content) && !added.some((u) => u.content);
      push(op, aFrom, aTo, bFrom, bTo, { quiet, sameMeaning: null, minor });
    } else {
      // Keys are equal; runs split where the units' relation changes.
      const kind = stretch.relation;
      push(kind === 'equal' ? 'equal' : 'replaced', aFrom, aTo, bFrom, bTo, {
        quiet: kind === 'quiet',
        sameMeaning: kind === 'form' || kind === 'synonym' ? kind : null,
        minor: false,
      });
    }
  }
  return segments;
}

/** A changed stretch that carries content: neither quiet, nor the same meaning, nor minor. */
export function isSubstantive(segment: AlignedSegment): boolean {
  return segment.op !== 'equal' && !segment.quiet && segment.sameMeaning === null && !segment.minor;
}
