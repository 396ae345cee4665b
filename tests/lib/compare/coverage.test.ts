import { describe, expect, it } from 'vitest';
import { coverageGrid, outletCodes } from '../../../lib/compare/coverage';
import { PAGE_SOURCE_ID } from '../../../lib/compare/quotes';
import { articles, corpus, POINT, vtScan, ARTICLE_IDS, VT, PAK, PARTIALLY, BREITBART, VOICE } from '../../fixtures/panel';

describe('coverageGrid', () => {
  const grid = coverageGrid(corpus, vtScan);
  const row = (pointId: string) => grid.rows.find((r) => r.pointId === pointId)!;
  const mark = (pointId: string, columnId: string) => row(pointId).marks[grid.columns.findIndex((c) => c.id === columnId)];

  it('puts the page first, then every outlet of the corpus', () => {
    expect(grid.columns.map((c) => c.id)).toEqual([PAGE_SOURCE_ID, ...ARTICLE_IDS]);
    expect(grid.columns[0]).toMatchObject({ outlet: 'valuetainment.com', code: 'Page', isPage: true });
    expect(grid.columns.map((c) => c.code)).toEqual(['Page', 'Val', 'PC', 'PP', 'BN', 'TVN']);
  });

  it('recognizes the corpus article published at the page’s address', () => {
    expect(grid.columns.filter((c) => c.isPageArticle).map((c) => c.id)).toEqual([VT]);
  });

  it('marks who states a point and who leaves it out', () => {
    expect(mark(POINT.peskov, PARTIALLY)).toBe('states');
    expect(mark(POINT.peskov, BREITBART)).toBe('omits');
    expect(mark(POINT.notOurWar, VOICE)).toBe('omits');
    expect(mark(POINT.notOurWar, PARTIALLY)).toBe('states');
  });

  it('marks the page as stating the points its matched sentences are on', () => {
    expect(mark(POINT.withdraw, PAGE_SOURCE_ID)).toBe('states');
    expect(mark(POINT.minerals, PAGE_SOURCE_ID)).toBe('states');
    expect(mark(POINT.peskov, PAGE_SOURCE_ID)).toBe('omits');
  });

  it('lists the most widely stated points first', () => {
    expect(grid.rows[0]!.pointId).toBe(POINT.withdraw);
    expect(grid.rows[0]!.statedBy).toBe(6);
    const counts = grid.rows.map((r) => r.statedBy);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(grid.rows).toHaveLength(corpus.points.length);
  });

  it('says "unknown" for an article the point does not mention either way', () => {
    const withUserArticle = {
      ...corpus,
      articles: [...articles, { id: 'user-1', outlet: 'Pak Correspondent', url: null, title: 'Saved by the reader' }],
    };
    const g = coverageGrid(withUserArticle, null);
    expect(g.columns.map((c) => c.code)).toEqual(['Val', 'PC', 'PP', 'BN', 'TVN', 'PC2']);
    expect(g.rows.every((r) => r.marks[5] === 'unknown')).toBe(true);
    expect(g.columns.some((c) => c.isPage)).toBe(false);
  });

  it('leaves the page column out when there is no page', () => {
    expect(coverageGrid(corpus, null).columns[0]!.id).toBe(VT);
    expect(coverageGrid(corpus, null).rows.find((r) => r.pointId === POINT.reception)!.marks).toEqual([
      'omits',
      'states',
      'omits',
      'omits',
      'states',
    ]);
    expect([PAK, VOICE]).toEqual(corpus.points.find((p) => p.id === POINT.reception)!.articleIds);
  });
});

describe('outletCodes', () => {
  it('makes short unique codes', () => {
    expect(outletCodes(['Breitbart News', 'Breitbart', 'The Voice News', 'apnews.com'])).toEqual(['BN', 'Bre', 'TVN', 'apn']);
    expect(outletCodes(['Pak Correspondent', 'Pak Correspondent'])).toEqual(['PC', 'PC2']);
  });
});
