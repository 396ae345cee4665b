/**
 * Word forms beyond what the Porter stemmer does, in both directions.
 *
 * Porter conflates too much for a lexicon: "positions" and "positive" share the stem "posit",
 * "criticism" and "critical" share "critic", "community" and "communication" share "commun". A
 * lexicon keyed by stem therefore maps "the positions of both sides" onto "positive". So the
 * lexicon (lib/match/lexicon.ts) is matched by surface form instead: a listed form stands for its
 * regular inflections (`inflections`), and a derivation that means the same is listed as a form of
 * its own ("difficulty" beside "difficult").
 *
 * And Porter conflates too little for the rest: "difficulties" stems to "difficulti" and "difficult"
 * to "difficult", "strategy" to "strategi" and "strategic" to "strateg". `StemFamilies` links such
 * stems when one is the other plus a short ending and the part they share is long, which is where
 * real derivational families differ (see `linkable`). Short shared parts are where false friends
 * are ("polic-y" / "polic-e", "part-y" / "part"), so they are never linked.
 */

/**
 * Words Porter folds onto an unrelated word that news copy uses often ("news" → "new", "general" →
 * "gener" with "generation" and "generous", "university" → "univers" with "universe"), each given
 * a stem of its own.
 */
export const PORTER_EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['news', 'news'],
  ['general', 'general'], ['generals', 'general'], ['generally', 'general'],
  ['university', 'universiti'], ['universities', 'universiti'],
]);

const VOWEL = /[aeiou]/;
// A single vowel between consonants at the end, the last not w/x/y ("fixed", "showing", "playing").
const DOUBLING_END = /(?:^|[^aeiou]|qu)[aeiou][^aeiouwxy]$/;

/**
 * The word and its regular inflections: plural / third person (-s, -es, -ies), past (-ed, -d,
 * -ied) and -ing, with the final consonant doubled where English may double it ("stop" →
 * "stopped"). Over-generation is harmless (a form nobody writes is never looked up); the list is
 * built once per lexicon form.
 */
export function inflections(word: string): string[] {
  const forms = new Set<string>([word]);
  const last = word.at(-1) ?? '';
  const beforeLast = word.at(-2) ?? '';
  const consonantY = last === 'y' && !VOWEL.test(beforeLast);
  // Plural and third person.
  if (/(s|x|z|ch|sh)$/.test(word)) forms.add(`${word}es`);
  else if (consonantY) forms.add(`${word.slice(0, -1)}ies`);
  else forms.add(`${word}s`);
  // Past and -ing.
  if (last === 'e') {
    forms.add(`${word}d`);
    forms.add(word.endsWith('ie') ? `${word.slice(0, -2)}ying` : word.endsWith('ee') ? `${word}ing` : `${word.slice(0, -1)}ing`);
  } else if (consonantY) {
    forms.add(`${word.slice(0, -1)}ied`);
    forms.add(`${word}ing`);
  } else {
    forms.add(`${word}ed`);
    forms.add(`${word}ing`);
    // Consonant-vowel-consonant endings may double: "drag" → "dragged", "quit" → "quitting" ("qu" is a consonant).
    if (DOUBLING_END.test(word)) {
      forms.add(`${word}${last}ed`);
      forms.add(`${word}${last}ing`);
    }
  }
  return [...forms];
}

/** Shortest shared part for two stems to be linked: below it, false friends outnumber families. */
export const MIN_SHARED_STEM = 7;
/** Longest ending by which two linked stems may differ ("difficult" / "difficulti": 1). */
export const MAX_STEM_ENDING = 3;

/**
 * Whether stems `a` and `b` belong to one derivational family: one is the other plus at most
 * MAX_STEM_ENDING letters, and the shorter has at least MIN_SHARED_STEM letters ("difficult" /
 * "difficulti", "strateg" / "strategi", "optimist" / "optimistic" would need 5: not linked). Words
 * that are names are never passed here.
 */
export function linkable(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_SHARED_STEM && long.length - short.length <= MAX_STEM_ENDING && long.startsWith(short);
}

/**
 * Links a page's stems to the corpus's stems of the same derivational family. Built once over the
 * corpus stems; a lookup reads one bucket (stems sharing the first MIN_SHARED_STEM letters), so its
 * cost does not grow with the corpus. Answers are cached.
 */
export class StemFamilies {
  private readonly buckets = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly stems: ReadonlySet<string>,
    private readonly cacheSize: number,
  ) {
    for (const s of stems) {
      if (s.length < MIN_SHARED_STEM) continue;
      const key = s.slice(0, MIN_SHARED_STEM);
      let bucket = this.buckets.get(key);
      if (bucket === undefined) this.buckets.set(key, (bucket = []));
      bucket.push(s);
    }
  }

  /** The corpus stem of `stem`'s family (the closest in length), or `stem` itself. */
  resolve(stem: string): string {
    if (this.stems.has(stem) || stem.length < MIN_SHARED_STEM) return stem;
    const cached = this.cache.get(stem);
    if (cached !== undefined) return cached;
    let best = stem;
    for (const s of this.buckets.get(stem.slice(0, MIN_SHARED_STEM)) ?? []) {
      if (linkable(stem, s) && (best === stem || Math.abs(s.length - stem.length) < Math.abs(best.length - stem.length))) best = s;
    }
    if (this.cache.size >= this.cacheSize) this.cache.clear();
    this.cache.set(stem, best);
    return best;
  }
}
