import { describe, expect, it } from 'vitest';
import { alignWording, isSubstantive, type AlignedSegment } from '../../../lib/diff/align';

const changed = (segments: AlignedSegment[]) =>
  segments
    .filter((s) => s.op !== 'equal')
    .map((s) => ({ page: s.page, other: s.other, sameMeaning: s.sameMeaning, quiet: s.quiet, minor: s.minor }));

describe('alignWording', () => {
  it('pairs words of one lexicon family as the same thing in other words', () => {
    const segments = alignWording('The mayor may withdraw from the budget talks.', 'The mayor may walk away from the budget negotiations.');
    expect(changed(segments)).toEqual([
      { page: 'withdraw', other: 'walk away', sameMeaning: 'synonym', quiet: false, minor: false },
      { page: 'talks', other: 'negotiations', sameMeaning: 'synonym', quiet: false, minor: false },
    ]);
    expect(segments.some(isSubstantive)).toBe(false);
  });

  it('pairs other forms of one word, and a country with its capital', () => {
    const segments = alignWording('Officials in Moscow warned of a strike.', 'Officials in Russia warn of a strike.');
    expect(changed(segments)).toEqual([
      { page: 'Moscow', other: 'Russia', sameMeaning: 'synonym', quiet: false, minor: false },
      { page: 'warned', other: 'warn', sameMeaning: 'form', quiet: false, minor: false },
    ]);
  });

  it('keeps spelling quiet, function words minor, and a changed modal substantive', () => {
    const segments = alignWording('The council will abandon its programme of repairs.', 'Council may abandon the program of repairs.');
    expect(changed(segments)).toEqual([
      { page: 'The', other: '', sameMeaning: null, quiet: false, minor: true },
      { page: 'council', other: 'Council', sameMeaning: null, quiet: true, minor: false },
      { page: 'will', other: 'may', sameMeaning: null, quiet: false, minor: false },
      { page: 'its', other: 'the', sameMeaning: null, quiet: false, minor: true },
      { page: 'programme', other: 'program', sameMeaning: null, quiet: true, minor: false },
    ]);
    expect(segments.filter(isSubstantive).map((s) => s.other)).toEqual(['may']);
  });

  it('gives back both texts and where each stretch lies in them', () => {
    const page = 'Negotiators hope to reach a deal within days, the envoy said.';
    const other = 'The envoy said negotiators were optimistic about an agreement soon.';
    const segments = alignWording(page, other);
    expect(segments.map((s) => s.pageBefore + s.page).join('')).toBe(page);
    expect(segments.map((s) => s.otherBefore + s.other).join('')).toBe(other);
    for (const s of segments) {
      expect(page.slice(s.pageSpan.start, s.pageSpan.end)).toBe(s.page);
      expect(other.slice(s.otherSpan.start, s.otherSpan.end)).toBe(s.other);
    }
  });
});
