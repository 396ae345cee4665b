/**
 * The matcher (lib/match/matcher.ts) over the real seed corpus, on hostile text: any code point,
 * right-to-left scripts, emoji, invisible and control characters, very long sentences and pages.
 * What it matches on ordinary text is in tests/lib/match and the evaluation.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../lib/corpus/build';
import { Matcher, sentenceQuotes } from '../../../lib/match/matcher';
import { readSeeds } from '../../../lib/node/seeds';
import type { Corpus, Match, PageVerdict } from '../../../lib/types';
import { loadDevset } from '../../devset/devset';
import { describeGrowth, growth, LINEAR_LIMIT } from './growth';
import { ARABIC_WORDS, EMOJI, HEBREW_WORDS, hostileLine, INVISIBLES, respace, widenings } from './hostile-text';

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'seeds');
const KINDS = new Set(['verbatim', 'reworded', 'quote']);
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Building the seed corpus takes seconds: once for the file.
let corpus: Corpus;
let matcher: Matcher;
let sentenceIds: Set<string>;
beforeAll(() => {
  corpus = buildCorpus(readSeeds(SEEDS));
  matcher = Matcher.fromCorpus(corpus);
  sentenceIds = new Set(corpus.sentences.map((s) => s.id));
});

const devset = loadDevset();
/** Sentences that match (paraphrases of the story's points) and sentences that must not (negatives). */
const labeled = fc.constantFrom(...devset.sentences.map((s) => s.text));
/** A page sentence: a labeled one, hostile text, or a labeled one with hostile text around it. */
const pageSentence = fc.oneof(
  { weight: 3, arbitrary: labeled },
  { weight: 1, arbitrary: hostileLine(40) },
  { weight: 2, arbitrary: fc.tuple(hostileLine(8), labeled, hostileLine(8)).map((parts) => parts.join(' ')) },
);

function checkMatches(matches: readonly Match[]): void {
  for (const m of matches) {
    expect(sentenceIds.has(m.sentenceId)).toBe(true);
    expect(m.score).toBeGreaterThanOrEqual(0);
    expect(m.score).toBeLessThanOrEqual(1);
    expect(KINDS.has(m.kind)).toBe(true);
  }
}

/** `text` with an invisible character after every word character that another word character follows. */
function withInvisibles(text: string, invisibles: readonly string[]): string {
  let k = 0;
  return [...text].map((c, i, cs) => (WORD_CHAR.test(c) && WORD_CHAR.test(cs[i + 1] ?? '') ? c + invisibles[k++ % invisibles.length] : c)).join('');
}

/** A verdict with each sentence's text left out: what matching decided, whatever the page's spelling. */
const decided = (verdict: PageVerdict) => ({ ...verdict, sentences: verdict.sentences.map(({ text: _, ...rest }) => rest) });

describe('Matcher on hostile text', () => {
  it('never throws on a sentence, and its matches are corpus sentences with scores in [0, 1]', () => {
    fc.assert(
      fc.property(pageSentence, (text) => {
        checkMatches(matcher.matchSentence(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a page, and lists matched sentences in page order with their own text', () => {
    fc.assert(
      fc.property(hostileLine(12), fc.array(pageSentence, { maxLength: 25 }), (title, sentences) => {
        const verdict = matcher.scanPage({ title, sentences });
        expect(verdict.storyScore).toBeGreaterThanOrEqual(0);
        expect(verdict.storyScore).toBeLessThanOrEqual(1);
        let last = -1;
        for (const s of verdict.sentences) {
          expect(s.index).toBeGreaterThan(last);
          expect(s.text).toBe(sentences[s.index]);
          expect(s.matches.length).toBeGreaterThan(0);
          checkMatches(s.matches);
          last = s.index;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on a selection', () => {
    fc.assert(
      fc.property(fc.array(pageSentence, { maxLength: 10 }), (sentences) => {
        for (const r of matcher.matchText(sentences.join('\n'))) checkMatches(r.matches);
      }),
      { numRuns: 100 },
    );
  });

  it('matches the same, with the same scores and kinds, whatever the spacing between words', () => {
    fc.assert(
      fc.property(pageSentence, widenings, (text, spacing) => {
        expect(matcher.matchSentence(respace(text, spacing))).toEqual(matcher.matchSentence(text));
      }),
      { numRuns: 300 },
    );
  });

  it('judges a page the same whatever the spacing between words', () => {
    fc.assert(
      fc.property(fc.array(pageSentence, { minLength: 1, maxLength: 20 }), widenings, (sentences, spacing) => {
        const title = 'US may walk away from Ukraine peace efforts within days, Rubio says';
        const spaced = matcher.scanPage({ title: respace(title, spacing), sentences: sentences.map((s) => respace(s, spacing)) });
        expect(decided(spaced)).toEqual(decided(matcher.scanPage({ title, sentences })));
      }),
      { numRuns: 60 },
    );
  });

  it('matches the same when invisible characters sit inside words', () => {
    fc.assert(
      fc.property(labeled, fc.array(fc.constantFrom(...INVISIBLES), { minLength: 1 }), (text, invisibles) => {
        expect(matcher.matchSentence(withInvisibles(text, invisibles))).toEqual(matcher.matchSentence(text));
      }),
      { numRuns: 200 },
    );
  });

  it('matches a sentence of the story with Arabic, Hebrew and emoji around it', () => {
    const sentence = devset.sentences.find((s) => s.kind === 'paraphrase')!.text;
    const alone = matcher.matchSentence(sentence).map((m) => m.sentenceId);
    expect(alone.length).toBeGreaterThan(0);
    const dressed = `${EMOJI[2]} \u202B${ARABIC_WORDS[0]}\u202C ${sentence} \u2067${HEBREW_WORDS[0]}\u2069 ${EMOJI[5]}`;
    expect(matcher.matchSentence(dressed).map((m) => m.sentenceId)).toEqual(expect.arrayContaining(alone.slice(0, 1)));
  });
});

describe('Matcher: cases the properties found', () => {
  it('finds the speaker of a quote whose name or verb has a soft hyphen inside', () => {
    const quote = '"We are not going to drag this out for weeks and months," Rubio told reporters.';
    expect(sentenceQuotes(quote.replace('Rubio', 'Rub\u00ADio'))[0]?.speaker).toBe('Rubio');
    expect(sentenceQuotes(quote.replace('told', 'to\u00ADld'))[0]?.speaker).toBe('Rubio');
    expect(matcher.matchSentence(quote.replace('Rubio', 'Rub\u00ADio')).map((m) => m.kind)).toEqual(matcher.matchSentence(quote).map((m) => m.kind));
  });

  it('reads "U\u00ADS" in capitals as the country, not the pronoun', () => {
    const sentence = 'Secretary of State Marco Rubio warned the US could walk away from Ukraine peace efforts within days.';
    expect(matcher.matchSentence(sentence.replace('US', 'U\u00ADS'))).toEqual(matcher.matchSentence(sentence));
  });
});

describe('Matcher time', () => {
  const pool = [...devset.sentences.map((s) => s.text), ...devset.pages.flatMap((p) => p.sentences.map((s) => s.text))];
  const page = (n: number) => ({
    title: 'US may walk away from Ukraine peace efforts within days, Rubio says',
    sentences: Array.from({ length: n }, (_, i) => pool[i % pool.length]!),
  });
  /** One sentence of `words` words of the story that never ends. */
  const longSentence = (words: number) => {
    const source = pool.join(' ').replace(/[.!?]/g, '').split(/\s+/);
    return Array.from({ length: words }, (_, i) => source[i % source.length]).join(' ');
  };

  it('scans a page in time linear in its sentences', () => {
    const measured = growth(page, (p) => matcher.scanPage(p), 60);
    expect(measured.ratio, describeGrowth('sentences', measured)).toBeLessThan(LINEAR_LIMIT);
  });

  it('matches one very long sentence in time linear in its words', () => {
    const measured = growth(longSentence, (s) => matcher.matchSentence(s), 1_000);
    expect(measured.ratio, describeGrowth('words', measured)).toBeLessThan(LINEAR_LIMIT);
  });

  it('looks up a long selection in time linear in its length', () => {
    const selection = (n: number) => page(n).sentences.join(' ');
    const measured = growth(selection, (s) => matcher.matchText(s), 60);
    expect(measured.ratio, describeGrowth('selection', measured)).toBeLessThan(LINEAR_LIMIT);
  });
});
