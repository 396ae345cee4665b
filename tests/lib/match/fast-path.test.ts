/**
 * The matcher's shortcuts give the answers of the plain computation they replace (issue 14: speed,
 * results unchanged). Each property runs a reference written here the plain way beside the
 * library's fast path, on sentences built at random from the seed corpus's own words:
 *  - the candidate search (top-k selection, postings walked or bit sets instead of probing each
 *    target) against sorting every touched target and probing each;
 *  - scoring only the candidates whose ceiling reaches the threshold against scoring them all;
 *  - analysis with each word's outcome kept per resolver against analysis with a fresh resolver;
 *  - the tokenizer's plain-ASCII path against its general path.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../lib/corpus/build';
import { CorpusIndex, type Query } from '../../../lib/match/corpus-index';
import { CONCEPTS, NEGATIONS, STOPWORDS } from '../../../lib/match/lexicon';
import { loadIndex, serializeIndex } from '../../../lib/match/index-store';
import { Matcher, normalizedHeadline, repeatsHeadline } from '../../../lib/match/matcher';
import { DEFAULT_PARAMS, type MatchParams } from '../../../lib/match/params';
import { scoreBound, similarity } from '../../../lib/match/similarity';
import { analyze, clauseBreaks, factsOf, isFunctionWord, isTitleCase, stem, type WordResolver } from '../../../lib/match/terms';
import { readSeeds } from '../../../lib/node/seeds';
import { tokenize, tokenizeByPattern } from '../../../lib/text/normalize';
import { isSectionLabel } from '../../../lib/text/roles';

const corpus = buildCorpus(readSeeds(resolve(import.meta.dirname, '../../../seeds')));
const bodies = corpus.sentences.filter((s) => s.role !== 'furniture').map((s) => s.text);
// Words as the corpus prints them (capitals, punctuation and all), plus dates and a few words it lacks.
const WORDS = [...new Set(bodies.flatMap((t) => t.split(/\s+/)))].filter((w) => w !== '');
const EXTRA = ['April', '18', 'May', '3', 'Kiev', 'Rubbio', 'negotiators', 'Moskow', 'not', 'US', 'us', 'Mr.', '2025'];

/** A page sentence: a corpus sentence cut and spliced with random words, or random words alone. */
const pageSentence = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: bodies.length - 1 }), fc.integer({ min: 0, max: 30 }), fc.array(fc.constantFrom(...WORDS, ...EXTRA), { maxLength: 8 }))
    .map(([i, cut, extra]) => {
      const words = (bodies[i] ?? '').split(/\s+/);
      return [...words.slice(0, Math.max(3, words.length - cut)), ...extra].join(' ');
    }),
  fc.array(fc.constantFrom(...WORDS, ...EXTRA), { minLength: 1, maxLength: 30 }).map((w) => w.join(' ')),
);

/** The candidate search as first written: every touched target sorted, each probed by its own terms. */
function referenceCandidates(index: CorpusIndex, query: Query, params: MatchParams): number[] {
  const targets = index.targets;
  const n = targets.length;
  const postings = new Map<string, number[]>();
  const echoPostings = new Map<string, number[]>();
  targets.forEach((t, i) => {
    for (const term of t.positions.keys()) postings.set(term, [...(postings.get(term) ?? []), i]);
    for (const term of t.echo.keys()) echoPostings.set(term, [...(echoPostings.get(term) ?? []), i]);
  });
  const shared = new Float64Array(n);
  const touched: number[] = [];
  const maxDf = Math.max(1, Math.floor(params.candidateMaxDfShare * n));
  const terms: { term: string; list: number[]; w: number }[] = [];
  for (const [term, w] of query.weights) {
    const list = postings.get(term);
    if (list !== undefined && list.length <= maxDf) terms.push({ term, list, w });
  }
  terms.sort((a, b) => a.list.length - b.list.length);
  let budget = params.candidatePostingsBudget;
  const add = (list: number[], w: number, holds: (i: number) => boolean): void => {
    if (list.length <= budget || touched.length === 0) {
      budget -= list.length;
      for (const i of list) {
        if (shared[i] === 0) touched.push(i);
        shared[i] = (shared[i] ?? 0) + w;
      }
    } else {
      for (const i of touched) if (holds(i)) shared[i] = (shared[i] ?? 0) + w;
    }
  };
  for (const { term, list, w } of terms) add(list, w, (i) => targets[i]!.positions.has(term));
  for (const [term, w] of query.weights) {
    const list = echoPostings.get(term);
    if (list !== undefined) add(list, w * params.pointEchoWeight, (i) => targets[i]!.echo.has(term));
  }
  const found = touched.map((i) => ({ i, w: shared[i] ?? 0 }));
  found.sort((a, b) => b.w - a.w || a.i - b.i);
  return found.slice(0, params.candidateLimit).map((f) => f.i);
}

/** Every candidate scored in full, those at `minScore` or above kept, best first. */
function referenceScores(index: CorpusIndex, text: string, minScore: number, params: MatchParams) {
  const query = index.query(text);
  if (query.positions.size === 0) return [];
  return referenceCandidates(index, query, params)
    // Section labels are in the index but never a match (matcher.ts).
    .filter((i) => !(index.targets[i]!.sentence.role === 'heading' && isSectionLabel(index.targets[i]!.sentence.text)))
    .map((i) => ({ target: index.targets[i]!, score: similarity(query, index.targets[i]!, params).score }))
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.target.sentence.id.localeCompare(b.target.sentence.id))
    .map(({ target, score }) => ({ sentenceId: target.sentence.id, articleId: target.sentence.articleId, score }));
}

describe('the matcher’s shortcuts give the plain computation’s answers', () => {
  // A small budget and share make the search probe and skip terms on the seed corpus, as a large corpus does.
  const settings: Partial<MatchParams>[] = [
    {},
    { candidatePostingsBudget: 6, candidateMaxDfShare: 0.25, candidateLimit: 6 },
    { candidatePostingsBudget: 20, candidateMaxDfShare: 0.1, candidateLimit: 3 },
  ];

  for (const overrides of settings) {
    const params = { ...DEFAULT_PARAMS, ...overrides };
    const label = Object.keys(overrides).length === 0 ? 'default parameters' : `postings budget ${overrides.candidatePostingsBudget}`;

    it(`candidate search: same candidates, same order (${label})`, () => {
      const index = new CorpusIndex(corpus, params);
      fc.assert(
        fc.property(pageSentence, (text) => {
          const query = index.query(text);
          expect(index.candidates(query)).toEqual(referenceCandidates(index, query, params));
        }),
        { numRuns: 300 },
      );
    });

    it(`scoring only candidates that can reach the threshold: same matches, same scores (${label})`, () => {
      const matcher = Matcher.fromCorpus(corpus, overrides);
      const index = new CorpusIndex(corpus, params);
      fc.assert(
        fc.property(pageSentence, fc.constantFrom(0, 0.1, 0.2, 0.3, 0.34, 0.35, 0.5), (text, minScore) => {
          expect(matcher.similarTo(text, minScore)).toEqual(referenceScores(index, text, minScore, params));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('a stored index’s bound, read from its arrays without decoding, is the bound of its decoded targets', () => {
    const built = new CorpusIndex(corpus, DEFAULT_PARAMS);
    const loaded = loadIndex(structuredClone(serializeIndex(built, corpus, DEFAULT_PARAMS)), corpus, DEFAULT_PARAMS);
    let echoes = 0;
    fc.assert(
      fc.property(pageSentence, (text) => {
        const query = loaded.query(text);
        loaded.targets.forEach((target, i) => {
          if ([...query.weights.keys()].some((t) => !target.positions.has(t) && target.echo.has(t))) echoes++;
          expect(loaded.scoreBound(query, i)).toBe(scoreBound(query, target, DEFAULT_PARAMS));
        });
      }),
      { numRuns: 150 },
    );
    expect(echoes).toBeGreaterThan(50);
  });

  it('the score bound is never below the score', () => {
    const index = new CorpusIndex(corpus, DEFAULT_PARAMS);
    fc.assert(
      fc.property(pageSentence, fc.integer({ min: 0, max: index.targets.length - 1 }), (text, i) => {
        const query = index.query(text);
        const target = index.targets[i]!;
        expect(scoreBound(query, target, DEFAULT_PARAMS)).toBeGreaterThanOrEqual(similarity(query, target, DEFAULT_PARAMS).score);
      }),
      { numRuns: 500 },
    );
  });

  it('analysis: a word’s kept outcome is what analyzing it afresh gives, in whatever context it came first', () => {
    const index = new CorpusIndex(corpus, DEFAULT_PARAMS);
    // The index's own resolver, reached the way the matcher reaches it, and a copy with no kept outcomes.
    const resolver = (index as unknown as { resolver: WordResolver }).resolver;
    fc.assert(
      fc.property(pageSentence, pageSentence, (first, second) => {
        analyze(first, resolver);
        const fresh: WordResolver = { resolve: resolver.resolve, isName: resolver.isName, family: resolver.family };
        expect(analyze(second, resolver)).toEqual(analyze(second, fresh));
      }),
      { numRuns: 300 },
    );
  });
});

/** A word of the corpus written in lower case, capitalized or in capitals. */
const casedWord = fc.tuple(fc.constantFrom(...WORDS, ...EXTRA, 'the', 'of', 'a', 'and'), fc.constantFrom('lower', 'Title', 'UPPER', 'as is')).map(([w, c]) =>
  c === 'lower' ? w.toLowerCase() : c === 'UPPER' ? w.toUpperCase() : c === 'Title' ? (w[0] ?? '').toUpperCase() + w.slice(1) : w,
);
/** Text as headlines and sentences print it: words, mostly capitalized or mostly not, with punctuation. */
const casedText = fc
  .array(fc.tuple(casedWord, fc.constantFrom(' ', ' ', ' ', ', ', ' - ', ': ', '  ', '\u00A0')), { minLength: 0, maxLength: 16 })
  .map((pieces) => pieces.map(([w, sep]) => w + sep).join('').trim());

describe('analysis shortcuts give the full computation’s answers', () => {
  it('title case: stopping once too many words are lower case gives the full count’s answer', () => {
    const reference = (text: string): boolean => {
      const tokens = tokenize(text);
      let words = 0;
      let capitalized = 0;
      for (const t of tokens) {
        if (STOPWORDS.has(t.norm) || t.norm.length < 2) continue;
        words++;
        if (/^\p{Lu}/u.test(text.slice(t.start, t.end))) capitalized++;
      }
      return words >= 3 && capitalized / words >= 0.9;
    };
    let titles = 0;
    fc.assert(
      fc.property(casedText, fc.boolean(), (text, headline) => {
        // Half the texts in title case, as headlines are, so both answers come up.
        const t = headline ? text.replace(/(^|\s)(\p{Ll})/gu, (_, s: string, c: string) => s + c.toUpperCase()) : text;
        const expected = reference(t);
        if (expected) titles++;
        expect(isTitleCase(t, tokenize(t))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(titles).toBeGreaterThan(100);
  });

  it('a word’s kept facts are the plain lookups’ answers: its stem, whether a lexicon phrase opens with it, its role', () => {
    const phraseFirstStems = new Set(
      Object.values(CONCEPTS)
        .flat()
        .filter((form) => form.includes(' '))
        .map((form) => stem(form.split(' ')[0] ?? '')),
    );
    const lexiconWords = Object.values(CONCEPTS).flat().flatMap((form) => form.split(' '));
    const words = [...new Set([...bodies.flatMap((t) => tokenize(t).map((x) => x.norm)), ...lexiconWords, ...NEGATIONS, ...STOPWORDS, 'us', 'x', '18', '2025'])];
    let phrases = 0;
    for (const word of words) {
      const role = NEGATIONS.has(word) ? 'negation' : isFunctionWord(word) || word.length < 2 ? 'function' : 'content';
      const opensPhrase = phraseFirstStems.has(stem(word));
      if (opensPhrase) phrases++;
      expect(factsOf(word)).toEqual({ stem: stem(word), opensPhrase, role });
    }
    expect(phrases).toBeGreaterThan(10);
  });

  it('clause breaks: a one-space gap is no break, as the pattern says', () => {
    fc.assert(
      fc.property(casedText, (text) => {
        const tokens = tokenize(text);
        const expected = tokens.flatMap((t, i) => (i > 0 && /[,;:()\[\]"“”«»—–]|\s-\s/u.test(text.slice(tokens[i - 1]!.end, t.start)) ? [i] : []));
        expect(clauseBreaks(text, tokens)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('a sentence repeats the headline exactly when their normalized forms are equal, first letter checked first or not', () => {
    const variant = fc.tuple(casedText, fc.constantFrom('same', 'lower', 'upper', 'spaces', 'period', 'other'), casedText).map(([h, how, other]) => {
      const s = how === 'same' ? h : how === 'lower' ? h.toLowerCase() : how === 'upper' ? h.toUpperCase() : how === 'spaces' ? `  ${h.replace(/ /g, '\n  ')} ` : how === 'period' ? `${h}...` : other;
      return [h, s] as const;
    });
    let repeats = 0;
    fc.assert(
      fc.property(variant, fc.constantFrom('', 'Σ', 'İ', 'ß', '𝓐', 'É', ' ', '.'), ([h, s], prefix) => {
        const headline = normalizedHeadline(prefix + h);
        const sentence = prefix + s;
        const expected = headline !== '' && normalizedHeadline(sentence) === headline;
        if (expected) repeats++;
        expect(repeatsHeadline(sentence, headline)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(repeats).toBeGreaterThan(200);
  });
});

describe('tokenize: plain ASCII words take a shortcut', () => {
  it('gives the tokens the pattern alone gives (tokenizeByPattern), on text mixing ASCII words with every kind of joiner and non-ASCII character', () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
      fc.constantFrom(' ', '  ', ', ', '. ', '.', ',', "'", '`', '’', '‘', '\u02BC', '´', '′', '-', '—', '"', '“', '(', ')', ':', ';', '!', '?', '\n'),
      fc.constantFrom('é', 'Ü', 'ß', 'Æ', 'ł', '\u00AD', '\u200B', '\u0301', '中', 'Ж', '𝓐', '١', 'İ', 'Σ', '\uFEFF', '½'),
      fc.constantFrom("n't", "'s", "'re", 'U.S.', 'U.S', 'J.D.', '3.5', '1,000', 'e.g.', "O'Brien", 'café', 'naïve', 'Zelenskyy’s'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 0, maxLength: 24 }), (pieces) => {
        const text = pieces.join('');
        expect(tokenize(text)).toEqual(tokenizeByPattern(text));
      }),
      { numRuns: 3000 },
    );
  });


  it('gives the general path’s words: the same text with a soft hyphen closing each word (which forces that path) has the same words', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
    const separator = fc.constantFrom(' ', ', ', '. ', ' - ', "'s ", '’ll ', ' "', '. U.S. ', ' 3.5 ', ' 1,000 ');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 12 }), (pieces) => {
        const plain = pieces.map(([w, s]) => w + s).join('');
        const general = pieces.map(([w, s]) => `${w}\u00AD${s}`).join('');
        expect(tokenize(plain).map((t) => t.norm)).toEqual(tokenize(general).map((t) => t.norm));
      }),
      { numRuns: 500 },
    );
  });
});
