/**
 * Spelling variants: two ways of writing one word, which a reader comparing wording should see
 * quietly, like a difference of case. Two kinds, by general rules rather than a word list:
 *
 * - British and American spelling, by their regular patterns: -our/-or ("endeavour"), -ise/-ize
 *   and -yse/-yze ("organisation"), -re/-er ("centre"), a doubled l before a suffix ("travelled"),
 *   -ence/-ense ("defence"), -ogue/-og ("dialogue"), -amme/-am ("programme"), ae/oe/e
 *   ("paediatric", "manoeuvre"), and accents ("Sánchez"). `spellingKey` folds these, so it is
 *   transitive and can key a diff.
 * - Transliterated names, which follow no fixed pattern ("Zelenskyy", "Zelensky", "Zelenskiy";
 *   "Sergei", "Sergey"; "Kyiv", "Kiev"; "Kharkiv", "Kharkov"). For two capitalized words,
 *   `isSpellingVariant` folds the spellings that transliteration varies (y for i, runs of i and e,
 *   doubled letters, x for ks) and then allows one edit in a long name that keeps its first and
 *   last letters, so "Russia" and "Russian" stay apart. Lower-case words never get these folds:
 *   "dye" and "die", "diner" and "dinner" are different words.
 *
 * Each pattern applies only where its stem is long enough that the folded form is not another
 * common word ("four" and "for", "prise" and "prize", "filled" and "filed" stay apart). A
 * possessive or other ending after an apostrophe is kept as is: "Ukraine" and "Ukraine's" differ.
 */
import { editDistance } from '../match/vocabulary';

/**
 * Names one edit apart are variants only from this length (of the shorter). At six letters one
 * letter separates different people as often as spellings ("Carson", "Carlson"); from seven the
 * pairs outlets produce are transliterations ("Kharkiv"/"Kharkov", "Mikhail"/"Michail").
 */
export const NAME_EDIT_MIN_LENGTH = 7;

/**
 * Names shorter than this get no transliteration folding: among three-letter words, y/i and
 * doubled letters separate different names ("Lyn", "Lin").
 */
export const NAME_FOLD_MIN_LENGTH = 4;

// Accents are dropped only on scripts where they sit on a base letter (é → e); in Devanagari,
// Arabic, Hebrew… combining marks are vowels.
const ACCENT_AFTER_BASE = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu;
const APOSTROPHE = /['’ʼ]/u;
const VOWEL = /[aeiou]/u;

/**
 * British → American patterns, applied in order to a lower-case word without its apostrophe
 * ending. `replace` gets the pattern's groups and the word, and gives null to leave it alone.
 */
const BRITISH_PATTERNS: readonly { pattern: RegExp; replace: (groups: string[], word: string) => string | null }[] = [
  // ae/oe → e inside a word ("anaemia", "manoeuvre", "paediatric", "orthopaedic"). Not right after
  // a first letter in a short word ("Boeing", "poetry"), not before a short ending ("heroes",
  // "does"), not before l ("Michael" is a name, not "Michel").
  {
    pattern: /^([a-z]+?)(?:ae|oe)([a-z]{2,})$/u,
    replace: ([stem, rest], word) =>
      (stem!.length >= 2 || word.length >= 8) && !rest!.startsWith('l') ? `${stem}e${rest}` : null,
  },
  // -our → -or when the stem has a vowel and two letters ("endeavour", "colours", "favourite",
  // "behavioural", "neighbourhood"), which keeps "four", "hour", "your", "flour", "scour".
  {
    pattern: /^([a-z]{2,})our(s|ed|ing|ite|ites|able|ably|al|less|ful|er|ers|hood|hoods|ist|ists|ism)?$/u,
    replace: ([stem, end = '']) => (VOWEL.test(stem!) ? `${stem}or${end}` : null),
  },
  // -ise/-isation → -ize/-ization after three letters ("organise", "recognised"; not "prise", "rise").
  { pattern: /^([a-z]{3,})is(e|es|ed|ing|er|ers|ation|ations)$/u, replace: ([stem, end]) => `${stem}iz${end}` },
  // -yse → -yze ("analyse", "paralysed").
  { pattern: /^([a-z]{2,})ys(e|es|ed|ing|er|ers)$/u, replace: ([stem, end]) => `${stem}yz${end}` },
  // Consonant + -re → -er ("centre", "theatres", "fibre", "ochre"; not "acre", "ogre", "are", "fire").
  { pattern: /^([a-z]{2,}[bcdfghjklmnpqstvwxz])re(s)?$/u, replace: ([stem, end = '']) => `${stem}er${end}` },
  // A doubled l after an unstressed e or a, before a suffix ("travelled", "cancelling",
  // "counsellor", "signalled"); three letters before the vowel keep "filled", "called", "stalled",
  // "spelled" apart from "filed", "staled"….
  { pattern: /^([a-z]{3,}[ea])ll(ed|ing|er|ers|or|ors)$/u, replace: ([stem, end]) => `${stem}l${end}` },
  // -ence → -ense ("defence", "offences", "licence", "pretence"; "fence" and "hence" are too short).
  { pattern: /^([a-z]{3,})ence(s)?$/u, replace: ([stem, end = '']) => `${stem}ense${end}` },
  // -ogue → -og ("catalogue", "dialogues", "analogue"; "rogue" and "vogue" are too short).
  { pattern: /^([a-z]{4,})ogue(s)?$/u, replace: ([stem, end = '']) => `${stem}og${end}` },
  // -amme → -am ("programme", "kilogramme").
  { pattern: /^([a-z]{3,})amme(s)?$/u, replace: ([stem, end = '']) => `${stem}am${end}` },
];

function withoutAccents(word: string): string {
  return word.normalize('NFKD').replace(ACCENT_AFTER_BASE, '$1').normalize('NFC');
}

/** The word before its first inner apostrophe, and the rest ("zelenskyy", "'s"). */
function splitEnding(word: string): [string, string] {
  const at = word.slice(1).search(APOSTROPHE);
  return at < 0 ? [word, ''] : [word.slice(0, at + 1), word.slice(at + 1)];
}

/**
 * One key for the British and American spellings of a word, accents dropped: "Endeavour" →
 * "endeavor", "organisations" → "organizations", "Sánchez" → "sanchez". Lower-cases; words the
 * patterns do not cover come back lower-cased and otherwise unchanged. Deterministic and
 * idempotent, so equal keys make an equivalence.
 */
export function spellingKey(word: string): string {
  const [base, ending] = splitEnding(withoutAccents(word.normalize('NFKC')).toLowerCase());
  let folded = base;
  for (const { pattern, replace } of BRITISH_PATTERNS) {
    const m = pattern.exec(folded);
    if (m !== null) folded = replace(m.slice(1), folded) ?? folded;
  }
  return folded + ending.replace(/[’ʼ]/gu, "'");
}

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/**
 * A name's key across transliterations: its spelling key with y read as i, runs of i and e that
 * hold an i as one i ("Kyiv", "Kiev" → "kiv"; "Sergey", "Sergei" → "sergi"), x as ks, and
 * doubled letters single ("Odessa" → "odesa").
 */
function nameKey(word: string): string {
  const [base, ending] = splitEnding(spellingKey(word));
  const folded = base
    .replace(/x/gu, 'ks')
    .replace(/y/gu, 'i')
    .replace(/[ie]*i[ie]*/gu, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
  return folded + ending;
}

/**
 * Whether two words as written are spellings of one word: the same spelling key (case, accents,
 * British/American spelling), or, for two capitalized words, the same name across
 * transliterations. Symmetric; a word is its own variant.
 */
export function isSpellingVariant(a: string, b: string): boolean {
  if (spellingKey(a) === spellingKey(b)) return true;
  if (!isCapitalized(a) || !isCapitalized(b)) return false;
  if (Math.min(a.length, b.length) < NAME_FOLD_MIN_LENGTH) return false;
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return true;
  const [baseA, endingA] = splitEnding(ka);
  const [baseB, endingB] = splitEnding(kb);
  return (
    endingA === endingB &&
    Math.min(baseA.length, baseB.length) >= NAME_EDIT_MIN_LENGTH &&
    baseA[0] === baseB[0] &&
    baseA[baseA.length - 1] === baseB[baseB.length - 1] &&
    editDistance(baseA, baseB, 1) <= 1
  );
}
