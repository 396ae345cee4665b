import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSpellingVariant, spellingKey } from '../../../lib/diff/spelling';
import { seedSentences, BREITBART, PAK, PARTIALLY, VOICE, VT } from '../../fixtures/panel';

describe('isSpellingVariant', () => {
  it.each([
    // The seeds' own pairs.
    ['endeavor', 'endeavour'],
    ['Zelensky', 'Zelenskyy'],
    ['Sergei', 'Sergey'],
    ['Kiev', 'Kyiv'],
    // British and American patterns.
    ['colour', 'color'],
    ['favourite', 'favorite'],
    ['behavioural', 'behavioral'],
    ['organisation', 'organization'],
    ['recognised', 'recognized'],
    ['analysed', 'analyzed'],
    ['centre', 'center'],
    ['theatres', 'theaters'],
    ['travelled', 'traveled'],
    ['signalled', 'signaled'],
    ['counsellor', 'counselor'],
    ['defence', 'defense'],
    ['catalogue', 'catalog'],
    ['programme', 'program'],
    ['anaemia', 'anemia'],
    ['paediatric', 'pediatric'],
    ['manoeuvre', 'maneuver'],
    ['Sánchez', 'Sanchez'],
    // Transliterated names.
    ['Zelenskiy', 'Zelenskyy'],
    ['Zelensky’s', "Zelenskyy's"],
    ['Dmitry', 'Dmitri'],
    ['Odessa', 'Odesa'],
    ['Kharkiv', 'Kharkov'],
    ['Aleksandr', 'Alexander'],
  ])('%s and %s are one word', (a, b) => {
    expect(isSpellingVariant(a, b)).toBe(true);
    expect(isSpellingVariant(b, a)).toBe(true);
  });

  it.each([
    ['four', 'for'],
    ['hour', 'hor'],
    ['prise', 'prize'],
    ['filled', 'filed'],
    ['stalled', 'staled'],
    ['heroes', 'hers'],
    ['dye', 'die'],
    ['diner', 'dinner'],
    ['or', 'and'],
    ['weeks', 'week'],
    // Names: a different ending, a different person, a short name, a possessive.
    ['Russia', 'Russian'],
    ['America', 'American'],
    ['Ukraine', 'Ukraine’s'],
    ['Boeing', 'being'],
    ['Michael', 'Michel'],
    ['Carson', 'Carlson'],
    ['Putin', 'Puton'],
    ['Lyn', 'Lin'],
    // Transliteration folds are for names: lower-case words keep y, e and doubled letters.
    ['dying', 'ding'],
    ['later', 'latter'],
  ])('%s and %s are different words', (a, b) => {
    expect(isSpellingVariant(a, b)).toBe(false);
    expect(isSpellingVariant(b, a)).toBe(false);
  });
});

describe('spellingKey', () => {
  it('is idempotent, so equal keys make an equivalence the diff can align on', () => {
    const words = [VT, PAK, PARTIALLY, BREITBART, VOICE].flatMap((id) => seedSentences(id).join(' ').split(/[^\p{L}’']+/u));
    for (const w of words) expect(spellingKey(spellingKey(w))).toBe(spellingKey(w));
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (w) => spellingKey(spellingKey(w)) === spellingKey(w)));
  });

  it('folds no two different words of the seeds together, and finds the variants they have', () => {
    const words = new Set(
      [VT, PAK, PARTIALLY, BREITBART, VOICE].flatMap((id) => seedSentences(id).join(' ').split(/[^\p{L}’']+/u)).filter((w) => w !== ''),
    );
    const byKey = new Map<string, Set<string>>();
    for (const w of words) {
      const key = spellingKey(w);
      byKey.set(key, (byKey.get(key) ?? new Set()).add(w.toLowerCase()));
    }
    expect([...byKey.values()].filter((forms) => forms.size > 1).map((forms) => [...forms].sort())).toEqual([
      ['endeavor', 'endeavour'],
    ]);
    const names = [...words].filter((w) => /^\p{Lu}/u.test(w) && !/’/u.test(w));
    const pairs = names.flatMap((a, i) =>
      names.slice(i + 1).filter((b) => a.toLowerCase() !== b.toLowerCase() && isSpellingVariant(a, b)).map((b) => [a, b].sort()),
    );
    expect(pairs.sort()).toEqual([
      ['Sergei', 'Sergey'],
      ['Zelensky', 'Zelenskyy'],
    ]);
  });
});
