import { describe, expect, it } from 'vitest';
import { isQuestion, ledeOf, Matcher } from '../../../lib/match/matcher';
import { DEFAULT_PARAMS } from '../../../lib/match/params';
import { loadSeedCorpus } from '../../eval/evaluate';

describe('ledeOf', () => {
  it('takes the headline’s repeats and the first sentences after it', () => {
    expect([...ledeOf(8, new Set([0]), 4)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect([...ledeOf(8, new Set(), 4)].sort()).toEqual([0, 1, 2, 3]);
    // A repeat further down (a caption repeating the headline) is the headline, not the lede's count.
    expect([...ledeOf(8, new Set([0, 2]), 2)].sort()).toEqual([0, 1, 2, 3]);
    expect([...ledeOf(2, new Set(), 4)].sort()).toEqual([0, 1]);
    expect(ledeOf(0, new Set(), 4).size).toBe(0);
  });
});

describe('isQuestion', () => {
  it('reads a sentence ending with a question mark as a question, closing quotes aside', () => {
    expect(isQuestion('What happens if the talks fail?')).toBe(true);
    expect(isQuestion('He asked: “Is this even possible?”')).toBe(true);
    expect(isQuestion('“Is this even possible?” he asked.')).toBe(false);
    expect(isQuestion('The talks failed.')).toBe(false);
  });
});

describe('the lede of a page on the story', () => {
  const matcher = Matcher.fromCorpus(loadSeedCorpus());
  const headline = 'US may abandon Ukraine peace efforts within days if there is no progress, Rubio says';
  // Written for this test: a sentence that scores between the lede's threshold and the page's.
  const impatience = 'The administration is losing patience with both Moscow and Kyiv, aides said.';
  const filler = [
    'The weather in the capital was mild for the time of year.',
    'Crowds gathered along the river for an evening concert.',
    'Traffic was slower than usual near the main railway station.',
    'Several museums extended their opening hours for the holiday.',
    'A bakery near the square sold out of bread before noon.',
  ];
  const indexOf = (sentences: readonly string[]) => sentences.indexOf(impatience);
  const matched = (sentences: string[]) =>
    matcher.scanPage({ title: headline, sentences }).sentences.some((s) => s.index === indexOf(sentences));

  it('scores the sentence in the band the lede admits', () => {
    const score = matcher.matchSentence(impatience, 0)[0]?.score ?? 0;
    expect(score).toBeGreaterThanOrEqual(DEFAULT_PARAMS.ledeMatchThreshold);
    expect(score).toBeLessThan(DEFAULT_PARAMS.onStoryMatchThreshold);
  });

  it('matches it in the lede, and not further down the same page', () => {
    expect(matched([headline, filler[0]!, impatience, ...filler.slice(1)])).toBe(true);
    expect(matched([headline, ...filler, impatience])).toBe(false);
  });

  it('does not lower the bar for a question in the lede (it asks, it states nothing)', () => {
    const asked = 'Is the administration losing patience with both Moscow and Kyiv, and what would it do next?';
    const score = matcher.matchSentence(asked, 0)[0]?.score ?? 0;
    expect(score).toBeGreaterThanOrEqual(DEFAULT_PARAMS.ledeMatchThreshold);
    expect(score).toBeLessThan(DEFAULT_PARAMS.onStoryMatchThreshold);
    const sentences = [headline, asked, ...filler];
    expect(matcher.scanPage({ title: headline, sentences }).sentences.some((s) => s.index === 1)).toBe(false);
  });

  it('matches nothing on a page the gate does not find on the story', () => {
    const title = 'Markets close higher as oil prices slip';
    expect(matcher.scanPage({ title, sentences: [title, impatience, ...filler] }).sentences).toEqual([]);
  });
});
