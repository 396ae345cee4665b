/**
 * Mapping a page's words onto the corpus vocabulary across spelling variants and typos
 * ("Zelenskiy" → "zelenskyy", "endevor" → "endeavor", "Sergey" → "sergei", "Kiev" → "kyiv").
 *
 * Fuse.js finds the candidates: one index per first letter and word length (typos and
 * transliterations rarely touch the first letter, variants differ by at most two letters in length,
 * and small buckets keep each Bitap search cheap however large the vocabulary grows), searched
 * with `ignoreLocation` because Fuse 7 otherwise only looks near the start of the string. Fuse's score
 * alone would accept substrings ("wind" scores 0.001 against "window"), so every candidate is then
 * verified. A name must be one edit away (two for long names, counting a swap of neighbours as one),
 * or spell the same consonants with the vowels changed (the usual transliteration variants). A
 * common word must differ only as spellings and typos do (`isSpellingVariant`): a letter more or
 * less, two neighbours swapped, s/z/c ("criticise", "defence"), a vowel in a long word ("secretery");
 * never another consonant, which makes another word ("leaving"/"leading", "recession"/"reception").
 * Words are short (Bitap's 32-character limit is never reached: longer words are not looked up).
 * Answers are cached: a page repeats its words, and pages repeat each other's.
 */
import Fuse from 'fuse.js';
import type { MatchParams } from './params';

const MAX_BITAP_LENGTH = 32;
/** Spelling variants differ in length by at most this much (see isVariant). */
const MAX_LENGTH_DIFFERENCE = 2;
const CANDIDATES_PER_BUCKET = 3;

function bucketKey(word: string, length: number): string {
  return `${word[0] ?? ''}${length}`;
}
const VOWELS = /[aeiouy]/g;

export class Vocabulary {
  private readonly words: ReadonlySet<string>;
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string>();

  /** `names`: the corpus words that are names (see `resolve`). */
  constructor(
    words: Iterable<string>,
    private readonly params: Pick<
      MatchParams,
      'fuzzyMinLength' | 'fuzzyMinLengthLowercase' | 'fuzzyFuseThreshold' | 'fuzzyTwoEditLength' | 'fuzzyCacheSize'
    >,
    private readonly names: ReadonlySet<string> = new Set(),
  ) {
    // A Set is kept as it is given (the corpus index hands over one it never changes): a copy of a
    // large corpus's vocabulary costs a wake time and memory for nothing.
    this.words = words instanceof Set ? (words as ReadonlySet<string>) : new Set(words);
    for (const w of this.words) {
      if (w.length < params.fuzzyMinLength - MAX_LENGTH_DIFFERENCE || w.length > MAX_BITAP_LENGTH) continue;
      const key = bucketKey(w, w.length);
      let bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, (bucket = []));
      bucket.push(w);
    }
  }

  has(word: string): boolean {
    return this.words.has(word);
  }

  /**
   * The corpus word `word` is a variant of, or `word` itself when there is none. A word written as
   * a name (capitalized mid-sentence) may only become one of the corpus's names, from
   * `fuzzyMinLength` letters: "Kiev" → "kyiv", but "Palace" never "place". Other words need
   * `fuzzyMinLengthLowercase` letters: most short words are real words one letter from another
   * ("stark", "start").
   */
  resolve(word: string, nameLike = false): string {
    const minLength = nameLike ? this.params.fuzzyMinLength : this.params.fuzzyMinLengthLowercase;
    if (this.words.has(word) || word.length < minLength || word.length > MAX_BITAP_LENGTH) {
      return word;
    }
    const key = nameLike ? `${word}\u0000name` : word;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const found = this.lookUp(word, nameLike) ?? word;
    // A long-lived background page sees unbounded vocabulary; start over rather than grow forever.
    if (this.cache.size >= this.params.fuzzyCacheSize) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  /** The best verified candidate over the buckets of the word's first letter and nearby lengths. */
  private lookUp(word: string, namesOnly: boolean): string | null {
    let best: { item: string; score: number } | null = null;
    for (let d = -MAX_LENGTH_DIFFERENCE; d <= MAX_LENGTH_DIFFERENCE; d++) {
      const fuse = this.fuseFor(bucketKey(word, word.length + d));
      if (fuse === null) continue;
      for (const { item, score = 1 } of fuse.search(word, { limit: CANDIDATES_PER_BUCKET })) {
        const name = this.names.has(item);
        if (namesOnly && !name) continue;
        const variant = name ? isVariant : isSpellingVariant;
        if ((best === null || score < best.score) && variant(word, item, this.params.fuzzyTwoEditLength)) {
          best = { item, score };
        }
      }
    }
    return best?.item ?? null;
  }

  private fuseFor(key: string): Fuse<string> | null {
    let fuse = this.fuses.get(key);
    if (fuse === undefined) {
      const bucket = this.buckets.get(key);
      if (bucket === undefined) return null;
      fuse = new Fuse(bucket, {
        includeScore: true,
        ignoreLocation: true,
        threshold: this.params.fuzzyFuseThreshold,
      });
      this.fuses.set(key, fuse);
    }
    return fuse;
  }
}

// Below this length one changed letter makes another word as often as a typo ("Rubin", "Rubio"):
// short words may only lose, gain or swap a letter, or change vowels (see the skeleton rule).
const SUBSTITUTION_MIN_LENGTH = 7;

// Transliterations change a vowel or two in place ("Sergei"/"Sergey", "Kiev"/"Kyiv"); a name with
// every vowel changed is another name ("Mulino"/"Meloni").
const MAX_VOWEL_CHANGES = 2;

/** Whether two names are spellings of one name: few edits, or the same consonants. */
export function isVariant(a: string, b: string, twoEditLength: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  const shorter = Math.min(a.length, b.length);
  const maxEdits = shorter >= twoEditLength ? 2 : 1;
  const sameLetters = [...a].sort().join('') === [...b].sort().join('');
  const edits = editDistance(a, b, MAX_VOWEL_CHANGES);
  if (edits <= maxEdits && (shorter >= SUBSTITUTION_MIN_LENGTH || a.length !== b.length || sameLetters)) return true;
  const skeletonA = a.replace(VOWELS, '');
  return skeletonA.length >= 2 && skeletonA === b.replace(VOWELS, '') && a[0] === b[0] && edits <= MAX_VOWEL_CHANGES;
}

// Letters that spellings of one common word exchange: vowels, and s/z/c ("-ise"/"-ize", "-ence"/"-ense").
const VOWEL_LETTERS = 'aeiouy';
const SIBILANTS = 'szc';
// Below this length a changed vowel makes another word as often as a typo ("affect"/"effect",
// "adapted"/"adopted"); from it, it is a typo ("secretery").
const VOWEL_SUBSTITUTION_MIN_LENGTH = 8;

/**
 * Whether two common words are spellings of one word: within one edit (two for long words) where
 * an edit adds or drops a letter, swaps two neighbours, exchanges s/z/c, or (in long words) one
 * vowel for another; or the same letters with up to two vowels added. Letters are only added to
 * the shorter word, never added and dropped both: that would be any substitution in disguise
 * ("property"/"properly").
 */
export function isSpellingVariant(a: string, b: string, twoEditLength: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 2) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const maxEdits = short.length >= twoEditLength ? 2 : 1;
  const vowels = short.length >= VOWEL_SUBSTITUTION_MIN_LENGTH;
  const exchangeable = (x: string, y: string): boolean =>
    (SIBILANTS.includes(x) && SIBILANTS.includes(y)) || (vowels && VOWEL_LETTERS.includes(x) && VOWEL_LETTERS.includes(y));
  if (spellingDistance(short, long, maxEdits, exchangeable) <= maxEdits) return true;
  // Vowels added and nothing else ("endevor"/"endeavour", "catalog"/"catalogue"): up to two.
  return short.replace(VOWELS, '') === long.replace(VOWELS, '') && isSubsequence(short, long);
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  return i === short.length;
}

/**
 * Edits from `short` to `long` (not shorter) that only insert letters into `short`, substitute
 * `exchangeable` letters or swap neighbours; more than `limit` once it exceeds it. O(|a|·|b|).
 */
function spellingDistance(short: string, long: string, limit: number, exchangeable: (x: string, y: string) => boolean): number {
  const over = limit + 1;
  const n = long.length;
  // d[i][j]: edits from short[0..i) to long[0..j); j ≥ i always, since letters are only inserted.
  let prev2 = new Array<number>(n + 1).fill(over);
  let prev = Array.from({ length: n + 1 }, (_, j) => Math.min(j, over));
  let cur = new Array<number>(n + 1).fill(over);
  for (let i = 1; i <= short.length; i++) {
    cur.fill(over);
    let rowMin = over;
    for (let j = i; j <= n; j++) {
      const x = short[i - 1] ?? '';
      const y = long[j - 1] ?? '';
      let d = Math.min(over, (cur[j - 1] ?? over) + 1, (prev[j - 1] ?? over) + (x === y ? 0 : exchangeable(x, y) ? 1 : over));
      if (i > 1 && j > 1 && x === long[j - 2] && short[i - 2] === y) d = Math.min(d, (prev2[j - 2] ?? over) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin >= over) return over;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(over, prev[n] ?? over);
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbours), giving up once it
 * exceeds `limit`. O(|a|·|b|) on words of at most 32 characters.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] ?? 0;
}
