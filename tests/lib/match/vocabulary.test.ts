import { describe, expect, it } from 'vitest';
import { editDistance, isSpellingVariant, isVariant, Vocabulary } from '../../../lib/match/vocabulary';
import { DEFAULT_PARAMS } from '../../../lib/match/params';

const names = ['zelenskyy', 'kyiv', 'sergei', 'russia', 'lavrov', 'dmitry', 'rubio'];
const vocabulary = new Vocabulary(
  [...names, 'meloni', 'endeavor', 'withdraw', 'progress', 'start', 'window', 'place', 'leading', 'reception', 'properly', 'criticize'],
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

  it('never turns a common word into another by changing a consonant, however long the words', () => {
    expect(vocabulary.resolve('leaving', false)).toBe('leaving');
    expect(vocabulary.resolve('recession', false)).toBe('recession');
    expect(vocabulary.resolve('property', false)).toBe('property');
    // British and American spellings and typos still resolve.
    expect(vocabulary.resolve('criticise', false)).toBe('criticize');
    expect(vocabulary.resolve('progres', false)).toBe('progress');
  });

  it('does not take a name with every vowel changed for a transliteration', () => {
    expect(vocabulary.resolve('mulino', true)).toBe('mulino');
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
    expect(isVariant('mulino', 'meloni', 8)).toBe(false);
  });

  it('isSpellingVariant: what spellings and typos of one common word do, and nothing that makes another word', () => {
    for (const [a, b] of [['endeavour', 'endeavor'], ['endevor', 'endeavour'], ['defence', 'defense'], ['analyse', 'analyze'],
      ['theatre', 'theater'], ['travelled', 'traveled'], ['catalogue', 'catalog'], ['withdaw', 'withdraw'], ['secretery', 'secretary'],
      ['goverment', 'government'], ['recieve', 'receive']] as const) {
      expect(isSpellingVariant(a, b, 8), `${a}/${b}`).toBe(true);
    }
    for (const [a, b] of [['leaving', 'leading'], ['sharing', 'shaping'], ['property', 'properly'], ['analysis', 'analysts'],
      ['ministry', 'minister'], ['recession', 'reception'], ['function', 'friction'], ['expelled', 'expected'],
      ['adapted', 'adopted'], ['affect', 'effect']] as const) {
      expect(isSpellingVariant(a, b, 8), `${a}/${b}`).toBe(false);
    }
  });
});
