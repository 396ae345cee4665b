import { describe, expect, it } from 'vitest';
import { editDistance, isVariant, Vocabulary } from '../../../lib/match/vocabulary';
import { DEFAULT_PARAMS } from '../../../lib/match/params';

const names = ['zelenskyy', 'kyiv', 'sergei', 'russia', 'lavrov', 'dmitry', 'rubio'];
const vocabulary = new Vocabulary(
  [...names, 'endeavor', 'withdraw', 'progress', 'start', 'window', 'place'],
  DEFAULT_PARAMS,
  new Set(names),
);

describe('Vocabulary.resolve', () => {
  it('maps spelling variants and typos onto the corpus word', () => {
    expect(vocabulary.resolve('zelensky', true)).toBe('zelenskyy');
    expect(vocabulary.resolve('zelenskiy', true)).toBe('zelenskyy');
    expect(vocabulary.resolve('kiev', true)).toBe('kyiv');
    expect(vocabulary.resolve('sergey', true)).toBe('sergei');
    expect(vocabulary.resolve('dmitri', true)).toBe('dmitry');
    expect(vocabulary.resolve('endeavour', false)).toBe('endeavor');
    expect(vocabulary.resolve('withdaw', false)).toBe('withdraw');
    expect(vocabulary.resolve('rusia', true)).toBe('russia');
    expect(vocabulary.resolve('lavorv', true)).toBe('lavrov');
  });

  it('leaves other words alone: substrings, other names, short common words', () => {
    expect(vocabulary.resolve('wind', false)).toBe('wind');
    expect(vocabulary.resolve('progressive', false)).toBe('progressive');
    expect(vocabulary.resolve('rubin', true)).toBe('rubin');
    expect(vocabulary.resolve('stark', false)).toBe('stark');
    // A short capitalized word is a name: it may only become one of the corpus's names.
    expect(vocabulary.resolve('palace', true)).toBe('palace');
  });

  it('answers the same from its cache', () => {
    expect(vocabulary.resolve('zelenskiy', true)).toBe(vocabulary.resolve('zelenskiy', true));
  });
});

describe('isVariant and editDistance', () => {
  it('counts a swap of neighbours as one edit and gives up past the limit', () => {
    expect(editDistance('lavorv', 'lavrov', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('accepts one edit on short words, two on long ones, and vowel changes of the same consonants', () => {
    expect(isVariant('secretery', 'secretary', 8)).toBe(true);
    expect(isVariant('endevor', 'endeavour', 8)).toBe(true);
    expect(isVariant('kiev', 'kyiv', 8)).toBe(true);
    expect(isVariant('paris', 'prague', 8)).toBe(false);
  });
});
