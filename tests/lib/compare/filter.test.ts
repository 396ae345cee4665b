import { describe, expect, it } from 'vitest';
import { filterSentences, hasFilters, NO_FILTERS, outletOptions, WordingSearch } from '../../../lib/compare/filter';
import { corpus, outletOf, vt, vtResults, PAK, PARTIALLY, BREITBART, VOICE } from '../../fixtures/panel';

const labels = new Map(corpus.points.map((p) => [p.id, p.label]));
const search = new WordingSearch(vtResults, labels);
const listed = (filters: Partial<typeof NO_FILTERS>) =>
  filterSentences(vtResults, { ...NO_FILTERS, ...filters }, search).map((l) => [l.sentence.index, l.matches.map((m) => m.articleId)]);

describe('filterSentences', () => {
  it('lists every matched sentence with all its matches when nothing is filtered', () => {
    expect(listed({})).toEqual(vtResults.map((r) => [r.index, r.matches.map((m) => m.articleId)]));
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it('keeps only one outlet’s wordings, and drops sentences it has none for', () => {
    expect(listed({ articleId: VOICE })).toEqual([
      [vt.withdraw.index, [VOICE]],
      [vt.indefinitely.index, [VOICE]],
      [vt.russiaTalks.index, [VOICE]],
    ]);
  });

  it('keeps only one kind of match', () => {
    expect(listed({ kind: 'quote' })).toEqual([
      [vt.notOurWar.index, [PARTIALLY, PARTIALLY]],
      [vt.endeavor.index, [PAK]],
    ]);
    expect(listed({ kind: 'verbatim' })).toEqual([[vt.endeavor.index, [BREITBART]]]);
    expect(listed({ kind: 'quote', articleId: BREITBART })).toEqual([]);
  });

  it('finds a spelling variant in another outlet’s wording, and lists only that wording', () => {
    // The page says "endeavor"; Breitbart says "endeavour".
    expect(listed({ query: 'endeavour' })).toEqual([[vt.endeavor.index, [BREITBART, PAK]]]);
    expect(listed({ query: 'Sergey Lavrov' })).toEqual([[vt.russiaTalks.index, [PAK, VOICE]]]);
    expect(listed({ query: 'Sumy' })).toEqual([]);
  });

  it('finds a word while it is being typed, and a name across spellings', () => {
    expect(listed({ query: 'miner' }).map(([index]) => index)).toEqual([vt.minerals.index]);
    // Pak Correspondent writes "Zelensky"; the query spells it as Partially Politics does.
    expect(listed({ query: 'Zelenskyy' })).toEqual([[vt.minerals.index, [PAK]]]);
  });

  it('does not find a word inside an unrelated longer word', () => {
    // "added" is one letter from "boarded" (Breitbart's opening sentence), which must not count.
    expect(listed({ query: 'added' }).map(([index]) => index)).not.toContain(vt.withdraw.index);
  });

  it('lists only the matching wordings when the page sentence itself does not match', () => {
    expect(listed({ query: 'Kyiv' })).toEqual([
      [vt.indefinitely.index, [BREITBART]],
      [vt.minerals.index, [PAK]],
    ]);
  });

  it('searches point labels too', () => {
    // The point's label is Partially Politics' "He added: “It’s not our war."; the page sentence says it too.
    expect(listed({ query: 'added' }).map(([index]) => index)).toEqual([vt.notOurWar.index]);
  });

  it('narrows with every word added to the query', () => {
    const one = listed({ query: 'minerals' });
    const two = listed({ query: 'minerals Thursday' });
    expect(two.length).toBeLessThanOrEqual(one.length);
    expect(two).toEqual([[vt.minerals.index, [PAK]]]);
  });

  it('combines search with outlet and kind filters', () => {
    // The page sentence is about minerals, so Breitbart's wording of the point stays listed.
    expect(listed({ query: 'minerals', articleId: BREITBART })).toEqual([[vt.minerals.index, [BREITBART]]]);
    expect(listed({ query: 'minerals', kind: 'quote' })).toEqual([]);
    expect(listed({ query: 'mineral resources', articleId: PARTIALLY })).toEqual([[vt.minerals.index, [PARTIALLY]]]);
  });
});

describe('outletOptions', () => {
  it('offers the outlets among the matches in order of first appearance', () => {
    expect(outletOptions(vtResults)).toEqual(
      [VOICE, PAK, BREITBART, PARTIALLY].map((articleId) => ({ articleId, outlet: outletOf(articleId) })),
    );
  });
});
